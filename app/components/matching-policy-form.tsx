import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { choice } from "~/utils/validation";
import { ChoiceGroup, FormErrors } from "./forms";
import { checkSizes, PolicyFields, policyShape } from "./policy-fields";
import { useIsPending } from "~/components/forms";

export const MatchingPolicySchema = z
  .object({ ...policyShape, meetingMode: choice(["in_person", "online"] as const) })
  .superRefine(checkSizes);

export function MatchingPolicyForm({
  lastResult,
  defaultValue,
}: {
  lastResult?: SubmissionResult<string[]>;
  defaultValue: Partial<z.input<typeof MatchingPolicySchema>>;
}) {
  const { t } = useTranslation();
  const busy = useIsPending();
  const [form, fields] = useForm({
    id: "matching-policy",
    lastResult,
    constraint: getZodConstraint(MatchingPolicySchema),
    defaultValue,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MatchingPolicySchema }),
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
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t("matching.running") : t("matching.run")}
      </button>
    </Form>
  );
}
