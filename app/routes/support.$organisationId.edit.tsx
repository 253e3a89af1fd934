import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { SupportFields, type SupportFieldSet } from "~/components/support-form";
import { EditSupportOrganisationSchema, organisationConstraint } from "~/forms/support.server";
import {
  deleteSupportOrganisation,
  getSupportOrganisation,
  updateSupportOrganisation,
} from "~/models/support.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { idParam, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import supportStyles from "~/styles/support.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "support.form.editTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: supportStyles }];

export const handle = { messages: ["support"] };
export const clientLoader = withMessages("support");

/** Organisers only; the permission comes before the lookup, so nobody else learns which ids exist. */
async function requireOrganisation(request: Request, param: string | undefined) {
  const user = await requirePermission(request, "support.manage");
  const organisation = getSupportOrganisation(idParam(param));
  if (!organisation) notFound();
  return { user, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, params.organisationId);
  return json({
    organisation: {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      description: organisation.description,
      url: organisation.url,
      email: organisation.email ?? "",
      phone: organisation.phone ?? "",
      provinces: organisation.provinces,
      themes: organisation.themes,
    },
    constraint: organisationConstraint(EditSupportOrganisationSchema),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisation(request, params.organisationId);
  const submission = await parseForm(request, EditSupportOrganisationSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  if (value.intent === "delete") {
    deleteSupportOrganisation(user.id, organisation.id);
    return redirectWithToast("/support", { key: "support.form.deleted" });
  }
  const { intent: _intent, ...input } = value;
  if (!updateSupportOrganisation(user.id, organisation.id, input)) notFound();
  return redirectWithToast("/support", { key: "support.form.saved" });
}

type EditInput = {
  intent?: string;
  name?: string;
  kind?: string;
  description?: string;
  url?: string;
  email?: string;
  phone?: string;
  provinces?: string[];
  themes?: string[];
  confirm?: string;
};

export default function EditSupportOrganisation() {
  const { t } = useTranslation();
  const { organisation, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const saving = useIsPending({ intent: "save" });
  const deleting = useIsPending({ intent: "delete" });
  const intent = lastResult?.initialValue?.intent;
  const [form, fields] = useForm<EditInput>({
    id: "edit-support-organisation",
    lastResult: intent === "delete" ? undefined : lastResult,
    constraint,
    defaultValue: organisation,
  });
  const [deleteForm, deleteFields] = useForm<EditInput>({
    id: "delete-support-organisation",
    lastResult: intent === "delete" ? lastResult : undefined,
  });
  const confirm = getInputProps(deleteFields.confirm, { type: "checkbox", value: "on" });
  return (
    <div className="page narrow">
      <PageHeader title={t("support.form.editTitle")} intro={organisation.name} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SupportFields fields={fields as unknown as SupportFieldSet} />
        <div className="form-actions">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button button-primary"
            disabled={saving}
          >
            {t("support.form.save")}
          </button>
          <Link to="/support">{t("common.cancel")}</Link>
        </div>
      </Form>
      <Form
        method="post"
        {...getFormProps(deleteForm)}
        className="card stack"
        aria-labelledby="delete-title"
      >
        <h2 id="delete-title">{t("support.form.deleteTitle")}</h2>
        <p className="small">{t("support.form.deleteHelp")}</p>
        <FormErrors id={deleteForm.errorId} errors={deleteForm.errors} />
        <div className="field">
          <label className="choice">
            <input {...confirm} key={confirm.key} />
            <span>{t("support.form.deleteConfirm")}</span>
          </label>
          <ErrorList id={deleteFields.confirm.errorId} errors={deleteFields.confirm.errors} />
        </div>
        <div>
          <button
            type="submit"
            name="intent"
            value="delete"
            className="button button-danger"
            disabled={deleting}
          >
            {t("support.form.delete")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
