/**
 * The account forms' schemas (log in, sign up, password reset, settings, language). Server only
 * (D32): the pages get their constraint attributes from the loader, never zod itself.
 */
import { z } from "zod";
import { emailChannels, notificationCategories } from "~/domain/notifications";
import { locales } from "~/i18n/locales";
import {
  choice,
  currentPasswordField,
  emailField,
  newPasswordField,
  requiredText,
  wholeNumber,
} from "~/utils/validation";

export const LoginSchema = z.object({
  email: emailField,
  password: currentPasswordField.min(1, "validation.required"),
  redirectTo: z.string().max(2000).optional(),
});

export const SignupSchema = z.object({
  name: requiredText(100),
  email: emailField,
  password: newPasswordField,
  /** The circle page to continue to after confirming (see signupNext); anything else is dropped. */
  redirectTo: z.string().max(200).optional(),
});

export const ForgotSchema = z.object({ email: emailField });

export const ResetSchema = z
  .object({
    token: z.string({ error: "reset.invalidBody" }).max(100, "reset.invalidBody"),
    password: newPasswordField,
    confirm: z.string({ error: "validation.required" }).max(200, "validation.passwordMismatch"),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "validation.passwordMismatch",
  });

export const SettingsProfileSchema = z.object({
  intent: z.literal("profile"),
  name: requiredText(100),
  locale: z.enum(["auto", ...locales], { error: "validation.invalid" }).default("auto"),
});

export const SettingsSchema = z.discriminatedUnion(
  "intent",
  [
    SettingsProfileSchema,
    z.object({ intent: z.literal("resend-verification") }),
    z.object({ intent: z.literal("logout-everywhere") }),
  ],
  { error: "validation.invalid" },
);

export const PreferencesSchema = z.object({
  channels: z.object(
    Object.fromEntries(notificationCategories.map((c) => [c, choice(emailChannels)])) as Record<
      (typeof notificationCategories)[number],
      ReturnType<typeof choice<(typeof emailChannels)[number]>>
    >,
  ),
  digestHour: wholeNumber({ min: 0, max: 23 }),
});

export const LocaleSchema = z.object({
  locale: z.enum(locales, { error: "validation.invalid" }),
  redirectTo: z.string().max(2000).optional(),
});
