/** The onboarding forms' schemas. Server only (D32). */
import { z } from "zod";
import {
  companyRoleCodes,
  dayPartCodes,
  isDivisionOf,
  isValidKvkNumber,
  lifePhaseCodes,
  MAX_EMPLOYEES,
  meetingModeCodes,
  provinceCodes,
  sectorCodes,
  themeCodes,
} from "~/domain/taxonomy";
import {
  checkbox,
  choice,
  choices,
  optionalText,
  requiredText,
  wholeNumber,
} from "~/utils/validation";

function buildCompanySchema(currentYear: number) {
  return z
    .object({
      name: requiredText(120),
      kvkNumber: optionalText(20).refine((v) => v === null || isValidKvkNumber(v), {
        message: "validation.kvk",
      }),
      sector: choice(sectorCodes),
      sbiDivision: optionalText(2),
      employees: wholeNumber({ min: 0, max: MAX_EMPLOYEES, maxMessage: "company.tooLarge" }),
      foundedYear: wholeNumber({
        min: 1800,
        max: currentYear,
        maxMessage: "validation.yearInFuture",
      }),
      lifePhase: choice(lifePhaseCodes),
      province: choice(provinceCodes),
      municipality: requiredText(80),
      familyBusiness: checkbox,
    })
    .superRefine((v, ctx) => {
      if (v.sbiDivision && !isDivisionOf(v.sector, v.sbiDivision))
        ctx.addIssue({ code: "custom", path: ["sbiDivision"], message: "validation.sbiDivision" });
    });
}

let companySchemaOfYear: { year: number; schema: ReturnType<typeof buildCompanySchema> } | null =
  null;

/** The company form: the founding year may not lie in the future, so the schema is per year. */
export function companySchema(currentYear = new Date().getFullYear()) {
  if (companySchemaOfYear?.year !== currentYear)
    companySchemaOfYear = { year: currentYear, schema: buildCompanySchema(currentYear) };
  return companySchemaOfYear.schema;
}

export const ProfileSchema = z.object({
  companyRole: choice(companyRoleCodes),
  themes: choices(themeCodes, { min: 1, max: 3 }),
  dayParts: choices(dayPartCodes, { min: 1 }),
  meetingMode: choice(meetingModeCodes),
  willingToHost: checkbox,
  competitorsOk: checkbox,
});

export const QuestionSchema = z.object({
  questionSituation: requiredText(1500),
  questionTried: optionalText(1500).transform((v) => v ?? ""),
  questionWish: requiredText(1000),
});

export const ReadySchema = z.object({
  ready: z.enum(["yes", "no"], { error: "validation.invalid" }),
});
