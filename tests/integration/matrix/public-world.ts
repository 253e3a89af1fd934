/**
 * The world of the ambassadors issue's authorisation matrix (authorization-public.test.ts):
 * an ambassador with a published profile, a published and a draft story of theirs, a tool, a
 * contact request to them, a wegwijzer organisation, and a circle whose coach and member have
 * a past meeting with a summary and a thread (for borging). Rows are written straight into the
 * tables: the matrix tests the routes' guards, not the models that fill them.
 */
import {
  ambassadorProfiles,
  contactRequests,
  knowledgeItems,
  meetings,
  supportOrganisations,
} from "../../../db/schema";
import { getDb } from "~/utils/db.server";
import { createThread } from "~/models/discussions.server";
import { makeDiscussionCircle, makeUser } from "../helpers";

export const publicPersonas = [
  "anonymous",
  "entrepreneur",
  /** Owns the profile, the stories and the contact request of the world. */
  "ambassador",
  "otherAmbassador",
  /** Coaches the world's circle (and so may add to the knowledge bank). */
  "coach",
  "member",
  "organiser",
] as const;
export type PublicPersona = (typeof publicPersonas)[number];

export type PublicWorld = {
  ambassadorSlug: string;
  otherAmbassadorSlug: string;
  publishedStorySlug: string;
  draftStorySlug: string;
  toolSlug: string;
  contactRequestId: number;
  supportOrganisationId: number;
  circleId: number;
  pastMeetingId: number;
  threadId: number;
  userIds: Partial<Record<PublicPersona, number>>;
};

let n = 0;

function profileRow(userId: number, slug: string) {
  return {
    userId,
    slug,
    headline: "Van familiebedrijf naar zelfsturende teams",
    companyName: "Testbedrijf",
    sector: "C",
    sizeClass: "small",
    lifePhase: "renewing",
    province: "OV",
    themes: ["social_innovation"],
    bio: "Ik vertel graag hoe wij het aanpakten.",
    bioHtml: "<p>Ik vertel graag hoe wij het aanpakten.</p>",
    offers: ["talk" as const],
    availability: "Een keer per maand",
    publicFields: ["company" as const, "themes" as const, "bio" as const, "offers" as const],
    published: true,
  };
}

export async function buildPublicWorld(): Promise<PublicWorld> {
  n += 1;
  const tag = `${n}-${Math.random().toString(36).slice(2, 7)}`;
  const db = getDb();
  const ambassador = await makeUser({
    roles: ["entrepreneur", "ambassador"],
    name: "Henk Ambassadeur",
  });
  const otherAmbassador = await makeUser({ roles: ["ambassador"], name: "Sanne Ambassadeur" });
  const organiser = await makeUser({ roles: ["organiser"] });
  const entrepreneur = await makeUser();
  const circle = await makeDiscussionCircle({ members: 1, status: "active" });
  const member = circle.members[0]!;

  const ambassadorSlug = `henk-${tag}`;
  const otherAmbassadorSlug = `sanne-${tag}`;
  db.insert(ambassadorProfiles).values(profileRow(ambassador.id, ambassadorSlug)).run();
  db.insert(ambassadorProfiles).values(profileRow(otherAmbassador.id, otherAmbassadorSlug)).run();

  const item = (slug: string, values: Partial<typeof knowledgeItems.$inferInsert>) =>
    db
      .insert(knowledgeItems)
      .values({
        kind: "story",
        slug,
        title: `Verhaal ${slug}`,
        summary: "Een korte samenvatting.",
        body: "Hoe wij het deden.",
        bodyHtml: "<p>Hoe wij het deden.</p>",
        ambassadorId: ambassador.id,
        createdById: ambassador.id,
        themes: ["social_innovation"],
        ...values,
      })
      .run();
  const publishedStorySlug = `gepubliceerd-${tag}`;
  const draftStorySlug = `concept-${tag}`;
  const toolSlug = `tool-${tag}`;
  item(publishedStorySlug, { status: "published", publishedAt: new Date() });
  item(draftStorySlug, { status: "draft" });
  item(toolSlug, {
    kind: "tool",
    status: "published",
    publishedAt: new Date(),
    ambassadorId: null,
    createdById: circle.coach.id,
    url: "https://example.org/scan",
  });

  const request = db
    .insert(contactRequests)
    .values({
      ambassadorId: ambassador.id,
      senderName: "Bezoeker",
      senderEmail: "bezoeker@example.nl",
      message: "Hoe begonnen jullie met zelfsturing?",
    })
    .returning({ id: contactRequests.id })
    .get();
  const organisation = db
    .insert(supportOrganisations)
    .values({
      name: "Innovatieloket Test",
      kind: "innovation_desk",
      description: "Helpt ondernemers op weg.",
      url: "https://example.org/loket",
      provinces: ["OV"],
      themes: ["social_innovation"],
      createdById: organiser.id,
    })
    .returning({ id: supportOrganisations.id })
    .get();

  const lastWeek = Date.now() - 7 * 24 * 3_600_000;
  const meeting = db
    .insert(meetings)
    .values({
      circleId: circle.id,
      title: "Eerste bijeenkomst",
      startsAt: new Date(lastWeek),
      endsAt: new Date(lastWeek + 2 * 3_600_000),
      locationKind: "video",
      videoUrl: "https://meet.example.org/kring",
      summary: "We spraken over zelfsturing.",
      summaryUpdatedAt: new Date(lastWeek + 3 * 3_600_000),
      updatedAt: new Date(lastWeek),
      createdById: circle.coach.id,
    })
    .returning({ id: meetings.id })
    .get();
  const thread = createThread({
    circleId: circle.id,
    authorId: member.id,
    title: "Zelfsturing in de werkplaats",
    source: "Wie heeft ervaring met zelfsturende teams?",
    key: null,
  });
  if (!thread.ok) throw new Error("thread refused");

  return {
    ambassadorSlug,
    otherAmbassadorSlug,
    publishedStorySlug,
    draftStorySlug,
    toolSlug,
    contactRequestId: request.id,
    supportOrganisationId: organisation.id,
    circleId: circle.id,
    pastMeetingId: meeting.id,
    threadId: thread.threadId,
    userIds: {
      entrepreneur: entrepreneur.id,
      ambassador: ambassador.id,
      otherAmbassador: otherAmbassador.id,
      coach: circle.coach.id,
      member: member.id,
      organiser: organiser.id,
    },
  };
}
