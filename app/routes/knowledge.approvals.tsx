import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
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
import { KindBadge } from "~/components/knowledge";
import { PageHeader } from "~/components/page";
import { ApprovalSchema } from "~/forms/knowledge.server";
import { withMessages } from "~/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { approveItem, pendingApprovalsFor, returnItem } from "~/models/knowledge.server";
import { requireUser } from "~/utils/auth.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import knowledgeStyles from "~/styles/knowledge.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "knowledge.approvals.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: knowledgeStyles }];

export const handle = { messages: ["knowledge"] };
export const clientLoader = withMessages("knowledge");

/**
 * What waits for my approval: anyone signed in can be asked (an ambassador for a story written
 * on their behalf, a member for a borging draft), so the page is theirs alone and lists only
 * their own pending rows; approving someone else's row is impossible by construction.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    items: pendingApprovalsFor(user.id),
    constraint: formConstraint(ApprovalSchema),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseForm(request, ApprovalSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  const result =
    value.intent === "approve"
      ? approveItem(value.itemId, user.id)
      : returnItem(value.itemId, user.id, value.note);
  if (!result.ok) return badRequest(submission, { formErrors: ["knowledge.error.notAsked"] });
  context.publisher.notified(result.notified);
  return redirectWithToast("/knowledge/approvals", {
    key: value.intent === "approve" ? "knowledge.toast.approved" : "knowledge.toast.returned",
  });
}

function ReturnForm({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const { constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const mine = lastResult?.initialValue?.itemId === String(itemId);
  const [form, fields] = useForm<FormInput<typeof ApprovalSchema>>({
    id: `return-${itemId}`,
    lastResult: mine ? lastResult : undefined,
    constraint,
  });
  const note = fields.note;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="itemId" value={itemId} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={note.id}>{t("knowledge.approvals.note")}</label>
        <p id={`${note.id}-help`} className="field-help">
          {t("knowledge.approvals.noteHelp")}
        </p>
        <textarea
          {...getTextareaProps(note)}
          key={note.key}
          rows={3}
          aria-describedby={`${note.id}-help${note.errors?.length ? ` ${note.errorId}` : ""}`}
        />
        <ErrorList id={note.errorId} errors={note.errors} />
      </div>
      <SubmitButton
        name="intent"
        value="return"
        className="button button-secondary"
        pendingWhen={{ intent: "return", itemId }}
      >
        {t("knowledge.approvals.sendBack")}
      </SubmitButton>
    </Form>
  );
}

export default function KnowledgeApprovals() {
  const { t } = useTranslation();
  const { items } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const generalError =
    lastResult && lastResult.initialValue?.intent === "approve" ? lastResult.error?.[""] : null;
  return (
    <div className="page narrow">
      <PageHeader title={t("knowledge.approvals.title")} intro={t("knowledge.approvals.intro")} />
      <ErrorList errors={generalError ?? null} />
      {items.length === 0 ? (
        <p className="muted">{t("knowledge.approvals.empty")}</p>
      ) : (
        <ul className="card-list">
          {items.map((item) => (
            <li key={item.itemId} className="card stack" data-testid="knowledge-approval">
              <div>
                <KindBadge kind={item.kind} />
                <h2>{item.title}</h2>
                {item.createdByName ? (
                  <p className="small muted">
                    {t("knowledge.approvals.by", { name: item.createdByName })}
                  </p>
                ) : null}
                <p>{item.summary}</p>
                <p>
                  <Link to={`/knowledge/${item.slug}`}>{t("knowledge.approvals.read")}</Link>
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="itemId" value={item.itemId} />
                <SubmitButton
                  name="intent"
                  value="approve"
                  className="button button-primary"
                  pendingWhen={{ intent: "approve", itemId: item.itemId }}
                >
                  {t("knowledge.approvals.approve")}
                </SubmitButton>
              </Form>
              <ReturnForm itemId={item.itemId} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
