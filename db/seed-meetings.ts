/**
 * The demo meetings behind db/seed.ts: past meetings with their summary, attendance, cases,
 * action items (some done) and ratings; upcoming meetings with answers; open date polls; and
 * two meetings around the October daylight-saving change (one on each side, and a two-day
 * meeting across the night the clocks go back). Pure data; the seed writes it through the
 * models, as the coach and the members would.
 *
 * People are named as in db/seed-threads.ts: an e-mail, `coach` (the circle's first coach) or
 * `#n`, the n-th member who accepted the house rules (hand-placed members first).
 */
import type { CaseUrgency, PollAnswer, RsvpAnswer } from "../app/domain/states";
import type { Who } from "./seed-threads";

/**
 * When a meeting or slot happens: `weeks` from this week (negative: in the past) on `weekday`
 * (1 = Monday ... 7 = Sunday) of that week, days from the next Sunday the clocks go back
 * (nextOctoberChange in db/seed.ts), or a fixed Amsterdam date.
 */
export type SeedDay =
  { weeks: number; weekday: number } | { fromOctoberChange: number } | { date: string };

export type SeedMeeting = {
  circle: string;
  title: string;
  day: SeedDay;
  start: string;
  end: string;
  /** For a meeting over two days: the day it ends, counted from `day`. */
  endsDaysLater?: number;
  location:
    | { kind: "company"; host: Who; address: string }
    | { kind: "address"; address: string }
    | { kind: "video"; url: string };
  capacity?: number;
  agenda: string;
  answers: Partial<Record<RsvpAnswer, Who[]>>;
  cases?: Array<{
    by: Who;
    title: string;
    situation: string;
    request: string;
    urgency: CaseUrgency;
  }>;
  /** After the meeting: who was there (the others who were asked, absent). */
  present?: Who[];
  summary?: string;
  actions?: Array<{
    owner: Who;
    text: string;
    /** Due this many days after the meeting. */
    dueDays?: number;
    /** The case (by index) this commitment came out of. */
    fromCase?: number;
    done?: string;
  }>;
  ratings?: Array<{ by: Who; score: number; comment?: string }>;
};

export type SeedPoll = {
  circle: string;
  title: string;
  note: string;
  slots: Array<{ day: SeedDay; start: string; end: string }>;
  /** Each voter's answer per slot, in slot order. */
  votes: Record<Who, PollAnswer[]>;
};

const SLIMMER = "Kring Slimmer Organiseren Twente";
const ACHTERHOEK = "Opvolgerskring Achterhoek";
const ZWOLLE = "Zwolse kring Werkgeluk en Zelforganisatie";
const LOTTE = "ondernemer@kringwijs.test";
const HANS = "hans.kok@kringwijs.test";
const BART = "bart.nijhuis@kringwijs.test";

export const seedMeetings: SeedMeeting[] = [
  // --- Kring Slimmer Organiseren Twente: every six weeks on a Tuesday evening.
  {
    circle: SLIMMER,
    title: "Aftrap: wie zijn we en wat willen we leren?",
    day: { weeks: -10, weekday: 2 },
    start: "19:00",
    end: "22:00",
    location: { kind: "address", address: "Hengelosestraat 500, 7521 AN Enschede (Kennispark)" },
    agenda: `1. Kennismaken: je bedrijf in drie minuten
2. De leervragen naast elkaar leggen
3. Afspraken over vertrouwelijkheid en hoe we met elkaar omgaan
4. Wie ontvangt ons de volgende keer?`,
    answers: { yes: [LOTTE, HANS, "#2", "#3", "#4", "#5"], no: ["#6"] },
    present: [LOTTE, HANS, "#2", "#3", "#4"],
    summary: `Een goede eerste avond met zes ondernemers. Wat opviel: bijna iedereen worstelt met dezelfde vraag, **hoe geef je mensen meer ruimte zonder dat het rommelig wordt?**

- De leervragen vallen in drie groepen: planning en roosters, overleg dat te lang duurt, en de rol van de eigenaar.
- We spraken af dat wat aan tafel gezegd wordt, in de kring blijft.
- Hans ontvangt ons de volgende keer in zijn werkplaats in Almelo.`,
    actions: [
      {
        owner: LOTTE,
        text: "Mijn team zelf het rooster voor januari laten maken en bijhouden wat er misgaat",
        dueDays: 35,
        done: "Gedaan. Twee botsingen, die ze zelf hebben opgelost. Scheelde mij een avond puzzelen.",
      },
      {
        owner: HANS,
        text: "Een rondleiding voorbereiden: wat doen we in de werkplaats anders sinds de teams zelf plannen?",
        dueDays: 40,
        done: "Staat klaar, inclusief het planbord.",
      },
      {
        owner: "#2",
        text: "Het weekoverleg terugbrengen naar een half uur, met een vaste agenda",
        dueDays: 28,
      },
    ],
    ratings: [
      { by: LOTTE, score: 4, comment: "Fijn om te horen dat ik niet de enige ben." },
      { by: HANS, score: 5 },
      { by: "#2", score: 4 },
      { by: "#3", score: 3, comment: "Kennismaken duurde wat lang." },
    ],
  },
  {
    circle: SLIMMER,
    title: "Kijkje in de keuken bij Hans: plannen zonder planner",
    day: { weeks: -4, weekday: 2 },
    start: "19:00",
    end: "22:00",
    location: { kind: "company", host: HANS, address: "Bedrijvenpark Twente 310, 7602 KL Almelo" },
    agenda: `1. Rondleiding door de werkplaats (Hans)
2. Casus van Lotte: de maandagplanning
3. Ervaringen delen: wat werkte bij jullie?
4. Wat ga je doen?`,
    answers: { yes: [LOTTE, HANS, "#2", "#3", "#5"], maybe: ["#4"], no: ["#6"] },
    cases: [
      {
        by: LOTTE,
        title: "De maandagplanning loopt steeds vast",
        situation:
          "Op maandag komen alle aanvragen van het weekend binnen en ik verdeel ze. Als ik er niet ben, gebeurt er niets en staat er dinsdag een achterstand.",
        request:
          "Ik wil horen hoe jullie het verdelen van werk bij het team hebben gelegd, en wat daarbij misging.",
        urgency: "high",
      },
    ],
    present: [LOTTE, HANS, "#2", "#3", "#4", "#5"],
    summary: `Hans liet zien hoe zijn teams sinds een jaar zelf plannen met een groot bord in de werkplaats. Het begon rommelig; na drie maanden liep het beter dan ooit.

**Casus Lotte: de maandagplanning.** Na de verhelderende vragen bleek dat het team wel wil, maar niet weet welke klussen voorgaan. Ervaringen uit de groep:

- Hans: een vaste regel voor voorrang (eerst spoed, dan oudste aanvraag) maakte het verschil.
- Een ander lid: begin met één ochtend per week en schaal op.

Lotte gaat een voorrangsregel op papier zetten en het team twee maandagen zelf laten verdelen.`,
    actions: [
      {
        owner: LOTTE,
        text: "Een voorrangsregel voor aanvragen opschrijven en het team twee maandagen zelf laten verdelen",
        dueDays: 21,
        fromCase: 0,
      },
      {
        owner: "#3",
        text: "Bij Hans een foto van het planbord opvragen en in de eigen werkplaats uitproberen",
        dueDays: 14,
        done: "Hangt sinds vorige week. Het team vult het zelf in.",
      },
      {
        owner: "#5",
        text: "Met de ploegleiders bespreken wie welke beslissingen mag nemen",
        dueDays: 30,
      },
    ],
    ratings: [
      { by: LOTTE, score: 5, comment: "Precies wat ik nodig had. Volgende maandag begin ik." },
      { by: HANS, score: 4 },
      { by: "#3", score: 5, comment: "Het bord zien werkte beter dan erover lezen." },
      { by: "#5", score: 4 },
    ],
  },
  {
    circle: SLIMMER,
    title: "Overleg dat korter en beter kan",
    day: { weeks: 2, weekday: 2 },
    start: "19:00",
    end: "22:00",
    location: { kind: "address", address: "Hengelosestraat 500, 7521 AN Enschede (Kennispark)" },
    capacity: 9,
    agenda: `1. Terugblik: wat is er gebeurd met de afspraken van vorige keer?
2. Casussen (zet je casus erbij)
3. Korte opdracht: je eigen overleg in één minuut uitleggen`,
    answers: { yes: [HANS, "#2", "#3"], maybe: ["#4"], no: ["#6"] },
    cases: [
      {
        by: "#2",
        title: "Het weekoverleg is een kletsuur geworden",
        situation:
          "We zitten elke maandag anderhalf uur bij elkaar. Iedereen vertelt wat hij doet, besluiten nemen we zelden.",
        request: "Hoe houden jullie het overleg kort, en wie bewaakt dat?",
        urgency: "medium",
      },
    ],
  },
  // --- Opvolgerskring Achterhoek: every six weeks, each time at another family business.
  {
    circle: ACHTERHOEK,
    title: "Het gesprek met de vorige generatie",
    day: { weeks: -3, weekday: 4 },
    start: "19:30",
    end: "22:30",
    location: { kind: "company", host: BART, address: "Industrieweg 12, 7122 AA Aalten" },
    agenda: `1. Rondleiding
2. Casus: vader wil nog meebeslissen
3. Wat ga je doen?`,
    answers: { yes: [BART, "#1", "#2", "#3"], no: ["#4"] },
    present: [BART, "#1", "#2"],
    summary: `Bij het bedrijf van Bart spraken we over de rol van de vorige generatie na de overdracht. Herkenbaar voor iedereen: de vader of moeder die "alleen even meekijkt".

- Maak samen op papier wie waarover beslist, en spreek een datum af waarop dat weer wordt bekeken.
- Geef de vorige generatie een eigen, zichtbare rol (klantcontact, opleiden van jonge mensen).`,
    actions: [
      {
        owner: BART,
        text: "Met mijn vader een lijstje maken: wat beslist hij nog, wat ik, en wat samen",
        dueDays: 30,
      },
      {
        owner: "#1",
        text: "De familie uitnodigen voor een avond over de taakverdeling",
        dueDays: 45,
        done: "Avond gehad. Niet alles is opgelost, maar we praten er nu wel over.",
      },
    ],
    ratings: [
      { by: BART, score: 5 },
      { by: "#1", score: 4, comment: "Mooi om bij een ander familiebedrijf binnen te kijken." },
    ],
  },
  {
    // Summer time (UTC+2): the Tuesday before the clocks go back.
    circle: ACHTERHOEK,
    title: "Financiering van de overname",
    day: { fromOctoberChange: -5 },
    start: "19:30",
    end: "22:30",
    location: { kind: "address", address: "Rabobank Graafschap, Hofstraat 2, 7001 AA Doetinchem" },
    agenda:
      "Een financieringsadviseur vertelt over vendor loans en earn-outs; daarna vragen uit de kring.",
    answers: { yes: [BART], maybe: ["#1"] },
  },
  {
    // Across the change: starts in summer time on Saturday, ends in winter time on Sunday.
    circle: ACHTERHOEK,
    title: "Tweedaagse: de toekomst van het familiebedrijf",
    day: { fromOctoberChange: -1 },
    start: "16:00",
    end: "13:00",
    endsDaysLater: 1,
    location: { kind: "address", address: "Landgoed Zelle, Zelledijk 2, 7255 XA Hengelo (Gld)" },
    capacity: 12,
    agenda: `**Zaterdag:** aankomst, wandeling over het landgoed, diner en een avond over waarden in de familie.

**Zondag:** ontbijt, ieder een eigen toekomstbeeld voor het bedrijf, en afspraken voor het komende jaar.

Let op: in de nacht van zaterdag op zondag gaat de klok een uur terug.`,
    answers: { yes: [BART, "#1", "#2"], maybe: ["#3"] },
  },
  {
    // Winter time (UTC+1): the Tuesday after.
    circle: ACHTERHOEK,
    title: "Terugkomavond na de tweedaagse",
    day: { fromOctoberChange: 2 },
    start: "19:30",
    end: "21:30",
    location: { kind: "video", url: "https://meet.jit.si/kringwijs-opvolgers-achterhoek" },
    agenda: "Wat hebben we meegenomen van de tweedaagse, en wat doen we ermee?",
    answers: { yes: [BART] },
  },
  // --- Zwolse kring Werkgeluk en Zelforganisatie: monthly, hybrid.
  {
    circle: ZWOLLE,
    title: "Werkgeluk meten zonder enquêtemoeheid",
    day: { weeks: 1, weekday: 3 },
    start: "19:00",
    end: "21:30",
    location: { kind: "video", url: "https://meet.jit.si/kringwijs-werkgeluk-zwolle" },
    agenda: `1. Wat meten jullie nu al?
2. Casussen
3. Afspraken`,
    answers: { yes: ["#0", "#1"], maybe: ["#2"] },
  },
];

export const seedPolls: SeedPoll[] = [
  {
    circle: SLIMMER,
    title: "Bijeenkomst in februari",
    note: "Kies alle avonden die je kunnen. We nemen de avond waarop de meesten kunnen.",
    slots: [
      { day: { weeks: 9, weekday: 2 }, start: "19:00", end: "22:00" },
      { day: { weeks: 9, weekday: 4 }, start: "19:00", end: "22:00" },
      { day: { weeks: 10, weekday: 2 }, start: "19:00", end: "22:00" },
    ],
    // The seeded entrepreneur (LOTTE) has not answered yet: she sees the question.
    votes: {
      [HANS]: ["yes", "maybe", "yes"],
      "#2": ["yes", "no", "maybe"],
      "#3": ["no", "yes", "yes"],
    },
  },
  {
    circle: ZWOLLE,
    title: "Extra avond: bezoek aan een zelfsturend team",
    note: "Een van de leden nodigt ons uit. Welke datum past?",
    slots: [
      { day: { weeks: 5, weekday: 2 }, start: "18:30", end: "21:00" },
      { day: { weeks: 6, weekday: 2 }, start: "18:30", end: "21:00" },
    ],
    votes: { "#0": ["yes", "yes"], "#1": ["maybe", "yes"] },
  },
];
