import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { InviteSchema } from "~/forms/circles.server";
import type { FormConstraint, FormInput } from "~/utils/forms.server";
import { Field, FormErrors } from "./forms";
import { useIsPending } from "~/components/forms";

/** Invite an entrepreneur to a circle by e-mail address (coaches and organisers). */
export function InviteForm({
  constraint,
  lastResult,
}: {
  constraint: FormConstraint;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof InviteSchema>>({
    id: "invite",
    lastResult: lastResult ?? undefined,
    constraint,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="invite" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t("circle.inviteEmail")}
        help={t("circle.inviteHelp")}
        field={fields.email}
        type="email"
      />
      <button type="submit" className="button button-secondary" disabled={busy}>
        {t("circle.inviteSubmit")}
      </button>
    </Form>
  );
}
