import { getFormProps, useForm } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, useIsPending } from "~/components/forms";
import { KindBadge, KnowledgeFields, type KnowledgeFieldSet } from "~/components/knowledge";
import { PageHeader } from "~/components/page";
import { isSlug } from "~/domain/knowledge";
import { can } from "~/domain/permissions";
import { editorInput, ItemStateSchema, KnowledgeItemSchema } from "~/forms/knowledge.server";
import { withMessages } from "~/i18n";
import { useTranslation } from "~/i18n/use-translation";
import {
  ambassadorChoices,
  approvalsOf,
  canEditItem,
  canViewItem,
  deleteDraft,
  getItemBySlug,
  isAmbassador,
  ItemStateError,
  publishItem,
  unpublishItem,
  updateItem,
} from "~/models/knowledge.server";
import { requireUser } from "~/utils/auth.server";
import {
  badRequest,
  formConstraint,
  parseFields,
  readFormData,
  type FormInput,
} from "~/utils/forms.server";
import { forbidden, notFound } from "~/utils/http.server";
import { findKnownNames } from "~/domain/anonymise";
import { circleKnownNames } from "~/models/harvest.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import knowledgeStyles from "~/styles/knowledge.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "knowledge.item.edit");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: knowledgeStyles }];

export const handle = { messages: ["knowledge"] };
export const clientLoader = withMessages("knowledge");

/**
 * The item for its editor: its author or staff. Someone who cannot even see it gets a 404 (a
 * draft of someone else does not exist for them); who can see it but not change it (a
 * published story of another ambassador, an approver) a 403.
 */
async function requireEditable(request: Request, slug: string | undefined) {
  if (!isSlug(slug)) notFound();
  const user = await requireUser(request);
  const item = getItemBySlug(slug);
  if (!item || !canViewItem(user, item)) notFound();
  if (!canEditItem(user, item)) forbidden();
  return { user, item, staff: can(user, "knowledge.manage") };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { item, staff } = await requireEditable(request, params.slug);
  return json({
    item: {
      id: item.id,
      slug: item.slug,
      title: item.title,
      kind: item.kind,
      status: item.status,
      defaults: {
        intent: "save",
        kind: item.kind,
        title: item.title,
        summary: item.summary,
        body: item.body,
        url: item.url ?? "",
        ambassadorId: item.ambassadorId ? String(item.ambassadorId) : "",
        themes: item.themes,
        sectors: item.sectors,
        lifePhases: item.lifePhases,
        sizeClasses: item.sizeClasses,
      },
    },
    approvals: approvalsOf(item.id),
    staff,
    ambassadors: staff ? ambassadorChoices() : [],
    constraint: formConstraint(KnowledgeItemSchema),
  });
}

const stateErrors = {
  published: "knowledge.error.published",
  approval: "knowledge.error.approval",
  url: "knowledge.error.urlRequired",
  not_draft: "knowledge.error.notDraft",
  not_published: "knowledge.error.notPublished",
  gone: "knowledge.error.gone",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, item, staff } = await requireEditable(request, params.slug);
  const formData = await readFormData(request);
  if (formData.get("intent") === "save") {
    if (!staff) formData.set("kind", "story");
    const submission = parseFields(formData, KnowledgeItemSchema);
    if (submission.status !== "success") return badRequest(submission);
    const input = editorInput(submission.value, user, staff, (id) => isAmbassador(id));
    if (!input)
      return badRequest(submission, {
        fieldErrors: { ambassadorId: ["knowledge.error.ambassador"] },
      });
    // A lesson from a circle stays anonymous through every edit (see the borging page).
    if (item.sourceCircleId !== null) {
      const names = circleKnownNames(item.sourceCircleId);
      const fieldErrors: Record<string, string[]> = {};
      for (const field of ["title", "summary", "body"] as const)
        if (findKnownNames(input[field], names).length > 0)
          fieldErrors[field] = ["knowledge.harvest.namesLeft"];
      if (Object.keys(fieldErrors).length > 0) return badRequest(submission, { fieldErrors });
    }
    const result = updateItem(user.id, item.id, input);
    context.publisher.notified(result.notified);
    return redirectWithToast(`/knowledge/${result.slug}/edit`, {
      key: result.unpublished ? "knowledge.toast.savedOffline" : "knowledge.toast.saved",
    });
  }
  const submission = parseFields(formData, ItemStateSchema);
  if (submission.status !== "success") return json({ state: submission.reply() }, { status: 400 });
  try {
    switch (submission.value.intent) {
      case "publish":
        publishItem(user.id, item.id);
        return redirectWithToast(`/knowledge/${item.slug}`, { key: "knowledge.toast.published" });
      case "unpublish":
        unpublishItem(user.id, item.id);
        return redirectWithToast(`/knowledge/${item.slug}/edit`, {
          key: "knowledge.toast.unpublished",
        });
      case "delete":
        deleteDraft(user.id, item.id);
        return redirectWithToast("/knowledge/manage", { key: "knowledge.toast.deleted" });
    }
  } catch (error) {
    if (error instanceof ItemStateError)
      return json(
        { state: submission.reply({ formErrors: [stateErrors[error.reason]] }) },
        { status: 400 },
      );
    throw error;
  }
}

export default function EditKnowledgeItem() {
  const { t } = useTranslation();
  const { item, approvals, staff, ambassadors, constraint } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saveResult = data && !("state" in data) ? data : undefined;
  const stateResult = data && "state" in data ? data.state : undefined;
  const busy = useIsPending({ intent: "save" });
  const publishing = useIsPending({ intent: "publish" });
  const unpublishing = useIsPending({ intent: "unpublish" });
  const deleting = useIsPending({ intent: "delete" });
  const [form, fields] = useForm<FormInput<typeof KnowledgeItemSchema>>({
    id: `knowledge-item-${item.id}`,
    lastResult: saveResult,
    constraint,
    shouldRevalidate: "onBlur",
    defaultValue: item.defaults,
  });
  const pending = approvals.filter((a) => !a.approvedAt).length;
  return (
    <div className="page narrow">
      <PageHeader
        title={t("knowledge.editor.editTitle", { title: item.title })}
        actions={
          <Link to={`/knowledge/${item.slug}`} className="button button-quiet">
            {item.status === "published"
              ? t("knowledge.editor.view")
              : t("knowledge.editor.preview")}
          </Link>
        }
      />

      <section className="card stack" aria-labelledby="knowledge-status-title">
        <h2 id="knowledge-status-title">{t("knowledge.editor.statusTitle")}</h2>
        <p>
          <KindBadge kind={item.kind} />{" "}
          <span data-testid="knowledge-status">
            {t("knowledge.editor.statusNow", { status: t(`knowledge.statuses.${item.status}`) })}
          </span>
        </p>
        <ErrorList
          errors={stateResult && "error" in stateResult ? (stateResult.error?.[""] ?? null) : null}
        />
        {approvals.length > 0 ? (
          <div className="stack">
            <h3>{t("knowledge.editor.approvalsTitle")}</h3>
            <ul className="plain-list">
              {approvals.map((a) => (
                <li key={a.userId}>
                  {a.name}:{" "}
                  <span className={a.approvedAt ? "badge badge-ok" : "badge badge-warn"}>
                    {a.approvedAt
                      ? t("knowledge.editor.approvalGiven")
                      : t("knowledge.editor.approvalPending")}
                  </span>
                </li>
              ))}
            </ul>
            {pending > 0 ? <p className="small">{t("knowledge.editor.approvalBlocks")}</p> : null}
          </div>
        ) : null}
        <div className="knowledge-state-actions">
          {item.status !== "published" ? (
            <Form method="post" className="stack">
              <p className="small">{t("knowledge.editor.publishHelp")}</p>
              <button
                type="submit"
                name="intent"
                value="publish"
                className="button button-primary"
                disabled={publishing || pending > 0}
              >
                {t("knowledge.editor.publish")}
              </button>
            </Form>
          ) : (
            <Form method="post" className="stack">
              <p className="small">{t("knowledge.editor.unpublishHelp")}</p>
              <button
                type="submit"
                name="intent"
                value="unpublish"
                className="button button-secondary"
                disabled={unpublishing}
              >
                {t("knowledge.editor.unpublish")}
              </button>
            </Form>
          )}
          {item.status === "draft" ? (
            <Form method="post" className="stack">
              <p className="small">{t("knowledge.editor.deleteHelp")}</p>
              <button
                type="submit"
                name="intent"
                value="delete"
                className="button button-danger"
                disabled={deleting}
              >
                {t("knowledge.editor.deleteDraft")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>

      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <KnowledgeFields
          fields={fields as unknown as KnowledgeFieldSet}
          staff={staff}
          ambassadors={ambassadors}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("knowledge.editor.save")}
          </button>
          <Link to="/knowledge/manage">{t("knowledge.editor.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
