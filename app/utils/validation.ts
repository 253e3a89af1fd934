import { z } from "zod";
// Before any schema below is built (see the comment there).
import "./zod-config";

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

export { splitMessage } from "./validation-messages";

const typeError = (fallback: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "validation.required" : fallback;

/** Free text that may be left empty (stored as null). */
export const optionalText = (max: number) =>
  z
    .string({ error: "validation.invalid" })
    .trim()
    .max(max, { message: `validation.tooLong|${max}` })
    .optional()
    .transform((v) => (v ? v : null));

/** One code out of a fixed list (a select or a radio group). */
export const choice = <T extends string>(codes: readonly T[]) =>
  z.enum(codes as [T, ...T[]], { error: typeError("validation.choose") });

/** Several codes out of a fixed list (a checkbox group). */
export const choices = <T extends string>(
  codes: readonly T[],
  { min = 0, max = codes.length } = {},
) => {
  const code = z.enum(codes as [T, ...T[]], { error: "validation.invalid" });
  // Nothing ticked arrives as no field at all: treat it as an empty list, then check the counts.
  return z
    .array(code, { error: "validation.invalid" })
    .optional()
    .transform((v) => v ?? [])
    .pipe(
      z
        .array(code)
        .min(min, {
          message: min === 1 ? "validation.chooseOne" : `validation.chooseAtLeast|${min}`,
        })
        .max(max, { message: `validation.chooseAtMost|${max}` }),
    );
};

export const wholeNumber = ({
  min,
  max,
  maxMessage,
}: {
  min: number;
  max: number;
  maxMessage?: string;
}) =>
  z
    .number({ error: typeError("validation.number") })
    .int({ message: "validation.wholeNumber" })
    .min(min, { message: `validation.atLeast|${min}` })
    .max(max, { message: maxMessage ?? `validation.atMost|${max}` });

/** A checkbox: conform sends "on" when ticked and nothing otherwise. */
export const checkbox = z.boolean({ error: "validation.invalid" }).default(false);

export const isoDate = z.iso.date({ error: typeError("validation.date") });

/** A positive database id from a form or URL. */
export const idField = z
  .number({ error: typeError("validation.invalid") })
  .int()
  .positive({ message: "validation.invalid" });
