import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { roles } from "~/domain/states";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { changeRole, listUsers, USERS_PAGE_SIZE } from "~/models/users.server";
import { requirePermission } from "~/utils/auth.server";
import { RoleSchema } from "~/forms/admin.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "users.manage_roles");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1),
  );
  const result = listUsers({ query: query || undefined, page });
  return json({
    ...result,
    me: actor.id,
    query,
    page,
    pages: Math.max(1, Math.ceil(result.total / USERS_PAGE_SIZE)),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "users.manage_roles");
  const submission = await parseForm(request, RoleSchema);
  if (submission.status !== "success") return badRequest(submission);
  const { intent, userId, role } = submission.value;
  const result = changeRole({ actorId: actor.id, userId, role, grant: intent === "grant" });
  if (result === "not_found") return badRequest(submission, { formErrors: ["admin.userNotFound"] });
  if (result === "own_roles") return badRequest(submission, { formErrors: ["admin.ownRoles"] });
  if (result === "changed" && intent === "grant") {
    context.publisher.toUser(userId, { type: "roles.changed" });
    context.publisher.notified([userId]);
  }
  // Less access: open pages reload through their loaders, and sockets of ended sessions close.
  if (result === "changed" && intent === "revoke") context.publisher.revalidateUser(userId);
  const key = intent === "grant" ? "admin.granted" : "admin.revoked";
  return json(submission.reply(), { headers: await createToastHeaders({ key, values: { role } }) });
}

/** One role of one person, granted or revoked with a click; busy only while its own form is sent. */
function RoleToggle({
  user,
  role,
  own,
}: {
  user: { id: number; name: string; roles: readonly string[] };
  role: (typeof roles)[number];
  /** The signed-in organiser's own row: shown, not offered; another organiser has to change it. */
  own: boolean;
}) {
  const { t } = useTranslation();
  const busy = useIsPending({ userId: user.id, role });
  const has = user.roles.includes(role);
  if (own)
    return (
      <button
        type="button"
        className={has ? "role-toggle role-on" : "role-toggle"}
        aria-pressed={has}
        aria-label={`${t(`roles.${role}`)}: ${t("admin.ownRolesHint")}`}
        title={t("admin.ownRolesHint")}
        disabled
      >
        {has ? "✓" : "–"}
      </button>
    );
  const label = t(has ? "admin.revokeLabel" : "admin.grantLabel", {
    role: t(`roles.${role}`),
    name: user.name,
  });
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="role" value={role} />
      <button
        type="submit"
        name="intent"
        value={has ? "revoke" : "grant"}
        className={has ? "role-toggle role-on" : "role-toggle"}
        aria-pressed={has}
        aria-label={label}
        title={label}
        disabled={busy}
      >
        {has ? "✓" : "+"}
      </button>
    </Form>
  );
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { users, total, me, query, page, pages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(p));
    return `?${next}`;
  };
  return (
    <div className="page">
      <PageHeader
        title={t("admin.title")}
        intro={t("admin.intro")}
        actions={
          <>
            <Link to="/admin/ambassadors" className="button button-quiet">
              {t("nav.ambassadors")}
            </Link>
            <Link to="/admin/outbox" className="button button-quiet">
              {t("outboxAdmin.title")}
            </Link>
          </>
        }
      />
      <ErrorList
        errors={Object.values(actionData?.error ?? {})
          .flat()
          .filter((e): e is string => typeof e === "string")}
      />
      <Form method="get" className="search-form" role="search">
        <label htmlFor="user-search">{t("admin.search")}</label>
        <input id="user-search" type="search" name="q" defaultValue={query} maxLength={100} />
        <button type="submit" className="button button-secondary">
          {t("admin.searchSubmit")}
        </button>
      </Form>
      <p className="muted">{t("admin.count", { count: total })}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("admin.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fields.name")}</th>
              <th scope="col">{t("fields.email")}</th>
              {roles.map((r) => (
                <th scope="col" key={r}>
                  {t(`roles.${r}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.email}`}>
                <th scope="row">{u.name}</th>
                <td>
                  {u.email}{" "}
                  {u.emailVerified ? null : (
                    <span className="badge badge-warn">{t("settings.unverified")}</span>
                  )}
                </td>
                {roles.map((r) => (
                  <td key={r}>
                    <RoleToggle user={u} role={r} own={u.id === me} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("admin.pagination")}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("common.previous")}</Link> : <span />}
          <span>{t("admin.page", { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("common.next")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
