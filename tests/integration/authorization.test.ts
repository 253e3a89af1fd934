/// <reference types="vite/client" />
/**
 * The authorisation matrix: every route's loader (and action, where it has one) for every kind
 * of visitor, with the expected outcome. A route file without a row fails the first test, so a
 * new page cannot ship without someone deciding who may see it. Each case gets fresh fixtures,
 * because some actions change what the next case would see.
 */
import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { acceptHouseRules, applyToCircle, decideApplication } from "~/models/memberships.server";
import { getMembership } from "~/models/circles.server";
import { defaultWeights } from "~/models/programmes.server";
import { runMatching } from "~/models/matching.server";
import { createThread } from "~/models/discussions.server";
import { createMeeting, inviteGuest, respondToMeeting } from "~/models/meetings.server";
import { addActionItem } from "~/models/follow-up.server";
import { createPoll, getPoll, pollView } from "~/models/polls.server";
import { DEFAULT_HOUSE_RULES } from "~/domain/house-rules";
import { notificationCategories } from "~/domain/notifications";
import {
  callRoute,
  getRequest,
  loaderArgs,
  makeCircle,
  makeContext,
  makeUser,
  sessionCookieFor,
  outcomeOf,
  settle,
  meetingInput,
} from "./helpers";
import { publicMatrix } from "./matrix";

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown> | unknown;
  action?: (args: ActionFunctionArgs) => Promise<unknown> | unknown;
};
const modules = import.meta.glob<RouteModule>("../../app/routes/*.tsx", { eager: true });
const routeName = (file: string) => file.replace("../../app/routes/", "").replace(/\.tsx$/, "");

const personas = [
  "anonymous",
  "entrepreneur",
  "applicant",
  "waitlisted",
  "member",
  "coachOther",
  "coach",
  "organiser",
  // Invited by the coach to one meeting of the circle (world.meetingId) and nothing else.
  "guest",
] as const;
type Persona = (typeof personas)[number];
/** ok = 2xx; login = redirect to the login page; redirect = any other redirect; or a status. */
type Outcome = "ok" | "login" | "redirect" | 400 | 403 | 404;
/** A row that does not name the guest expects for them what it expects for an entrepreneur. */
type Expect = Record<Exclude<Persona, "guest">, Outcome> & { guest?: Outcome };

type World = {
  circleId: number;
  programmeId: number;
  proposalId: number;
  threadId: number;
  postId: number;
  applicantMembershipId: number;
  inviteeEmail: string;
  /** A planned meeting of the circle, with the guest invited to it. */
  meetingId: number;
  // Follow-up: a meeting that took place last week (the guest was invited, the member said yes),
  // with an action item of the member's.
  pastMeetingId: number;
  actionItemId: number;
  /** An open date poll of the circle, with its two slots. */
  pollId: number;
  pollSlotIds: number[];
  userIds: Partial<Record<Persona, number>>;
};

type Row = {
  path: (w: World) => string;
  params?: (w: World) => Record<string, string>;
  loader?: Expect;
  action?: { fields: (w: World) => Record<string, string>; expect: Expect };
};

const expectFor = (expect: Expect, persona: Persona): Outcome =>
  persona === "guest" ? (expect.guest ?? expect.entrepreneur) : expect[persona];
const all = (o: Outcome): Expect =>
  Object.fromEntries(personas.filter((p) => p !== "guest").map((p) => [p, o])) as Expect;
const signedIn = (o: Outcome): Expect => ({ ...all(o), anonymous: "login" });
const only = (allowed: Partial<Record<Persona, Outcome>>, otherwise: Outcome = 403): Expect => ({
  ...signedIn(otherwise),
  ...allowed,
});
const entrepreneurs = (o: Outcome): Expect =>
  only({ entrepreneur: o, applicant: o, waitlisted: o, member: o });
const anonymousOnly: Expect = { ...all("redirect"), anonymous: "ok" };
/** A meeting's routes: its people get a 403 unless allowed, everyone else a 404. */
const meetingPeople = (allowed: Partial<Record<Persona, Outcome>>): Expect => ({
  ...signedIn(404),
  member: 403,
  coach: 403,
  guest: 403,
  ...allowed,
});
const circleParams = (w: World) => ({ circleId: String(w.circleId) });
const programmeParams = (w: World) => ({ programmeId: String(w.programmeId) });

const programmeFields = {
  name: "Testprogramma",
  startsOn: "2027-01-01",
  endsOn: "2027-12-31",
  sizeMin: "4",
  sizeTarget: "6",
  sizeMax: "8",
  sectorPolicy: "mixed",
  ...Object.fromEntries(
    Object.entries(defaultWeights).map(([k, v]) => [`weights.${k}`, String(v)]),
  ),
};
const matchingFields = {
  sizeMin: "3",
  sizeTarget: "4",
  sizeMax: "6",
  sectorPolicy: "mixed",
  meetingMode: "online",
  ...Object.fromEntries(
    Object.entries(defaultWeights).map(([k, v]) => [`weights.${k}`, String(v)]),
  ),
};
const circleFields = {
  intent: "save",
  name: "Testkring",
  theme: "growth",
  status: "forming",
  capacityMin: "3",
  capacityMax: "8",
  meetingMode: "online",
  houseRules: DEFAULT_HOUSE_RULES,
};

const matrix: Record<string, Row> = {
  _index: { path: () => "/", loader: all("ok") },
  $: {
    path: () => "/does-not-exist",
    loader: all(404),
    action: { fields: () => ({}), expect: all(404) },
  },
  signup: {
    path: () => "/signup",
    loader: anonymousOnly,
    action: { fields: () => ({}), expect: { ...all("redirect"), anonymous: 400 } },
  },
  login: {
    path: () => "/login",
    loader: anonymousOnly,
    action: { fields: () => ({}), expect: { ...all("redirect"), anonymous: 400 } },
  },
  "check-email": { path: () => "/check-email" },
  "verify-email": {
    path: () => "/verify-email?token=nope",
    loader: all("ok"),
    action: { fields: () => ({ token: "nope" }), expect: all(400) },
  },
  "forgot-password": {
    path: () => "/forgot-password",
    loader: all("ok"),
    action: { fields: () => ({}), expect: all(400) },
  },
  "reset-password": {
    path: () => "/reset-password?token=nope",
    loader: all("ok"),
    action: { fields: () => ({}), expect: all(400) },
  },
  logout: {
    path: () => "/logout",
    loader: all("redirect"),
    action: { fields: () => ({}), expect: all("redirect") },
  },
  settings: {
    path: () => "/settings",
    loader: signedIn("ok"),
    action: {
      fields: () => ({ intent: "profile", name: "Nieuwe naam", locale: "auto" }),
      expect: signedIn("ok"),
    },
  },
  dashboard: { path: () => "/dashboard", loader: signedIn("ok") },
  "admin.users": {
    path: () => "/admin/users",
    loader: only({ organiser: "ok" }),
    action: {
      fields: (w) => ({
        intent: "grant",
        userId: String(w.userIds.entrepreneur),
        role: "ambassador",
      }),
      expect: only({ organiser: "ok" }),
    },
  },
  "admin.outbox": {
    path: () => "/admin/outbox",
    loader: only({ organiser: "ok" }),
    action: { fields: () => ({ id: "999999" }), expect: only({ organiser: 400 }) },
  },
  "notifications._index": {
    path: () => "/notifications",
    loader: signedIn("ok"),
    action: { fields: () => ({}), expect: signedIn("ok") },
  },
  // Someone else's notification (or none) is a 404, never a peek at another person's list.
  "notifications.$notificationId": {
    path: () => "/notifications/1",
    params: () => ({ notificationId: "999999" }),
    loader: signedIn(404),
  },
  "settings_.notifications": {
    path: () => "/settings/notifications",
    loader: signedIn("ok"),
    action: {
      fields: () => ({
        ...Object.fromEntries(notificationCategories.map((c) => [`channels.${c}`, "digest"])),
        digestHour: "7",
      }),
      expect: signedIn("ok"),
    },
  },
  // Authenticated by its signed token, not by a session: the same answer for everyone.
  unsubscribe: {
    path: () => "/unsubscribe?token=forged.token",
    loader: all("ok"),
    action: { fields: () => ({ token: "forged.token" }), expect: all(400) },
  },
  // Development tool; in production it is a 404 (see pages.test.ts).
  "dev.outbox": { path: () => "/dev/outbox", loader: all("ok") },
  "resources.locale": {
    path: () => "/resources/locale",
    loader: all("redirect"),
    action: { fields: () => ({ locale: "en", redirectTo: "/" }), expect: all("redirect") },
  },

  // Onboarding: entrepreneurs only.
  "onboarding._index": { path: () => "/onboarding", loader: entrepreneurs("redirect") },
  "onboarding.company": {
    path: () => "/onboarding/company",
    loader: entrepreneurs("ok"),
    action: {
      fields: () => ({
        name: "Bakkerij Test",
        sector: "C",
        employees: "4",
        foundedYear: "2015",
        lifePhase: "established",
        province: "OV",
        municipality: "Deventer",
      }),
      expect: entrepreneurs("redirect"),
    },
  },
  "onboarding.profile": {
    path: () => "/onboarding/profile",
    loader: entrepreneurs("ok"),
    action: {
      fields: () => ({
        companyRole: "owner",
        themes: "growth",
        dayParts: "evening",
        meetingMode: "either",
      }),
      expect: entrepreneurs("redirect"),
    },
  },
  "onboarding.question": {
    path: () => "/onboarding/question",
    loader: entrepreneurs("ok"),
    action: {
      fields: () => ({ questionSituation: "We groeien hard.", questionWish: "Ervaringen horen." }),
      expect: entrepreneurs("redirect"),
    },
  },
  "onboarding.ready": {
    path: () => "/onboarding/ready",
    loader: entrepreneurs("ok"),
    action: { fields: () => ({ ready: "no" }), expect: entrepreneurs("ok") },
  },

  // Programmes: organisers only.
  "programmes._index": { path: () => "/programmes", loader: only({ organiser: "ok" }) },
  "programmes.new": {
    path: () => "/programmes/new",
    loader: only({ organiser: "ok" }),
    action: { fields: () => programmeFields, expect: only({ organiser: "redirect" }) },
  },
  "programmes.$programmeId._index": {
    path: (w) => `/programmes/${w.programmeId}`,
    params: programmeParams,
    loader: only({ organiser: "ok" }),
    action: { fields: () => ({ intent: "archive" }), expect: only({ organiser: "ok" }) },
  },
  "programmes.$programmeId.edit": {
    path: (w) => `/programmes/${w.programmeId}/edit`,
    params: programmeParams,
    loader: only({ organiser: "ok" }),
    action: { fields: () => programmeFields, expect: only({ organiser: "redirect" }) },
  },
  "programmes.$programmeId.circles.new": {
    path: (w) => `/programmes/${w.programmeId}/circles/new`,
    params: programmeParams,
    loader: only({ organiser: "ok" }),
    action: { fields: () => circleFields, expect: only({ organiser: "redirect" }) },
  },

  "programmes.$programmeId.matching._index": {
    path: (w) => `/programmes/${w.programmeId}/matching`,
    params: programmeParams,
    loader: only({ organiser: "ok" }),
    action: { fields: () => matchingFields, expect: only({ organiser: "redirect" }) },
  },
  "programmes.$programmeId.matching.$proposalId": {
    path: (w) => `/programmes/${w.programmeId}/matching/${w.proposalId}`,
    params: (w) => ({ programmeId: String(w.programmeId), proposalId: String(w.proposalId) }),
    loader: only({ organiser: "ok" }),
    action: {
      fields: (w) => ({ intent: "move", userId: String(w.userIds.entrepreneur), to: "out" }),
      expect: only({ organiser: "ok" }),
    },
  },

  // Circles: the public list and summary, the private home, and the coach's pages.
  "circles._index": { path: () => "/circles", loader: all("ok") },
  "circles.$circleId._index": {
    path: (w) => `/circles/${w.circleId}`,
    params: circleParams,
    loader: all("ok"),
    action: {
      fields: () => ({ intent: "leave" }),
      expect: {
        ...only({ applicant: "redirect", waitlisted: "redirect", member: "redirect" }),
        anonymous: 403,
      },
    },
  },
  "circles.$circleId.home": {
    path: (w) => `/circles/${w.circleId}/home`,
    params: circleParams,
    loader: only({ member: "ok", coach: "ok" }),
  },
  // Date polls: the coach proposes; the circle's members and coaches see the tally; members
  // vote (the coach runs the poll and does not). A meeting's guest is not in the circle.
  "circles.$circleId.polls.new": {
    path: (w) => `/circles/${w.circleId}/polls/new`,
    params: circleParams,
    loader: only({ coach: "ok" }),
    action: {
      fields: () => ({
        title: "Bijeenkomst in maart",
        "slots[0].date": "2030-03-12",
        "slots[0].startTime": "19:00",
        "slots[0].endTime": "21:30",
        "slots[1].date": "2030-03-14",
        "slots[1].startTime": "19:00",
        "slots[1].endTime": "21:30",
      }),
      expect: only({ coach: "redirect" }),
    },
  },
  "circles.$circleId.polls.$pollId": {
    path: (w) => `/circles/${w.circleId}/polls/${w.pollId}`,
    params: (w) => ({ circleId: String(w.circleId), pollId: String(w.pollId) }),
    loader: only({ member: "ok", coach: "ok" }),
    action: {
      fields: (w) => ({
        intent: "vote",
        ...Object.fromEntries(w.pollSlotIds.map((id) => [`answers.${id}`, "yes"])),
      }),
      expect: only({ member: "ok" }),
    },
  },
  // The live catch-up: the circle's private events, for its members and coaches only.
  "circles.$circleId.events": {
    path: (w) => `/circles/${w.circleId}/events?since=0`,
    params: circleParams,
    loader: only({ member: "ok", coach: "ok" }),
  },
  // Meetings (pages): the list is the circle's own; a meeting's page is also its guests', and a
  // meeting is a 404 for everyone else who may not know it; planning and changing: the coach.
  "circles.$circleId.meetings._index": {
    path: (w) => `/circles/${w.circleId}/meetings`,
    params: circleParams,
    loader: only({ member: "ok", coach: "ok" }),
  },
  "circles.$circleId.meetings.new": {
    path: (w) => `/circles/${w.circleId}/meetings/new`,
    params: circleParams,
    loader: only({ coach: "ok" }),
    action: {
      fields: () => ({
        title: "Derde bijeenkomst",
        date: "2030-03-12",
        startTime: "19:00",
        endTime: "21:30",
        locationKind: "video",
        videoUrl: "https://meet.example.org/kring",
      }),
      expect: only({ coach: "redirect" }),
    },
  },
  "circles.$circleId.meetings.$meetingId._index": {
    path: (w) => `/circles/${w.circleId}/meetings/${w.meetingId}`,
    params: (w) => ({ circleId: String(w.circleId), meetingId: String(w.meetingId) }),
    loader: only({ member: "ok", coach: "ok", guest: "ok" }, 404),
    action: {
      fields: () => ({ intent: "rsvp", answer: "yes" }),
      // The coach runs the meeting and does not answer.
      expect: only({ member: "ok", guest: "ok", coach: 403 }, 404),
    },
  },
  "circles.$circleId.meetings.$meetingId.edit": {
    path: (w) => `/circles/${w.circleId}/meetings/${w.meetingId}/edit`,
    params: (w) => ({ circleId: String(w.circleId), meetingId: String(w.meetingId) }),
    loader: only({ coach: "ok", member: 403, guest: 403 }, 404),
    action: {
      fields: () => ({ intent: "cancel", message: "Ziek", confirm: "on" }),
      expect: only({ coach: "redirect", member: 403, guest: 403 }, 404),
    },
  },
  "circles.$circleId.house-rules": {
    path: (w) => `/circles/${w.circleId}/house-rules`,
    params: circleParams,
    loader: only({ member: "ok" }),
    action: { fields: () => ({}), expect: only({ member: "redirect" }) },
  },
  // Follow-up: a meeting's people see what their relation allows; anyone else does not learn
  // the meeting exists (404). Cases are confidential to the circle: the guest gets a 403.
  "circles.$circleId.meetings.$meetingId.cases": {
    path: (w) => `/circles/${w.circleId}/meetings/${w.meetingId}/cases`,
    params: (w) => ({ circleId: String(w.circleId), meetingId: String(w.meetingId) }),
    loader: meetingPeople({ member: "ok", coach: "ok" }),
    action: {
      fields: () => ({
        intent: "propose",
        title: "Eerste medewerker",
        situation: "Ik twijfel of ik iemand kan betalen.",
        request: "Ervaringen met de eerste aanname.",
        urgency: "medium",
      }),
      expect: meetingPeople({ member: "redirect" }),
    },
  },
  "circles.$circleId.meetings.$meetingId.follow-up": {
    path: (w) => `/circles/${w.circleId}/meetings/${w.pastMeetingId}/follow-up`,
    params: (w) => ({ circleId: String(w.circleId), meetingId: String(w.pastMeetingId) }),
    loader: meetingPeople({ coach: "ok" }),
    action: {
      fields: () => ({ intent: "summary", summary: "We bespraken **personeel**." }),
      expect: meetingPeople({ coach: "redirect" }),
    },
  },
  "circles.$circleId.meetings.$meetingId.feedback": {
    path: (w) => `/circles/${w.circleId}/meetings/${w.pastMeetingId}/feedback`,
    params: (w) => ({ circleId: String(w.circleId), meetingId: String(w.pastMeetingId) }),
    loader: meetingPeople({ member: "ok" }),
    action: { fields: () => ({ score: "4" }), expect: meetingPeople({ member: "redirect" }) },
  },
  // Calendars: a meeting's .ics is guarded like its page; the feed is public but needs its
  // secret (a bogus one is a 404 for everyone; valid ones are tested in calendar.test.ts); the
  // feed's settings are anyone's own.
  "circles.$circleId.meetings.$meetingId.ics": {
    path: (w) => `/circles/${w.circleId}/meetings/${w.meetingId}/ics`,
    params: (w) => ({ circleId: String(w.circleId), meetingId: String(w.meetingId) }),
    loader: only({ member: "ok", coach: "ok", guest: "ok" }, 404),
  },
  "calendar.$token[.]ics": {
    path: () => "/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics",
    params: () => ({ token: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }),
    loader: all(404),
  },
  "settings_.calendar": {
    path: () => "/settings/calendar",
    loader: signedIn("ok"),
    action: { fields: () => ({ intent: "generate" }), expect: signedIn("ok") },
  },
  // Only the owner (the member) marks their item done; for anyone else it does not exist.
  "actions.$actionId": {
    path: (w) => `/actions/${w.actionItemId}`,
    params: (w) => ({ actionId: String(w.actionItemId) }),
    loader: signedIn("redirect"),
    action: {
      fields: () => ({ intent: "done", note: "Gebeld, offerte volgt" }),
      expect: only({ member: "redirect" }, 404),
    },
  },
  "circles.$circleId.members": {
    path: (w) => `/circles/${w.circleId}/members`,
    params: circleParams,
    loader: only({ coach: "ok" }),
    action: {
      fields: (w) => ({ intent: "approve", membershipId: String(w.applicantMembershipId) }),
      expect: only({ coach: "ok" }),
    },
  },
  // Discussions: the circle's people only; organisers who are not in it get nothing.
  "circles.$circleId.threads._index": {
    path: (w) => `/circles/${w.circleId}/threads`,
    params: circleParams,
    loader: only({ member: "ok", coach: "ok" }),
  },
  "circles.$circleId.threads.new": {
    path: (w) => `/circles/${w.circleId}/threads/new`,
    params: circleParams,
    loader: only({ member: "ok", coach: "ok" }),
    action: {
      fields: () => ({ title: "Een vraag", body: "Wie weet dit?" }),
      expect: only({ member: "redirect", coach: "redirect" }),
    },
  },
  "circles.$circleId.threads.$threadId": {
    path: (w) => `/circles/${w.circleId}/threads/${w.threadId}`,
    params: (w) => ({ circleId: String(w.circleId), threadId: String(w.threadId) }),
    loader: only({ member: "ok", coach: "ok" }),
    action: {
      fields: (w) => ({ intent: "react", postId: String(w.postId), reaction: "idea" }),
      expect: only({ member: "ok", coach: "ok" }),
    },
  },
  // The post's source and earlier versions: its author (the member) and the coach.
  "circles.$circleId.posts.$postId": {
    path: (w) => `/circles/${w.circleId}/posts/${w.postId}`,
    params: (w) => ({ circleId: String(w.circleId), postId: String(w.postId) }),
    loader: only({ member: "ok", coach: "ok" }),
  },
  "circles.$circleId.preview": {
    path: (w) => `/circles/${w.circleId}/preview`,
    params: circleParams,
    action: {
      fields: () => ({ body: "**Vet**" }),
      expect: only({ member: "ok", coach: "ok" }),
    },
  },
  "circles.$circleId.threads.search": {
    path: (w) => `/circles/${w.circleId}/threads/search?q=personeel`,
    params: circleParams,
    loader: only({ member: "ok", coach: "ok" }),
  },
  // Moderation: the coach's queue; the organisers' log of their programme, without content.
  "circles.$circleId.moderation": {
    path: (w) => `/circles/${w.circleId}/moderation`,
    params: circleParams,
    loader: only({ coach: "ok" }),
    action: {
      fields: (w) => ({ intent: "hide", postId: String(w.postId), reason: "Te persoonlijk" }),
      expect: only({ coach: "ok" }),
    },
  },
  "programmes.$programmeId.moderation": {
    path: (w) => `/programmes/${w.programmeId}/moderation`,
    params: programmeParams,
    loader: only({ organiser: "ok" }),
  },
  "circles.$circleId.edit": {
    path: (w) => `/circles/${w.circleId}/edit`,
    params: circleParams,
    loader: only({ coach: "ok", organiser: "ok" }),
    action: {
      fields: (w) => ({ intent: "invite", email: w.inviteeEmail }),
      expect: only({ coach: "ok", organiser: "ok" }),
    },
  },
};

/** A circle with one seat: a member in it, one person waiting, one applicant; and a second circle. */
async function buildWorld(): Promise<World> {
  const { id: circleId, coach, programme } = await makeCircle({ capacityMax: 1 });
  const other = await makeCircle();
  const member = await makeUser();
  const waitlisted = await makeUser();
  const applicant = await makeUser();
  const entrepreneur = await makeUser();
  const invitee = await makeUser();
  for (const u of [member, waitlisted, applicant])
    applyToCircle({ userId: u.id, circleId, motivation: "Graag!", coachIds: [coach.id] });
  decideApplication({
    coachId: coach.id,
    circleId,
    membershipId: getMembership(circleId, member.id)!.id,
    approve: true,
    message: null,
  });
  decideApplication({
    coachId: coach.id,
    circleId,
    membershipId: getMembership(circleId, waitlisted.id)!.id,
    approve: true,
    message: null,
  });
  acceptHouseRules(member.id, circleId);
  const thread = createThread({
    circleId,
    authorId: member.id,
    title: "Personeel vinden",
    source: "Hoe pakken jullie dat aan?",
    key: null,
  });
  if (!thread.ok) throw new Error("thread refused");
  const proposalId = runMatching({
    actorId: programme.organiser.id,
    programmeId: programme.id,
    policy: {
      sizeMin: 3,
      sizeTarget: 4,
      sizeMax: 6,
      sectorPolicy: "mixed",
      meetingMode: "online",
      weights: defaultWeights,
    },
  });
  const guest = await makeUser();
  const planned = createMeeting(
    circleId,
    coach.id,
    meetingInput(new Date(Date.now() + 7 * 24 * 3_600_000), {
      title: "Tweede bijeenkomst",
    }),
  );
  const invited = inviteGuest(planned.meetingId, coach.id, guest.email);
  if (!invited.ok) throw new Error(`guest refused: ${invited.reason}`);
  // Follow-up
  const lastWeek = Date.now() - 7 * 24 * 3_600_000;
  const past = createMeeting(
    circleId,
    coach.id,
    meetingInput(new Date(lastWeek), {
      title: "Eerste bijeenkomst",
    }),
    new Date(lastWeek - 7 * 24 * 3_600_000),
  );
  respondToMeeting(past.meetingId, member.id, "yes", new Date(lastWeek - 24 * 3_600_000));
  const invitedBefore = inviteGuest(
    past.meetingId,
    coach.id,
    guest.email,
    new Date(lastWeek - 24 * 3_600_000),
  );
  if (!invitedBefore.ok) throw new Error(`guest refused: ${invitedBefore.reason}`);
  const item = addActionItem(past.meetingId, coach.id, {
    ownerId: member.id,
    text: "Offerte opvragen",
    dueOn: null,
    caseId: null,
  });
  if (!item.ok) throw new Error(`action item refused: ${item.reason}`);
  const inTwoWeeks = Math.floor((Date.now() + 14 * 24 * 3_600_000) / 60_000) * 60_000;
  const { pollId } = createPoll(circleId, coach.id, {
    title: "Volgende bijeenkomst",
    note: "",
    slots: [0, 1].map((d) => ({
      startsAt: new Date(inTwoWeeks + d * 24 * 3_600_000),
      endsAt: new Date(inTwoWeeks + d * 24 * 3_600_000 + 2 * 3_600_000),
    })),
  });
  const pollSlotIds = pollView(getPoll(pollId)!, coach.id).slots.map((slot) => slot.id);
  return {
    pollId,
    pollSlotIds,
    circleId,
    programmeId: programme.id,
    proposalId,
    meetingId: planned.meetingId,
    pastMeetingId: past.meetingId,
    actionItemId: item.actionId,
    threadId: thread.threadId,
    postId: thread.postId,
    applicantMembershipId: getMembership(circleId, applicant.id)!.id,
    inviteeEmail: invitee.email,
    userIds: {
      entrepreneur: entrepreneur.id,
      applicant: applicant.id,
      waitlisted: waitlisted.id,
      member: member.id,
      coachOther: other.coach.id,
      coach: coach.id,
      organiser: programme.organiser.id,
      guest: guest.id,
    },
  };
}

describe("authorisation matrix", () => {
  it("has a row for every route, and declares loaders and actions exactly where modules have them", () => {
    const routes = Object.keys(modules).map(routeName).sort();
    // The public side's routes have their rows in authorization-public.test.ts.
    expect(routes.filter((r) => !(r in matrix) && !(r in publicMatrix))).toEqual([]);
    expect(Object.keys(matrix).filter((r) => !routes.includes(r))).toEqual([]);
    for (const [file, mod] of Object.entries(modules)) {
      const row = matrix[routeName(file)];
      if (!row) continue;
      expect(Boolean(row.loader), `${file} loader`).toBe(Boolean(mod.loader));
      expect(Boolean(row.action), `${file} action`).toBe(Boolean(mod.action));
    }
  });

  const cases = Object.entries(matrix).flatMap(([route, row]) =>
    personas.flatMap((persona) => [
      ...(row.loader
        ? [{ route, persona, kind: "loader" as const, expected: expectFor(row.loader, persona) }]
        : []),
      ...(row.action
        ? [
            {
              route,
              persona,
              kind: "action" as const,
              expected: expectFor(row.action.expect, persona),
            },
          ]
        : []),
    ]),
  );

  it.each(cases)(
    "$route $kind as $persona: $expected",
    async ({ route, persona, kind, expected }) => {
      const world = await buildWorld();
      const mod = modules[`../../app/routes/${route}.tsx`]!;
      const row = matrix[route]!;
      const res = await callRoute(mod, kind, {
        path: row.path(world),
        fields: kind === "action" ? row.action!.fields(world) : undefined,
        params: row.params?.(world),
        userId: world.userIds[persona],
      });
      expect(outcomeOf(res)).toBe(expected);
    },
  );
});

describe("circles that are not open", () => {
  it("are a 404 for people without a relation, and visible to their members", async () => {
    const { id: circleId, coach } = await makeCircle({ openForApplications: false });
    const stranger = await makeUser();
    const member = await makeUser();
    const { inviteToCircle, respondToInvitation } = await import("~/models/memberships.server");
    inviteToCircle(coach.id, circleId, member.email);
    respondToInvitation(member.id, circleId, true);
    const { loader } = await import("~/routes/circles.$circleId._index");
    const ask = async (userId: number | null) => {
      const cookie = userId ? await sessionCookieFor(userId) : undefined;
      return outcomeOf(
        await settle(async () =>
          loader(
            loaderArgs(getRequest(`/circles/${circleId}`, { cookie }), makeContext(), {
              circleId: String(circleId),
            }),
          ),
        ),
      );
    };
    expect(await ask(stranger.id)).toBe(404);
    expect(await ask(null)).toBe("login");
    expect(await ask(member.id)).toBe("ok");
    expect(await ask(coach.id)).toBe("ok");
  });

  it("answers a malformed or unknown id with a 404", async () => {
    const { loader } = await import("~/routes/circles.$circleId._index");
    for (const circleId of ["abc", "0", "-1", "99999999", "1e3"]) {
      const res = await settle(async () =>
        loader(loaderArgs(getRequest(`/circles/${circleId}`), makeContext(), { circleId })),
      );
      expect(res.status, circleId).toBe(404);
    }
  });
});
