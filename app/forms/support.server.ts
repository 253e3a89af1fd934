/**
 * The forms of contact requests and the wegwijzer. Server only (D32): messages are i18n keys,
 * shown next to their field in the page's language.
 */
import { z } from "zod";
import { formConstraint, type FormConstraint } from "~/utils/forms.server";
import { supportKinds } from "~/domain/states";
import { provinceCodes, themeCodes } from "~/domain/taxonomy";
import { choice, choices, emailField, idField, requiredText } from "~/utils/validation";

/**
 * An https address with a real host name (the same rule as a meeting's video link; written
 * here so these pages do not carry the meeting form's messages).
 */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export const CONTACT_NAME_MAX = 100;
export const CONTACT_MESSAGE_MIN = 20;
export const CONTACT_MESSAGE_MAX = 2000;
export const ANSWER_MAX = 5000;
/** More referrals than this in one answer is not a referral any more. */
export const REFERRALS_MAX = 10;
/** The honeypot's field name: a word a form-filling bot cannot resist. */
export const HONEYPOT_FIELD = "website";

/** Empty is "required", not also "too short": the first check stops the others. */
const contactMessage = z
  .string({
    error: (issue) => (issue.input === undefined ? "validation.required" : "validation.invalid"),
  })
  .trim()
  .min(1, { message: "validation.required", abort: true })
  .min(CONTACT_MESSAGE_MIN, { message: `support.error.messageTooShort|${CONTACT_MESSAGE_MIN}` })
  .max(CONTACT_MESSAGE_MAX, { message: `validation.tooLong|${CONTACT_MESSAGE_MAX}` });

/** A visitor who is not signed in gives a name and an address for the answer. */
export const AnonymousContactSchema = z.object({
  name: requiredText(CONTACT_NAME_MAX),
  email: emailField,
  message: contactMessage,
});

/** Signed in, the name and address come from the account. */
export const SignedInContactSchema = z.object({ message: contactMessage });

/** The ambassador's request page: answer (with referrals), or close without answering. */
export const ContactRequestActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("answer"),
      answer: requiredText(ANSWER_MAX),
      referredIds: z
        .array(idField, { error: "validation.invalid" })
        .max(REFERRALS_MAX, { message: `validation.chooseAtMost|${REFERRALS_MAX}` })
        .optional()
        .transform((v) => [...new Set(v ?? [])]),
    }),
    z.object({ intent: z.literal("close") }),
  ],
  { error: "validation.invalid" },
);

const optionalEmail = z
  .string({ error: "validation.invalid" })
  .trim()
  .max(254, { message: "validation.tooLong|254" })
  .pipe(z.email({ message: "validation.email" }))
  .optional()
  .transform((v) => v ?? null);

/** Digits, spaces, a leading plus, dashes and brackets: how Dutch numbers are written. */
const optionalPhone = z
  .string({ error: "validation.invalid" })
  .trim()
  .max(30, { message: "validation.tooLong|30" })
  .regex(/^\+?[0-9 ()-]{6,30}$/, { message: "support.error.phone" })
  .optional()
  .transform((v) => v ?? null);

const organisationShape = {
  name: requiredText(150),
  kind: choice(supportKinds),
  description: requiredText(2000),
  url: requiredText(500).refine(isHttpsUrl, { message: "support.error.url" }),
  email: optionalEmail,
  phone: optionalPhone,
  provinces: choices(provinceCodes),
  themes: choices(themeCodes),
};

export const SupportOrganisationSchema = z.object(organisationShape);

/** The edit page: save the changes, or delete the organisation (after ticking to confirm). */
export const EditSupportOrganisationSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("save"), ...organisationShape }),
    z.object({
      intent: z.literal("delete"),
      confirm: z.literal("on", { error: "support.error.confirmDelete" }),
    }),
  ],
  { error: "validation.invalid" },
);

export type SupportOrganisationValue = z.output<typeof SupportOrganisationSchema>;

/**
 * The constraint attributes of an organisation form. Ticking no province (national) or no theme
 * (every theme) is a valid answer, so those checkboxes are not marked required: conform would
 * otherwise put `required` on every box of the group.
 */
export function organisationConstraint(
  schema: typeof SupportOrganisationSchema | typeof EditSupportOrganisationSchema,
): FormConstraint {
  const constraint = { ...formConstraint(schema) };
  for (const name of ["provinces", "themes"]) {
    if (constraint[name]) constraint[name] = { ...constraint[name], required: false };
    if (constraint[`${name}[]`])
      constraint[`${name}[]`] = { ...constraint[`${name}[]`], required: false };
  }
  return constraint;
}

/** The directory's filters from the query string; anything unknown is ignored. */
export function supportFilterFrom(params: URLSearchParams) {
  const pick = <T extends string>(codes: readonly T[], value: string | null) =>
    codes.find((c) => c === value) ?? null;
  return {
    province: pick(provinceCodes, params.get("province")),
    theme: pick(themeCodes, params.get("theme")),
    kind: pick(supportKinds, params.get("kind")),
  };
}
