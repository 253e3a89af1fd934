import { getFormProps, useForm } from "@conform-to/react";
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
import { FormErrors, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { SupportFields, type SupportFieldSet } from "~/components/support-form";
import { SupportOrganisationSchema, organisationConstraint } from "~/forms/support.server";
import { createSupportOrganisation } from "~/models/support.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import supportStyles from "~/styles/support.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "support.form.newTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: supportStyles }];

export const handle = { messages: ["support"] };
export const clientLoader = withMessages("support");

/** Organisers add an organisation to the wegwijzer. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "support.manage");
  return json({ constraint: organisationConstraint(SupportOrganisationSchema) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "support.manage");
  const submission = await parseForm(request, SupportOrganisationSchema);
  if (submission.status !== "success") return badRequest(submission);
  createSupportOrganisation(user.id, submission.value);
  return redirectWithToast("/support", {
    key: "support.form.created",
    values: { name: submission.value.name },
  });
}

export default function NewSupportOrganisation() {
  const { t } = useTranslation();
  const { constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof SupportOrganisationSchema>>({
    id: "support-organisation",
    lastResult,
    constraint,
  });
  return (
    <div className="page narrow">
      <PageHeader title={t("support.form.newTitle")} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SupportFields fields={fields as unknown as SupportFieldSet} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("support.form.create")}
          </button>
          <Link to="/support">{t("common.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
