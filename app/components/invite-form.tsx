import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { emailField } from "~/utils/validation";
import { Field, FormErrors } from "./forms";
import { useIsPending } from "~/components/forms";

export const InviteSchema = z.object({ intent: z.literal("invite"), email: emailField });

/** Invite an entrepreneur to a circle by e-mail address (coaches and organisers). */
export function InviteForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const busy = useIsPending();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: lastResult ?? undefined,
    constraint: getZodConstraint(InviteSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
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
