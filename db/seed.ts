/**
 * Demo data: a programme team, coaches, ambassadors and about eighty entrepreneurs with their
 * companies and profiles, three programmes, twelve circles and memberships in every state.
 * Idempotent: people are keyed by e-mail, programmes and circles by name, and nothing that exists
 * is touched (except that a company an older seed left without details gets them). A circle's
 * coaches and memberships are only written when the seed creates the circle.
 */
import { and, eq, gt, gte, inArray, isNotNull, like, sql } from "drizzle-orm";
import { defaultWeights } from "../app/models/programmes.server";
import { seedSupport } from "./seed-support";
import { normaliseEmail } from "../app/models/users.server";
import { DEFAULT_HOUSE_RULES } from "../app/domain/house-rules";
import { neighbouring } from "../app/domain/matching/model";
import { getDb } from "../app/utils/db.server";
import { quoteMarkdown, type Reaction } from "../app/domain/discussions";
import {
  createPost,
  createThread,
  recordVisit,
  toggleReaction,
} from "../app/models/discussions.server";
import {
  LONG_THREAD,
  longThreadOpening,
  longThreadReplies,
  seedThreads,
  type SeedThread,
  type Who,
} from "./seed-threads";
import { hashPassword } from "../app/utils/password.server";
import { seedAmbassadors } from "./seed-ambassadors";
import {
  ambassadors,
  assertValidPerson,
  circleSeeds,
  declineMessages,
  generateEntrepreneurs,
  motivations,
  namedEntrepreneurs,
  programmeSeeds,
  prng,
  removalReasons,
  stableHash,
  staff,
  unrelatedEmails,
  type CircleSeed,
  type PersonSeed,
} from "./seed-data";
import {
  circleCoaches,
  circles,
  companies,
  emailOutbox,
  meetingPolls,
  meetings,
  memberships,
  notifications,
  profiles,
  programmeCoaches,
  programmes,
  scheduledJobs,
  threads,
  userRoles,
  users,
} from "./schema";
import type { MembershipState, RsvpAnswer } from "../app/domain/states";
import { addDays, amsterdamToday, fromAmsterdam, toAmsterdam } from "../app/domain/meeting-time";
import { createMeeting, respondToMeeting } from "../app/models/meetings.server";
import { createPoll, getPoll, pollView, votePoll } from "../app/models/polls.server";
import { proposeCase } from "../app/models/cases.server";
import {
  addActionItem,
  markActionDone,
  rateMeeting,
  recordAttendance,
  saveSummary,
} from "../app/models/follow-up.server";
import { seedKnowledge } from "./seed-knowledge";
import { seedMeetings, seedPolls, type SeedDay } from "./seed-meetings";

export const DEMO_PASSWORD = "kring-demo-2027";

const handWritten: PersonSeed[] = [...staff, ...ambassadors, ...namedEntrepreneurs];
export const demoPeople: PersonSeed[] = [...handWritten, ...generateEntrepreneurs(handWritten)];

// ---------------------------------------------------------------------------------------------
// The membership plan: a pure function of the seed data, so it is the same on every run.

export type PlannedMembership = { email: string; state: MembershipState; houseRules: boolean };

/** States that hold a seat or a claim on one: a person has at most two of these across circles. */
const OPEN_STATES: MembershipState[] = ["member", "waitlisted", "applied", "invited"];
const FILL_ORDER: MembershipState[] = [...OPEN_STATES, "declined", "left", "removed"];
const MAX_OPEN = 2;
const MAX_TOTAL = 3;

/** Why a person cannot be in a circle in this state, or null when they can. */
function misfit(person: PersonSeed, circle: CircleSeed, state: MembershipState): string | null {
  const { company, profile } = person;
  if (!company || !profile || !person.roles.includes("entrepreneur")) return "not an entrepreneur";
  if (circle.sector && company.sector !== circle.sector) return `sector ${company.sector}`;
  if (circle.fits && !circle.fits(company, profile)) return "does not fit the circle's group";
  if (circle.province && !neighbouring(circle.province, company.province))
    return `province ${company.province}`;
  // Who applied, was invited or is a member must be able to attend; who left need not.
  if (OPEN_STATES.includes(state)) {
    if (circle.dayPart && !profile.dayParts.includes(circle.dayPart)) return "day-part";
    if (circle.meetingMode === "in_person" && profile.meetingMode === "online") return "mode";
    if (circle.meetingMode === "online" && profile.meetingMode === "in_person") return "mode";
  }
  return null;
}

/** Direct competitors (same SBI division, same municipality) are never put in one circle. */
function competes(a: PersonSeed, b: PersonSeed) {
  return (
    !!a.company?.sbiDivision &&
    a.company.sbiDivision === b.company?.sbiDivision &&
    a.company.municipality === b.company.municipality
  );
}

export function planMemberships(people: PersonSeed[]): Map<string, PlannedMembership[]> {
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const plan = new Map<string, PlannedMembership[]>(circleSeeds.map((c) => [c.name, []]));
  const open = new Map<string, number>();
  const total = new Map<string, number>();
  /** The programmes in whose running circles someone is a member: at most one circle each. */
  const seated = new Map<string, string[]>();
  const add = (circle: CircleSeed, email: string, state: MembershipState) => {
    plan.get(circle.name)!.push({ email, state, houseRules: state !== "invited" });
    if (OPEN_STATES.includes(state)) open.set(email, (open.get(email) ?? 0) + 1);
    if (state === "member" && circle.status !== "closed")
      seated.set(email, [...(seated.get(email) ?? []), circle.programme]);
    total.set(email, (total.get(email) ?? 0) + 1);
  };
  const inCircle = (circle: CircleSeed) => plan.get(circle.name)!.map((m) => byEmail.get(m.email)!);

  // People placed by hand first: they must fit like anyone else.
  for (const circle of circleSeeds) {
    for (const { email, state } of circle.pinned ?? []) {
      const person = byEmail.get(email);
      if (!person) throw new Error(`Seed: pinned ${email} is not a demo person`);
      const why =
        misfit(person, circle, state) ??
        (inCircle(circle).some((o) => competes(o, person)) ? "competitor" : null);
      if (why) throw new Error(`Seed: ${email} cannot be ${state} in ${circle.name}: ${why}`);
      add(circle, email, state);
    }
  }

  // Then the rest by fit. Pinned people appear only where they are pinned, so tests can rely on
  // their relations.
  const pinned = new Set(circleSeeds.flatMap((c) => (c.pinned ?? []).map((p) => p.email)));
  const candidates = people.filter(
    (p) => p.profile?.readyToMatch && !unrelatedEmails.includes(p.email) && !pinned.has(p.email),
  );
  // The circles with the fewest possible members choose first (stable sort: ties keep order).
  const poolSize = (c: CircleSeed) =>
    candidates.filter((p) => misfit(p, c, "member") === null).length;
  const sizes = new Map(circleSeeds.map((c) => [c.name, poolSize(c)]));
  const order = [...circleSeeds].sort((a, b) => sizes.get(a.name)! - sizes.get(b.name)!);
  // Seats and claims on seats first, per circle; then the history (declined, left, removed).
  const passes = [OPEN_STATES, FILL_ORDER.filter((s) => !OPEN_STATES.includes(s))];
  for (const states of passes)
    for (const circle of order)
      for (const state of states) {
        const wanted = circle.counts[state] ?? 0;
        let have = plan.get(circle.name)!.filter((m) => m.state === state).length;
        while (have < wanted) {
          const members = inCircle(circle);
          const scored = candidates
            .filter(
              (p) =>
                !members.includes(p) &&
                (total.get(p.email) ?? 0) < MAX_TOTAL &&
                (!OPEN_STATES.includes(state) || (open.get(p.email) ?? 0) < MAX_OPEN) &&
                !(
                  state === "member" &&
                  circle.status !== "closed" &&
                  seated.get(p.email)?.includes(circle.programme)
                ) &&
                misfit(p, circle, state) === null &&
                !members.some((o) => competes(o, p)),
            )
            .map((p) => {
              const c = p.company!;
              const score =
                (p.profile!.themes.includes(circle.theme) ? 3 : 0) +
                (circle.area?.includes(c.municipality) ? 3 : 0) +
                (c.province === circle.province ? 2 : 0) -
                1.5 * (total.get(p.email) ?? 0) +
                (stableHash(`${circle.name}|${p.email}`) % 1000) / 1000;
              return { p, score };
            })
            .sort((a, b) => b.score - a.score);
          const best = scored[0];
          if (!best) throw new Error(`Seed: no one left to be ${state} in ${circle.name}`);
          add(circle, best.p.email, state);
          have += 1;
        }
      }

  for (const circle of circleSeeds) {
    const planned = plan.get(circle.name)!;
    const members = planned.filter((m) => m.state === "member");
    if (members.length > circle.capacityMax) throw new Error(`Seed: ${circle.name} over capacity`);
    // The last picked members are the ones who have not accepted the house rules yet.
    const pinned = new Set((circle.pinned ?? []).map((p) => p.email));
    const picked = members.filter((m) => !pinned.has(m.email));
    for (const m of picked.slice(picked.length - (circle.membersWithoutHouseRules ?? 0)))
      m.houseRules = false;
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Writing.

const DAY = 24 * 60 * 60 * 1000;
/** How long ago a circle's first members joined, by its status. */
const startedDaysAgo = { forming: 30, active: 140, paused: 200, closed: 380 } as const;

function membershipRows(
  circle: CircleSeed,
  circleId: number,
  planned: PlannedMembership[],
  ids: Map<string, number>,
  coachId: number | null,
  now: number,
) {
  const rand = prng(stableHash(circle.name));
  const ago = (days: number, hours = 0) => new Date(now - days * DAY - hours * 3600_000);
  const started = startedDaysAgo[circle.status];
  let waitlisted = 0;
  let declined = 0;
  let removed = 0;
  const rows: (typeof memberships.$inferInsert)[] = [];
  for (const m of planned) {
    const userId = ids.get(m.email);
    if (userId === undefined) continue;
    const row: typeof memberships.$inferInsert = { circleId, userId, state: m.state };
    const viaInvitation = rand.chance(0.4);
    switch (m.state) {
      case "member": {
        const joined = started - rand.int(0, 12);
        row.createdAt = ago(joined, rand.int(0, 10));
        row.updatedAt = ago(joined - 3);
        if (viaInvitation) row.invitedById = coachId;
        else row.motivation = rand.pick(motivations);
        if (m.houseRules) row.houseRulesAcceptedAt = ago(joined - 4, rand.int(0, 10));
        break;
      }
      case "applied":
        row.createdAt = ago(rand.int(1, 9), rand.int(0, 12));
        row.motivation = rand.pick(motivations);
        break;
      case "invited":
        row.createdAt = ago(rand.int(2, 12), rand.int(0, 12));
        row.invitedById = coachId;
        break;
      case "waitlisted": {
        // The first planned is first in line.
        const days = 20 - waitlisted * 6;
        row.createdAt = ago(days + 1);
        row.waitlistedAt = ago(days);
        row.updatedAt = row.waitlistedAt;
        row.motivation = rand.pick(motivations);
        waitlisted += 1;
        break;
      }
      case "declined":
        row.createdAt = ago(started - 2);
        row.updatedAt = ago(started - 6);
        row.motivation = rand.pick(motivations);
        row.message = declineMessages[declined++ % declineMessages.length]!;
        break;
      case "left":
      case "removed": {
        const joined = started - rand.int(0, 6);
        row.createdAt = ago(joined);
        row.houseRulesAcceptedAt = ago(joined - 4);
        row.updatedAt = ago(Math.max(5, Math.floor(joined / 2)));
        if (viaInvitation) row.invitedById = coachId;
        else row.motivation = rand.pick(motivations);
        if (m.state === "removed") row.message = removalReasons[removed++ % removalReasons.length]!;
        break;
      }
    }
    rows.push(row);
  }
  return rows;
}

export async function seed(log: (line: string) => void = () => {}) {
  const db = getDb();
  for (const person of demoPeople) assertValidPerson(person);
  const plan = planMemberships(demoPeople);

  const existing = new Map(
    db
      .select({ id: users.id, email: users.email })
      .from(users)
      .all()
      .map((u) => [u.email, u.id]),
  );
  const newPeople = demoPeople.filter((p) => !existing.has(normaliseEmail(p.email)));
  // One hash for everyone: argon2 is slow on purpose, and eighty of them would take seconds.
  const passwordHash = newPeople.length > 0 ? await hashPassword(DEMO_PASSWORD) : "";
  const now = Date.now();

  const made = db.transaction((tx) => {
    const ids = new Map<string, number>();
    for (const person of demoPeople) {
      const email = normaliseEmail(person.email);
      let userId = existing.get(email);
      if (userId === undefined) {
        userId = tx
          .insert(users)
          .values({ name: person.name, email, passwordHash, emailVerifiedAt: new Date(now) })
          .returning({ id: users.id })
          .get().id;
        for (const role of person.roles) tx.insert(userRoles).values({ userId, role }).run();
      }
      ids.set(person.email, userId);

      if (person.company) {
        const company = tx
          .select({ id: companies.id, sector: companies.sector })
          .from(companies)
          .where(eq(companies.ownerId, userId))
          .get();
        if (!company)
          tx.insert(companies)
            .values({ ownerId: userId, ...person.company })
            .run();
        // An older seed created companies with only a name: complete those, leave the rest.
        else if (company.sector === null)
          tx.update(companies).set(person.company).where(eq(companies.id, company.id)).run();
      }
      if (person.profile) {
        tx.insert(profiles)
          .values({ userId, ...person.profile, updatedAt: new Date(now) })
          .onConflictDoNothing()
          .run();
      }
    }

    const organiserId = ids.get("organisator@kringwijs.test") ?? null;
    const programmeIds = new Map<string, number>();
    let newProgrammes = 0;
    for (const { coaches, ...values } of programmeSeeds) {
      const found = tx
        .select({ id: programmes.id })
        .from(programmes)
        .where(eq(programmes.name, values.name))
        .get();
      if (found) {
        programmeIds.set(values.name, found.id);
        continue;
      }
      const { id } = tx
        .insert(programmes)
        .values({ ...values, weights: { ...defaultWeights }, createdById: organiserId })
        .returning({ id: programmes.id })
        .get();
      for (const email of coaches)
        tx.insert(programmeCoaches)
          .values({ programmeId: id, userId: ids.get(email)! })
          .run();
      programmeIds.set(values.name, id);
      newProgrammes += 1;
    }

    let newCircles = 0;
    let newMemberships = 0;
    for (const circle of circleSeeds) {
      const found = tx
        .select({ id: circles.id })
        .from(circles)
        .where(eq(circles.name, circle.name))
        .get();
      if (found) continue;
      const programme = programmeSeeds.find((p) => p.name === circle.programme);
      const programmeId = programmeIds.get(circle.programme);
      if (!programme || programmeId === undefined)
        throw new Error(`Seed: no programme ${circle.programme}`);
      const { id: circleId } = tx
        .insert(circles)
        .values({
          programmeId,
          name: circle.name,
          theme: circle.theme,
          description: circle.description,
          status: circle.status,
          capacityMin: circle.capacityMin,
          capacityMax: circle.capacityMax,
          timeCommitment: circle.timeCommitment,
          meetingMode: circle.meetingMode,
          dayPart: circle.dayPart,
          province: circle.province,
          openForApplications: circle.openForApplications,
          houseRules: DEFAULT_HOUSE_RULES,
          createdAt: new Date(now - (startedDaysAgo[circle.status] + 21) * DAY),
        })
        .returning({ id: circles.id })
        .get();
      for (const email of circle.coaches) {
        // Only the programme's coaches lead its circles, as in the app.
        if (!programme.coaches.includes(email))
          throw new Error(`Seed: ${email} does not coach ${programme.name}`);
        tx.insert(circleCoaches)
          .values({ circleId, userId: ids.get(email)! })
          .run();
      }
      const coachId = ids.get(circle.coaches[0]!) ?? null;
      const rows = membershipRows(circle, circleId, plan.get(circle.name)!, ids, coachId, now);
      for (const row of rows) tx.insert(memberships).values(row).run();
      newCircles += 1;
      newMemberships += rows.length;
    }
    return { newProgrammes, newCircles, newMemberships };
  });

  const discussions = seedDiscussions(now);
  const planned = seedMeetingRows(now);

  const created = newPeople.length;
  log(`Seed: ${created} new people, ${demoPeople.length - created} already there.`);
  log(
    `Seed: ${made.newProgrammes} new programmes, ${made.newCircles} new circles with ${made.newMemberships} memberships.`,
  );
  log(`Seed: ${discussions.threads} new threads with ${discussions.posts} posts.`);
  for (const skipped of discussions.skipped) log(`Seed: left out the thread ${skipped}.`);
  log(`Seed: ${planned.meetings} new meetings, ${planned.polls} new date polls.`);
  log(`Seed: ${await seedAmbassadors(DEMO_PASSWORD, now)} new ambassador profiles.`);
  // After the ambassadors: their stories name them.
  seedKnowledge(now, log);
  seedSupport(log);
  return { created };
}

// ---------------------------------------------------------------------------------------------
// Discussions: written through the discussions model, as people would, with their moments spread
// over the past weeks. A thread that exists (same circle, same title) is left alone.

const HOUR = 60 * 60 * 1000;

/** The whole thread list of the seed, the benchmark's long thread included. */
export function allSeedThreads(): SeedThread[] {
  return [
    ...seedThreads,
    {
      circle: LONG_THREAD.circle,
      title: LONG_THREAD.title,
      daysAgo: 42,
      posts: [longThreadOpening, ...longThreadReplies(LONG_THREAD.posts - 1)],
    },
  ];
}

function seedDiscussions(now: number) {
  const db = getDb();
  const written = { threads: 0, posts: 0, skipped: [] as string[] };
  const runStarted = new Date();
  // One transaction around all of it (the model's own transactions nest as savepoints): one
  // commit to disk instead of hundreds, and no half-seeded conversation after a crash.
  db.transaction(
    (tx) => {
      const byCircle = new Map<string, SeedThread[]>();
      for (const thread of allSeedThreads())
        byCircle.set(thread.circle, [...(byCircle.get(thread.circle) ?? []), thread]);
      for (const [circleName, list] of byCircle) {
        const circleSeed = circleSeeds.find((c) => c.name === circleName);
        if (!circleSeed) throw new Error(`Seed: no circle ${circleName} for a thread`);
        const circle = tx
          .select({ id: circles.id })
          .from(circles)
          .where(eq(circles.name, circleName))
          .get();
        if (!circle) continue;
        const people = circlePeopleOf(circle.id, circleSeed);
        const person = (who: Who) => {
          const found = people.get(who);
          if (!found) throw new Error(`Seed: ${who} does not take part in ${circleName}`);
          return found;
        };
        const names = (text: string) =>
          text
            .replace(/@\{([^}]+)\}/g, (_all, who: string) => `@[${person(who).name}]`)
            // In running text people use first names.
            .replace(/\{([^}]+)\}/g, (_all, who: string) => person(who).name.split(" ")[0]!);

        for (const seedThread of list) {
          const exists = tx
            .select({ id: threads.id })
            .from(threads)
            .where(and(eq(threads.circleId, circle.id), eq(threads.title, seedThread.title)))
            .get();
          if (exists) continue;
          // A database changed since the first seed (someone left the circle) keeps what it has.
          const missing = whoIn(seedThread).filter((who) => !people.has(who));
          if (missing.length > 0) {
            written.skipped.push(`${seedThread.title} (${missing.join(", ")} not in the circle)`);
            continue;
          }
          const moments = momentsOf(seedThread, now);
          const ids: number[] = [];
          let threadId = 0;
          for (const [index, post] of seedThread.posts.entries()) {
            const author = person(post.by);
            let source = names(post.text);
            if (post.quote) {
              const quotedId = ids[post.quote.post]!;
              const quotedBy = person(seedThread.posts[post.quote.post]!.by).name;
              source = quoteMarkdown(quotedBy, quotedId, names(post.quote.passage)) + source;
            }
            const at = new Date(moments[index]!);
            const result =
              index === 0
                ? createThread({
                    circleId: circle.id,
                    authorId: author.id,
                    title: seedThread.title,
                    source,
                    key: null,
                    now: at,
                  })
                : createPost({
                    circleId: circle.id,
                    threadId,
                    authorId: author.id,
                    parentId: post.replyTo === undefined ? null : ids[post.replyTo]!,
                    source,
                    key: null,
                    now: at,
                  });
            if (!result.ok)
              throw new Error(`Seed: "${seedThread.title}" post ${index}: ${result.reason}`);
            ids.push(result.postId);
            threadId = result.threadId;
            for (const [reaction, whos] of Object.entries(post.reactions ?? {}))
              for (const who of whos) {
                const reacted = toggleReaction({
                  circleId: circle.id,
                  postId: result.postId,
                  userId: person(who).id,
                  reaction: reaction as Reaction,
                });
                if (!reacted.ok) throw new Error(`Seed: reaction on "${seedThread.title}"`);
              }
          }
          if (seedThread.pinned)
            // The coach pinned it the day it was written (no moderation model to call yet).
            tx.update(threads)
              .set({ pinnedAt: new Date(moments[0]! + HOUR) })
              .where(eq(threads.id, threadId))
              .run();
          written.threads += 1;
          written.posts += ids.length;
        }
      }
      if (written.threads === 0) return;

      // The notifications those posts caused belong to the past weeks: dated at their post, read
      // long since, and their e-mails no longer due.
      const made = tx
        .select({ id: notifications.id, url: notifications.url })
        .from(notifications)
        .where(
          and(
            gte(notifications.createdAt, runStarted),
            like(notifications.url, "/circles/%/threads/%#post-%"),
          ),
        )
        .all();
      for (const n of made) {
        const postId = Number(n.url.split("#post-")[1]);
        const at = postMoment(postId);
        tx.update(notifications)
          .set({ createdAt: at, readAt: new Date(at.getTime() + 2 * HOUR), emailedAt: null })
          .where(eq(notifications.id, n.id))
          .run();
      }
      const ids = made.map((n) => n.id);
      for (let i = 0; i < ids.length; i += 500)
        tx.delete(emailOutbox)
          .where(
            and(
              isNotNull(emailOutbox.notificationId),
              inArray(emailOutbox.notificationId, ids.slice(i, i + 500)),
            ),
          )
          .run();

      // The seeded entrepreneur last looked at her circle's discussions three days ago, so the
      // list shows what is "nieuw sinds je laatste bezoek".
      const lotte = tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, "ondernemer@kringwijs.test"))
        .get();
      const slimmer = tx
        .select({ id: circles.id })
        .from(circles)
        .where(eq(circles.name, LONG_THREAD.circle))
        .get();
      if (lotte && slimmer) recordVisit(lotte.id, slimmer.id, new Date(now - 3 * 24 * HOUR));
    },
    { behavior: "immediate" },
  );
  return written;
}

/** Everyone a seed thread names: its authors, who reacts, and who its texts mention or name. */
function whoIn(thread: SeedThread): Who[] {
  const named = new Set<Who>();
  for (const post of thread.posts) {
    named.add(post.by);
    for (const whos of Object.values(post.reactions ?? {})) for (const who of whos) named.add(who);
    for (const text of [post.text, post.quote?.passage ?? ""])
      for (const match of text.matchAll(/\{([^}]+)\}/g)) named.add(match[1]!);
  }
  return [...named];
}

/**
 * When each post of a thread was written: the opening post `daysAgo` (in the evening, when
 * entrepreneurs write), each reply its `after` hours later; a thread that would run into the
 * future is compressed to end an hour ago.
 */
function momentsOf(thread: SeedThread, now: number): number[] {
  const start = now - thread.daysAgo * 24 * HOUR - 4 * HOUR;
  const gaps = thread.posts.map((p, i) => (i === 0 ? 0 : p.after * HOUR));
  const total = gaps.reduce((a, b) => a + b, 0);
  const room = now - HOUR - start;
  const scale = total > room ? room / total : 1;
  let at = start;
  return gaps.map((gap) => (at += Math.round(gap * scale)));
}

function postMoment(postId: number): Date {
  const ms = getDb()
    .$client.prepare("select created_at from post where id = ?")
    .pluck()
    .get(postId);
  return new Date(Number(ms));
}

/**
 * Who can write in a circle, by the names the seed's threads use: e-mail, `coach` (the circle's
 * first coach) and `#n`, the n-th member who accepted the house rules, hand-placed members first,
 * then by account.
 */
function circlePeopleOf(circleId: number, circle: CircleSeed) {
  const db = getDb();
  const rows = db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.circleId, circleId),
        eq(memberships.state, "member"),
        isNotNull(memberships.houseRulesAcceptedAt),
      ),
    )
    .all();
  const pinned = (circle.pinned ?? []).map((p) => normaliseEmail(p.email));
  const rank = (email: string) => {
    const at = pinned.indexOf(email);
    return at === -1 ? pinned.length : at;
  };
  rows.sort((a, b) => rank(a.email) - rank(b.email) || a.id - b.id);
  const people = new Map<Who, { id: number; name: string }>();
  rows.forEach((row, index) => {
    people.set(`#${index}`, row);
    people.set(row.email, row);
  });
  const coachEmail = circle.coaches[0];
  const coach = coachEmail
    ? db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.email, normaliseEmail(coachEmail)))
        .get()
    : undefined;
  if (coach) people.set("coach", coach);
  return people;
}

// ---------------------------------------------------------------------------------------------
// Meetings: written through the meetings, cases and follow-up models, as the coach and the
// members would, each step at the moment it would have happened (db/seed-meetings.ts has the
// data). A meeting that exists (same circle, same title) is left alone.

/**
 * The next Sunday the clocks go back (the last Sunday of October) with at least a week to go,
 * so the meetings seeded around it are all still ahead whenever the seed runs.
 */
export function nextOctoberChange(today: string): string {
  for (let year = Number(today.slice(0, 4)); ; year += 1) {
    const last = new Date(Date.UTC(year, 9, 31));
    const sunday = addDays(`${year}-10-31`, -last.getUTCDay());
    if (sunday >= addDays(today, 7)) return sunday;
  }
}

/** The Amsterdam calendar date of a seed day, counted from the week of `now`. */
function seedDate(day: SeedDay, now: number): string {
  if ("date" in day) return day.date;
  const today = amsterdamToday(new Date(now));
  if ("fromOctoberChange" in day) return addDays(nextOctoberChange(today), day.fromOctoberChange);
  const weekday = ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const monday = addDays(today, 1 - weekday);
  return addDays(monday, day.weeks * 7 + day.weekday - 1);
}

function seedInstant(date: string, time: string): Date {
  const at = fromAmsterdam(date, time);
  if (!at) throw new Error(`Seed: ${date} ${time} does not exist in Amsterdam`);
  return at;
}

function seedMeetingRows(now: number) {
  const db = getDb();
  const written = { meetings: 0, polls: 0 };
  const lastNotification =
    db.get<{ id: number | null }>(sql`select max(id) as id from notification`)?.id ?? 0;
  // One transaction around all of it (the models' own transactions nest as savepoints).
  db.transaction(
    () => {
      for (const seedMeeting of seedMeetings) {
        const circleSeed = circleSeeds.find((c) => c.name === seedMeeting.circle);
        if (!circleSeed) throw new Error(`Seed: no circle ${seedMeeting.circle} for a meeting`);
        const circle = db
          .select({ id: circles.id })
          .from(circles)
          .where(eq(circles.name, seedMeeting.circle))
          .get();
        if (!circle) continue;
        const exists = db
          .select({ id: meetings.id })
          .from(meetings)
          .where(and(eq(meetings.circleId, circle.id), eq(meetings.title, seedMeeting.title)))
          .get();
        if (exists) continue;
        const people = circlePeopleOf(circle.id, circleSeed);
        const person = (who: Who) => {
          const found = people.get(who);
          if (!found) throw new Error(`Seed: ${who} does not take part in ${seedMeeting.circle}`);
          return found.id;
        };
        const coachId = person("coach");
        const date = seedDate(seedMeeting.day, now);
        const startsAt = seedInstant(date, seedMeeting.start);
        const endsAt = seedInstant(addDays(date, seedMeeting.endsDaysLater ?? 0), seedMeeting.end);
        const location = seedMeeting.location;
        // Planned three weeks ahead (or now, for one that is nearer), answered a few days later.
        const plannedAt = new Date(Math.min(now, startsAt.getTime() - 21 * DAY));
        const answeredAt = new Date(Math.min(now, plannedAt.getTime() + 2 * DAY));
        const { meetingId } = createMeeting(
          circle.id,
          coachId,
          {
            title: seedMeeting.title,
            startsAt,
            endsAt,
            locationKind: location.kind,
            address: location.kind === "video" ? "" : location.address,
            hostUserId: location.kind === "company" ? person(location.host) : null,
            videoUrl: location.kind === "video" ? location.url : "",
            agenda: seedMeeting.agenda,
            capacity: seedMeeting.capacity ?? null,
          },
          plannedAt,
        );
        for (const [answer, whos] of Object.entries(seedMeeting.answers) as Array<
          [RsvpAnswer, Who[]]
        >)
          for (const who of whos) respondToMeeting(meetingId, person(who), answer, answeredAt);
        const caseIds: number[] = [];
        for (const seedCase of seedMeeting.cases ?? []) {
          const { by, ...input } = seedCase;
          const made = proposeCase(meetingId, person(by), input, answeredAt);
          if (!made.ok) throw new Error(`Seed: case ${seedCase.title} refused: ${made.reason}`);
          caseIds.push(made.caseId);
        }
        if (endsAt.getTime() <= now) {
          // The jobs of a meeting in the past were due before the demo existed: nobody gets a
          // reminder or the question for it now (the seeded ratings stand for the answers).
          db.update(scheduledJobs)
            .set({ status: "done", doneAt: new Date(now) })
            .where(
              and(
                eq(scheduledJobs.subjectId, meetingId),
                inArray(scheduledJobs.kind, [
                  "meeting.reminder_48h",
                  "meeting.reminder_2h",
                  "meeting.feedback",
                ]),
                eq(scheduledJobs.status, "pending"),
              ),
            )
            .run();
          const after = new Date(endsAt.getTime() + 2 * HOUR);
          if (seedMeeting.present)
            recordAttendance(meetingId, coachId, seedMeeting.present.map(person), after);
          if (seedMeeting.summary) saveSummary(meetingId, coachId, seedMeeting.summary, after);
          for (const action of seedMeeting.actions ?? []) {
            const ownerId = person(action.owner);
            const added = addActionItem(
              meetingId,
              coachId,
              {
                ownerId,
                text: action.text,
                dueOn: action.dueDays ? addDays(toAmsterdam(endsAt).date, action.dueDays) : null,
                caseId: action.fromCase === undefined ? null : (caseIds[action.fromCase] ?? null),
              },
              after,
            );
            if (!added.ok) throw new Error(`Seed: action ${action.text} refused: ${added.reason}`);
            if (action.done) {
              const doneAt = new Date(Math.min(now - HOUR, after.getTime() + 10 * DAY));
              markActionDone(added.actionId, ownerId, action.done, doneAt);
            }
          }
          for (const rating of seedMeeting.ratings ?? [])
            rateMeeting(meetingId, person(rating.by), rating.score, rating.comment ?? null, after);
        }
        written.meetings += 1;
      }
      // Open date polls, asked yesterday and partly answered; the seeded entrepreneur has one
      // still to answer (its reminder is a real job, due in the coming days).
      for (const seedPoll of seedPolls) {
        const circleSeed = circleSeeds.find((c) => c.name === seedPoll.circle);
        if (!circleSeed) throw new Error(`Seed: no circle ${seedPoll.circle} for a poll`);
        const circle = db
          .select({ id: circles.id })
          .from(circles)
          .where(eq(circles.name, seedPoll.circle))
          .get();
        if (!circle) continue;
        const exists = db
          .select({ id: meetingPolls.id })
          .from(meetingPolls)
          .where(and(eq(meetingPolls.circleId, circle.id), eq(meetingPolls.title, seedPoll.title)))
          .get();
        if (exists) continue;
        const people = circlePeopleOf(circle.id, circleSeed);
        const person = (who: Who) => {
          const found = people.get(who);
          if (!found) throw new Error(`Seed: ${who} does not take part in ${seedPoll.circle}`);
          return found.id;
        };
        const askedAt = new Date(now - DAY);
        const { pollId } = createPoll(
          circle.id,
          person("coach"),
          {
            title: seedPoll.title,
            note: seedPoll.note,
            slots: seedPoll.slots.map((slot) => {
              const date = seedDate(slot.day, now);
              return {
                startsAt: seedInstant(date, slot.start),
                endsAt: seedInstant(date, slot.end),
              };
            }),
          },
          askedAt,
        );
        const slotIds = pollView(getPoll(pollId)!, 0).slots.map((slot) => slot.id);
        for (const [who, answers] of Object.entries(seedPoll.votes)) {
          const voted = votePoll(
            pollId,
            person(who),
            new Map(slotIds.map((id, i) => [id, answers[i]!])),
            new Date(askedAt.getTime() + 6 * HOUR),
          );
          if (!voted.ok)
            throw new Error(`Seed: ${who}'s vote on ${seedPoll.title}: ${voted.reason}`);
        }
        written.polls += 1;
      }
      // What the meetings told people belongs to the demo's past: read, and not mailed now.
      const made = db
        .select({ id: notifications.id })
        .from(notifications)
        .where(gt(notifications.id, lastNotification))
        .all()
        .map((n) => n.id);
      for (let i = 0; i < made.length; i += 500) {
        const batch = made.slice(i, i + 500);
        db.update(notifications)
          .set({ readAt: new Date(now), emailedAt: null })
          .where(inArray(notifications.id, batch))
          .run();
        db.delete(emailOutbox).where(inArray(emailOutbox.notificationId, batch)).run();
      }
    },
    { behavior: "immediate" },
  );
  return written;
}
