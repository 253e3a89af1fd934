import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { emailChannels, notificationCategories } from "~/domain/notifications";
import { getPreferences, savePreferences } from "~/models/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { PreferencesSchema } from "~/forms/account.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "preferences.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    preferences: getPreferences(user.id),
    constraint: formConstraint(PreferencesSchema),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseForm(request, PreferencesSchema);
  if (submission.status !== "success") return badRequest(submission);
  savePreferences(user.id, submission.value);
  return json(submission.reply(), {
    headers: await createToastHeaders({ key: "preferences.saved" }),
  });
}

export default function NotificationPreferences() {
  const { t } = useTranslation();
  const { preferences, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof PreferencesSchema>>({
    id: "preferences",
    lastResult,
    constraint,
    defaultValue: preferences,
  });
  const channelFields = fields.channels.getFieldset();
  const hours = Array.from({ length: 24 }, (_, h) => ({
    value: String(h),
    label: `${String(h).padStart(2, "0")}:00`,
  }));
  return (
    <div className="page narrow">
      <PageHeader title={t("preferences.title")} intro={t("preferences.intro")} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        {notificationCategories.map((c) => (
          <SelectField
            key={c}
            label={t(`notify.categories.${c}`)}
            field={channelFields[c]}
            options={emailChannels.map((ch) => ({
              value: ch,
              label: t(`preferences.channel.${ch}`),
            }))}
          />
        ))}
        <SelectField
          label={t("preferences.digestHour")}
          help={t("preferences.digestHelp")}
          field={fields.digestHour as never}
          options={hours}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("common.save")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
