/**
 * The demo data behind db/seed.ts: hand-written people, a deterministic generator for the rest
 * of the entrepreneurs, and the programmes and circles. Pure data and pure functions; the seed
 * does the writing. Everything that varies comes from a PRNG with a fixed seed, so every run and
 * every machine produces the same people.
 */
import type { MembershipState, Role } from "../app/domain/states";
import {
  isDivisionOf,
  isValidKvkNumber,
  sizeClassFor,
  type CompanyRole,
  type DayPart,
  type LifePhase,
  type Province,
  type Sector,
  type Theme,
} from "../app/domain/taxonomy";

export type CompanySeed = {
  name: string;
  kvkNumber: string | null;
  sector: Sector;
  sbiDivision: string | null;
  employees: number;
  foundedYear: number;
  lifePhase: LifePhase;
  province: Province;
  municipality: string;
  familyBusiness: boolean;
};

export type ProfileSeed = {
  companyRole: CompanyRole;
  themes: Theme[];
  dayParts: DayPart[];
  meetingMode: "in_person" | "online" | "either";
  willingToHost: boolean;
  questionSituation: string;
  questionTried: string;
  questionWish: string;
  readyToMatch: boolean;
};

export type PersonSeed = {
  name: string;
  email: string;
  roles: Role[];
  company?: CompanySeed;
  profile?: ProfileSeed;
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.

/** mulberry32: a tiny, well-distributed 32-bit PRNG; the same seed gives the same sequence. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    weighted<T extends string>(weights: Partial<Record<T, number>>): T {
      const entries = Object.entries(weights) as [T, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
  };
}
export type Prng = ReturnType<typeof prng>;

/** FNV-1a, to derive a stable tie-breaker from a string. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// ---------------------------------------------------------------------------------------------
// Geography.

export const municipalities: Record<Province, string[]> = {
  GR: ["Groningen", "Midden-Groningen", "Westerkwartier", "Het Hogeland", "Veendam"],
  FR: ["Leeuwarden", "Súdwest-Fryslân", "Heerenveen", "Smallingerland", "De Fryske Marren"],
  DR: ["Assen", "Emmen", "Hoogeveen", "Meppel", "Coevorden"],
  OV: [
    "Enschede",
    "Hengelo",
    "Almelo",
    "Zwolle",
    "Deventer",
    "Kampen",
    "Hardenberg",
    "Raalte",
    "Rijssen-Holten",
    "Oldenzaal",
    "Twenterand",
    "Hof van Twente",
    "Tubbergen",
    "Haaksbergen",
    "Olst-Wijhe",
  ],
  FL: ["Almere", "Lelystad", "Dronten", "Noordoostpolder"],
  GE: [
    "Arnhem",
    "Nijmegen",
    "Apeldoorn",
    "Ede",
    "Doetinchem",
    "Winterswijk",
    "Zutphen",
    "Tiel",
    "Harderwijk",
    "Barneveld",
    "Oost Gelre",
    "Aalten",
    "Berkelland",
    "West Betuwe",
  ],
  UT: ["Utrecht", "Amersfoort", "Veenendaal", "Nieuwegein", "Woerden"],
  NH: ["Amsterdam", "Haarlem", "Alkmaar", "Hoorn", "Zaanstad"],
  ZH: ["Rotterdam", "Den Haag", "Leiden", "Dordrecht", "Gouda", "Westland"],
  ZE: ["Middelburg", "Goes", "Terneuzen", "Vlissingen"],
  NB: [
    "Eindhoven",
    "Tilburg",
    "Breda",
    "'s-Hertogenbosch",
    "Helmond",
    "Oss",
    "Veldhoven",
    "Roosendaal",
    "Waalwijk",
    "Meierijstad",
    "Best",
  ],
  LI: ["Venlo", "Maastricht", "Roermond", "Weert", "Heerlen", "Venray"],
};

// ---------------------------------------------------------------------------------------------
// Staff, ambassadors and the hand-written entrepreneurs (their e-mails are used by tests and the
// README: keep them).

export const staff: PersonSeed[] = [
  { name: "Marieke Bosman", email: "organisator@kringwijs.test", roles: ["organiser"] },
  { name: "Joost Verhoeven", email: "joost.verhoeven@kringwijs.test", roles: ["organiser"] },
  { name: "Anouk de Wit", email: "coach@kringwijs.test", roles: ["coach"] },
  { name: "Ruud Hendriks", email: "ruud.hendriks@kringwijs.test", roles: ["coach"] },
  { name: "Fatima El Amrani", email: "fatima.elamrani@kringwijs.test", roles: ["coach"] },
];

export const ambassadors: PersonSeed[] = [
  {
    name: "Henk Wolters",
    email: "ambassadeur@kringwijs.test",
    roles: ["entrepreneur", "ambassador"],
    company: {
      name: "Wolters Metaalbewerking",
      kvkNumber: "06041978",
      sector: "C",
      sbiDivision: "25",
      employees: 34,
      foundedYear: 1978,
      lifePhase: "renewing",
      province: "OV",
      municipality: "Hengelo",
      familyBusiness: true,
    },
    profile: {
      companyRole: "owner",
      themes: ["social_innovation", "people"],
      dayParts: ["evening", "early_morning"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "Wolters Metaalbewerking is een familiebedrijf in Hengelo met 34 mensen. Sinds de pilotkring starten de teams in de werkplaats de dag samen en plannen ze grotendeels zelf het werk.",
      questionTried:
        "We hebben de teamleiders een training gegeven en de planning bij de teams gelegd. In de productie werkt dat, maar op kantoor en in de werkvoorbereiding nog niet.",
      questionWish:
        "Ik wil leren hoe je zelforganisatie volhoudt als de orderportefeuille vol zit en de druk oploopt, en hoe andere ondernemers hun middenkader daarin meenemen.",
      readyToMatch: true,
    },
  },
  {
    name: "Sanne Kuipers",
    email: "sanne.kuipers@kringwijs.test",
    roles: ["entrepreneur", "ambassador"],
    company: {
      name: "Kuipers Zorgtechniek",
      kvkNumber: "09112012",
      sector: "C",
      sbiDivision: "32",
      employees: 18,
      foundedYear: 2012,
      lifePhase: "growing",
      province: "GE",
      municipality: "Nijmegen",
      familyBusiness: false,
    },
    profile: {
      companyRole: "owner",
      themes: ["product_market", "education", "international"],
      dayParts: ["afternoon", "evening"],
      meetingMode: "either",
      willingToHost: true,
      questionSituation:
        "Kuipers Zorgtechniek ontwikkelt hulpmiddelen voor de thuiszorg, zoals slimme tilhulpen. We groeien snel en krijgen steeds meer vragen uit Duitsland en België.",
      questionTried:
        "We werken samen met een hogeschool aan prototypes en hebben een eerste distributeur in Duitsland. Onze ontwikkelaars zitten vol, en stagiairs vertrekken vaak na een half jaar weer.",
      questionWish:
        "Ik wil van andere ondernemers horen hoe je een samenwerking met een hogeschool structureel maakt, zodat studenten blijven en wij er kennis aan overhouden.",
      readyToMatch: true,
    },
  },
  {
    name: "Bart Nijhuis",
    email: "bart.nijhuis@kringwijs.test",
    roles: ["entrepreneur", "ambassador"],
    company: {
      name: "Nijhuis Familiebakkerij",
      kvkNumber: "08191921",
      sector: "C",
      sbiDivision: "10",
      employees: 42,
      foundedYear: 1921,
      lifePhase: "succession",
      province: "GE",
      municipality: "Winterswijk",
      familyBusiness: true,
    },
    profile: {
      companyRole: "owner",
      themes: ["succession_governance", "people"],
      dayParts: ["evening", "afternoon"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "Ik heb de bakkerij drie jaar geleden overgenomen van mijn vader; ik ben de vierde generatie. We hebben vier winkels in de Achterhoek en leveren aan supermarkten in de regio.",
      questionTried:
        "We hebben met een adviseur een familiestatuut opgesteld en een raad van advies ingesteld. Mijn vader komt nog elke ochtend in de bakkerij, en dat geeft soms wrijving met het personeel.",
      questionWish:
        "Ik wil met andere opvolgers bespreken hoe je je eigen koers vaart zonder de vorige generatie voor het hoofd te stoten, en hoe je dat aan je mensen uitlegt.",
      readyToMatch: true,
    },
  },
];

type NamedEntrepreneur = [name: string, email: string, company: CompanySeed, profile: ProfileSeed];

const named: NamedEntrepreneur[] = [
  [
    "Lotte van Dijk",
    "ondernemer@kringwijs.test",
    {
      name: "Van Dijk Installatietechniek",
      kvkNumber: "06231994",
      sector: "F",
      sbiDivision: "43",
      employees: 14,
      foundedYear: 1994,
      lifePhase: "renewing",
      province: "OV",
      municipality: "Enschede",
      familyBusiness: true,
    },
    {
      companyRole: "owner",
      themes: ["social_innovation", "people", "sustainability"],
      dayParts: ["evening", "early_morning"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "We zijn een installatiebedrijf in Enschede met veertien monteurs; ik heb het in 2019 van mijn vader overgenomen. De vraag verschuift van cv-ketels naar warmtepompen en onderhoudscontracten, en dat verandert hoe we het werk organiseren.",
      questionTried:
        "We hebben twee monteurs laten omscholen en een planner aangenomen. Toch lopen de planning en het overleg tussen binnendienst en monteurs nog steeds vast, vooral op maandag.",
      questionWish:
        "Ik wil leren hoe andere ondernemers hun mensen meer eigen verantwoordelijkheid geven, zonder dat ik zelf overal bovenop hoef te zitten.",
      readyToMatch: true,
    },
  ],
  [
    "Mehmet Yilmaz",
    "mehmet.yilmaz@kringwijs.test",
    {
      name: "Yilmaz Transport",
      kvkNumber: "17352004",
      sector: "H",
      sbiDivision: "49",
      employees: 23,
      foundedYear: 2004,
      lifePhase: "growing",
      province: "NB",
      municipality: "Tilburg",
      familyBusiness: true,
    },
    {
      companyRole: "owner",
      themes: ["people", "digitalisation"],
      dayParts: ["evening"],
      meetingMode: "either",
      willingToHost: false,
      questionSituation:
        "Yilmaz Transport rijdt met 23 vrachtwagens voor groothandels in Brabant. Werk is er genoeg, maar we vinden te weinig chauffeurs.",
      questionTried:
        "We betalen boven de cao, geven een wervingsbonus en werken samen met het UWV. Nieuwe chauffeurs vertrekken vaak binnen een jaar.",
      questionWish:
        "Ik wil weten hoe andere ondernemers in de logistiek mensen aan zich binden, en of een planningssysteem de ritten eerlijker kan verdelen.",
      readyToMatch: true,
    },
  ],
  [
    "Eva Jansen",
    "eva.jansen@kringwijs.test",
    {
      name: "Studio Jansen Interieur",
      kvkNumber: "84412024",
      sector: "M",
      sbiDivision: "74",
      employees: 0,
      foundedYear: 2024,
      lifePhase: "starting",
      province: "OV",
      municipality: "Hengelo",
      familyBusiness: false,
    },
    {
      companyRole: "owner",
      themes: ["growth", "people"],
      dayParts: ["evening", "morning"],
      meetingMode: "either",
      willingToHost: false,
      questionSituation:
        "Ik ben als zelfstandig interieurontwerper begonnen en werk vooral voor winkels en horeca in Twente. Het werk groeit me boven het hoofd.",
      questionTried:
        "Ik besteed het tekenwerk uit aan een collega-zzp'er, maar de afstemming kost me veel tijd en de kwaliteit wisselt.",
      questionWish:
        "Ik wil een onderbouwde keuze maken: zelf iemand in dienst nemen of een vast netwerk van zzp'ers opbouwen.",
      readyToMatch: true,
    },
  ],
  [
    "Pieter Smit",
    "pieter.smit@kringwijs.test",
    {
      name: "Smit Agro Twente",
      kvkNumber: "06181962",
      sector: "A",
      sbiDivision: "01",
      employees: 6,
      foundedYear: 1962,
      lifePhase: "succession",
      province: "OV",
      municipality: "Tubbergen",
      familyBusiness: true,
    },
    {
      companyRole: "owner",
      themes: ["succession_governance", "sustainability"],
      dayParts: ["evening"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "Wij hebben een melkveebedrijf met een eigen zuivelverwerking in Tubbergen. Mijn zoon wil het bedrijf over vijf jaar overnemen; mijn dochter werkt er parttime.",
      questionTried:
        "Met de accountant hebben we de financiële kant van de overdracht doorgerekend. Over wie wat gaat doen praten we aan de keukentafel, en daar komen we niet uit.",
      questionWish:
        "Ik wil van andere familiebedrijven horen hoe zij de overdracht hebben aangepakt en hoe ze de kinderen die niet in het bedrijf werken erbij betrekken.",
      readyToMatch: true,
    },
  ],
  [
    "Ingrid Mulder",
    "ingrid.mulder@kringwijs.test",
    {
      name: "Mulder Kinderopvang",
      kvkNumber: "08262009",
      sector: "Q",
      sbiDivision: "88",
      employees: 27,
      foundedYear: 2009,
      lifePhase: "established",
      province: "OV",
      municipality: "Raalte",
      familyBusiness: false,
    },
    {
      companyRole: "owner",
      themes: ["people", "social_innovation"],
      dayParts: ["early_morning", "evening"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "Mulder Kinderopvang heeft drie locaties in Salland met 27 pedagogisch medewerkers. Het verzuim is hoog en invalkrachten zijn bijna niet te vinden.",
      questionTried:
        "We hebben een vaste invalpool opgezet en maken de roosters een maand vooruit. Dat helpt een beetje, maar de werkdruk blijft en twee ervaren medewerkers overwegen te stoppen.",
      questionWish:
        "Ik wil leren hoe andere werkgevers hun mensen laten meedenken over roosters en ontwikkeling, zodat ze blijven.",
      readyToMatch: true,
    },
  ],
  [
    "Dennis Bakker",
    "dennis.bakker@kringwijs.test",
    {
      name: "Bakker Bouw & Renovatie",
      kvkNumber: "20542011",
      sector: "F",
      sbiDivision: "41",
      employees: 9,
      foundedYear: 2011,
      lifePhase: "growing",
      province: "NB",
      municipality: "Breda",
      familyBusiness: false,
    },
    {
      companyRole: "owner",
      themes: ["digitalisation", "growth"],
      dayParts: ["evening", "early_morning"],
      meetingMode: "in_person",
      willingToHost: false,
      questionSituation:
        "Wij verbouwen en renoveren woningen in de regio Breda, met negen vaste mensen en een flexibele schil van zzp'ers. Offertes en planning doe ik nog grotendeels zelf, 's avonds.",
      questionTried:
        "Ik heb een online planningsprogramma geprobeerd, maar de mannen op de bouw vulden het niet in. Na drie maanden zijn we teruggegaan naar het whiteboard.",
      questionWish:
        "Ik wil zien hoe vergelijkbare bouwbedrijven digitaal werken, en wat ervoor zorgt dat de mensen op de bouw het ook echt gebruiken.",
      readyToMatch: true,
    },
  ],
  [
    "Yvonne de Graaf",
    "yvonne.degraaf@kringwijs.test",
    {
      name: "De Graaf Accountancy",
      kvkNumber: "08331999",
      sector: "M",
      sbiDivision: "69",
      employees: 11,
      foundedYear: 1999,
      lifePhase: "renewing",
      province: "OV",
      municipality: "Deventer",
      familyBusiness: false,
    },
    {
      companyRole: "owner",
      themes: ["people", "digitalisation"],
      dayParts: ["early_morning", "morning"],
      meetingMode: "either",
      willingToHost: true,
      questionSituation:
        "Ons accountantskantoor in Deventer telt elf medewerkers. Door automatisering verschuift het werk van boekhouden naar adviseren, en niet iedereen gaat daarin mee.",
      questionTried:
        "Iedereen heeft een cursus adviesvaardigheden gevolgd en we werken met persoonlijke ontwikkelplannen. In de praktijk blijft het vaak bij papier.",
      questionWish:
        "Ik wil met andere ondernemers uitwisselen hoe je leren een vast onderdeel van het werk maakt, in plaats van iets wat erbij komt.",
      readyToMatch: true,
    },
  ],
  [
    "Koen Visser",
    "koen.visser@kringwijs.test",
    {
      name: "Visser Softwareontwikkeling",
      kvkNumber: "65102016",
      sector: "J",
      sbiDivision: "62",
      employees: 7,
      foundedYear: 2016,
      lifePhase: "growing",
      province: "OV",
      municipality: "Zwolle",
      familyBusiness: false,
    },
    {
      companyRole: "owner",
      themes: ["social_innovation", "growth"],
      dayParts: ["evening", "afternoon"],
      meetingMode: "either",
      willingToHost: true,
      questionSituation:
        "We bouwen maatwerksoftware voor mkb-bedrijven in de regio Zwolle, met zeven ontwikkelaars. Iedereen werkt deels thuis en het wordt lastiger om echt als team te werken.",
      questionTried:
        "We hebben vaste kantoordagen ingevoerd en een wekelijkse demo. De sfeer is goed, maar beslissingen blijven bij mij liggen.",
      questionWish:
        "Ik wil leren hoe je een klein team zelfstandiger maakt zonder het overzicht te verliezen, en hoe je dat volhoudt als je groeit.",
      readyToMatch: true,
    },
  ],
  [
    "Natasha Pinas",
    "natasha.pinas@kringwijs.test",
    {
      name: "Pinas Schoonmaakdiensten",
      kvkNumber: "60872014",
      sector: "N",
      sbiDivision: "81",
      employees: 38,
      foundedYear: 2014,
      lifePhase: "growing",
      province: "ZH",
      municipality: "Rotterdam",
      familyBusiness: false,
    },
    {
      companyRole: "owner",
      themes: ["people", "growth"],
      dayParts: ["morning", "afternoon"],
      meetingMode: "either",
      willingToHost: false,
      questionSituation:
        "Pinas Schoonmaakdiensten maakt kantoren en scholen schoon in Rotterdam en omgeving, met 38 medewerkers. We groeien, maar de marges zijn klein.",
      questionTried:
        "We werken met vaste teams per klant en investeren in de opleiding van teamleiders. Aanbestedingen winnen we zelden, omdat we op prijs verliezen.",
      questionWish:
        "Ik wil van andere ondernemers leren hoe je groeit met goed werkgeverschap als onderscheidend punt, en hoe je dat aan klanten verkoopt.",
      readyToMatch: true,
    },
  ],
  [
    "Gert-Jan Brouwer",
    "gertjan.brouwer@kringwijs.test",
    {
      name: "Brouwer Kunststoffen",
      kvkNumber: "09221971",
      sector: "C",
      sbiDivision: "22",
      employees: 64,
      foundedYear: 1971,
      lifePhase: "succession",
      province: "GE",
      municipality: "Ede",
      familyBusiness: true,
    },
    {
      companyRole: "owner",
      themes: ["succession_governance", "sustainability"],
      dayParts: ["morning", "evening"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "Ik ben 61 en eigenaar van Brouwer Kunststoffen in Ede, een spuitgieterij met 64 mensen die mijn vader begon. Geen van mijn kinderen wil het bedrijf overnemen.",
      questionTried:
        "Ik heb gesprekken gevoerd met twee geïnteresseerde kopers en met ons managementteam over een managementbuy-out. Ik twijfel welke route het beste is voor het bedrijf en de mensen.",
      questionWish:
        "Ik wil met andere ondernemers die hun bedrijf overdragen bespreken hoe je die keuze maakt, en hoe je loslaat als de tijd daar is.",
      readyToMatch: true,
    },
  ],
  [
    "Sophie Meijer",
    "sophie.meijer@kringwijs.test",
    {
      name: "Meijer Duurzaam Advies",
      kvkNumber: null,
      sector: "M",
      sbiDivision: "71",
      employees: 0,
      foundedYear: 2021,
      lifePhase: "growing",
      province: "GE",
      municipality: "Arnhem",
      familyBusiness: false,
    },
    {
      companyRole: "owner",
      themes: ["sustainability", "growth"],
      dayParts: ["afternoon", "evening"],
      meetingMode: "online",
      willingToHost: false,
      questionSituation:
        "Als zelfstandig adviseur help ik mkb-bedrijven hun pand en processen te verduurzamen. Opdrachtgevers weten me steeds beter te vinden, maar ik loop tegen de grenzen van mijn tijd aan.",
      questionTried:
        "Ik werk af en toe samen met een installateur en een subsidieadviseur, maar er is geen vaste vorm en ik verdien er weinig aan.",
      questionWish:
        "Ik wil ontdekken hoe ik met een paar collega-zzp'ers een vast samenwerkingsverband opzet, en wat dat betekent voor mijn tarieven en aansprakelijkheid.",
      readyToMatch: true,
    },
  ],
  [
    "Hans Kok",
    "hans.kok@kringwijs.test",
    {
      name: "Kok Houtbewerking",
      kvkNumber: "06291986",
      sector: "C",
      sbiDivision: "16",
      employees: 19,
      foundedYear: 1986,
      lifePhase: "established",
      province: "OV",
      municipality: "Almelo",
      familyBusiness: true,
    },
    {
      companyRole: "owner",
      themes: ["social_innovation", "digitalisation"],
      dayParts: ["evening"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "Kok Houtbewerking maakt trappen en kozijnen op maat, met negentien mensen in Almelo. De oudere vakmensen gaan de komende jaren met pensioen.",
      questionTried:
        "We hebben leerlingen van het ROC in huis, en een ervaren timmerman begeleidt ze. Het vakmanschap zit vooral in de hoofden van een paar mensen.",
      questionWish:
        "Ik wil leren hoe je kennis overdraagt en de werkplaats anders organiseert, zodat jonge mensen sneller zelfstandig kunnen werken.",
      readyToMatch: true,
    },
  ],
  [
    "Leila Haddou",
    "leila.haddou@kringwijs.test",
    {
      name: "Haddou Catering",
      kvkNumber: "74182019",
      sector: "I",
      sbiDivision: "56",
      employees: 8,
      foundedYear: 2019,
      lifePhase: "growing",
      province: "OV",
      municipality: "Enschede",
      familyBusiness: true,
    },
    {
      companyRole: "owner",
      themes: ["growth", "social_innovation"],
      dayParts: ["afternoon", "evening"],
      meetingMode: "either",
      willingToHost: true,
      questionSituation:
        "Met mijn twee broers run ik een cateringbedrijf in Enschede voor bedrijfslunches en evenementen. We hebben acht mensen in dienst en de vraag groeit.",
      questionTried:
        "We hebben de taken verdeeld: ik doe de verkoop, mijn broers de keuken en de logistiek. Toch komt alles wat misgaat uiteindelijk bij mij terecht.",
      questionWish:
        "Ik wil leren hoe je als familie goede afspraken maakt over rollen en beslissingen, en hoe je het bedrijf zo organiseert dat het niet van ons drieën afhangt.",
      readyToMatch: true,
    },
  ],
  [
    "Wouter Dekker",
    "wouter.dekker@kringwijs.test",
    {
      name: "Dekker Fietsen",
      kvkNumber: "06372001",
      sector: "G",
      sbiDivision: "47",
      employees: 5,
      foundedYear: 2001,
      lifePhase: "renewing",
      province: "OV",
      municipality: "Hengelo",
      familyBusiness: false,
    },
    {
      companyRole: "owner",
      themes: ["product_market", "digitalisation"],
      dayParts: ["evening"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "Dekker Fietsen is een fietsenwinkel met werkplaats in Hengelo. Klanten oriënteren zich online en komen steeds vaker alleen nog voor reparaties.",
      questionTried:
        "We hebben een webshop gebouwd en bieden een leaseabonnement voor e-bikes aan. De webshop kost meer tijd dan hij oplevert.",
      questionWish:
        "Ik wil met andere winkeliers sparren over een verdienmodel waarin de werkplaats en service centraal staan.",
      readyToMatch: true,
    },
  ],
  [
    "Anja Vos",
    "anja.vos@kringwijs.test",
    {
      name: "Vos Hoveniers",
      kvkNumber: "08411993",
      sector: "N",
      sbiDivision: "81",
      employees: 12,
      foundedYear: 1993,
      lifePhase: "established",
      province: "GE",
      municipality: "Apeldoorn",
      familyBusiness: true,
    },
    {
      companyRole: "owner",
      themes: ["sustainability", "people"],
      dayParts: ["evening"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "Vos Hoveniers legt tuinen aan en onderhoudt bedrijfsterreinen rond Apeldoorn, met twaalf medewerkers. Klanten vragen steeds vaker om groene, klimaatbestendige tuinen.",
      questionTried:
        "Twee medewerkers hebben een cursus natuurinclusief ontwerpen gevolgd, en we doen mee aan een project van de gemeente om tegels te vervangen door groen.",
      questionWish:
        "Ik wil leren hoe ik duurzaam werken een vast onderdeel van ons aanbod maak, en hoe ik klanten overtuig die vooral naar de prijs kijken.",
      // Still thinking it over: not in the matching pool yet.
      readyToMatch: false,
    },
  ],
  [
    "Ricardo Martens",
    "ricardo.martens@kringwijs.test",
    {
      name: "Martens Elektrotechniek",
      kvkNumber: "17481997",
      sector: "F",
      sbiDivision: "43",
      employees: 31,
      foundedYear: 1997,
      lifePhase: "established",
      province: "NB",
      municipality: "Helmond",
      familyBusiness: true,
    },
    {
      companyRole: "owner",
      themes: ["digitalisation", "people"],
      dayParts: ["evening", "early_morning"],
      meetingMode: "in_person",
      willingToHost: true,
      questionSituation:
        "Martens Elektrotechniek installeert elektra en domotica in de utiliteitsbouw rond Helmond en Eindhoven, met 31 mensen. Elk project heeft andere tekeningen, software en afspraken.",
      questionTried:
        "We zijn overgestapt op tablets op de bouwplaats en een digitaal projectdossier. De monteurs gebruiken het, maar de koppeling met calculatie en facturatie ontbreekt nog.",
      questionWish:
        "Ik wil met collega-installateurs en bouwers uitwisselen hoe zij hun systemen koppelen, en welke fouten we daarbij kunnen voorkomen.",
      readyToMatch: true,
    },
  ],
];

export const namedEntrepreneurs: PersonSeed[] = named.map(([name, email, company, profile]) => ({
  name,
  email,
  roles: ["entrepreneur"],
  company,
  profile,
}));

/** Entrepreneurs the seed keeps out of every circle, so tests can use them as outsiders. */
export const unrelatedEmails = ["mehmet.yilmaz@kringwijs.test", "natasha.pinas@kringwijs.test"];

// ---------------------------------------------------------------------------------------------
// The generator for the other entrepreneurs.

const firstNames = [
  "Anne",
  "Bas",
  "Daan",
  "Esther",
  "Femke",
  "Gerrit",
  "Harm",
  "Iris",
  "Jeroen",
  "Karin",
  "Lars",
  "Marloes",
  "Niels",
  "Petra",
  "Rik",
  "Saskia",
  "Thijs",
  "Ellen",
  "Wim",
  "Jolanda",
  "Martijn",
  "Linda",
  "Erik",
  "Nicole",
  "Tim",
  "Monique",
  "Stefan",
  "Miriam",
  "Jasper",
  "Hanneke",
  "Kevin",
  "Manon",
  "Ahmed",
  "Yasmina",
  "Emre",
  "Elif",
  "Priya",
  "Raj",
  "Mei",
  "Tomasz",
  "Sjoerd",
  "Wietske",
  "Twan",
  "Maud",
  "Jan-Willem",
  "Gijs",
  "Loes",
  "Bram",
];

const lastNamesByRegion: Record<"north" | "east" | "south" | "west" | "any", string[]> = {
  north: ["Hoekstra", "Bosma", "Dijkstra", "Wiersma", "Postma", "Kuiper", "Zijlstra"],
  east: [
    "Nijenhuis",
    "Oude Luttikhuis",
    "Kamphuis",
    "Wolbers",
    "Hermsen",
    "Gerritsen",
    "Arendsen",
    "Ter Horst",
    "Scholten",
    "Bruggink",
    "Lammers",
    "Roelofs",
    "Wissink",
    "Huisman",
  ],
  south: [
    "van de Ven",
    "van Dongen",
    "Smulders",
    "Hendrikx",
    "Janssen",
    "Peeters",
    "Claessens",
    "van Gestel",
    "Verbeek",
    "Maas",
    "Aarts",
    "Coolen",
  ],
  west: ["de Vries", "van Leeuwen", "de Groot", "Vermeulen", "van der Meer", "Kramer"],
  any: [
    "de Jong",
    "van den Berg",
    "Bos",
    "Mulder",
    "de Boer",
    "Peters",
    "Hofman",
    "Prins",
    "Öztürk",
    "Demir",
    "Kaya",
    "Bouzid",
    "Benali",
    "Ramdin",
    "Nguyen",
    "Kowalski",
  ],
};

const regionOf: Record<Province, keyof typeof lastNamesByRegion> = {
  GR: "north",
  FR: "north",
  DR: "north",
  OV: "east",
  GE: "east",
  FL: "west",
  UT: "west",
  NH: "west",
  ZH: "west",
  ZE: "south",
  NB: "south",
  LI: "south",
};

/** A trade: how it shows in a company name, its SBI division and what the company is. */
type Trade = {
  word: string;
  division: string;
  what: string;
  prefix?: boolean;
  /** A trade one can run alone, without staff. */
  solo?: boolean;
  /** A trade that exists only since the internet: no company of it founded before 1990. */
  recent?: boolean;
};

const trades: Partial<Record<Sector, Trade[]>> = {
  A: [
    { word: "Melkveehouderij", division: "01", what: "een melkveebedrijf", prefix: true },
    { word: "Boomkwekerij", division: "01", what: "een boomkwekerij", prefix: true },
    { word: "Akkerbouw", division: "01", what: "een akkerbouwbedrijf" },
  ],
  C: [
    { word: "Metaaltechniek", division: "25", what: "een metaalbewerkingsbedrijf" },
    { word: "Machinebouw", division: "28", what: "een machinebouwer" },
    { word: "Kunststoftechniek", division: "22", what: "een kunststofverwerker" },
    { word: "Meubelmakerij", division: "31", what: "een meubelmakerij", prefix: true, solo: true },
    { word: "Drukkerij", division: "18", what: "een drukkerij", prefix: true },
    { word: "Bakkerij", division: "10", what: "een ambachtelijke bakkerij", prefix: true },
    { word: "Elektronica", division: "26", what: "een producent van elektronica" },
    { word: "Verpakkingen", division: "17", what: "een verpakkingsproducent" },
    { word: "Plaatbewerking", division: "25", what: "een plaatwerkerij" },
  ],
  E: [{ word: "Recycling", division: "38", what: "een recyclingbedrijf" }],
  F: [
    { word: "Bouw", division: "41", what: "een bouwbedrijf", solo: true },
    { word: "Installatietechniek", division: "43", what: "een installatiebedrijf", solo: true },
    { word: "Dakwerken", division: "43", what: "een dakdekkersbedrijf", solo: true },
    {
      word: "Schildersbedrijf",
      division: "43",
      what: "een schildersbedrijf",
      prefix: true,
      solo: true,
    },
    { word: "Grond- en Wegenbouw", division: "42", what: "een grond- en wegenbouwer" },
  ],
  G: [
    { word: "Fietsen", division: "47", what: "een fietsenwinkel", solo: true },
    { word: "Bouwmaterialen", division: "46", what: "een groothandel in bouwmaterialen" },
    { word: "Mode", division: "47", what: "een modewinkel met webshop", solo: true },
    {
      word: "Wijnkoperij",
      division: "47",
      what: "een wijnhandel met webshop",
      prefix: true,
      solo: true,
    },
    { word: "Autobedrijf", division: "45", what: "een autobedrijf", prefix: true },
    { word: "Tuincentrum", division: "47", what: "een tuincentrum", prefix: true },
  ],
  H: [
    { word: "Transport", division: "49", what: "een transportbedrijf", solo: true },
    { word: "Logistiek", division: "52", what: "een logistiek dienstverlener" },
    { word: "Koeriers", division: "53", what: "een koeriersdienst", solo: true },
  ],
  I: [
    { word: "Catering", division: "56", what: "een cateringbedrijf", solo: true },
    { word: "Brasserie", division: "56", what: "een brasserie", prefix: true },
    { word: "Hotel", division: "55", what: "een familiehotel", prefix: true },
  ],
  J: [
    { word: "Software", division: "62", what: "een softwarebedrijf", solo: true, recent: true },
    {
      word: "Webbureau",
      division: "62",
      what: "een webbureau",
      prefix: true,
      solo: true,
      recent: true,
    },
    { word: "IT-beheer", division: "62", what: "een IT-dienstverlener", solo: true, recent: true },
  ],
  M: [
    { word: "Accountants", division: "69", what: "een accountantskantoor", solo: true },
    {
      word: "Ingenieursbureau",
      division: "71",
      what: "een ingenieursbureau",
      prefix: true,
      solo: true,
    },
    { word: "Marketing", division: "73", what: "een marketingbureau", solo: true },
    { word: "Architecten", division: "71", what: "een architectenbureau", solo: true },
    { word: "Dierenartsen", division: "75", what: "een dierenartsenpraktijk" },
  ],
  N: [
    { word: "Schoonmaak", division: "81", what: "een schoonmaakbedrijf", solo: true },
    { word: "Uitzendbureau", division: "78", what: "een uitzendbureau", prefix: true },
    { word: "Verhuur", division: "77", what: "een verhuurbedrijf voor materieel" },
  ],
  P: [{ word: "Opleidingen", division: "85", what: "een opleidingsinstituut" }],
  Q: [
    { word: "Thuiszorg", division: "88", what: "een thuiszorgorganisatie" },
    {
      word: "Fysiotherapie",
      division: "86",
      what: "een fysiotherapiepraktijk",
      prefix: true,
      solo: true,
    },
    { word: "Kinderopvang", division: "88", what: "een kinderopvangorganisatie" },
    {
      word: "Zorgboerderij",
      division: "88",
      what: "een zorgboerderij met dagbesteding",
      prefix: true,
    },
  ],
  R: [{ word: "Sportcentrum", division: "93", what: "een sportcentrum", prefix: true }],
  S: [
    { word: "Kapsalon", division: "96", what: "een kapsalon", prefix: true, solo: true },
    { word: "Uitvaartzorg", division: "96", what: "een uitvaartonderneming", solo: true },
  ],
};

/**
 * Who the generated entrepreneurs are, by province: the sectors in order. Weighted towards the
 * three programme provinces, and covering all twelve.
 */
const cohorts: [Province, Sector[]][] = [
  ["OV", ["C", "F", "G", "I", "J", "M", "Q", "C", "H", "S"]],
  ["GE", ["C", "C", "A", "F", "G", "C", "I", "M", "Q", "C", "C", "F", "G", "Q", "C", "F"]],
  ["NB", ["C", "C", "C", "C", "C", "F", "F", "G", "G", "G", "G", "Q", "Q", "Q", "Q", "Q", "Q"]],
  ["UT", ["M", "J", "Q"]],
  ["ZH", ["G", "Q", "C"]],
  ["LI", ["C", "F", "G", "Q"]],
  ["DR", ["A", "E"]],
  ["FR", ["I", "C"]],
  ["GR", ["J"]],
  ["NH", ["M"]],
  ["FL", ["A"]],
  ["ZE", ["I", "G"]],
];

const numberWords = [
  "nul",
  "één",
  "twee",
  "drie",
  "vier",
  "vijf",
  "zes",
  "zeven",
  "acht",
  "negen",
  "tien",
  "elf",
  "twaalf",
  "dertien",
  "veertien",
  "vijftien",
  "zestien",
  "zeventien",
  "achttien",
  "negentien",
  "twintig",
];

function staffPhrase(employees: number) {
  if (employees === 1) return "met één medewerker";
  return `met ${numberWords[employees] ?? String(employees)} medewerkers`;
}

/**
 * Learning questions per theme: situation, what was tried and the wish, written to go together.
 * Some only make sense for some sectors, for companies with staff, or for small ones.
 */
type Question = {
  situation: string;
  tried: string;
  wish: string;
  sectors?: Sector[];
  /** At least this many employees ("onze mensen" needs people). */
  minStaff?: number;
  /** At most this many employees ("ik doe alles zelf"). */
  maxStaff?: number;
  family?: boolean;
  /** Only the owner talks like this. */
  owner?: boolean;
};

function questionFits(q: Question, company: CompanySeed, role: CompanyRole) {
  return (
    (!q.owner || role === "owner") &&
    (!q.sectors || q.sectors.includes(company.sector)) &&
    company.employees >= (q.minStaff ?? 0) &&
    company.employees <= (q.maxStaff ?? Infinity) &&
    (!q.family || company.familyBusiness)
  );
}

/** For someone who will take over the family company and works in it as a manager now. */
const successorQuestion: Question = {
  situation:
    "Ik ga het bedrijf van mijn ouders overnemen. Het tijdpad staat op papier, maar wie wanneer wat beslist, is nog onduidelijk.",
  tried:
    "We hebben met een adviseur een overdrachtsplan gemaakt. Mijn vader blijft toch de grote beslissingen zelf nemen, en het personeel loopt nog steeds naar hem toe.",
  wish: "Ik wil met andere opvolgers bespreken hoe je het gezag overneemt, en hoe je met je ouders het gesprek over het tempo voert.",
  family: true,
};

const questions: Record<Theme, Question[]> = {
  social_innovation: [
    {
      situation: "Het werk verandert snel, en ik merk dat alle beslissingen nog via mij lopen.",
      tried:
        "We hebben teamleiders aangesteld, maar zij vinden het lastig om echt verantwoordelijkheid te nemen.",
      wish: "Ik wil van andere ondernemers horen hoe zij hun mensen meer regie geven, en wat ze daarvoor zelf moesten loslaten.",
      minStaff: 5,
      owner: true,
    },
    {
      situation:
        "We willen dat medewerkers meedenken over verbeteringen, maar de cultuur is nog erg 'de baas beslist'.",
      tried:
        "We hebben werkoverleggen ingevoerd en een ideeënbord opgehangen, maar er komt weinig uit.",
      wish: "Ik zoek voorbeelden van bedrijven van onze omvang waar medewerkers echt meedenken, en hoe ze daar zijn gekomen.",
      minStaff: 5,
    },
    {
      situation: "Na een paar jaar groei zijn we te groot geworden om alles informeel te regelen.",
      tried:
        "Een adviesbureau heeft een nieuwe teamindeling voorgesteld; in de praktijk bleek die lastig.",
      wish: "Ik wil leren hoe je je organisatie stap voor stap verandert, zonder dat het dagelijkse werk eronder lijdt.",
      minStaff: 10,
    },
  ],
  digitalisation: [
    {
      situation: "Veel van onze planning en administratie draait nog op Excel en papier.",
      tried:
        "We hebben een ERP-pakket bekeken, maar de investering en de overstap schrikken ons af.",
      wish: "Ik wil van collega's horen welke systemen zij gebruiken, wat het kostte en wat ze anders zouden doen.",
    },
    {
      situation: "Klanten verwachten dat ze online kunnen bestellen en hun order kunnen volgen.",
      tried:
        "Een ICT-bedrijf heeft een koppeling gebouwd, maar die ligt er regelmatig uit en niemand in huis weet hoe hij werkt.",
      wish: "Ik wil een realistisch stappenplan voor digitalisering maken dat past bij een bedrijf van onze grootte.",
      sectors: ["C", "G", "H", "A"],
    },
    {
      situation: "Onze machines en systemen leveren veel data op, maar we doen er nog weinig mee.",
      tried:
        "Een stagiair van de hogeschool heeft een dashboard gemaakt; sinds zijn vertrek houdt niemand het bij.",
      wish: "Ik wil leren hoe je je mensen meeneemt in digitalisering, zodat nieuwe systemen ook echt gebruikt worden.",
      sectors: ["C", "A", "H", "E"],
    },
  ],
  people: [
    {
      situation:
        "Het lukt ons nauwelijks om goede vakmensen te vinden; vacatures staan maanden open.",
      tried:
        "We hebben een wervingsbureau ingeschakeld en de vacatureteksten laten herschrijven, met weinig resultaat.",
      wish: "Ik wil met collega's praten over zij-instromers: hoe vind je ze, en hoe leid je ze snel op?",
      minStaff: 2,
    },
    {
      situation:
        "Onze ervaren mensen gaan de komende jaren met pensioen, en hun kennis zit vooral in hun hoofd.",
      tried:
        "We leiden zelf leerlingen op via de BBL, maar na hun diploma vertrekken ze vaak naar een groter bedrijf.",
      wish: "Ik wil van andere werkgevers leren hoe zij jonge mensen aan zich binden en kennis laten doorgeven.",
      minStaff: 5,
    },
    {
      situation: "Het verzuim is het afgelopen jaar flink gestegen en de werkdruk is hoog.",
      tried:
        "We hebben met iedereen gesprekken gevoerd en een paar roosters aangepast. Dat hielp even.",
      wish: "Ik zoek manieren om goed werkgeverschap vol te houden met de middelen van een mkb-bedrijf.",
      minStaff: 5,
    },
  ],
  finance: [
    {
      situation: "We willen investeren in uitbreiding, maar de bank is terughoudend.",
      tried: "We hebben met twee banken gesproken en een subsidieadviseur ingeschakeld.",
      wish: "Ik wil van andere ondernemers horen welke financieringsvormen zij hebben gebruikt en wat ze daarvan geleerd hebben.",
    },
    {
      situation: "De cashflow is krap: klanten betalen laat en de voorraad kost veel geld.",
      tried: "Ik heb een boekhouder die de cijfers bijhoudt, maar ik kijk er zelf te weinig naar.",
      wish: "Ik wil leren sturen op een paar cijfers die er echt toe doen.",
      sectors: ["C", "G", "A", "F"],
      owner: true,
    },
    {
      situation: "Ik heb weinig zicht op welke opdrachten eigenlijk geld opleveren.",
      tried:
        "Ik heb een nacalculatie geprobeerd in een spreadsheet, maar dat kost me elke week uren.",
      wish: "Ik wil met collega's sparren over prijzen en nacalculatie, voordat ik weer een grote opdracht aanneem.",
      sectors: ["F", "M", "J", "C", "N", "E"],
      owner: true,
    },
  ],
  growth: [
    {
      situation:
        "Er is genoeg vraag, maar ik weet niet of ik wil groeien en wat dat van mij vraagt.",
      tried:
        "Ik heb met hulp van een adviseur een ondernemingsplan geschreven, maar het ligt in de la.",
      wish: "Ik wil met ondernemers die een stap verder zijn bespreken welke keuzes zij hebben gemaakt, en waar ze spijt van hebben.",
      owner: true,
    },
    {
      situation:
        "We zijn in een paar jaar hard gegroeid en de organisatie houdt het tempo niet bij.",
      tried:
        "We hebben een strategiesessie gehouden met het team, maar de plannen zijn na een paar maanden verwaterd.",
      wish: "Ik wil een helder beeld van waar het bedrijf over vijf jaar staat, en wat ik daarvoor nu moet doen.",
      minStaff: 5,
    },
    {
      situation: "Ik doe nog bijna alles zelf, van de verkoop tot de administratie.",
      tried:
        "Ik heb een deel van het werk uitbesteed, maar ik merk dat ik moeilijk dingen uit handen geef.",
      wish: "Ik wil leren hoe je groeit zonder dat je zelf de bottleneck wordt.",
      maxStaff: 5,
      owner: true,
    },
  ],
  succession_governance: [
    {
      situation: "Ik wil het bedrijf de komende jaren overdragen, maar er is nog geen opvolger.",
      tried:
        "Met de accountant hebben we de fiscale kant van de overdracht bekeken. Het gesprek over wie wat gaat doen hebben we nog niet gevoerd.",
      wish: "Ik wil van andere familiebedrijven horen hoe zij de overdracht hebben aangepakt en wat ze anders zouden doen.",
      owner: true,
    },
    {
      situation:
        "Ik heb het bedrijf kort geleden overgenomen van mijn ouders, en zij zijn er nog nauw bij betrokken.",
      tried:
        "We hebben een familiestatuut opgesteld, maar in de praktijk houden we ons er niet altijd aan.",
      wish: "Ik wil met andere opvolgers bespreken hoe je je eigen koers vaart zonder de vorige generatie voor het hoofd te stoten.",
      family: true,
      owner: true,
    },
    {
      situation:
        "In ons bedrijf werken drie familieleden, en zakelijke en familiezaken lopen door elkaar.",
      tried:
        "We hebben een externe adviseur gevraagd mee te kijken, maar de familie vond het moeilijk om open te praten.",
      wish: "Ik wil leren hoe je goede afspraken maakt over rollen en zeggenschap binnen de familie.",
      family: true,
      minStaff: 3,
    },
  ],
  sustainability: [
    {
      situation: "Klanten en opdrachtgevers vragen steeds vaker naar onze CO2-uitstoot.",
      tried:
        "Ik heb me ingelezen in de nieuwe rapportage-eisen, maar weet niet wat daarvan voor ons geldt.",
      wish: "Ik wil van andere ondernemers horen welke duurzame stappen iets opleverden, en welke vooral geld kostten.",
    },
    {
      situation: "Onze energierekening is de laatste jaren flink gestegen.",
      tried: "We hebben zonnepanelen op het dak gelegd en een energiescan laten doen.",
      wish: "Ik wil duurzaamheid een plek geven in ons verdienmodel, niet alleen in onze kosten.",
    },
    {
      situation: "We gooien veel restmateriaal weg en vragen ons af of dat anders kan.",
      tried:
        "Met een leverancier hebben we gekeken naar het terugnemen van restmateriaal, maar dat bleek logistiek lastig.",
      wish: "Ik wil samen met andere bedrijven in de regio zoeken naar kansen voor circulaire samenwerking.",
      sectors: ["A", "C", "F", "G", "I", "E"],
    },
  ],
  international: [
    {
      situation: "We krijgen steeds meer aanvragen uit Duitsland en België.",
      tried:
        "We hebben een beurs in Duitsland bezocht en een paar contacten opgedaan, maar er kwamen geen orders uit.",
      wish: "Ik wil van ondernemers met exportervaring horen hoe zij hun eerste buitenlandse klanten hebben gevonden.",
      sectors: ["C", "G", "A", "J", "M", "E"],
    },
    {
      situation: "We kopen veel in Azië in en willen dichter bij huis inkopen.",
      tried:
        "We hebben twee Europese leveranciers getest, maar zij waren duurder en minder flexibel.",
      wish: "Ik wil leren welke valkuilen er zijn bij zakendoen over de grens, van contracten tot cultuurverschillen.",
      sectors: ["C", "G"],
    },
  ],
  education: [
    {
      situation:
        "We willen meer samenwerken met het mbo en de hogeschool, maar weten niet goed waar we moeten beginnen.",
      tried: "We zijn erkend leerbedrijf en doen mee aan een praktijkonderzoek van de hogeschool.",
      wish: "Ik wil van collega's horen hoe zij een blijvende samenwerking met het onderwijs hebben opgebouwd.",
    },
    {
      situation: "We hebben regelmatig stagiairs, maar het levert ons weinig blijvende kennis op.",
      tried:
        "We hebben een afstudeeropdracht uitgezet, maar de resultaten waren moeilijk toe te passen.",
      wish: "Ik wil leren hoe je studenten en docenten zo inzet dat het bedrijf er echt beter van wordt.",
      minStaff: 1,
    },
  ],
  product_market: [
    {
      situation: "Ons belangrijkste product raakt verouderd en de concurrentie wordt sterker.",
      tried: "We hebben een prototype gemaakt en laten testen bij een paar vaste klanten.",
      wish: "Ik wil leren hoe je een nieuw product snel en goedkoop test voordat je er veel in investeert.",
      sectors: ["C", "G", "A", "J", "E"],
    },
    {
      situation: "We willen naast ons bestaande aanbod een nieuwe dienst ontwikkelen.",
      tried:
        "Met een innovatievoucher hebben we samen met een kennisinstelling een idee uitgewerkt.",
      wish: "Ik wil met ondernemers uit andere sectoren sparren over nieuwe verdienmodellen.",
    },
    {
      situation: "Onze klanten veranderen en jongere doelgroepen bereiken we nauwelijks.",
      tried:
        "We hebben een marketingbureau ingehuurd voor een nieuwe website, maar dat leverde weinig nieuwe klanten op.",
      wish: "Ik wil beter begrijpen wat onze klanten echt nodig hebben, en hoe andere bedrijven dat onderzoeken.",
      sectors: ["C", "G", "I", "A", "F", "Q", "S", "N", "H", "R"],
    },
  ],
};

function emailFor(name: string) {
  const [first, ...rest] = name.split(" ");
  const clean = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
  return `${clean(first ?? "")}.${clean(rest.join(""))}@kringwijs.test`;
}

/** A name (and so an e-mail address) nobody has yet, mostly with a surname from the region. */
function newName(rand: Prng, province: Province, usedEmails: Set<string>) {
  for (;;) {
    const region = rand.chance(0.6) ? regionOf[province] : "any";
    const lastName = rand.pick(lastNamesByRegion[region]);
    const name = `${rand.pick(firstNames)} ${lastName}`;
    const email = emailFor(name);
    if (usedEmails.has(email)) continue;
    usedEmails.add(email);
    return { name, email, lastName };
  }
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function companyNameFor(
  rand: Prng,
  lastName: string,
  trade: Trade,
  family: boolean,
  sector: Sector,
) {
  const last = capitalise(lastName);
  // The old family-firm names belong to the trades that use them.
  if (family && ["A", "C", "F", "G", "H"].includes(sector)) {
    if (rand.chance(0.3)) return `${last} & Zonen ${trade.word}`;
    if (rand.chance(0.2)) return `Gebr. ${last} ${trade.word}`;
  }
  return trade.prefix ? `${trade.word} ${last}` : `${last} ${trade.word}`;
}

/**
 * The theme that drives someone's learning question: likely ones for their sector, phase and size,
 * and only themes with a question that fits their company.
 */
function primaryTheme(rand: Prng, company: CompanySeed, role: CompanyRole): Theme {
  const { sector, lifePhase: phase, employees } = company;
  let options: Theme[];
  if (phase === "succession") options = ["succession_governance"];
  else if (phase === "starting") options = ["growth", "finance", "product_market"];
  else {
    options =
      employees === 0
        ? ["growth", "finance", "product_market", "sustainability", "digitalisation"]
        : ["social_innovation", "people", "digitalisation", "growth", "sustainability"];
    if (sector === "C" || sector === "F")
      options.push("digitalisation", "people", "sustainability");
    if (sector === "G" || sector === "I") options.push("product_market", "digitalisation");
    if (sector === "Q") options.push("people", "digitalisation", "social_innovation");
    if (sector === "C" && employees >= 10) options.push("international", "education");
    if (phase === "renewing") options.push("product_market", "social_innovation");
  }
  const possible = options.filter((t) => questions[t].some((q) => questionFits(q, company, role)));
  return rand.pick(possible.length > 0 ? possible : ["growth"]);
}

function dayPartsFor(rand: Prng, sector: Sector, phase: LifePhase): DayPart[] {
  const odds: Record<DayPart, number> =
    sector === "Q" || sector === "I"
      ? { evening: 0.45, early_morning: 0.1, morning: 0.4, afternoon: 0.75 }
      : sector === "C" || sector === "F" || sector === "A" || sector === "H"
        ? { evening: 0.85, early_morning: 0.4, morning: 0.15, afternoon: 0.15 }
        : sector === "G" // shopkeepers stand in their shop during the day
          ? { evening: 0.9, early_morning: 0.3, morning: 0.1, afternoon: 0.1 }
          : { evening: 0.6, early_morning: 0.3, morning: 0.35, afternoon: 0.35 };
  // Owners who are handing over have more room in their days.
  if (phase === "succession") {
    odds.morning = Math.max(odds.morning, 0.55);
    odds.afternoon = Math.max(odds.afternoon, 0.4);
  }
  const parts = (Object.keys(odds) as DayPart[]).filter((p) => rand.chance(odds[p]));
  if (parts.length === 0) parts.push(sector === "Q" || sector === "I" ? "afternoon" : "evening");
  return parts.slice(0, 3);
}

function meetingModeFor(rand: Prng, sector: Sector): ProfileSeed["meetingMode"] {
  if (sector === "Q" || sector === "G" || sector === "J")
    return rand.weighted({ either: 0.6, online: 0.3, in_person: 0.1 });
  return rand.weighted({ either: 0.5, in_person: 0.4, online: 0.1 });
}

/**
 * The generated entrepreneurs: `count` people from the cohorts above, deterministic for a given
 * seed. Names, e-mails and KvK numbers never collide with each other or with `taken`.
 */
export function generateEntrepreneurs(taken: PersonSeed[], seed = 2027): PersonSeed[] {
  const usedEmails = new Set(taken.map((p) => p.email));
  const usedKvk = new Set(taken.map((p) => p.company?.kvkNumber).filter(Boolean));
  const usedCompanyNames = new Set(taken.map((p) => p.company?.name).filter(Boolean));
  const people: PersonSeed[] = [];
  for (const [province, sectors] of cohorts) {
    const places = municipalities[province];
    for (const [index, sector] of sectors.entries()) {
      // One stream per person, so that editing one cohort leaves the other people as they are.
      const rand = prng(stableHash(`${seed}|${province}|${index}`));
      const { name, email, lastName } = newName(rand, province, usedEmails);

      const phase = rand.weighted<LifePhase>(
        province === "GE"
          ? { starting: 0.08, growing: 0.15, established: 0.27, renewing: 0.15, succession: 0.35 }
          : { starting: 0.12, growing: 0.22, established: 0.3, renewing: 0.16, succession: 0.2 },
      );
      const size =
        phase === "starting"
          ? rand.weighted({ solo: 0.6, micro: 0.4 })
          : phase === "succession" // there is something to hand over
            ? rand.weighted({ micro: 0.4, small: 0.42, medium: 0.18 })
            : rand.weighted({ solo: 0.12, micro: 0.38, small: 0.36, medium: 0.14 });
      const sectorTrades = trades[sector] ?? [];
      const soloTrades = sectorTrades.filter((t) => t.solo);
      // Nobody runs a hotel or a machine factory alone: those get a small staff instead.
      const solo = size === "solo" && soloTrades.length > 0;
      const employees = solo
        ? 0
        : size === "solo" || size === "micro"
          ? rand.int(1, 9)
          : size === "small"
            ? rand.int(10, 49)
            : rand.int(50, 180);
      const trade = rand.pick(solo ? soloTrades : sectorTrades);
      const family =
        employees > 0 &&
        rand.chance(
          { starting: 0.05, growing: 0.2, established: 0.5, renewing: 0.35, succession: 0.85 }[
            phase
          ],
        );
      let foundedYear = {
        starting: () => rand.int(2024, 2026),
        growing: () => rand.int(2008, 2021),
        established: () => rand.int(1975, 2015),
        renewing: () => rand.int(1980, 2016),
        succession: () => rand.int(1925, 1995),
      }[phase]();
      if (trade.recent && foundedYear < 1990) foundedYear = 1990 + (foundedYear % 12);
      const municipality = rand.pick(places);
      let kvkNumber: string | null = null;
      if (rand.chance(0.85)) {
        do kvkNumber = String(rand.int(10_000_000, 99_999_999));
        while (usedKvk.has(kvkNumber));
        usedKvk.add(kvkNumber);
      }
      let companyName = companyNameFor(rand, lastName, trade, family, sector);
      if (usedCompanyNames.has(companyName)) companyName = `${companyName} ${municipality}`;
      usedCompanyNames.add(companyName);
      const company: CompanySeed = {
        name: companyName,
        kvkNumber,
        sector,
        sbiDivision: rand.chance(0.9) ? trade.division : null,
        employees,
        foundedYear,
        lifePhase: phase,
        province,
        municipality,
        familyBusiness: family,
      };

      // A successor-to-be works in the family company as a manager; in large companies the
      // person in the circle is sometimes a manager or an HR employee rather than the owner.
      const successor = phase === "succession" && family && rand.chance(0.35);
      const companyRole: CompanyRole = successor
        ? "manager"
        : phase !== "succession" && employees >= 50 && rand.chance(0.3)
          ? rand.chance(0.7)
            ? "manager"
            : "employee"
          : "owner";
      const primary = successor
        ? "succession_governance"
        : primaryTheme(rand, company, companyRole);
      const themes: Theme[] = [primary];
      const extra = rand.int(0, 2);
      const pool: Theme[] = [
        "social_innovation",
        "digitalisation",
        "people",
        "finance",
        "growth",
        "sustainability",
        "product_market",
        "education",
        "international",
      ];
      if (family) pool.push("succession_governance");
      for (let i = 0; i < extra; i++) {
        const t = rand.pick(pool);
        if (!themes.includes(t) && !(employees === 0 && t === "people")) themes.push(t);
      }
      const question = successor
        ? successorQuestion
        : rand.pick(questions[primary].filter((q) => questionFits(q, company, companyRole)));
      const intro =
        companyRole === "owner"
          ? employees === 0
            ? `${company.name} is ${trade.what} in ${municipality}; ik werk zelfstandig, zonder personeel.`
            : `${company.name} is ${trade.what} in ${municipality} ${staffPhrase(employees)}.`
          : `Ik werk als ${companyRole === "manager" ? "leidinggevende" : "medewerker"} bij ${company.name}, ${trade.what} in ${municipality} ${staffPhrase(employees)}.`;
      const familyNote = family
        ? foundedYear < 1990
          ? ` Het is een familiebedrijf, opgericht in ${foundedYear}.`
          : " Het is een familiebedrijf."
        : "";
      const profile: ProfileSeed = {
        companyRole,
        themes,
        dayParts: dayPartsFor(rand, sector, phase),
        meetingMode: meetingModeFor(rand, sector),
        willingToHost:
          employees > 0 && rand.chance(["C", "A", "F", "I", "Q"].includes(sector) ? 0.65 : 0.35),
        questionSituation: `${intro}${familyNote} ${question.situation}`,
        questionTried: question.tried,
        questionWish: question.wish,
        // About one in twelve has not finished yet: still outside the matching pool.
        readyToMatch: people.length % 12 !== 11,
      };
      people.push({ name, email, roles: ["entrepreneur"], company, profile });
    }
  }
  return people;
}

/** Throws on seed data that the app itself would reject: better a failing seed than odd demo data. */
export function assertValidPerson(person: PersonSeed) {
  const { company, profile } = person;
  const fail = (what: string) => {
    throw new Error(`Seed data for ${person.email}: ${what}`);
  };
  if (company) {
    if (company.sbiDivision && !isDivisionOf(company.sector, company.sbiDivision))
      fail(`division ${company.sbiDivision} is not in section ${company.sector}`);
    if (sizeClassFor(company.employees) === null) fail(`employees ${company.employees}`);
    if (company.kvkNumber && !isValidKvkNumber(company.kvkNumber)) fail("KvK number");
    if (!municipalities[company.province].includes(company.municipality))
      fail(`${company.municipality} is not listed for ${company.province}`);
  }
  if (profile) {
    if (profile.themes.length < 1 || profile.themes.length > 3) fail("1 to 3 themes");
    if (profile.dayParts.length < 1 || profile.dayParts.length > 3) fail("1 to 3 day-parts");
  }
}

// ---------------------------------------------------------------------------------------------
// Programmes and circles.

export type ProgrammeSeed = {
  name: string;
  description: string;
  themes: Theme[];
  province: Province | null;
  startsOn: string;
  endsOn: string;
  sizeMin: number;
  sizeTarget: number;
  sizeMax: number;
  sectorPolicy: "same" | "mixed";
  coaches: string[];
};

export const programmeSeeds: ProgrammeSeed[] = [
  {
    name: "Sociale innovatie Overijssel 2027",
    description:
      "Het programma Sociale innovatie helpt Overijsselse mkb-bedrijven hun organisatie slimmer in te richten: meer eigen regie voor medewerkers, goed werkgeverschap en samenwerking met het onderwijs. Ondernemers leren in kringen van vijf tot twaalf deelnemers van elkaar, onder begeleiding van een ervaren coach. De kringen zijn bewust gemengd: ondernemers uit verschillende sectoren kijken met een frisse blik naar elkaars vraag.",
    themes: ["social_innovation", "people", "education"],
    province: "OV",
    startsOn: "2027-01-11",
    endsOn: "2027-12-17",
    sizeMin: 5,
    sizeTarget: 8,
    sizeMax: 12,
    sectorPolicy: "mixed",
    coaches: ["coach@kringwijs.test", "fatima.elamrani@kringwijs.test"],
  },
  {
    name: "Familiebedrijven Gelderland: opvolging en goed bestuur",
    description:
      "Een programma voor Gelderse familiebedrijven die voor een overdracht staan of er net een achter de rug hebben. In kleine, vertrouwelijke kringen praten overdragers en opvolgers over de overname, over rollen in de familie en over goed bestuur. Wat in de kring gezegd wordt, blijft in de kring.",
    themes: ["succession_governance"],
    province: "GE",
    startsOn: "2026-09-01",
    endsOn: "2027-12-31",
    sizeMin: 5,
    sizeTarget: 7,
    sizeMax: 10,
    sectorPolicy: "mixed",
    coaches: ["coach@kringwijs.test", "ruud.hendriks@kringwijs.test"],
  },
  {
    name: "Digitaal vakmanschap Brabant",
    description:
      "Branchekringen voor Brabantse vakbedrijven die digitaal willen werken: maakindustrie, bouw en installatie, detailhandel en zorg. Omdat de deelnemers uit dezelfde branche komen, herkennen ze elkaars vragen meteen. Directe concurrenten uit dezelfde gemeente zetten we niet samen in één kring.",
    themes: ["digitalisation", "product_market"],
    province: "NB",
    startsOn: "2027-02-01",
    endsOn: "2028-01-31",
    sizeMin: 5,
    sizeTarget: 8,
    sizeMax: 12,
    sectorPolicy: "same",
    coaches: ["ruud.hendriks@kringwijs.test", "fatima.elamrani@kringwijs.test"],
  },
];

export type CircleSeed = {
  programme: string;
  name: string;
  theme: Theme;
  description: string;
  status: "forming" | "active" | "paused" | "closed";
  capacityMin: number;
  capacityMax: number;
  timeCommitment: string;
  meetingMode: "in_person" | "online" | "hybrid";
  dayPart: DayPart | null;
  province: Province | null;
  openForApplications: boolean;
  coaches: string[];
  /** Seed-only selection rules: a branchekring's sector, the municipalities it is near, who fits. */
  sector?: Sector;
  area?: string[];
  fits?: (company: CompanySeed, profile: ProfileSeed) => boolean;
  /** People placed by hand (tests rely on them); the rest is picked by fit. */
  pinned?: { email: string; state: MembershipState }[];
  counts: Partial<Record<MembershipState, number>>;
  /** How many picked (not pinned) members have not accepted the house rules yet. */
  membersWithoutHouseRules?: number;
};

const familyOrSuccession = (c: CompanySeed) => c.familyBusiness || c.lifePhase === "succession";
const achterhoek = ["Doetinchem", "Winterswijk", "Oost Gelre", "Aalten", "Berkelland", "Zutphen"];
const veluwe = ["Apeldoorn", "Ede", "Barneveld", "Harderwijk"];
const twente = [
  "Enschede",
  "Hengelo",
  "Almelo",
  "Oldenzaal",
  "Twenterand",
  "Hof van Twente",
  "Tubbergen",
  "Haaksbergen",
  "Rijssen-Holten",
];

export const circleSeeds: CircleSeed[] = [
  // --- Sociale innovatie Overijssel 2027
  {
    programme: "Sociale innovatie Overijssel 2027",
    name: "Kring Slimmer Organiseren Twente",
    theme: "social_innovation",
    description:
      "Voor ondernemers met personeel, of die hun eerste mensen aannemen, en die hun organisatie slimmer willen inrichten: meer eigen regie bij medewerkers, minder dat via de baas moet. We werken aan casussen uit de eigen bedrijven en komen steeds bij een van de deelnemers op bezoek.",
    status: "active",
    capacityMin: 6,
    capacityMax: 10,
    timeCommitment: "8 bijeenkomsten van 3 uur, elke 6 weken op dinsdagavond",
    meetingMode: "in_person",
    dayPart: "evening",
    province: "OV",
    openForApplications: true,
    coaches: ["coach@kringwijs.test"],
    area: twente,
    // Employers, and starters about to hire their first people.
    fits: (c) => c.employees > 0 || c.lifePhase === "starting",
    pinned: [
      { email: "ondernemer@kringwijs.test", state: "member" },
      { email: "hans.kok@kringwijs.test", state: "member" },
      { email: "leila.haddou@kringwijs.test", state: "applied" },
      { email: "eva.jansen@kringwijs.test", state: "applied" },
      { email: "wouter.dekker@kringwijs.test", state: "invited" },
    ],
    counts: { member: 7, applied: 2, invited: 1, declined: 1, left: 1, removed: 1 },
  },
  {
    programme: "Sociale innovatie Overijssel 2027",
    name: "Ontbijtkring Mensen en Vakmanschap Salland",
    theme: "people",
    description:
      "Een ontbijtkring voor werkgevers in Salland die vakmensen willen vinden, opleiden en behouden. We beginnen vroeg, zodat je om half tien weer in je eigen bedrijf bent. In elke sessie staat de vraag van één deelnemer centraal.",
    status: "forming",
    capacityMin: 5,
    capacityMax: 8,
    timeCommitment: "6 ontbijtsessies van 2 uur (7.30 tot 9.30 uur), elke maand",
    meetingMode: "in_person",
    dayPart: "early_morning",
    province: "OV",
    openForApplications: true,
    coaches: ["fatima.elamrani@kringwijs.test", "coach@kringwijs.test"],
    area: ["Deventer", "Raalte", "Olst-Wijhe", "Rijssen-Holten", "Zwolle"],
    fits: (c) => c.employees > 0,
    pinned: [
      { email: "yvonne.degraaf@kringwijs.test", state: "member" },
      { email: "ingrid.mulder@kringwijs.test", state: "applied" },
    ],
    counts: { member: 3, applied: 2, invited: 2, declined: 1 },
    membersWithoutHouseRules: 1,
  },
  {
    programme: "Sociale innovatie Overijssel 2027",
    name: "Zwolse kring Werkgeluk en Zelforganisatie",
    theme: "social_innovation",
    description:
      "Voor ondernemers in de regio Zwolle die met teams werken die meer zelf beslissen. We delen wat werkt en wat niet, van roosters tot beoordelingsgesprekken, en nemen elkaar mee in de eigen werkvloer.",
    status: "active",
    capacityMin: 6,
    capacityMax: 8,
    timeCommitment: "10 bijeenkomsten van 2,5 uur, elke maand",
    meetingMode: "hybrid",
    dayPart: "evening",
    province: "OV",
    openForApplications: true,
    coaches: ["fatima.elamrani@kringwijs.test"],
    area: ["Zwolle", "Kampen", "Raalte", "Hardenberg", "Olst-Wijhe", "Deventer"],
    pinned: [{ email: "koen.visser@kringwijs.test", state: "waitlisted" }],
    counts: { member: 8, waitlisted: 2, applied: 1, left: 1 },
  },
  {
    programme: "Sociale innovatie Overijssel 2027",
    name: "Pilotkring Sociale Innovatie Twente",
    theme: "social_innovation",
    description:
      "De eerste kring van het programma, gestart als pilot met Twentse maakbedrijven en dienstverleners. Na zes bijeenkomsten afgerond; een aantal deelnemers vertelt nu als ambassadeur over hun ervaringen.",
    status: "closed",
    capacityMin: 5,
    capacityMax: 8,
    timeCommitment: "6 bijeenkomsten van 3 uur, elke 6 weken",
    meetingMode: "in_person",
    dayPart: "evening",
    province: "OV",
    openForApplications: false,
    coaches: ["fatima.elamrani@kringwijs.test"],
    area: twente,
    pinned: [{ email: "ambassadeur@kringwijs.test", state: "member" }],
    counts: { member: 6, left: 1 },
  },
  // --- Familiebedrijven Gelderland: opvolging en goed bestuur
  {
    programme: "Familiebedrijven Gelderland: opvolging en goed bestuur",
    name: "Opvolgerskring Achterhoek",
    theme: "succession_governance",
    description:
      "Voor opvolgers in Achterhoekse familiebedrijven: je neemt het bedrijf over of hebt dat net gedaan. We praten over je rol naast de vorige generatie, over de familie aan tafel en over je eigen koers. We komen bijeen bij de deelnemers in het bedrijf.",
    status: "active",
    capacityMin: 6,
    capacityMax: 10,
    timeCommitment: "6 bijeenkomsten van 3 uur, elke 6 weken, steeds bij een ander familiebedrijf",
    meetingMode: "in_person",
    dayPart: "evening",
    province: "GE",
    openForApplications: true,
    coaches: ["ruud.hendriks@kringwijs.test"],
    area: achterhoek,
    fits: familyOrSuccession,
    pinned: [{ email: "bart.nijhuis@kringwijs.test", state: "member" }],
    counts: { member: 7, applied: 1, invited: 1, removed: 1 },
  },
  {
    programme: "Familiebedrijven Gelderland: opvolging en goed bestuur",
    name: "Overdragerskring Veluwe",
    theme: "succession_governance",
    description:
      "Voor eigenaren die de komende jaren hun bedrijf willen overdragen: aan familie, aan medewerkers of aan een koper. Hoe kies je de route, wanneer begin je, en hoe laat je los? Eén keer schuiven ondernemers aan die hun bedrijf al hebben overgedragen.",
    status: "forming",
    capacityMin: 5,
    capacityMax: 8,
    timeCommitment: "6 bijeenkomsten van 3 uur, elke 8 weken op donderdagavond",
    meetingMode: "in_person",
    dayPart: "evening",
    province: "GE",
    openForApplications: true,
    coaches: ["coach@kringwijs.test", "ruud.hendriks@kringwijs.test"],
    area: veluwe,
    fits: familyOrSuccession,
    pinned: [{ email: "gertjan.brouwer@kringwijs.test", state: "applied" }],
    counts: { member: 3, applied: 2, invited: 1, declined: 1 },
    membersWithoutHouseRules: 1,
  },
  {
    programme: "Familiebedrijven Gelderland: opvolging en goed bestuur",
    name: "Goed bestuur in het familiebedrijf Rivierenland",
    theme: "succession_governance",
    description:
      "Voor familiebedrijven met meer dan één familielid aan tafel. We werken aan familiestatuten, de rol van een raad van advies en het gesprek tussen aandeelhouders en directie. Eén bijeenkomst is samen met de aandeelhouders.",
    status: "active",
    capacityMin: 5,
    capacityMax: 8,
    timeCommitment: "5 bijeenkomsten van 3 uur, elke 2 maanden, met een diner vooraf",
    meetingMode: "hybrid",
    dayPart: "evening",
    province: "GE",
    openForApplications: false,
    coaches: ["ruud.hendriks@kringwijs.test"],
    area: ["Tiel", "West Betuwe", "Nijmegen", "Arnhem"],
    fits: (c) => c.familyBusiness,
    counts: { member: 5, left: 1 },
  },
  {
    programme: "Familiebedrijven Gelderland: opvolging en goed bestuur",
    name: "Overname financieren: kring Arnhem-Nijmegen",
    theme: "finance",
    description:
      "Voor ondernemers die een bedrijf overnemen of overdragen en de financiering rond moeten krijgen: bank, verkoperslening, earn-out en participaties. Gepauzeerd tot na de zomer, omdat drie deelnemers midden in hun overnametraject zitten.",
    status: "paused",
    capacityMin: 5,
    capacityMax: 10,
    timeCommitment: "6 bijeenkomsten van 3 uur, elke 6 weken",
    meetingMode: "in_person",
    dayPart: "evening",
    province: "GE",
    openForApplications: false,
    coaches: ["ruud.hendriks@kringwijs.test"],
    area: ["Arnhem", "Nijmegen", "Ede", "Zutphen"],
    // Buyers too: a growing company that takes over another one.
    fits: (c) => familyOrSuccession(c) || c.lifePhase === "growing",
    counts: { member: 4, left: 1 },
  },
  // --- Digitaal vakmanschap Brabant (branchekringen: one sector per circle)
  {
    programme: "Digitaal vakmanschap Brabant",
    name: "Smart industry kring Brainport",
    theme: "digitalisation",
    description:
      "Een branchekring voor maakbedrijven in Brabant die stappen zetten met data, automatisering en robotisering. Elke bijeenkomst is bij een van de deelnemers, met een rondleiding door de productie.",
    status: "active",
    capacityMin: 6,
    capacityMax: 12,
    timeCommitment: "8 bijeenkomsten van 3 uur, elke 6 weken, met een bedrijfsbezoek",
    meetingMode: "in_person",
    dayPart: "evening",
    province: "NB",
    openForApplications: true,
    coaches: ["fatima.elamrani@kringwijs.test"],
    sector: "C",
    area: ["Eindhoven", "Helmond", "Veldhoven", "Best", "Meierijstad", "Oss"],
    counts: { member: 8, applied: 2, declined: 1, removed: 1 },
  },
  {
    programme: "Digitaal vakmanschap Brabant",
    name: "Digitale bouwplaats Brabant",
    theme: "digitalisation",
    description:
      "Een branchekring voor bouw- en installatiebedrijven: van digitaal tekenen en plannen tot de tablet op de bouwplaats. Deelname is op uitnodiging; de coach stelt de kring samen met de regionale brancheverenigingen.",
    status: "forming",
    capacityMin: 5,
    capacityMax: 8,
    timeCommitment: "6 bijeenkomsten van 2,5 uur, elke 6 weken",
    meetingMode: "in_person",
    dayPart: "evening",
    province: "NB",
    openForApplications: false,
    coaches: ["ruud.hendriks@kringwijs.test"],
    sector: "F",
    pinned: [
      { email: "ricardo.martens@kringwijs.test", state: "member" },
      { email: "dennis.bakker@kringwijs.test", state: "invited" },
    ],
    counts: { member: 2, invited: 3 },
  },
  {
    programme: "Digitaal vakmanschap Brabant",
    name: "Webwinkel en winkelvloer",
    theme: "product_market",
    description:
      "Een online kring voor winkeliers en groothandels die hun winkel en webshop beter willen laten samenwerken. Gepauzeerd nadat twee deelnemers stopten; de coach zoekt aanvulling voordat de kring weer start.",
    status: "paused",
    capacityMin: 6,
    capacityMax: 10,
    timeCommitment: "8 online sessies van 90 minuten, elke maand",
    meetingMode: "online",
    dayPart: "evening",
    province: "NB",
    openForApplications: false,
    coaches: ["fatima.elamrani@kringwijs.test"],
    sector: "G",
    counts: { member: 4, left: 2 },
  },
  {
    programme: "Digitaal vakmanschap Brabant",
    name: "Zorg digitaal: kring voor zorgondernemers",
    theme: "digitalisation",
    description:
      "Voor eigenaren van kleine zorgbedrijven (thuiszorg, fysiotherapie, kinderopvang, dagbesteding) die digitaal willen werken zonder dat de zorg eronder lijdt. Online, zodat je het tussen je diensten door kunt doen.",
    status: "forming",
    capacityMin: 5,
    capacityMax: 8,
    timeCommitment: "6 online sessies van 2 uur, elke 6 weken",
    meetingMode: "online",
    dayPart: "afternoon",
    province: "NB",
    openForApplications: true,
    coaches: ["fatima.elamrani@kringwijs.test", "ruud.hendriks@kringwijs.test"],
    sector: "Q",
    counts: { member: 2, applied: 2, invited: 1 },
  },
];

// ---------------------------------------------------------------------------------------------
// What people and coaches write.

export const motivations = [
  "Ik wil graag sparren met ondernemers die met dezelfde vragen bezig zijn. Het thema van deze kring sluit precies aan bij waar wij nu staan.",
  "Een collega-ondernemer vertelde enthousiast over zijn kring. Ik wil liever leren van andere ondernemers dan alles zelf uitzoeken.",
  "Ik zoek een vaste groep om eerlijk mee te praten, buiten mijn eigen bedrijf. Het tijdstip past goed in mijn agenda.",
  "We staan voor een grote stap en die wil ik niet alleen zetten. Ik hoop te leren van ondernemers die dit al hebben meegemaakt.",
  "Na de ontbijtsessie van het programma wil ik graag verder in een kring. Een bijeenkomst bij ons in het bedrijf organiseren kan ook.",
  "Mijn accountant raadde me deze kring aan. Ik merk dat ik vastloop in dezelfde vragen en wil graag een frisse blik van buiten.",
];

export const declineMessages = [
  "Dank voor je aanmelding. De kring is inmiddels samengesteld uit bedrijven die in een andere fase zitten dan het jouwe. In het najaar start een nieuwe kring; ik zet je op de lijst.",
  "Bedankt voor je motivatie. Deze kring richt zich op een andere vraag dan die uit je profiel; ik denk dat een kring in het programma over groei en strategie beter past. Ik stuur je de gegevens.",
  "Dank je wel voor je interesse. In de kring zit al een bedrijf uit jouw branche en regio; om de openheid te bewaren zetten we geen directe concurrenten samen. Laten we samen naar een andere kring kijken.",
];

export const removalReasons = [
  "Drie bijeenkomsten achter elkaar zonder bericht afwezig. In overleg met de groep maken we plaats voor iemand van de wachtlijst.",
  "Heeft informatie over het bedrijf van een andere deelnemer buiten de kring gedeeld, in strijd met de huisregels.",
  "Gebruikte de bijeenkomsten herhaaldelijk om de eigen diensten aan te bieden, ondanks eerdere afspraken daarover.",
];
