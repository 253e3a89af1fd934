import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AuthCard } from "~/components/page";
import { notificationCategories, type NotificationCategory } from "~/domain/notifications";
import { unsubscribeCategory } from "~/models/notifications.server";
import { readFormData } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { readUnsubscribeToken } from "~/utils/unsubscribe.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "unsubscribe.title");

type Scope = NotificationCategory | "digest";

function parse(token: string | null): { userId: number; category: Scope } | null {
  if (!token || token.length > 300) return null;
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const category = read.category as Scope;
  return category === "digest" || notificationCategories.includes(category as NotificationCategory)
    ? { userId: read.userId, category }
    : null;
}

/** The link from an e-mail: works without logging in; a button confirms, so link scanners change nothing. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const parsed = parse(token);
  return json({ token: parsed ? token : null, category: parsed?.category ?? null });
}

/** The button, or a mail client's one-click POST (RFC 8058) with the token in the URL. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const fromForm = form.get("token");
  const parsed = parse(
    typeof fromForm === "string" ? fromForm : new URL(request.url).searchParams.get("token"),
  );
  if (!parsed) return json({ done: false as const }, { status: 400 });
  unsubscribeCategory(parsed.userId, parsed.category);
  return json({ done: true as const, category: parsed.category });
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const { token, category } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const label = (c: Scope) =>
    c === "digest" ? t("unsubscribe.digest") : t(`notify.categories.${c}`);
  if (!token || !category || result?.done === false) {
    return (
      <AuthCard title={t("unsubscribe.invalidTitle")} intro={t("unsubscribe.invalidBody")}>
        <p>
          <Link to="/settings/notifications">{t("unsubscribe.toSettings")}</Link>
        </p>
      </AuthCard>
    );
  }
  if (result?.done) {
    return (
      <AuthCard
        title={t("unsubscribe.doneTitle")}
        intro={t("unsubscribe.doneBody", { category: label(category) })}
      >
        <p>
          <Link to="/settings/notifications">{t("unsubscribe.toSettings")}</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t("unsubscribe.title")}
      intro={t("unsubscribe.intro", { category: label(category) })}
    >
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button button-primary">
          {t("unsubscribe.confirm")}
        </button>
      </Form>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
