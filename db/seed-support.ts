/**
 * Demo data of the wegwijzer and contact requests: twelve support organisations in several
 * provinces (invented names, addresses on example.org; none pretends to be a real body) and
 * three questions to the demo ambassador (ambassadeur@kringwijs.test): two open, one answered
 * with a referral. Idempotent: organisations are keyed by name, requests by ambassador, sender
 * address and question. Requests are written straight into their table, as the demo's past:
 * no notifications and no mails go out for them.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Locale, SupportKind } from "../app/domain/states";
import type { Province, Theme } from "../app/domain/taxonomy";
import { getDb } from "../app/utils/db.server";
import { contactRequests, supportOrganisations, users } from "./schema";

type OrganisationSeed = {
  name: string;
  kind: SupportKind;
  description: string;
  slug: string;
  email?: string;
  provinces: Province[];
  themes: Theme[];
};

export const supportSeed: OrganisationSeed[] = [
  {
    name: "Innovatiepunt Overijssel-Oost",
    kind: "innovation_desk",
    slug: "innovatiepunt-overijssel-oost",
    email: "vraag@example.org",
    description:
      "Het eerste adres voor een ondernemer met een idee maar zonder plan. Een adviseur komt langs, denkt een ochtend mee en zoekt de juiste partner of regeling erbij. Gratis voor mkb'ers in Overijssel.",
    provinces: ["OV"],
    themes: ["product_market", "digitalisation", "social_innovation"],
  },
  {
    name: "Kenniswerkplaats Slim Produceren",
    kind: "expertise_centre",
    slug: "kenniswerkplaats-slim-produceren",
    description:
      "Een centre of expertise van een hogeschool in Oost-Nederland. Studenten en onderzoekers werken een semester lang aan een vraag uit je werkplaats, van sensoren op een oude machine tot een planning die wel klopt.",
    provinces: ["OV", "GE"],
    themes: ["digitalisation", "education"],
  },
  {
    name: "Ontwikkelingsmaatschappij Noordkust",
    kind: "development_agency",
    slug: "ontwikkelingsmaatschappij-noordkust",
    email: "team@example.org",
    description:
      "Regionale ontwikkelingsmaatschappij voor Groningen, Friesland en Drenthe. Investeert met leningen en participaties in groeiende bedrijven en helpt met een businessplan dat een bank overtuigt.",
    provinces: ["GR", "FR", "DR"],
    themes: ["finance", "growth", "international"],
  },
  {
    name: "Groeifonds Brabantse Maakbedrijven",
    kind: "funding_scheme",
    slug: "groeifonds-brabantse-maakbedrijven",
    description:
      "Een fonds dat maakbedrijven met tien tot honderd medewerkers helpt investeren in nieuwe producten. Je krijgt een lening met een lage rente en een vaste sparringpartner voor het eerste jaar.",
    provinces: ["NB"],
    themes: ["finance", "growth", "product_market"],
  },
  {
    name: "Regeling Kennis en Haalbaarheid Oost",
    kind: "funding_scheme",
    slug: "regeling-kennis-haalbaarheid-oost",
    description:
      "Een subsidie in de geest van de MIT-regeling: een kennisvoucher om een hogeschool of adviseur in te huren, of een bijdrage aan een haalbaarheidsonderzoek voor een nieuw product. Aanvragen kan twee keer per jaar.",
    provinces: ["OV", "GE"],
    themes: ["product_market", "digitalisation", "education"],
  },
  {
    name: "Netwerk Overdracht Familiebedrijf",
    kind: "network",
    slug: "netwerk-overdracht-familiebedrijf",
    email: "opvolging@example.org",
    description:
      "Landelijk netwerk van ondernemers die hun bedrijf hebben overgedragen of overgenomen. Ze koppelen je aan iemand die het al heeft meegemaakt, en organiseren avonden voor de oude en de nieuwe generatie samen.",
    provinces: [],
    themes: ["succession_governance"],
  },
  {
    name: "Circulaire Hub Rivierenland",
    kind: "network",
    slug: "circulaire-hub-rivierenland",
    description:
      "Bedrijven in het rivierengebied die elkaars reststromen gebruiken. De hub zoekt afnemers voor je afval, organiseert bedrijfsbezoeken en helpt met de eerste stappen naar een circulair product.",
    provinces: ["GE", "UT"],
    themes: ["sustainability", "product_market"],
  },
  {
    name: "Loket Duurzaam Ondernemen Zuid-Holland",
    kind: "innovation_desk",
    slug: "loket-duurzaam-ondernemen-zh",
    email: "duurzaam@example.org",
    description:
      "Helpt ondernemers met energie besparen, verduurzamen van het pand en de regels die eraan komen. Een adviseur maakt een scan van je bedrijf en zet de maatregelen op volgorde van wat het oplevert.",
    provinces: ["ZH"],
    themes: ["sustainability"],
  },
  {
    name: "Expertisecentrum Werken en Leren",
    kind: "expertise_centre",
    slug: "expertisecentrum-werken-en-leren",
    description:
      "Onderzoekers van een hogeschool in Utrecht die met werkgevers uitzoeken hoe je mensen binnenhoudt en laat groeien: leerroutes op de werkvloer, begeleiding van nieuwe collega's en samen opleiden met het mbo.",
    provinces: ["UT"],
    themes: ["people", "education"],
  },
  {
    name: "Steunpunt Sociale Innovatie",
    kind: "network",
    slug: "steunpunt-sociale-innovatie",
    email: "contact@example.org",
    description:
      "Een landelijk platform met praktijkvoorbeelden, scans en leergangen over slimmer organiseren: zelfsturende teams, meer zeggenschap voor medewerkers en werk dat beter te combineren is met de rest van het leven.",
    provinces: [],
    themes: ["social_innovation", "people"],
  },
  {
    name: "Exportdesk Euregio Limburg",
    kind: "innovation_desk",
    slug: "exportdesk-euregio-limburg",
    description:
      "Voor ondernemers die over de grens willen: klanten zoeken in België en Duitsland, regels voor personeel uit de buurlanden en beurzen waar je samen met andere Limburgse bedrijven staat.",
    provinces: ["LI"],
    themes: ["international", "growth"],
  },
  {
    name: "Startkapitaal Noordvleugel",
    kind: "funding_scheme",
    slug: "startkapitaal-noordvleugel",
    description:
      "Kleine leningen voor jonge bedrijven in Noord-Holland en Flevoland die net te groot zijn voor een microkrediet en nog te jong voor de bank. Met een coach die de eerste twee jaar meekijkt.",
    provinces: ["NH", "FL"],
    themes: ["finance", "growth"],
  },
];

type RequestSeed = {
  senderName: string;
  senderEmail: string;
  senderLocale: Locale;
  message: string;
  daysAgo: number;
  answer?: { text: string; daysAgo: number; referTo: string[] };
};

const requestSeed: RequestSeed[] = [
  {
    senderName: "Marieke Postma",
    senderEmail: "marieke.postma@example.nl",
    senderLocale: "nl",
    daysAgo: 2,
    message:
      "Ik hoorde je vorige week vertellen op het ondernemersontbijt in Hengelo. Wij zijn een installatiebedrijf met 22 mensen en ik wil de monteurs meer zelf laten plannen, maar mijn planner ziet dat niet zitten. Hoe heb jij dat gesprek gevoerd?",
  },
  {
    senderName: "Sarah Mitchell",
    senderEmail: "sarah.mitchell@example.com",
    senderLocale: "en",
    daysAgo: 1,
    message:
      "I run a small machine shop near Enschede and read your story about self-managing teams. Could I visit your workshop one afternoon to see how the teams plan their work?",
  },
  {
    senderName: "Joost van Dam",
    senderEmail: "joost.vandam@example.nl",
    senderLocale: "nl",
    daysAgo: 12,
    message:
      "Mijn vader wil over een paar jaar stoppen en ik ben de enige van de kinderen die het bedrijf wil overnemen. Waar begin je? En hoe hield jij de oude klanten en de mensen op de werkvloer erbij?",
    answer: {
      daysAgo: 9,
      referTo: ["Netwerk Overdracht Familiebedrijf", "Innovatiepunt Overijssel-Oost"],
      text: "Goeie vraag, en je bent er vroeg bij. Bij ons duurde het al met al vier jaar, en dat was niet te lang. Begin met een eerlijk gesprek met je vader over wanneer hij echt loslaat, en zet dat op papier.\n\nDe klanten hebben we samen bezocht, een jaar lang: eerst hij met mij erbij, daarna ik met hem erbij. Het netwerk hieronder koppelt je aan iemand die het net heeft meegemaakt; dat heeft mij enorm geholpen.",
    },
  },
];

const DAY = 24 * 3_600_000;

/** Writes what is missing and logs what it did. */
export function seedSupport(log: (line: string) => void = () => {}, now = Date.now()) {
  const db = getDb();
  const result = db.transaction(
    (tx) => {
      const known = new Set(
        tx
          .select({ name: supportOrganisations.name })
          .from(supportOrganisations)
          .where(
            inArray(
              supportOrganisations.name,
              supportSeed.map((o) => o.name),
            ),
          )
          .all()
          .map((o) => o.name),
      );
      let organisations = 0;
      for (const org of supportSeed) {
        if (known.has(org.name)) continue;
        tx.insert(supportOrganisations)
          .values({
            name: org.name,
            kind: org.kind,
            description: org.description,
            url: `https://example.org/wegwijzer/${org.slug}`,
            email: org.email ?? null,
            phone: null,
            provinces: org.provinces,
            themes: org.themes,
            updatedAt: new Date(now - 30 * DAY),
            createdAt: new Date(now - 30 * DAY),
          })
          .run();
        organisations += 1;
      }

      const ambassador = tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, "ambassadeur@kringwijs.test"))
        .get();
      let requests = 0;
      if (ambassador) {
        const orgIds = new Map(
          tx
            .select({ id: supportOrganisations.id, name: supportOrganisations.name })
            .from(supportOrganisations)
            .all()
            .map((o) => [o.name, o.id]),
        );
        for (const request of requestSeed) {
          const exists = tx
            .select({ id: contactRequests.id })
            .from(contactRequests)
            .where(
              and(
                eq(contactRequests.ambassadorId, ambassador.id),
                eq(contactRequests.senderEmail, request.senderEmail),
                eq(contactRequests.message, request.message),
              ),
            )
            .get();
          if (exists) continue;
          const answer = request.answer;
          tx.insert(contactRequests)
            .values({
              ambassadorId: ambassador.id,
              senderName: request.senderName,
              senderEmail: request.senderEmail,
              senderLocale: request.senderLocale,
              message: request.message,
              status: answer ? "answered" : "open",
              answer: answer?.text ?? null,
              referredIds: (answer?.referTo ?? [])
                .map((name) => orgIds.get(name))
                .filter((id): id is number => id !== undefined),
              answeredAt: answer ? new Date(now - answer.daysAgo * DAY) : null,
              createdAt: new Date(now - request.daysAgo * DAY),
            })
            .run();
          requests += 1;
        }
      }
      return { organisations, requests };
    },
    { behavior: "immediate" },
  );
  log(
    `Seed: ${result.organisations} new wegwijzer organisations, ${result.requests} new contact requests.`,
  );
  return result;
}
