/**
 * The knowledge bank: practice stories by ambassadors (or written on their behalf by coaches and
 * organisers), and the tools, scans and links staff add. Every change is one IMMEDIATE
 * transaction with its audit event, its notifications and the search index update
 * (knowledge-search.server.ts), so what the public sees and finds is always the current state.
 *
 * Approvals: an item may have approvers (knowledge_approval rows). A story written on an
 * ambassador's behalf gets one for the ambassador; borging drafts get one per member who wrote in
 * the source. Publishing is refused while any row is pending; an edit by anyone else than the
 * approver asks everyone again (approvedAt back to null), and takes a published item offline
 * until they agreed again.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import {
  circleCoaches,
  knowledgeApprovals,
  knowledgeItems,
  userRoles,
  users,
} from "../../db/schema";
import { publishBlocker, slugify } from "../domain/knowledge";
import { can, type Actor } from "../domain/permissions";
import type { KnowledgeKind, KnowledgeStatus } from "../domain/states";
import { getDb, type DB } from "../utils/db.server";
import { renderMarkdown } from "../utils/markdown.server";
import { recordAudit } from "./audit.server";
import { indexItem, unindexItem } from "./knowledge-search.server";
import { notify } from "./notifications.server";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

function inTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

export type KnowledgeItem = typeof knowledgeItems.$inferSelect;

export type KnowledgeInput = {
  kind: KnowledgeKind;
  title: string;
  summary: string;
  /** Markdown; rendered through the one sanitiser and stored beside it. */
  body: string;
  url: string | null;
  /** The ambassador a story is by; null for tools and for a draft without one (borging). */
  ambassadorId: number | null;
  themes: string[];
  sectors: string[];
  lifePhases: string[];
  sizeClasses: string[];
};

export type CreateOptions = {
  /** Who must approve before it can be published (the actor never approves their own work). */
  approverIds?: number[];
  /** Borging: the circle (and meeting or thread) the draft was made from. */
  source?: { circleId: number; meetingId?: number; threadId?: number };
};

/** Paths under /knowledge that are pages of their own, never an item's slug. */
const RESERVED_SLUGS = new Set(["new", "manage", "approvals", "search", "edit"]);

/** A free slug for a title: the title's slug, or with -2, -3, ... when taken. */
function freeSlug(tx: Tx, title: string, exceptId?: number): string {
  const slugged = slugify(title);
  const base = RESERVED_SLUGS.has(slugged) ? `${slugged}-item` : slugged;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = tx
      .select({ id: knowledgeItems.id })
      .from(knowledgeItems)
      .where(eq(knowledgeItems.slug, slug))
      .get();
    if (!taken || taken.id === exceptId) return slug;
  }
}

function nameOf(tx: Tx, userId: number) {
  return tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? "";
}

/** Whether a user has the ambassador role (a story can only be by an ambassador). */
export function isAmbassador(userId: number, tx: Pick<DB, "select"> = getDb()): boolean {
  return Boolean(
    tx
      .select({ userId: userRoles.userId })
      .from(userRoles)
      .where(and(eq(userRoles.userId, userId), eq(userRoles.role, "ambassador")))
      .get(),
  );
}

/** The ambassadors a coach or organiser can write a story for: id, name, in name order. */
export function ambassadorChoices(): { id: number; name: string }[] {
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "ambassador")))
    .orderBy(asc(users.name))
    .all();
}

function values(input: KnowledgeInput) {
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    body: input.body,
    bodyHtml: renderMarkdown(input.body),
    url: input.url,
    ambassadorId: input.ambassadorId,
    themes: input.themes,
    sectors: input.sectors,
    lifePhases: input.lifePhases,
    sizeClasses: input.sizeClasses,
  };
}

function askApproval(
  tx: Tx,
  item: { id: number; slug: string; title: string },
  actorId: number,
  userIds: number[],
) {
  const name = nameOf(tx, actorId);
  return userIds.map((userId) =>
    notify(tx, {
      userId,
      type: "knowledge.approval",
      data: { name, title: item.title },
      url: `/knowledge/${item.slug}`,
    }),
  );
}

/**
 * A new draft. A story by someone else than the actor gets an approval row for its ambassador;
 * `approverIds` adds more (borging). The approvers are notified. Returns the id, the slug and
 * who was notified (publish `notifications.changed` to them).
 */
export function createItem(
  actorId: number,
  input: KnowledgeInput,
  options: CreateOptions = {},
): { id: number; slug: string; notified: number[] } {
  return inTransaction((tx) => {
    const now = new Date();
    const slug = freeSlug(tx, input.title);
    const row = tx
      .insert(knowledgeItems)
      .values({
        ...values(input),
        slug,
        status: "draft",
        createdById: actorId,
        sourceCircleId: options.source?.circleId ?? null,
        sourceMeetingId: options.source?.meetingId ?? null,
        sourceThreadId: options.source?.threadId ?? null,
        updatedAt: now,
        createdAt: now,
      })
      .returning({ id: knowledgeItems.id })
      .get();
    const approvers = new Set(options.approverIds ?? []);
    if (input.kind === "story" && input.ambassadorId) approvers.add(input.ambassadorId);
    approvers.delete(actorId);
    for (const userId of approvers)
      tx.insert(knowledgeApprovals).values({ itemId: row.id, userId, createdAt: now }).run();
    recordAudit(
      {
        actorId,
        action: "knowledge.created",
        subjectType: "knowledge_item",
        subjectId: row.id,
        details: { kind: input.kind, approvers: [...approvers], source: options.source ?? null },
      },
      tx,
    );
    const notified = askApproval(tx, { id: row.id, slug, title: input.title }, actorId, [
      ...approvers,
    ]);
    return { id: row.id, slug, notified };
  });
}

export function getItem(id: number): KnowledgeItem | undefined {
  return getDb().select().from(knowledgeItems).where(eq(knowledgeItems.id, id)).get();
}

export function getItemBySlug(slug: string): KnowledgeItem | undefined {
  return getDb().select().from(knowledgeItems).where(eq(knowledgeItems.slug, slug)).get();
}

export type Approval = { userId: number; name: string; approvedAt: Date | null };

export function approvalsOf(itemId: number): Approval[] {
  return getDb()
    .select({
      userId: knowledgeApprovals.userId,
      name: users.name,
      approvedAt: knowledgeApprovals.approvedAt,
    })
    .from(knowledgeApprovals)
    .innerJoin(users, eq(users.id, knowledgeApprovals.userId))
    .where(eq(knowledgeApprovals.itemId, itemId))
    .orderBy(asc(users.name))
    .all();
}

function pendingCount(tx: Pick<DB, "select">, itemId: number): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(knowledgeApprovals)
      .where(and(eq(knowledgeApprovals.itemId, itemId), isNull(knowledgeApprovals.approvedAt)))
      .get()?.n ?? 0
  );
}

// ---------------------------------------------------------------------------------------------
// Who may see and change an item

/** The author of a story (its ambassador) or whoever created the item. */
export function isOwner(actor: Actor, item: Pick<KnowledgeItem, "ambassadorId" | "createdById">) {
  return Boolean(actor && (item.ambassadorId === actor.id || item.createdById === actor.id));
}

/** Edit, publish, unpublish, delete: the owner, or a coach or organiser (knowledge.manage). */
export function canEditItem(
  actor: Actor,
  item: Pick<KnowledgeItem, "ambassadorId" | "createdById" | "sourceCircleId">,
): boolean {
  if (!actor) return false;
  // A lesson from a circle (borging) stays with that circle's coaches: it was made from the
  // circle's private summary or thread, which organisers do not read either.
  if (item.sourceCircleId !== null)
    return can(actor, "knowledge.manage") && coachesCircle(actor.id, item.sourceCircleId);
  if (can(actor, "knowledge.manage")) return true;
  return isOwner(actor, item) && can(actor, "ambassador.own");
}

/**
 * Published: everyone. Otherwise only who may edit it and its approvers (a preview); to anyone
 * else it does not exist (404).
 */
function coachesCircle(userId: number, circleId: number): boolean {
  return Boolean(
    getDb()
      .select({ userId: circleCoaches.userId })
      .from(circleCoaches)
      .where(and(eq(circleCoaches.circleId, circleId), eq(circleCoaches.userId, userId)))
      .get(),
  );
}

export function canViewItem(
  actor: Actor,
  item: Pick<KnowledgeItem, "id" | "status" | "ambassadorId" | "createdById" | "sourceCircleId">,
): boolean {
  if (item.status === "published") return true;
  if (!actor) return false;
  if (canEditItem(actor, item) || isOwner(actor, item)) return true;
  return Boolean(
    getDb()
      .select({ userId: knowledgeApprovals.userId })
      .from(knowledgeApprovals)
      .where(and(eq(knowledgeApprovals.itemId, item.id), eq(knowledgeApprovals.userId, actor.id)))
      .get(),
  );
}

// ---------------------------------------------------------------------------------------------
// Changes

export class ItemStateError extends Error {
  constructor(
    readonly reason: "published" | "approval" | "url" | "not_draft" | "not_published" | "gone",
  ) {
    super(reason);
  }
}

function current(tx: Tx, itemId: number): KnowledgeItem {
  const item = tx.select().from(knowledgeItems).where(eq(knowledgeItems.id, itemId)).get();
  if (!item) throw new ItemStateError("gone");
  return item;
}

/**
 * Saves an edit. Approvals already given are asked again (unless the only approver edits it
 * themselves), and a published item whose approvals are pending again goes offline. A new
 * ambassador of a story gets an approval row. Returns who was notified and whether it went
 * offline.
 */
export function updateItem(
  actorId: number,
  itemId: number,
  input: KnowledgeInput,
): { slug: string; notified: number[]; unpublished: boolean } {
  return inTransaction((tx) => {
    const now = new Date();
    const before = current(tx, itemId);
    const slug = before.title === input.title ? before.slug : freeSlug(tx, input.title, itemId);
    tx.update(knowledgeItems)
      .set({ ...values(input), slug, updatedAt: now })
      .where(eq(knowledgeItems.id, itemId))
      .run();
    if (input.kind === "story" && input.ambassadorId && input.ambassadorId !== actorId)
      tx.insert(knowledgeApprovals)
        .values({ itemId, userId: input.ambassadorId, createdAt: now })
        .onConflictDoNothing()
        .run();
    // The actor's own approval stands (they wrote this version); everyone else is asked again.
    const again = tx
      .select({ userId: knowledgeApprovals.userId, approvedAt: knowledgeApprovals.approvedAt })
      .from(knowledgeApprovals)
      .where(eq(knowledgeApprovals.itemId, itemId))
      .all()
      .filter((a) => a.userId !== actorId);
    tx.update(knowledgeApprovals)
      .set({ approvedAt: null })
      .where(
        and(eq(knowledgeApprovals.itemId, itemId), sql`${knowledgeApprovals.userId} != ${actorId}`),
      )
      .run();
    tx.update(knowledgeApprovals)
      .set({ approvedAt: now })
      .where(and(eq(knowledgeApprovals.itemId, itemId), eq(knowledgeApprovals.userId, actorId)))
      .run();
    const unpublished = before.status === "published" && again.length > 0;
    if (unpublished)
      tx.update(knowledgeItems)
        .set({ status: "unpublished" })
        .where(eq(knowledgeItems.id, itemId))
        .run();
    indexItem(tx, itemId);
    recordAudit(
      {
        actorId,
        action: "knowledge.updated",
        subjectType: "knowledge_item",
        subjectId: itemId,
        details: { approvalsAsked: again.map((a) => a.userId), unpublished },
      },
      tx,
    );
    const notified = askApproval(
      tx,
      { id: itemId, slug, title: input.title },
      actorId,
      again.map((a) => a.userId),
    );
    return { slug, notified, unpublished };
  });
}

/** Publishes a draft or unpublished item; refused while an approval is pending. */
export function publishItem(actorId: number, itemId: number): { slug: string } {
  return inTransaction((tx) => {
    const item = current(tx, itemId);
    const blocker = publishBlocker({ ...item, pendingApprovals: pendingCount(tx, itemId) });
    if (blocker) throw new ItemStateError(blocker);
    const now = new Date();
    tx.update(knowledgeItems)
      .set({ status: "published", publishedAt: item.publishedAt ?? now, updatedAt: now })
      .where(eq(knowledgeItems.id, itemId))
      .run();
    indexItem(tx, itemId);
    recordAudit(
      { actorId, action: "knowledge.published", subjectType: "knowledge_item", subjectId: itemId },
      tx,
    );
    return { slug: item.slug };
  });
}

/** Takes a published item off the public pages and out of the search at once. */
export function unpublishItem(actorId: number, itemId: number): { slug: string } {
  return inTransaction((tx) => {
    const item = current(tx, itemId);
    if (item.status !== "published") throw new ItemStateError("not_published");
    tx.update(knowledgeItems)
      .set({ status: "unpublished", updatedAt: new Date() })
      .where(eq(knowledgeItems.id, itemId))
      .run();
    unindexItem(tx, itemId);
    recordAudit(
      {
        actorId,
        action: "knowledge.unpublished",
        subjectType: "knowledge_item",
        subjectId: itemId,
      },
      tx,
    );
    return { slug: item.slug };
  });
}

/** Deletes a draft (never published); its approvals go with it. */
export function deleteDraft(actorId: number, itemId: number) {
  inTransaction((tx) => {
    const item = current(tx, itemId);
    if (item.status !== "draft") throw new ItemStateError("not_draft");
    tx.delete(knowledgeItems).where(eq(knowledgeItems.id, itemId)).run();
    unindexItem(tx, itemId);
    recordAudit(
      {
        actorId,
        action: "knowledge.deleted",
        subjectType: "knowledge_item",
        subjectId: itemId,
        details: { title: item.title },
      },
      tx,
    );
  });
}

/** Notifies the item's creator (unless that is the approver themselves). */
function tellCreator(
  tx: Tx,
  item: KnowledgeItem,
  userId: number,
  type: "knowledge.approved" | "knowledge.returned",
  message?: string,
) {
  if (!item.createdById || item.createdById === userId) return [];
  const data: Record<string, string> = { name: nameOf(tx, userId), title: item.title };
  if (message) data.message = message;
  return [
    notify(tx, {
      userId: item.createdById,
      type,
      data,
      url:
        type === "knowledge.returned" ? `/knowledge/${item.slug}/edit` : `/knowledge/${item.slug}`,
    }),
  ];
}

/**
 * The approver agrees with the current version. Returns false when they are not (or no longer)
 * asked; `complete` when nobody else is pending, so the item can be published now.
 */
export function approveItem(
  itemId: number,
  userId: number,
): { ok: false } | { ok: true; complete: boolean; notified: number[] } {
  return inTransaction((tx) => {
    const row = tx
      .select({ approvedAt: knowledgeApprovals.approvedAt })
      .from(knowledgeApprovals)
      .where(and(eq(knowledgeApprovals.itemId, itemId), eq(knowledgeApprovals.userId, userId)))
      .get();
    if (!row || row.approvedAt) return { ok: false as const };
    const item = current(tx, itemId);
    tx.update(knowledgeApprovals)
      .set({ approvedAt: new Date() })
      .where(and(eq(knowledgeApprovals.itemId, itemId), eq(knowledgeApprovals.userId, userId)))
      .run();
    recordAudit(
      {
        actorId: userId,
        action: "knowledge.approved",
        subjectType: "knowledge_item",
        subjectId: itemId,
      },
      tx,
    );
    const complete = pendingCount(tx, itemId) === 0;
    const notified = complete ? tellCreator(tx, item, userId, "knowledge.approved") : [];
    return { ok: true as const, complete, notified };
  });
}

export const RETURN_NOTE_MAX = 1000;

/**
 * The approver sends it back with a note for the writer (through notify); their approval stays
 * pending, so it cannot be published until the writer changed it and they agreed.
 */
export function returnItem(
  itemId: number,
  userId: number,
  note: string,
): { ok: false } | { ok: true; notified: number[] } {
  return inTransaction((tx) => {
    const row = tx
      .select({ approvedAt: knowledgeApprovals.approvedAt })
      .from(knowledgeApprovals)
      .where(and(eq(knowledgeApprovals.itemId, itemId), eq(knowledgeApprovals.userId, userId)))
      .get();
    if (!row || row.approvedAt) return { ok: false as const };
    const item = current(tx, itemId);
    recordAudit(
      {
        actorId: userId,
        action: "knowledge.returned",
        subjectType: "knowledge_item",
        subjectId: itemId,
        details: { note: note.slice(0, RETURN_NOTE_MAX) },
      },
      tx,
    );
    const notified = tellCreator(
      tx,
      item,
      userId,
      "knowledge.returned",
      note.slice(0, RETURN_NOTE_MAX),
    );
    return { ok: true as const, notified };
  });
}

export type PendingApproval = {
  itemId: number;
  slug: string;
  title: string;
  summary: string;
  kind: KnowledgeKind;
  status: KnowledgeStatus;
  createdByName: string | null;
  askedAt: Date;
};

/** The items waiting for this user's approval, oldest request first. */
export function pendingApprovalsFor(userId: number): PendingApproval[] {
  return getDb()
    .select({
      itemId: knowledgeItems.id,
      slug: knowledgeItems.slug,
      title: knowledgeItems.title,
      summary: knowledgeItems.summary,
      kind: knowledgeItems.kind,
      status: knowledgeItems.status,
      createdByName: users.name,
      askedAt: knowledgeApprovals.createdAt,
    })
    .from(knowledgeApprovals)
    .innerJoin(knowledgeItems, eq(knowledgeItems.id, knowledgeApprovals.itemId))
    .leftJoin(users, eq(users.id, knowledgeItems.createdById))
    .where(and(eq(knowledgeApprovals.userId, userId), isNull(knowledgeApprovals.approvedAt)))
    .orderBy(asc(knowledgeApprovals.createdAt), asc(knowledgeItems.id))
    .all();
}

export type ManagedItem = {
  id: number;
  slug: string;
  title: string;
  kind: KnowledgeKind;
  status: KnowledgeStatus;
  ambassadorName: string | null;
  updatedAt: Date | null;
  pendingApprovals: number;
};

/**
 * The editor's list: staff see every item, an ambassador their own stories and what they
 * created. Optionally one status; newest change first.
 */
export function listManagedItems(
  actor: NonNullable<Actor>,
  { status, limit = 200 }: { status?: KnowledgeStatus; limit?: number } = {},
): ManagedItem[] {
  const staff = can(actor, "knowledge.manage");
  const mine = or(
    eq(knowledgeItems.ambassadorId, actor.id),
    eq(knowledgeItems.createdById, actor.id),
  );
  // Staff see everything but the lessons of circles they do not coach (see canEditItem).
  const staffMay = or(
    isNull(knowledgeItems.sourceCircleId),
    sql`exists (select 1 from ${circleCoaches} where ${circleCoaches.circleId} = ${knowledgeItems.sourceCircleId} and ${circleCoaches.userId} = ${actor.id})`,
  );
  const where = and(
    staff ? staffMay : mine,
    status ? eq(knowledgeItems.status, status) : undefined,
  );
  return getDb()
    .select({
      id: knowledgeItems.id,
      slug: knowledgeItems.slug,
      title: knowledgeItems.title,
      kind: knowledgeItems.kind,
      status: knowledgeItems.status,
      ambassadorName: users.name,
      updatedAt: knowledgeItems.updatedAt,
      pendingApprovals: sql<number>`(select count(*) from knowledge_approval a
        where a.item_id = ${knowledgeItems.id} and a.approved_at is null)`,
    })
    .from(knowledgeItems)
    .leftJoin(users, eq(users.id, knowledgeItems.ambassadorId))
    .where(where)
    .orderBy(desc(knowledgeItems.updatedAt), desc(knowledgeItems.id))
    .limit(limit)
    .all();
}

/** Names of users by id (the approvers' list). */
export function userNames(ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    getDb()
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, ids))
      .all()
      .map((u) => [u.id, u.name]),
  );
}
