import { redirect } from "@remix-run/node";
import { can, type CircleAction, type CircleResource } from "../domain/permissions";
import { circleResource, getCircle, getMembership } from "../models/circles.server";
import { getMeeting, isGuest } from "../models/meetings.server";
import { getProgramme } from "../models/programmes.server";
import { getUserById } from "../models/users.server";
import { getOptionalUser, loginRedirect } from "./auth.server";
import { forbidden, idParam, notFound } from "./http.server";

/**
 * Loads a circle for `action`, or throws: anonymous visitors go to the login page, people who
 * may not even know the circle exists get a 404, others a 403. Members who have not accepted the
 * house rules are sent to them before they see anything private.
 */
export async function requireCircle(
  request: Request,
  circleIdParam: string | undefined,
  action: CircleAction,
) {
  const circleId = idParam(circleIdParam);
  const user = await getOptionalUser(request);
  const circle = getCircle(circleId);
  if (!circle) notFound();
  const resource = circleResource(circle, user?.id ?? null);
  if (!can(user, action, resource)) {
    if (!user) throw loginRedirect(request);
    if (!can(user, "circle.view_summary", resource)) notFound();
    forbidden();
  }
  if (action === "circle.view_private" && user && owesHouseRules(circle.id, user.id, resource))
    throw redirect(`/circles/${circle.id}/house-rules`);
  return { user, circle, resource };
}

/** A member (not a coach) who has not accepted the house rules sees nothing private yet. */
function owesHouseRules(circleId: number, userId: number, resource: CircleResource) {
  if (resource.relation.membership !== "member" || resource.relation.isCoach) return false;
  return !getMembership(circleId, userId)?.houseRulesAcceptedAt;
}

/**
 * Whether a user may read a circle's private content right now: requireCircle's rule for
 * "circle.view_private" (house rules included) without a request, for sockets joining a
 * circle's live room and for re-checking those rooms when access shrank.
 */
export function mayViewPrivate(userId: number, circleId: number): boolean {
  const circle = getCircle(circleId);
  const user = circle ? getUserById(userId) : null;
  if (!circle || !user) return false;
  const resource = circleResource(circle, userId);
  return can(user, "circle.view_private", resource) && !owesHouseRules(circleId, userId, resource);
}

/** An organiser's programme, or a 404. */
export function requireProgramme(programmeIdParam: string | undefined) {
  const programme = getProgramme(idParam(programmeIdParam));
  if (!programme) notFound();
  return programme;
}

/**
 * Loads a circle's meeting for `action`, or throws like requireCircle: a meeting of another
 * circle, or one the person may not know of, is a 404; the meeting's guests see that meeting
 * (and nothing else of the circle). Members owe the house rules first, as everywhere.
 */
export async function requireMeeting(
  request: Request,
  params: { circleId?: string; meetingId?: string },
  action: CircleAction,
) {
  const circleId = idParam(params.circleId);
  const meetingId = idParam(params.meetingId);
  const user = await getOptionalUser(request);
  const circle = getCircle(circleId);
  const meeting = circle ? getMeeting(meetingId) : null;
  if (!circle || !meeting || meeting.circleId !== circle.id) notFound();
  const base = circleResource(circle, user?.id ?? null);
  const resource: CircleResource = {
    ...base,
    relation: { ...base.relation, isGuest: user ? isGuest(meeting.id, user.id) : false },
  };
  if (!can(user, action, resource)) {
    if (!user) throw loginRedirect(request);
    if (!can(user, "meeting.view", resource)) notFound();
    forbidden();
  }
  if (user && owesHouseRules(circle.id, user.id, resource))
    throw redirect(`/circles/${circle.id}/house-rules`);
  return { user: user!, circle, meeting, resource };
}
