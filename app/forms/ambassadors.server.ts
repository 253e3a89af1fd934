/**
 * The ambassador pages' form schemas. Server only (D32).
 */
import { z } from "zod";
import { ambassadorOffers, profileFields } from "~/domain/states";
import {
  lifePhaseCodes,
  provinceCodes,
  sectorCodes,
  sizeClassCodes,
  themeCodes,
} from "~/domain/taxonomy";
import { checkbox, choices, idField, optionalText } from "~/utils/validation";

export const HEADLINE_MAX = 140;
export const COMPANY_MAX = 120;
export const BIO_MAX = 4000;
export const AVAILABILITY_MAX = 300;
export const THEMES_MAX = 4;

/** An optional code: empty is "not set" (null); anything not in the list is refused. */
const optionalChoice = <T extends string>(codes: readonly T[]) =>
  z
    .string({ error: "validation.invalid" })
    .optional()
    .refine((v) => !v || (codes as readonly string[]).includes(v), "validation.choose")
    .transform((v) => (v ? (v as T) : null));

export const ProfileSchema = z.object({
  headline: optionalText(HEADLINE_MAX).transform((v) => v ?? ""),
  companyName: optionalText(COMPANY_MAX).transform((v) => v ?? ""),
  sector: optionalChoice(sectorCodes),
  sizeClass: optionalChoice(sizeClassCodes),
  lifePhase: optionalChoice(lifePhaseCodes),
  province: optionalChoice(provinceCodes),
  themes: choices(themeCodes, { max: THEMES_MAX }),
  bio: optionalText(BIO_MAX).transform((v) => v ?? ""),
  offers: choices(ambassadorOffers),
  availability: optionalText(AVAILABILITY_MAX).transform((v) => v ?? ""),
  publicFields: choices(profileFields),
  published: checkbox,
});

/** The photo form: upload (the file is read apart from the fields) or remove. */
export const PhotoIntentSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("upload") }), z.object({ intent: z.literal("remove") })],
  { error: "validation.invalid" },
);

/** The hub's quick switch. */
export const PublishSchema = z.object({ intent: z.literal("publish"), published: checkbox });

/** The organisers' page: feature or unfeature one ambassador. */
export const FeatureSchema = z.object({
  intent: z.enum(["feature", "unfeature"], { error: "validation.invalid" }),
  userId: idField,
});
