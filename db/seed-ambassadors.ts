/**
 * Demo data of the ambassadors: five published profiles (three featured on the landing page),
 * for the three ambassadors of seed-data.ts and two more who are only ambassadors. Idempotent:
 * a user or a profile that exists is left as it is (an edited demo profile is not overwritten).
 * Other seeds (stories, contact requests) find these five by their e-mail addresses.
 */
import { eq, sql } from "drizzle-orm";
import { ambassadorProfiles, userRoles, users } from "./schema";
import { freeProfileSlug } from "../app/models/ambassadors.server";
import type { AmbassadorOffer, ProfileField } from "../app/domain/states";
import { normaliseEmail } from "../app/models/users.server";
import { getDb } from "../app/utils/db.server";
import { renderMarkdown } from "../app/utils/markdown.server";
import { hashPassword } from "../app/utils/password.server";

type AmbassadorSeed = {
  name: string;
  email: string;
  /** Made here when missing, with the ambassador role only. */
  newUser?: boolean;
  headline: string;
  companyName: string;
  sector: string;
  sizeClass: string;
  lifePhase: string;
  province: string;
  themes: string[];
  bio: string;
  offers: AmbassadorOffer[];
  availability: string;
  publicFields: ProfileField[];
  featured: boolean;
};

const allButNothing: ProfileField[] = [
  "photo",
  "company",
  "sector",
  "sizeClass",
  "lifePhase",
  "province",
  "themes",
  "bio",
  "offers",
  "availability",
];

export const ambassadorSeeds: AmbassadorSeed[] = [
  {
    name: "Henk Wolters",
    email: "ambassadeur@kringwijs.test",
    headline: "Van familiebedrijf met een baas naar teams die zelf plannen",
    companyName: "Wolters Metaalbewerking",
    sector: "C",
    sizeClass: "small",
    lifePhase: "renewing",
    province: "OV",
    themes: ["social_innovation", "people"],
    bio: [
      "Mijn opa begon in 1978 met een draaibank in een schuur in Hengelo. Nu werken we met 34 mensen aan plaatwerk en onderdelen voor de machinebouw.",
      "",
      "Jarenlang liep alles via mij. Elke vraag, elke planning, elke klacht. Dat hield ik niet vol, en mijn mensen werden er ook niet beter van. In een lerende kring met andere ondernemers durfde ik voor het eerst hardop te zeggen dat ik vastliep.",
      "",
      "Sindsdien starten de teams in de werkplaats de dag samen en plannen ze zelf het werk. Dat ging niet vanzelf:",
      "",
      "- de eerste maanden was het rommelig en wilde ik steeds ingrijpen;",
      "- twee teamleiders vonden hun nieuwe rol lastig;",
      "- op kantoor zijn we er nog lang niet.",
      "",
      "Ik vertel er graag eerlijk over, ook over wat misging.",
    ].join("\n"),
    offers: ["talk", "company_visit", "conversation"],
    availability: "Eén keer per maand, het liefst op een dinsdag- of donderdagavond.",
    publicFields: allButNothing,
    featured: true,
  },
  {
    name: "Sanne Kuipers",
    email: "sanne.kuipers@kringwijs.test",
    headline: "Samen met studenten slimme tilhulpen voor de thuiszorg bouwen",
    companyName: "Kuipers Zorgtechniek",
    sector: "C",
    sizeClass: "small",
    lifePhase: "growing",
    province: "GE",
    themes: ["product_market", "education", "international"],
    bio: [
      "In 2012 begon ik in Nijmegen met één idee: tillen in de thuiszorg moet lichter. Inmiddels maken we met 18 mensen hulpmiddelen die wijkverpleegkundigen elke dag gebruiken.",
      "",
      "Een groot deel van onze prototypes ontstaat samen met studenten van de hogeschool. Dat levert veel op, maar het vraagt ook iets: goede begeleiding, duidelijke afspraken over wie wat bezit, en geduld.",
      "",
      "Ik deel graag hoe wij die samenwerking hebben opgezet en wat we deden om de kennis in huis te houden als een student weer vertrekt. En nu we ook in Duitsland verkopen, heb ik een paar lessen over de eerste stappen over de grens.",
    ].join("\n"),
    offers: ["talk", "conversation"],
    availability: "Vooral 's middags; een online gesprek past bijna altijd.",
    publicFields: allButNothing,
    featured: true,
  },
  {
    name: "Bart Nijhuis",
    email: "bart.nijhuis@kringwijs.test",
    headline: "De vierde generatie achter de oven, en toch je eigen koers varen",
    companyName: "Nijhuis Familiebakkerij",
    sector: "C",
    sizeClass: "small",
    lifePhase: "succession",
    province: "GE",
    themes: ["succession_governance", "people"],
    bio: [
      "Drie jaar geleden nam ik de bakkerij in Winterswijk over van mijn vader. We hebben vier winkels in de Achterhoek en bakken voor supermarkten in de buurt.",
      "",
      "Een overname binnen de familie is meer dan papierwerk. Je erft ook gewoontes, verwachtingen en een vader die nog elke ochtend om vijf uur binnenloopt. Wij hebben een familiestatuut gemaakt en een raad van advies ingesteld, en ik leerde in een kring van opvolgers hoe anderen dit aanpakten.",
      "",
      "Sta jij voor een overdracht, of zit je er middenin? Dan denk ik graag met je mee.",
    ].join("\n"),
    offers: ["company_visit", "conversation"],
    availability: "Na de ochtenddrukte, vanaf een uur of twee 's middags.",
    publicFields: [
      "photo",
      "company",
      "sector",
      "lifePhase",
      "province",
      "themes",
      "bio",
      "offers",
    ],
    featured: false,
  },
  {
    name: "Esther Bruins",
    email: "esther.bruins@kringwijs.test",
    newUser: true,
    headline: "Digitaliseren begint bij de vraag van je klant, niet bij de software",
    companyName: "Bruins Digitaal",
    sector: "J",
    sizeClass: "small",
    lifePhase: "growing",
    province: "NB",
    themes: ["digitalisation"],
    bio: [
      "Met twaalf mensen bouwen we in Eindhoven webshops, klantportalen en koppelingen voor mkb-bedrijven in de regio. Veel van onze klanten zijn maakbedrijven die merken dat hun klanten alles online willen regelen.",
      "",
      "Wat ik steeds weer zie: bedrijven kopen een pakket en hopen dat het probleem dan weg is. Het werkt beter andersom. Begin bij één proces dat je klant echt vervelend vindt, maak dat digitaal, en leer daarvan.",
      "",
      "Ik vertel graag hoe we dat bij klanten aanpakken, en ook hoe we zelf als bureau zijn gegroeid zonder onze manier van werken kwijt te raken.",
    ].join("\n"),
    offers: ["talk", "conversation"],
    availability: "Twee keer per maand, overdag of online.",
    publicFields: allButNothing,
    featured: false,
  },
  {
    name: "Rachid Benali",
    email: "rachid.benali@kringwijs.test",
    newUser: true,
    headline: "Van installateur naar circulaire dienstverlener: we verhuren nu warmte",
    companyName: "Benali Installatietechniek",
    sector: "F",
    sizeClass: "small",
    lifePhase: "established",
    province: "LI",
    themes: ["sustainability"],
    bio: [
      "Ons installatiebedrijf in Venlo bestaat al ruim twintig jaar. We zijn met 26 mensen en doen verwarming, ventilatie en sanitair voor woningen en bedrijfspanden.",
      "",
      "Een paar jaar geleden vroeg ik me af waarom we apparaten verkopen die na vijftien jaar bij het afval belanden. Nu bieden we warmtepompen ook aan als dienst: de klant betaalt per maand, wij blijven eigenaar, onderhouden ze en nemen de onderdelen terug.",
      "",
      "Dat vroeg om een ander verdienmodel, een gesprek met de bank en veel uitleg aan klanten. Ik laat je graag zien hoe het bij ons werkt, in de werkplaats of bij een klant.",
    ].join("\n"),
    offers: ["talk", "company_visit", "conversation"],
    availability: "Op vrijdagmiddag, en af en toe op een avond.",
    publicFields: allButNothing,
    featured: true,
  },
];

/** Writes the ambassadors' users and profiles; returns how many profiles were new. */
export async function seedAmbassadors(demoPassword: string, now = Date.now()): Promise<number> {
  const db = getDb();
  const missing = ambassadorSeeds.filter(
    (a) =>
      a.newUser &&
      !db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, normaliseEmail(a.email)))
        .get(),
  );
  const passwordHash = missing.length > 0 ? await hashPassword(demoPassword) : "";
  return db.transaction(
    (tx) => {
      let created = 0;
      ambassadorSeeds.forEach((a, index) => {
        const email = normaliseEmail(a.email);
        let userId = tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, email))
          .get()?.id;
        if (userId === undefined) {
          if (!a.newUser) throw new Error(`Seed: no user ${a.email} for an ambassador profile`);
          userId = tx
            .insert(users)
            .values({ name: a.name, email, passwordHash, emailVerifiedAt: new Date(now) })
            .returning({ id: users.id })
            .get().id;
          tx.insert(userRoles).values({ userId, role: "ambassador" }).run();
        }
        const exists = tx
          .select({ one: sql`1` })
          .from(ambassadorProfiles)
          .where(eq(ambassadorProfiles.userId, userId))
          .get();
        if (exists) return;
        const slug = freeProfileSlug(tx, a.name);
        tx.insert(ambassadorProfiles)
          .values({
            userId,
            slug,
            headline: a.headline,
            companyName: a.companyName,
            sector: a.sector,
            sizeClass: a.sizeClass,
            lifePhase: a.lifePhase,
            province: a.province,
            themes: a.themes,
            bio: a.bio,
            bioHtml: renderMarkdown(a.bio),
            offers: a.offers,
            availability: a.availability,
            publicFields: a.publicFields,
            published: true,
            // The order of the list is the landing page's order (most recent first).
            featuredAt: a.featured ? new Date(now - index * 60_000) : null,
            updatedAt: new Date(now),
            createdAt: new Date(now),
          })
          .run();
        created += 1;
      });
      return created;
    },
    { behavior: "immediate" },
  );
}
