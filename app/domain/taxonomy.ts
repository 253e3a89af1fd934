/**
 * Kringwijs's fixed vocabularies, with stable codes stored in the database and labels in both
 * languages. Labels live here rather than in the message files because they are data: matching,
 * exports and the seed use the same codes.
 */
import type { Locale } from "../i18n/locales";

export type Labelled = Record<Locale, string>;

/** CBS SBI 2008 sections, the letters KvK uses. */
export const sectors = {
  A: { nl: "Landbouw, bosbouw en visserij", en: "Agriculture, forestry and fishing" },
  B: { nl: "Delfstoffenwinning", en: "Mining and quarrying" },
  C: { nl: "Industrie", en: "Manufacturing" },
  D: { nl: "Energievoorziening", en: "Energy supply" },
  E: { nl: "Water, afval en sanering", en: "Water supply, waste and remediation" },
  F: { nl: "Bouwnijverheid", en: "Construction" },
  G: { nl: "Groot- en detailhandel", en: "Wholesale and retail trade" },
  H: { nl: "Vervoer en opslag", en: "Transport and storage" },
  I: { nl: "Horeca", en: "Accommodation and food service" },
  J: { nl: "Informatie en communicatie", en: "Information and communication" },
  K: { nl: "Financiële dienstverlening", en: "Financial services" },
  L: { nl: "Verhuur en handel van onroerend goed", en: "Real estate" },
  M: {
    nl: "Specialistische zakelijke diensten",
    en: "Professional, scientific and technical services",
  },
  N: { nl: "Verhuur en overige zakelijke diensten", en: "Administrative and support services" },
  O: { nl: "Openbaar bestuur", en: "Public administration" },
  P: { nl: "Onderwijs", en: "Education" },
  Q: { nl: "Gezondheids- en welzijnszorg", en: "Health and social care" },
  R: { nl: "Cultuur, sport en recreatie", en: "Culture, sports and recreation" },
  S: { nl: "Overige dienstverlening", en: "Other services" },
} as const satisfies Record<string, Labelled>;
export type Sector = keyof typeof sectors;
export const sectorCodes = Object.keys(sectors) as Sector[];

/** The SBI 2008 divisions (2 digits) that belong to each section. */
export const sectorDivisions: Record<Sector, readonly [number, number][]> = {
  A: [[1, 3]],
  B: [[6, 9]],
  C: [[10, 33]],
  D: [[35, 35]],
  E: [[36, 39]],
  F: [[41, 43]],
  G: [[45, 47]],
  H: [[49, 53]],
  I: [[55, 56]],
  J: [[58, 63]],
  K: [[64, 66]],
  L: [[68, 68]],
  M: [[69, 75]],
  N: [[77, 82]],
  O: [[84, 84]],
  P: [[85, 85]],
  Q: [[86, 88]],
  R: [[90, 93]],
  S: [[94, 96]],
};

export function isDivisionOf(sector: Sector, division: string): boolean {
  if (!/^\d{2}$/.test(division)) return false;
  const n = Number(division);
  return sectorDivisions[sector].some(([from, to]) => n >= from && n <= to);
}

/** Size classes after the EU SME definition, by number of employees. */
export const sizeClasses = {
  solo: { nl: "Zzp (geen personeel)", en: "Self-employed (no staff)" },
  micro: { nl: "Micro (1 tot 9)", en: "Micro (1 to 9)" },
  small: { nl: "Klein (10 tot 49)", en: "Small (10 to 49)" },
  medium: { nl: "Middelgroot (50 tot 249)", en: "Medium (50 to 249)" },
} as const satisfies Record<string, Labelled>;
export type SizeClass = keyof typeof sizeClasses;
export const sizeClassCodes = Object.keys(sizeClasses) as SizeClass[];

/** Kringwijs is for the mkb: 250 or more employees is a large company. */
export const MAX_EMPLOYEES = 249;

export function sizeClassFor(employees: number): SizeClass | null {
  if (!Number.isInteger(employees) || employees < 0 || employees > MAX_EMPLOYEES) return null;
  if (employees === 0) return "solo";
  if (employees <= 9) return "micro";
  if (employees <= 49) return "small";
  return "medium";
}

export const lifePhases = {
  starting: { nl: "Startend (idee tot 3 jaar)", en: "Starting (idea to 3 years)" },
  growing: {
    nl: "Groeiend (opschalen, groeiambitie)",
    en: "Growing (scaling up, growth ambition)",
  },
  established: { nl: "Gevestigd (stabiel, regulier mkb)", en: "Established (stable, regular SME)" },
  renewing: {
    nl: "Vernieuwend (nieuw verdienmodel, transformatie)",
    en: "Renewing (new business model, transformation)",
  },
  succession: {
    nl: "Bedrijfsopvolging (overdragen of overnemen)",
    en: "Succession (handing over or taking over)",
  },
} as const satisfies Record<string, Labelled>;
export type LifePhase = keyof typeof lifePhases;
export const lifePhaseCodes = Object.keys(lifePhases) as LifePhase[];

/** A suggestion only: the entrepreneur knows their phase better than their founding year does. */
export function suggestLifePhase(foundedYear: number, currentYear: number): LifePhase {
  return currentYear - foundedYear <= 3 ? "starting" : "established";
}

export const themes = {
  social_innovation: {
    nl: "Sociale en organisatorische innovatie",
    en: "Social and organisational innovation",
  },
  digitalisation: {
    nl: "Digitalisering en smart industry",
    en: "Digitalisation and smart industry",
  },
  people: {
    nl: "Personeel, arbeidsmarkt en leven lang ontwikkelen",
    en: "People, labour market and lifelong learning",
  },
  finance: { nl: "Financiering", en: "Finance" },
  growth: { nl: "Groei en strategie", en: "Growth and strategy" },
  succession_governance: {
    nl: "Bedrijfsopvolging en goed bestuur (familiebedrijf)",
    en: "Succession and good governance (family business)",
  },
  sustainability: {
    nl: "Duurzaamheid en circulaire economie",
    en: "Sustainability and circular economy",
  },
  international: { nl: "Internationaal ondernemen", en: "International business" },
  education: {
    nl: "Samenwerken met onderwijs en kennisinstellingen",
    en: "Working with education and research",
  },
  product_market: { nl: "Innovatie van product en markt", en: "Product and market innovation" },
} as const satisfies Record<string, Labelled>;
export type Theme = keyof typeof themes;
export const themeCodes = Object.keys(themes) as Theme[];

export const provinces = {
  GR: { nl: "Groningen", en: "Groningen" },
  FR: { nl: "Friesland", en: "Friesland" },
  DR: { nl: "Drenthe", en: "Drenthe" },
  OV: { nl: "Overijssel", en: "Overijssel" },
  FL: { nl: "Flevoland", en: "Flevoland" },
  GE: { nl: "Gelderland", en: "Gelderland" },
  UT: { nl: "Utrecht", en: "Utrecht" },
  NH: { nl: "Noord-Holland", en: "North Holland" },
  ZH: { nl: "Zuid-Holland", en: "South Holland" },
  ZE: { nl: "Zeeland", en: "Zeeland" },
  NB: { nl: "Noord-Brabant", en: "North Brabant" },
  LI: { nl: "Limburg", en: "Limburg" },
} as const satisfies Record<string, Labelled>;
export type Province = keyof typeof provinces;
export const provinceCodes = Object.keys(provinces) as Province[];

/** Day-parts in the order we offer them: evenings and early mornings first, since events during working hours are a known barrier. */
export const dayParts = {
  evening: { nl: "'s Avonds", en: "Evening" },
  early_morning: {
    nl: "Vroeg in de ochtend (ontbijtsessie)",
    en: "Early morning (breakfast session)",
  },
  morning: { nl: "Ochtend", en: "Morning" },
  afternoon: { nl: "Middag", en: "Afternoon" },
} as const satisfies Record<string, Labelled>;
export type DayPart = keyof typeof dayParts;
export const dayPartCodes = Object.keys(dayParts) as DayPart[];

export const companyRoles = {
  owner: { nl: "Eigenaar of directeur", en: "Owner or director" },
  manager: { nl: "Leidinggevende", en: "Manager" },
  employee: { nl: "Medewerker", en: "Employee" },
} as const satisfies Record<string, Labelled>;
export type CompanyRole = keyof typeof companyRoles;
export const companyRoleCodes = Object.keys(companyRoles) as CompanyRole[];

export const meetingModes = {
  in_person: { nl: "Op locatie", en: "In person" },
  online: { nl: "Online", en: "Online" },
  either: { nl: "Allebei goed", en: "Either is fine" },
} as const satisfies Record<string, Labelled>;
export type MeetingMode = keyof typeof meetingModes;
export const meetingModeCodes = Object.keys(meetingModes) as MeetingMode[];

export function label(
  table: Record<string, Labelled>,
  code: string | null | undefined,
  locale: Locale,
): string {
  return code && table[code] ? table[code][locale] : "";
}

/** A KvK number is exactly 8 digits. */
export function isValidKvkNumber(value: string): boolean {
  return /^\d{8}$/.test(value);
}

/** How a circle meets (a person's preference uses meetingModes, which adds "either"). */
export const circleModes = {
  in_person: { nl: "Op locatie", en: "In person" },
  online: { nl: "Online", en: "Online" },
  hybrid: { nl: "Afwisselend op locatie en online", en: "Alternating in person and online" },
} as const satisfies Record<string, Labelled>;
export type CircleMode = keyof typeof circleModes;
export const circleModeCodes = Object.keys(circleModes) as CircleMode[];
