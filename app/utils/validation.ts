import { z } from "zod";

// zod 4 probes `new Function` to compile validators, which our CSP (no 'unsafe-eval') reports as a
// violation in the browser. Every form imports this module, so this runs before any schema is built.
z.config({ jitless: true });

/**
 * Field schemas shared by client and server. Messages are i18n keys; the form components
 * translate them, so a validation error reads in the page's language.
 */
export const requiredText = (max: number) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? "validation.required" : "validation.invalid"),
    })
    .trim()
    .min(1, "validation.required")
    .max(max, { message: `validation.tooLong|${max}` });

export const emailField = z
  .string({
    error: (issue) => (issue.input === undefined ? "validation.required" : "validation.invalid"),
  })
  .trim()
  .max(254, { message: "validation.tooLong|254" })
  .pipe(z.email({ message: "validation.email" }));

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const newPasswordField = z
  .string({
    error: (issue) => (issue.input === undefined ? "validation.required" : "validation.invalid"),
  })
  .min(PASSWORD_MIN, { message: `validation.passwordTooShort|${PASSWORD_MIN}` })
  .max(PASSWORD_MAX, { message: `validation.tooLong|${PASSWORD_MAX}` });

export const currentPasswordField = z
  .string({
    error: (issue) => (issue.input === undefined ? "validation.required" : "validation.invalid"),
  })
  .max(PASSWORD_MAX, { message: `validation.tooLong|${PASSWORD_MAX}` });

/** "key|value" → the key and its single interpolation value (a length or a count). */
export function splitMessage(message: string): { key: string; count?: number } {
  const [key = message, value] = message.split("|");
  return value === undefined ? { key } : { key, count: Number(value) };
}
