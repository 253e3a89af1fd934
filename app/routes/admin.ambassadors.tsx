import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { FeatureSchema } from "~/forms/ambassadors.server";
import { withMessages } from "~/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { listAllAmbassadors, setFeatured } from "~/models/ambassadors.server";
import { getUserById } from "~/models/users.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import ambassadorsCss from "~/styles/ambassadors.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ambassadors.admin.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: ambassadorsCss }];

export const handle = { messages: ["ambassadors"] };
export const clientLoader = withMessages("ambassadors");

/** Organisers: every ambassador, published or not, and featuring on the landing page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ambassadors.feature");
  return json({ ambassadors: listAllAmbassadors() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ambassadors.feature");
  const submission = await parseForm(request, FeatureSchema);
  if (submission.status !== "success") return badRequest(submission);
  const { intent, userId } = submission.value;
  const result = setFeatured(user.id, userId, intent === "feature");
  if (result === "not_found") notFound();
  const name = getUserById(userId)?.name ?? "";
  return redirectWithToast("/admin/ambassadors", {
    key:
      intent === "feature"
        ? "ambassadors.admin.featuredToast"
        : "ambassadors.admin.unfeaturedToast",
    values: { name },
  });
}

export default function AdminAmbassadors() {
  const { t } = useTranslation();
  const { ambassadors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors =
    actionData && "error" in actionData && actionData.error
      ? Object.values(actionData.error)
          .flat()
          .filter((e): e is string => typeof e === "string")
      : [];
  return (
    <div className="page">
      <PageHeader
        title={t("ambassadors.admin.title")}
        intro={t("ambassadors.admin.intro")}
        actions={
          <Link to="/admin/users" className="button button-quiet">
            {t("ambassadors.admin.users")}
          </Link>
        }
      />
      <p className="muted">{t("ambassadors.admin.grantHint")}</p>
      <ErrorList errors={errors} />
      {ambassadors.length === 0 ? (
        <p className="card">{t("ambassadors.admin.none")}</p>
      ) : (
        <div className="card table-wrap">
          <table className="table amb-admin-table">
            <thead>
              <tr>
                <th scope="col">{t("ambassadors.admin.name")}</th>
                <th scope="col">{t("ambassadors.admin.status")}</th>
                <th scope="col">{t("ambassadors.admin.landing")}</th>
                <th scope="col">{t("ambassadors.admin.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {ambassadors.map((a) => {
                const featured = a.featuredAt !== null;
                return (
                  <tr key={a.userId} data-testid="ambassador-row">
                    <th scope="row">
                      {a.slug && a.published ? (
                        <Link to={`/ambassadors/${a.slug}`}>{a.name}</Link>
                      ) : (
                        a.name
                      )}
                      {a.headline ? (
                        <div className="muted small amb-row-headline">{a.headline}</div>
                      ) : null}
                    </th>
                    <td>
                      {a.slug === null ? (
                        <span className="badge">{t("ambassadors.admin.noProfile")}</span>
                      ) : a.published ? (
                        <span className="badge badge-ok">{t("ambassadors.admin.online")}</span>
                      ) : (
                        <span className="badge badge-warn">{t("ambassadors.admin.offline")}</span>
                      )}
                    </td>
                    <td>
                      {featured
                        ? t("ambassadors.admin.featured")
                        : t("ambassadors.admin.notFeatured")}
                      {featured && !a.published ? (
                        <div className="muted small">{t("ambassadors.admin.featuredHidden")}</div>
                      ) : null}
                    </td>
                    <td>
                      <div className="amb-actions">
                        {a.slug !== null ? (
                          <Form method="post">
                            <input type="hidden" name="userId" value={a.userId} />
                            <SubmitButton
                              name="intent"
                              value={featured ? "unfeature" : "feature"}
                              pendingWhen={{ userId: a.userId }}
                              className="button button-secondary"
                              aria-label={
                                featured
                                  ? t("ambassadors.admin.unfeatureLabel", { name: a.name })
                                  : t("ambassadors.admin.featureLabel", { name: a.name })
                              }
                            >
                              {featured
                                ? t("ambassadors.admin.unfeature")
                                : t("ambassadors.admin.feature")}
                            </SubmitButton>
                          </Form>
                        ) : null}
                        {a.slug !== null ? (
                          <Link to={`/ambassadors/${a.slug}/card`}>
                            {t("ambassadors.admin.card")}
                          </Link>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
