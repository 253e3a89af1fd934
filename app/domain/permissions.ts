import type { CircleStatus, MembershipState, Role } from "./states";

/** The smallest view of a user that a permission decision needs. */
export type Actor = { id: number; roles: readonly Role[] } | null;

/** What a circle decision needs to know: the circle's state and the actor's relation to it. */
export type CircleResource = {
  circle: { status: CircleStatus; openForApplications: boolean; programmeArchived: boolean };
  relation: {
    isCoach: boolean;
    membership: MembershipState | null;
    /** Invited by the coach to the one meeting this decision is about (meeting actions only). */
    isGuest?: boolean;
  };
};

export type PlainAction =
  | "account.view" // own settings and sessions
  | "users.manage_roles" // the organisers' user list
  | "admin.view" // the organiser's admin area in the navigation
  | "profile.edit" // own company and profile (entrepreneurs)
  | "programme.manage" // create, edit, archive programmes and their circles
  | "coaching.view" // the coach's dashboard
  | "ambassador.own" // own public profile, business card, own stories, contact requests
  | "knowledge.manage" // tools, scans and links; stories on an ambassador's behalf
  | "ambassadors.feature" // show an ambassador on the landing page
  | "support.manage"; // the wegwijzer's organisations

export type CircleAction =
  | "circle.view_summary" // the public summary page
  | "circle.view_private" // home, members, house rules, later threads and meetings
  | "circle.apply"
  | "circle.respond_invitation"
  | "circle.accept_house_rules"
  | "circle.leave"
  | "circle.manage_members" // approve, decline, remove, see applications and the waitlist
  | "circle.invite"
  | "circle.edit"
  | "circle.discuss" // start threads, reply, react, flag (a circle that is not closed)
  | "circle.moderate" // hide, restore, lock, pin, move posts; read earlier versions
  | "meeting.view" // one meeting's page and .ics: its circle's people, and that meeting's guests
  | "meeting.respond" // RSVP to a meeting (members and that meeting's guests)
  | "meeting.manage" // polls, meetings, moving, cancelling, guests, cases' order, the follow-up
  | "meeting.propose_case" // put a case on a meeting's agenda
  | "meeting.rate" // "Hoe waardevol was deze bijeenkomst?"
  | "circle.harvest" // borging: a summary or a thread's outcome becomes a knowledge-bank draft
  | "poll.vote"; // answer a date poll

export type Action = PlainAction | CircleAction;

const has = (actor: NonNullable<Actor>, role: Role) => actor.roles.includes(role);

/** Open for applications: a circle that is forming or active, whose door is open. */
export function acceptsApplications(circle: CircleResource["circle"]) {
  return (
    circle.openForApplications &&
    !circle.programmeArchived &&
    (circle.status === "forming" || circle.status === "active")
  );
}

const REAPPLY_FROM: Array<MembershipState | null> = [null, "left", "declined"];

/**
 * The one policy: every loader and action asks here, and the navigation shows what it allows.
 * Organisers manage programmes and circles but never read a circle's private content unless they
 * are also its coach or member: confidentiality is the product's promise.
 */
export function can(actor: Actor, action: PlainAction): boolean;
export function can(actor: Actor, action: CircleAction, resource: CircleResource): boolean;
export function can(actor: Actor, action: Action, resource?: CircleResource): boolean {
  if (action === "circle.view_summary" && resource) {
    if (acceptsApplications(resource.circle)) return true;
  }
  if (!actor) return false;
  switch (action) {
    case "account.view":
      return true;
    case "users.manage_roles":
    case "admin.view":
    case "programme.manage":
      return has(actor, "organiser");
    case "profile.edit":
      return has(actor, "entrepreneur");
    case "coaching.view":
      return has(actor, "coach");
    case "ambassador.own":
      return has(actor, "ambassador");
    case "knowledge.manage":
      return has(actor, "coach") || has(actor, "organiser");
    case "ambassadors.feature":
    case "support.manage":
      return has(actor, "organiser");
  }
  if (!resource) return false;
  const { circle, relation } = resource;
  const state = relation.membership;
  switch (action) {
    case "circle.view_summary":
      return relation.isCoach || state !== null || has(actor, "organiser");
    case "circle.view_private":
      return relation.isCoach || state === "member";
    case "circle.apply":
      return (
        has(actor, "entrepreneur") &&
        !relation.isCoach &&
        acceptsApplications(circle) &&
        REAPPLY_FROM.includes(state)
      );
    case "circle.respond_invitation":
      return state === "invited" && circle.status !== "closed" && !circle.programmeArchived;
    case "circle.accept_house_rules":
      return state === "member";
    case "circle.leave":
      return (
        state === "applied" || state === "invited" || state === "waitlisted" || state === "member"
      );
    case "circle.manage_members":
      return relation.isCoach;
    case "circle.invite":
      return (
        (relation.isCoach || has(actor, "organiser")) &&
        circle.status !== "closed" &&
        !circle.programmeArchived
      );
    case "circle.edit":
      return has(actor, "organiser") || relation.isCoach;
    case "circle.discuss":
      // A closed circle's conversation stays readable for its people, but no longer grows.
      return (
        (relation.isCoach || state === "member") &&
        circle.status !== "closed" &&
        !circle.programmeArchived
      );
    case "circle.moderate":
      return relation.isCoach;
    case "meeting.view":
      return relation.isCoach || state === "member" || relation.isGuest === true;
    case "meeting.respond":
      return (
        (state === "member" || relation.isGuest === true) &&
        circle.status !== "closed" &&
        !circle.programmeArchived
      );
    case "meeting.manage":
      return relation.isCoach && !circle.programmeArchived;
    case "meeting.propose_case":
    case "poll.vote":
      return state === "member" && circle.status !== "closed" && !circle.programmeArchived;
    case "meeting.rate":
      return state === "member";
    case "circle.harvest":
      // Only the coach: the draft it makes is anonymised and still needs every writer's consent.
      return relation.isCoach && !circle.programmeArchived;
  }
}
