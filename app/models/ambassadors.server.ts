/**
 * Ambassadors' profiles: the row is made the first time an ambassador opens their own pages
 * (slug from their name), they fill and publish it, choose per field what the public sees, and
 * an organiser may feature it on the landing page. Publicly a profile exists only while it is
 * published AND its user still has the ambassador role; otherwise it is a 404.
 *
 * Reach (profile views, card scans) is counted per ambassador, day, kind and source in
 * ambassador_reach: a number, nothing about the visitor.
 */
import { and, asc, count, desc, eq, gte, isNotNull, sql } from "drizzle-orm";
import {
  ambassadorProfiles,
  ambassadorReach,
  companies,
  contactRequests,
  knowledgeItems,
  userRoles,
  users,
} from "../../db/schema";
import {
  normalisePublicFields,
  publicView,
  reachDay,
  uniqueSlug,
  isSlug,
  type ReachSource,
} from "../domain/ambassadors";
import type { AmbassadorOffer, ProfileField, ReachKind } from "../domain/states";
import { sizeClassFor } from "../domain/taxonomy";
import { getDb, type DB } from "../utils/db.server";
import { renderMarkdown } from "../utils/markdown.server";
import { recordAudit } from "./audit.server";

const DAY = 24 * 3_600_000;

/** The user still holds the ambassador role (a profile of someone who lost it is not shown). */
const hasAmbassadorRole = sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${ambassadorProfiles.userId} and ${userRoles.role} = 'ambassador')`;
const visible = and(eq(ambassadorProfiles.published, true), hasAmbassadorRole);

/** The profile's columns without the photo's bytes. */
const profileColumns = {
  userId: ambassadorProfiles.userId,
  name: users.name,
  slug: ambassadorProfiles.slug,
  headline: ambassadorProfiles.headline,
  companyName: ambassadorProfiles.companyName,
  sector: ambassadorProfiles.sector,
  sizeClass: ambassadorProfiles.sizeClass,
  lifePhase: ambassadorProfiles.lifePhase,
  province: ambassadorProfiles.province,
  themes: ambassadorProfiles.themes,
  bio: ambassadorProfiles.bio,
  bioHtml: ambassadorProfiles.bioHtml,
  offers: ambassadorProfiles.offers,
  availability: ambassadorProfiles.availability,
  publicFields: ambassadorProfiles.publicFields,
  published: ambassadorProfiles.published,
  featuredAt: ambassadorProfiles.featuredAt,
  hasPhoto: sql<number>`${ambassadorProfiles.photo} is not null`.mapWith(Boolean),
  photoUpdatedAt: ambassadorProfiles.photoUpdatedAt,
  updatedAt: ambassadorProfiles.updatedAt,
};

function selectProfiles() {
  return getDb()
    .select(profileColumns)
    .from(ambassadorProfiles)
    .innerJoin(users, eq(users.id, ambassadorProfiles.userId));
}

export type OwnProfile = NonNullable<ReturnType<typeof findOwnProfile>>;

function findOwnProfile(userId: number) {
  return selectProfiles().where(eq(ambassadorProfiles.userId, userId)).get() ?? null;
}

/** A profile address from the name that no profile has yet ("henk-wolters", "henk-wolters-2"). */
export function freeProfileSlug(tx: Pick<DB, "select">, name: string): string {
  return uniqueSlug(
    name,
    (candidate) =>
      !!tx
        .select({ one: sql`1` })
        .from(ambassadorProfiles)
        .where(eq(ambassadorProfiles.slug, candidate))
        .get(),
  );
}

/**
 * The ambassador's own profile, made on first use: a slug from their name, the company facts
 * of their company row when they have one (their own words to change), nothing public yet.
 * The caller checked `ambassador.own`.
 */
export function getOwnProfile(userId: number): OwnProfile {
  const found = findOwnProfile(userId);
  if (found) return found;
  const db = getDb();
  db.transaction(
    (tx) => {
      const user = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
      if (!user) throw new Error(`no user ${userId}`);
      const exists = tx
        .select({ one: sql`1` })
        .from(ambassadorProfiles)
        .where(eq(ambassadorProfiles.userId, userId))
        .get();
      if (exists) return;
      const company = tx.select().from(companies).where(eq(companies.ownerId, userId)).get();
      const slug = freeProfileSlug(tx, user.name);
      tx.insert(ambassadorProfiles)
        .values({
          userId,
          slug,
          companyName: company?.name ?? "",
          sector: company?.sector ?? null,
          sizeClass: company?.employees != null ? sizeClassFor(company.employees) : null,
          lifePhase: company?.lifePhase ?? null,
          province: company?.province ?? null,
          // Until they decide: the usual parts, without the photo's privacy question settled.
          publicFields: ["photo", "company", "themes", "bio", "offers", "availability"],
        })
        .run();
      recordAudit(
        {
          actorId: userId,
          action: "ambassador.profile_created",
          subjectType: "user",
          subjectId: userId,
        },
        tx,
      );
    },
    { behavior: "immediate" },
  );
  return findOwnProfile(userId)!;
}

export type ProfileInput = {
  headline: string;
  companyName: string;
  sector: string | null;
  sizeClass: string | null;
  lifePhase: string | null;
  province: string | null;
  themes: string[];
  bio: string;
  offers: AmbassadorOffer[];
  availability: string;
  publicFields: ProfileField[];
  published: boolean;
};

/** Saves the ambassador's own profile: the bio's HTML through the one sanitiser, audited. */
export function saveProfile(userId: number, input: ProfileInput, now = new Date()) {
  getOwnProfile(userId);
  getDb().transaction(
    (tx) => {
      tx.update(ambassadorProfiles)
        .set({
          headline: input.headline,
          companyName: input.companyName,
          sector: input.sector,
          sizeClass: input.sizeClass,
          lifePhase: input.lifePhase,
          province: input.province,
          themes: input.themes,
          bio: input.bio,
          bioHtml: input.bio ? renderMarkdown(input.bio) : "",
          offers: input.offers,
          availability: input.availability,
          publicFields: normalisePublicFields(input.publicFields),
          published: input.published,
          updatedAt: now,
        })
        .where(eq(ambassadorProfiles.userId, userId))
        .run();
      recordAudit(
        {
          actorId: userId,
          action: "ambassador.profile_saved",
          subjectType: "user",
          subjectId: userId,
          details: { published: input.published },
        },
        tx,
      );
    },
    { behavior: "immediate" },
  );
}

/** Turns the public page on or off. */
export function setPublished(userId: number, published: boolean, now = new Date()) {
  getOwnProfile(userId);
  getDb().transaction(
    (tx) => {
      tx.update(ambassadorProfiles)
        .set({ published, updatedAt: now })
        .where(eq(ambassadorProfiles.userId, userId))
        .run();
      recordAudit(
        {
          actorId: userId,
          action: published ? "ambassador.published" : "ambassador.unpublished",
          subjectType: "user",
          subjectId: userId,
        },
        tx,
      );
    },
    { behavior: "immediate" },
  );
}

/** Stores a photo already processed by app/utils/photo.server.ts (a clean JPEG). */
export function setPhoto(userId: number, jpeg: Buffer, now = new Date()) {
  getOwnProfile(userId);
  getDb().transaction(
    (tx) => {
      tx.update(ambassadorProfiles)
        .set({ photo: jpeg, photoUpdatedAt: now, updatedAt: now })
        .where(eq(ambassadorProfiles.userId, userId))
        .run();
      recordAudit(
        { actorId: userId, action: "ambassador.photo_set", subjectType: "user", subjectId: userId },
        tx,
      );
    },
    { behavior: "immediate" },
  );
}

export function removePhoto(userId: number, now = new Date()) {
  getOwnProfile(userId);
  getDb().transaction(
    (tx) => {
      tx.update(ambassadorProfiles)
        .set({ photo: null, photoUpdatedAt: now, updatedAt: now })
        .where(eq(ambassadorProfiles.userId, userId))
        .run();
      recordAudit(
        {
          actorId: userId,
          action: "ambassador.photo_removed",
          subjectType: "user",
          subjectId: userId,
        },
        tx,
      );
    },
    { behavior: "immediate" },
  );
}

export type FeatureResult = "changed" | "unchanged" | "not_found";

/**
 * An organiser shows (or no longer shows) an ambassador on the landing page. Only a profile
 * that exists can be featured; the landing page shows it only while it is also public.
 * The caller checked `ambassadors.feature`.
 */
export function setFeatured(
  actorId: number,
  userId: number,
  featured: boolean,
  now = new Date(),
): FeatureResult {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({ featuredAt: ambassadorProfiles.featuredAt })
        .from(ambassadorProfiles)
        .where(eq(ambassadorProfiles.userId, userId))
        .get();
      if (!row) return "not_found";
      if ((row.featuredAt !== null) === featured) return "unchanged";
      tx.update(ambassadorProfiles)
        .set({ featuredAt: featured ? now : null })
        .where(eq(ambassadorProfiles.userId, userId))
        .run();
      recordAudit(
        {
          actorId,
          action: featured ? "ambassador.featured" : "ambassador.unfeatured",
          subjectType: "user",
          subjectId: userId,
        },
        tx,
      );
      return "changed";
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------------------------------------
// Public reading.

export type AmbassadorFilters = { theme?: string; province?: string };

/** A card of the public list: only what the ambassador made public. */
export type AmbassadorCard = {
  slug: string;
  name: string;
  headline: string;
  hasPhoto: boolean;
  themes: string[];
  province: string | null;
  companyName: string | null;
  photoVersion: number | null;
};

function toCard(p: OwnProfile): AmbassadorCard {
  const view = publicView(p);
  return {
    slug: view.slug,
    name: view.name,
    headline: view.headline,
    hasPhoto: view.hasPhoto,
    themes: view.themes,
    province: view.province,
    companyName: view.companyName,
    photoVersion: view.hasPhoto ? (p.photoUpdatedAt?.getTime() ?? 0) : null,
  };
}

/**
 * The public list, by name. A filter only matches what the ambassador shows: someone who hides
 * their province is not found by it (the filter would reveal it otherwise).
 */
export function listPublicAmbassadors(filters: AmbassadorFilters = {}): AmbassadorCard[] {
  const conditions = [visible];
  if (filters.theme)
    conditions.push(
      sql`exists (select 1 from json_each(${ambassadorProfiles.themes}) where value = ${filters.theme})`,
      sql`exists (select 1 from json_each(${ambassadorProfiles.publicFields}) where value = 'themes')`,
    );
  if (filters.province)
    conditions.push(
      eq(ambassadorProfiles.province, filters.province),
      sql`exists (select 1 from json_each(${ambassadorProfiles.publicFields}) where value = 'province')`,
    );
  return selectProfiles()
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(ambassadorProfiles.userId))
    .all()
    .map(toCard);
}

/** Featured ambassadors for the landing page, most recently featured first. */
export function listFeatured(limit = 3): AmbassadorCard[] {
  return selectProfiles()
    .where(and(visible, isNotNull(ambassadorProfiles.featuredAt)))
    .orderBy(desc(ambassadorProfiles.featuredAt), asc(ambassadorProfiles.userId))
    .limit(Math.max(1, Math.min(limit, 12)))
    .all()
    .map(toCard);
}

/**
 * The public card of one ambassador by user id (a story's author box, a contact page's header),
 * or null when their profile is not public.
 */
export function publicAmbassadorCard(userId: number): AmbassadorCard | null {
  const row = selectProfiles()
    .where(and(eq(ambassadorProfiles.userId, userId), visible))
    .get();
  return row ? toCard(row) : null;
}

export type StoryLink = { slug: string; title: string; summary: string; publishedAt: Date | null };

/** The ambassador's published practice stories, newest first (links to /knowledge/<slug>). */
export function publishedStoriesOf(ambassadorId: number, limit = 20): StoryLink[] {
  return getDb()
    .select({
      slug: knowledgeItems.slug,
      title: knowledgeItems.title,
      summary: knowledgeItems.summary,
      publishedAt: knowledgeItems.publishedAt,
    })
    .from(knowledgeItems)
    .where(
      and(
        eq(knowledgeItems.ambassadorId, ambassadorId),
        eq(knowledgeItems.kind, "story"),
        eq(knowledgeItems.status, "published"),
      ),
    )
    .orderBy(desc(knowledgeItems.publishedAt), desc(knowledgeItems.id))
    .limit(limit)
    .all();
}

/**
 * A public profile by slug: only the fields the ambassador made public, the name always, and
 * their published stories. Null when it does not exist, is not published, or its user is no
 * longer an ambassador (all a 404).
 */
export function getPublicAmbassador(slug: string) {
  if (!isSlug(slug)) return null;
  const row = selectProfiles()
    .where(and(eq(ambassadorProfiles.slug, slug), visible))
    .get();
  if (!row) return null;
  return {
    userId: row.userId,
    ...publicView(row),
    photoVersion: publicView(row).hasPhoto ? (row.photoUpdatedAt?.getTime() ?? 0) : null,
    stories: publishedStoriesOf(row.userId),
  };
}
export type PublicProfile = NonNullable<ReturnType<typeof getPublicAmbassador>>;

/** The photo's JPEG, only when the profile is public and the ambassador shows the photo. */
export function getPublicPhoto(slug: string): { jpeg: Buffer; updatedAt: Date | null } | null {
  if (!isSlug(slug)) return null;
  const row = getDb()
    .select({
      photo: ambassadorProfiles.photo,
      publicFields: ambassadorProfiles.publicFields,
      updatedAt: ambassadorProfiles.photoUpdatedAt,
    })
    .from(ambassadorProfiles)
    .where(and(eq(ambassadorProfiles.slug, slug), visible))
    .get();
  if (!row?.photo || !row.publicFields.includes("photo")) return null;
  return { jpeg: row.photo, updatedAt: row.updatedAt };
}

/** The ambassador's own photo, shown on their edit page whatever they made public. */
export function getOwnPhoto(userId: number): Buffer | null {
  return (
    getDb()
      .select({ photo: ambassadorProfiles.photo })
      .from(ambassadorProfiles)
      .where(eq(ambassadorProfiles.userId, userId))
      .get()?.photo ?? null
  );
}

/**
 * What the business card needs, for any existing profile (published or not): the card pages
 * are for the ambassador and organisers, who print before publishing too. Null: no profile.
 */
export function getCardProfile(slug: string) {
  if (!isSlug(slug)) return null;
  return (
    getDb()
      .select({
        userId: ambassadorProfiles.userId,
        slug: ambassadorProfiles.slug,
        name: users.name,
        headline: ambassadorProfiles.headline,
        published: ambassadorProfiles.published,
      })
      .from(ambassadorProfiles)
      .innerJoin(users, eq(users.id, ambassadorProfiles.userId))
      .where(eq(ambassadorProfiles.slug, slug))
      .get() ?? null
  );
}

/** For the organisers' page: every user with the ambassador role, with or without a profile. */
export function listAllAmbassadors() {
  return getDb()
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      slug: ambassadorProfiles.slug,
      headline: ambassadorProfiles.headline,
      published: ambassadorProfiles.published,
      featuredAt: ambassadorProfiles.featuredAt,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(ambassadorProfiles, eq(ambassadorProfiles.userId, users.id))
    .where(eq(userRoles.role, "ambassador"))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

// ---------------------------------------------------------------------------------------------
// Reach.

/**
 * Counts one profile view or card scan: an upsert of the day's number for this kind and source.
 * Nothing about the visitor is stored or needed.
 */
export function countReach(
  ambassadorId: number,
  kind: ReachKind,
  source: ReachSource,
  day: string = reachDay(new Date()),
) {
  getDb()
    .insert(ambassadorReach)
    .values({ ambassadorId, kind, source, day, count: 1 })
    .onConflictDoUpdate({
      target: [
        ambassadorReach.ambassadorId,
        ambassadorReach.day,
        ambassadorReach.kind,
        ambassadorReach.source,
      ],
      set: { count: sql`${ambassadorReach.count} + 1` },
    })
    .run();
}

export type ReachSummary = {
  days: number;
  views: number;
  scans: number;
  totalViews: number;
  totalScans: number;
  bySource: { source: string; count: number }[];
};

/** The hub's numbers: the last `days` days (today included) and all time. */
export function reachSummary(ambassadorId: number, now = new Date(), days = 30): ReachSummary {
  const db = getDb();
  const from = reachDay(new Date(now.getTime() - (days - 1) * DAY));
  const sum = sql<number>`coalesce(sum(${ambassadorReach.count}), 0)`.mapWith(Number);
  const totals = (since: string | null) =>
    db
      .select({ kind: ambassadorReach.kind, n: sum })
      .from(ambassadorReach)
      .where(
        and(
          eq(ambassadorReach.ambassadorId, ambassadorId),
          since ? gte(ambassadorReach.day, since) : undefined,
        ),
      )
      .groupBy(ambassadorReach.kind)
      .all();
  const recent = totals(from);
  const all = totals(null);
  const of = (rows: { kind: string; n: number }[], kind: ReachKind) =>
    rows.find((r) => r.kind === kind)?.n ?? 0;
  const bySource = db
    .select({ source: ambassadorReach.source, count: sum })
    .from(ambassadorReach)
    .where(and(eq(ambassadorReach.ambassadorId, ambassadorId), gte(ambassadorReach.day, from)))
    .groupBy(ambassadorReach.source)
    .orderBy(desc(sum), asc(ambassadorReach.source))
    .all();
  return {
    days,
    views: of(recent, "profile_view"),
    scans: of(recent, "card_scan"),
    totalViews: of(all, "profile_view"),
    totalScans: of(all, "card_scan"),
    bySource,
  };
}

/** Open contact requests to the ambassador, for the hub. */
export function openContactCount(ambassadorId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(contactRequests)
      .where(
        and(eq(contactRequests.ambassadorId, ambassadorId), eq(contactRequests.status, "open")),
      )
      .get()?.n ?? 0
  );
}

/** The ambassador's stories by status, for the hub's links. */
export function storyCounts(ambassadorId: number) {
  const rows = getDb()
    .select({ status: knowledgeItems.status, n: count() })
    .from(knowledgeItems)
    .where(and(eq(knowledgeItems.ambassadorId, ambassadorId), eq(knowledgeItems.kind, "story")))
    .groupBy(knowledgeItems.status)
    .all();
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { published: of("published"), draft: of("draft"), unpublished: of("unpublished") };
}
