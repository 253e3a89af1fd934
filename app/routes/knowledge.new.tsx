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
import { FormErrors, useIsPending } from "~/components/forms";
import { KnowledgeFields, type KnowledgeFieldSet } from "~/components/knowledge";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { editorInput, KnowledgeItemSchema } from "~/forms/knowledge.server";
import { withMessages } from "~/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { ambassadorChoices, createItem, isAmbassador } from "~/models/knowledge.server";
import { requireUser } from "~/utils/auth.server";
import {
  badRequest,
  formConstraint,
  parseFields,
  readFormData,
  type FormInput,
} from "~/utils/forms.server";
import { forbidden } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import knowledgeStyles from "~/styles/knowledge.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "knowledge.editor.newTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: knowledgeStyles }];

export const handle = { messages: ["knowledge"] };
export const clientLoader = withMessages("knowledge");

/** Ambassadors write their own stories; coaches and organisers add anything (knowledge.manage). */
async function requireWriter(request: Request) {
  const user = await requireUser(request);
  const staff = can(user, "knowledge.manage");
  if (!staff && !can(user, "ambassador.own")) forbidden();
  return { user, staff };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff } = await requireWriter(request);
  return json({
    staff,
    ambassadors: staff ? ambassadorChoices() : [],
    constraint: formConstraint(KnowledgeItemSchema),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, staff } = await requireWriter(request);
  const formData = await readFormData(request);
  // An ambassador always writes a story: the kind is not theirs to pick (nor checked as another).
  if (!staff) formData.set("kind", "story");
  const submission = parseFields(formData, KnowledgeItemSchema);
  if (submission.status !== "success") return badRequest(submission);
  const input = editorInput(submission.value, user, staff, (id) => isAmbassador(id));
  if (!input)
    return badRequest(submission, {
      fieldErrors: { ambassadorId: ["knowledge.error.ambassador"] },
    });
  const { slug, notified } = createItem(user.id, input);
  context.publisher.notified(notified);
  return redirectWithToast(`/knowledge/${slug}/edit`, { key: "knowledge.toast.created" });
}

export default function NewKnowledgeItem() {
  const { t } = useTranslation();
  const { staff, ambassadors, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof KnowledgeItemSchema>>({
    id: "new-knowledge-item",
    lastResult,
    constraint,
    shouldRevalidate: "onBlur",
    defaultValue: { kind: "story" },
  });
  return (
    <div className="page narrow">
      <PageHeader
        title={staff ? t("knowledge.editor.newTitle") : t("knowledge.editor.newStory")}
        intro={t("knowledge.editor.newIntro")}
      />
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
            {t("knowledge.editor.create")}
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
