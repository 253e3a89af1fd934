import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { getMembership } from "~/models/circles.server";
import { acceptHouseRules } from "~/models/memberships.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { readFormData } from "~/utils/forms.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import { useIsPending } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "circle.houseRules");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, circle } = await requireCircle(
    request,
    params.circleId,
    "circle.accept_house_rules",
  );
  const membership = getMembership(circle.id, user!.id);
  return json({
    circle: { id: circle.id, name: circle.name },
    houseRulesHtml: renderMarkdown(circle.houseRules),
    acceptedAt: membership?.houseRulesAcceptedAt ?? null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, circle } = await requireCircle(
    request,
    params.circleId,
    "circle.accept_house_rules",
  );
  await readFormData(request);
  acceptHouseRules(user!.id, circle.id);
  return redirectWithToast(`/circles/${circle.id}/home`, { key: "circle.houseRulesAccepted" });
}

export default function HouseRules() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, houseRulesHtml, acceptedAt } = useLoaderData<typeof loader>();
  const busy = useIsPending();
  return (
    <div className="page narrow">
      <PageHeader
        title={t("circle.houseRulesTitle", { circle: circle.name })}
        intro={t("circle.houseRulesIntro")}
      />
      <section className="card stack">
        <div className="prose" dangerouslySetInnerHTML={{ __html: houseRulesHtml }} />
        {acceptedAt ? (
          <p className="notice notice-success">
            {t("circle.houseRulesAcceptedOn", { date: formatDateTime(acceptedAt, locale) })}
          </p>
        ) : (
          <Form method="post">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("circle.acceptHouseRules")}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
