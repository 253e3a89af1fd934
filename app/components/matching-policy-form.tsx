import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { MatchingPolicySchema } from "~/forms/programmes.server";
import type { FormConstraint, FormInput } from "~/utils/forms.server";
import { ChoiceGroup, FormErrors } from "./forms";
import { PolicyFields } from "./policy-fields";
import { useIsPending } from "~/components/forms";

export function MatchingPolicyForm({
  constraint,
  lastResult,
  defaultValue,
  running = false,
}: {
  constraint: FormConstraint;
  lastResult?: SubmissionResult<string[]>;
  defaultValue: Partial<FormInput<typeof MatchingPolicySchema>>;
  /** A run is going: the button waits (the server refuses a second run anyway). */
  running?: boolean;
}) {
  const { t } = useTranslation();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof MatchingPolicySchema>>({
    id: "matching-policy",
    lastResult,
    constraint,
    defaultValue,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <ChoiceGroup
        type="radio"
        legend={t("matching.meetingMode")}
        field={fields.meetingMode}
        options={[
          { value: "in_person", label: t("matching.inPerson") },
          { value: "online", label: t("matching.online") },
        ]}
      />
      <PolicyFields fields={fields as never} />
      <button type="submit" className="button button-primary" disabled={busy || running}>
        {busy || running ? t("matching.running") : t("matching.run")}
      </button>
    </Form>
  );
}
