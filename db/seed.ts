/**
 * Demo data: a small programme team, coaches, ambassadors and entrepreneurs with their companies.
 * Idempotent: people are keyed by e-mail, and nothing that exists is touched.
 */
import { eq } from "drizzle-orm";
import { createUser, findUserIdByEmail } from "../app/models/users.server";
import { getDb } from "../app/utils/db.server";
import { companies, type Role } from "./schema";

export const DEMO_PASSWORD = "kring-demo-2027";

type SeedPerson = { name: string; email: string; roles: Role[]; company?: string };

const staff: SeedPerson[] = [
  { name: "Marieke Bosman", email: "organisator@kringwijs.test", roles: ["organiser"] },
  { name: "Joost Verhoeven", email: "joost.verhoeven@kringwijs.test", roles: ["organiser"] },
  { name: "Anouk de Wit", email: "coach@kringwijs.test", roles: ["coach"] },
  { name: "Ruud Hendriks", email: "ruud.hendriks@kringwijs.test", roles: ["coach"] },
  { name: "Fatima El Amrani", email: "fatima.elamrani@kringwijs.test", roles: ["coach"] },
];

const ambassadors: SeedPerson[] = [
  {
    name: "Henk Wolters",
    email: "ambassadeur@kringwijs.test",
    roles: ["entrepreneur", "ambassador"],
    company: "Wolters Metaalbewerking",
  },
  {
    name: "Sanne Kuipers",
    email: "sanne.kuipers@kringwijs.test",
    roles: ["entrepreneur", "ambassador"],
    company: "Kuipers Zorgtechniek",
  },
  {
    name: "Bart Nijhuis",
    email: "bart.nijhuis@kringwijs.test",
    roles: ["entrepreneur", "ambassador"],
    company: "Nijhuis Familiebakkerij",
  },
];

const entrepreneurs: SeedPerson[] = [
  ["Lotte van Dijk", "ondernemer@kringwijs.test", "Van Dijk Installatietechniek"],
  ["Mehmet Yilmaz", "mehmet.yilmaz@kringwijs.test", "Yilmaz Transport"],
  ["Eva Jansen", "eva.jansen@kringwijs.test", "Studio Jansen Interieur"],
  ["Pieter Smit", "pieter.smit@kringwijs.test", "Smit Agro Twente"],
  ["Ingrid Mulder", "ingrid.mulder@kringwijs.test", "Mulder Kinderopvang"],
  ["Dennis Bakker", "dennis.bakker@kringwijs.test", "Bakker Bouw & Renovatie"],
  ["Yvonne de Graaf", "yvonne.degraaf@kringwijs.test", "De Graaf Accountancy"],
  ["Koen Visser", "koen.visser@kringwijs.test", "Visser Softwareontwikkeling"],
  ["Natasha Pinas", "natasha.pinas@kringwijs.test", "Pinas Schoonmaakdiensten"],
  ["Gert-Jan Brouwer", "gertjan.brouwer@kringwijs.test", "Brouwer Kunststoffen"],
  ["Sophie Meijer", "sophie.meijer@kringwijs.test", "Meijer Duurzaam Advies"],
  ["Hans Kok", "hans.kok@kringwijs.test", "Kok Houtbewerking"],
  ["Leila Haddou", "leila.haddou@kringwijs.test", "Haddou Catering"],
  ["Wouter Dekker", "wouter.dekker@kringwijs.test", "Dekker Fietsen"],
  ["Anja Vos", "anja.vos@kringwijs.test", "Vos Hoveniers"],
  ["Ricardo Martens", "ricardo.martens@kringwijs.test", "Martens Elektrotechniek"],
].map(([name, email, company]) => ({
  name: name!,
  email: email!,
  company,
  roles: ["entrepreneur"] as Role[],
}));

export const demoPeople: SeedPerson[] = [...staff, ...ambassadors, ...entrepreneurs];

export async function seed(log: (line: string) => void = () => {}) {
  const db = getDb();
  let created = 0;
  for (const person of demoPeople) {
    let userId = findUserIdByEmail(person.email);
    if (userId === null) {
      userId = await createUser({ ...person, password: DEMO_PASSWORD, verified: true });
      created += 1;
    }
    if (userId !== null && person.company) {
      const has = db
        .select({ id: companies.id })
        .from(companies)
        .where(eq(companies.ownerId, userId))
        .get();
      if (!has) db.insert(companies).values({ ownerId: userId, name: person.company }).run();
    }
  }
  log(`Seed: ${created} new people, ${demoPeople.length - created} already there.`);
  return { created };
}
