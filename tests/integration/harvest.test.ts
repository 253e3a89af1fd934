/**
 * Borging, from circle to knowledge: a coach turns a thread or a meeting's summary into an
 * anonymised draft; known names are refused, likely ones need the coach's tick, and the draft
 * is published only after everyone who wrote in it (or was there) approved. The draft stays
 * with the circle's coaches: an organiser does not see it.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { companies, knowledgeItems, users } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { createPost, createThread } from "~/models/discussions.server";
import { createMeeting } from "~/models/meetings.server";
import { recordAttendance, saveSummary } from "~/models/follow-up.server";
import {
  approveItem,
  approvalsOf,
  getItemBySlug,
  ItemStateError,
  publishItem,
} from "~/models/knowledge.server";
import { searchKnowledge } from "~/models/knowledge-search.server";
import * as harvest from "~/routes/circles.$circleId.harvest";
import * as itemRoute from "~/routes/knowledge.$slug._index";
import * as edit from "~/routes/knowledge.$slug.edit";
import { load, makeUser, sessionCookieFor, signedInCircle, submit, meetingInput } from "./helpers";

const HOUR = 3_600_000;

async function circleWithThread() {
  const w = await signedInCircle(2);
  const [lotte, hans] = w.members;
  getDb()
    .insert(companies)
    .values({ ownerId: lotte!.id, name: "Van Dijk Installatietechniek" })
    .run();
  const thread = createThread({
    circleId: w.circleId,
    authorId: lotte!.id,
    title: "Zelfsturing bij Van Dijk Installatietechniek",
    source: "Wij proberen sinds maart zelfsturende teams.",
    key: null,
  });
  if (!thread.ok) throw new Error("thread");
  const reply = createPost({
    circleId: w.circleId,
    threadId: thread.threadId,
    parentId: thread.postId,
    authorId: hans!.id,
    source: "Bij ons hielp het om klein te beginnen. Wat denk jij, @[Anouk Coach]?",
    key: null,
  });
  if (!reply.ok) throw new Error("reply");
  return { ...w, threadId: thread.threadId, lotte: lotte!, hans: hans! };
}

const fields = (threadId: number, over: Record<string, string> = {}) => ({
  intent: "create",
  source: "thread",
  sourceId: String(threadId),
  title: "Zelfsturing: begin klein",
  summary: "Wat twee bedrijven leerden over zelfsturende teams.",
  body: "begin met een team dat het wil, en laat de planning bij dat team.",
  themes: "social_innovation",
  ...over,
});

describe("borging", () => {
  it("starts from the thread with the circle's names replaced, and names who must agree", async () => {
    const w = await circleWithThread();
    const res = await load(harvest.loader, `/circles/${w.circleId}/harvest?thread=${w.threadId}`, {
      cookie: w.coach.cookie,
      params: w.params,
    });
    expect(res.status).toBe(200);
    const { draft } = await res.json();
    expect(draft.title).toBe("Zelfsturing bij [een bedrijf]");
    expect(draft.body).toContain("Wij proberen sinds maart zelfsturende teams.");
    // The mention's markup is gone, and the coach's name with it.
    expect(draft.body).toContain(
      "- Bij ons hielp het om klein te beginnen. Wat denk jij, [een ondernemer]?",
    );
    expect([...draft.approvers].sort()).toEqual(
      [w.members[0]!, w.members[1]!].map((m) => getName(m.id)).sort(),
    );
  });

  it("refuses a draft that still names someone from the circle, and keeps what was typed", async () => {
    const w = await circleWithThread();
    const lotte = getName(w.lotte.id);
    const res = await submit(
      harvest.action,
      `/circles/${w.circleId}/harvest`,
      fields(w.threadId, { body: `${lotte.split(" ")[0]!.toLowerCase()} vertelde hoe het ging.` }),
      { cookie: w.coach.cookie, params: w.params },
    );
    expect(res.status).toBe(400);
    const data = await res.json();
    expect(data.error.body).toEqual(["knowledge.harvest.namesLeft"]);
    expect(data.namesLeft.length).toBe(1);
    expect(data.initialValue.title).toBe("Zelfsturing: begin klein");
    expect(lessonsOf(w.circleId)).toEqual([]);
  });

  it("asks the coach to look at words that look like names before saving", async () => {
    const w = await circleWithThread();
    const body = "begin klein. Volgens Jeroen werkte dat goed.";
    const first = await submit(
      harvest.action,
      `/circles/${w.circleId}/harvest`,
      fields(w.threadId, { body }),
      {
        cookie: w.coach.cookie,
        params: w.params,
      },
    );
    expect(first.status).toBe(400);
    const data = await first.json();
    expect(data.error.checked).toEqual(["knowledge.harvest.checkFirst"]);
    expect(data.likely).toEqual(["Jeroen"]);
    expect(lessonsOf(w.circleId)).toEqual([]);
    const second = await submit(
      harvest.action,
      `/circles/${w.circleId}/harvest`,
      fields(w.threadId, { body, checked: "on" }),
      { cookie: w.coach.cookie, params: w.params },
    );
    expect(second.status).toBe(302);
  });

  it("publishes only after every writer agreed, and keeps the draft from organisers meanwhile", async () => {
    const w = await circleWithThread();
    const res = await submit(harvest.action, `/circles/${w.circleId}/harvest`, fields(w.threadId), {
      cookie: w.coach.cookie,
      params: w.params,
    });
    expect(res.status).toBe(302);
    const slug = res.headers.get("Location")!.replace("/knowledge/", "");
    const item = getItemBySlug(slug)!;
    expect(item).toMatchObject({ kind: "lesson", status: "draft", sourceCircleId: w.circleId });
    expect(item.sourceThreadId).toBe(w.threadId);
    expect(
      approvalsOf(item.id)
        .map((a) => a.userId)
        .sort(),
    ).toEqual([w.lotte.id, w.hans.id].sort());
    // The coach sees the preview, a member who must approve does too; an organiser does not.
    const organiser = await makeUser({ roles: ["organiser", "coach"] });
    const asOrganiser = await load(itemRoute.loader, `/knowledge/${slug}`, {
      cookie: await sessionCookieFor(organiser.id),
      params: { slug },
    });
    expect(asOrganiser.status).toBe(404);
    const asMember = await load(itemRoute.loader, `/knowledge/${slug}`, {
      cookie: w.hans.cookie,
      params: { slug },
    });
    expect(asMember.status).toBe(200);

    expect(() => publishItem(w.coach.id, item.id)).toThrow(ItemStateError);
    approveItem(item.id, w.lotte.id);
    expect(() => publishItem(w.coach.id, item.id)).toThrow(ItemStateError);
    approveItem(item.id, w.hans.id);
    publishItem(w.coach.id, item.id);
    expect(searchKnowledge({ q: "zelfsturende" }).hits.map((h) => h.slug)).toContain(slug);
  });

  it("needs the attendance of a meeting before its summary can be used", async () => {
    const w = await signedInCircle(2);
    const now = new Date();
    const startsAt = new Date(now.getTime() - 26 * HOUR);
    const { meetingId } = createMeeting(
      w.circleId,
      w.coach.id,
      meetingInput(startsAt, { title: "Bijeenkomst over personeel" }),
      new Date(startsAt.getTime() - 7 * 24 * HOUR),
    );
    expect(saveSummary(meetingId, w.coach.id, "We spraken over werven via de hogeschool.").ok).toBe(
      true,
    );
    const path = `/circles/${w.circleId}/harvest?meeting=${meetingId}`;
    const before = await (
      await load(harvest.loader, path, { cookie: w.coach.cookie, params: w.params })
    ).json();
    expect(before.draft).toBeNull();
    expect(before.needsAttendance).toBe(meetingId);
    expect(recordAttendance(meetingId, w.coach.id, [w.members[0]!.id]).ok).toBe(true);
    const after = await (
      await load(harvest.loader, path, { cookie: w.coach.cookie, params: w.params })
    ).json();
    // Only who was there must agree.
    expect(after.draft.approvers).toEqual([getName(w.members[0]!.id)]);
    expect(after.draft.body).toBe("We spraken over werven via de hogeschool.");
  });

  it("answers a source of another circle, or a malformed one, with a 404", async () => {
    const w = await circleWithThread();
    const other = await circleWithThread();
    for (const query of [`thread=${other.threadId}`, "thread=abc", "meeting=0"]) {
      const res = await load(harvest.loader, `/circles/${w.circleId}/harvest?${query}`, {
        cookie: w.coach.cookie,
        params: w.params,
      });
      expect(res.status, query).toBe(404);
    }
    const res = await submit(
      harvest.action,
      `/circles/${w.circleId}/harvest`,
      fields(other.threadId),
      {
        cookie: w.coach.cookie,
        params: w.params,
      },
    );
    expect(res.status).toBe(400);
    expect(lessonsOf(w.circleId)).toEqual([]);
  });
});

function getName(userId: number) {
  return getDb().select({ name: users.name }).from(users).where(eq(users.id, userId)).get()!.name;
}

function lessonsOf(circleId: number) {
  return getDb()
    .select({ id: knowledgeItems.id })
    .from(knowledgeItems)
    .where(eq(knowledgeItems.sourceCircleId, circleId))
    .all();
}

describe("a lesson in the editor", () => {
  it("stays anonymous: an edit that brings a name from the circle back is refused", async () => {
    const w = await circleWithThread();
    const res = await submit(harvest.action, `/circles/${w.circleId}/harvest`, fields(w.threadId), {
      cookie: w.coach.cookie,
      params: w.params,
    });
    const slug = res.headers.get("Location")!.replace("/knowledge/", "");
    const refused = await submit(
      edit.action,
      `/knowledge/${slug}/edit`,
      {
        ...fields(w.threadId),
        intent: "save",
        kind: "lesson",
        body: "Bij Van Dijk Installatietechniek begonnen ze klein.",
      },
      { cookie: w.coach.cookie, params: { slug } },
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.body).toEqual(["knowledge.harvest.namesLeft"]);
    expect(getItemBySlug(slug)!.body).toBe(fields(w.threadId).body);
  });
});
