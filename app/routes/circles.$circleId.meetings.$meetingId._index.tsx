import { getFormProps, useForm } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  AppLoadContext,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  ErrorList,
  Field,
  FormErrors,
  PendingButton,
  SubmitButton,
  useIsPending,
} from "~/components/forms";
import { useCircleRoom } from "~/components/circle-live";
import { useRevalidateOn } from "~/components/live";
import { LocationKindLabel, MeetingWhen } from "~/components/meetings";
import { CaseList } from "~/components/meetings/cases";
import { MeetingSummary } from "~/components/meetings/summary";
import { Terugblik } from "~/components/meetings/terugblik";
import { PageHeader } from "~/components/page";
import { toAmsterdam } from "~/domain/meeting-time";
import { can } from "~/domain/permissions";
import type { RsvpAnswer, RsvpState } from "~/domain/states";
import { MeetingPageSchema } from "~/forms/meetings.server";
import {
  inviteGuest,
  meetingGuestIds,
  meetingHost,
  meetingResponses,
  removeGuest,
  respondToMeeting,
} from "~/models/meetings.server";
import { meetingCases } from "~/models/cases.server";
import { lookBack, mayRate } from "~/models/follow-up.server";
import { requireMeeting } from "~/utils/circle-guards.server";
import { forbidden } from "~/utils/http.server";
import {
  badRequest,
  formConstraint,
  parseForm,
  type FormInput,
  type Replyable,
} from "~/utils/forms.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meeting.detailTitle");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
export const handle = { messages: ["meetings"] };
export const clientLoader = withMessages("meetings");

/** One meeting: its circle's people and the meeting's guests (requireMeeting, meeting.view). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, circle, meeting, resource } = await requireMeeting(request, params, "meeting.view");
  // Before the data: see useCircleRoom.
  const meetingsVersion = context.publisher.meetingsVersion(circle.id);
  const now = new Date();
  const responses = meetingResponses(meeting.id, circle.id);
  const waitlist = responses
    .filter((r) => r.state === "waitlisted")
    .sort(
      (a, b) =>
        (a.waitlistedAt?.getTime() ?? 0) - (b.waitlistedAt?.getTime() ?? 0) || a.userId - b.userId,
    );
  const mine = responses.find((r) => r.userId === user.id) ?? null;
  const inCircle = resource.relation.isCoach || resource.relation.membership === "member";
  const count = (state: RsvpState | null) => responses.filter((r) => r.state === state).length;
  const going = count("going");
  const person = (r: (typeof responses)[number]) => ({
    userId: r.userId,
    name: r.name,
    company: r.company,
    guest: r.guest,
  });
  return json({
    circle: { id: circle.id, name: circle.name, meetingsVersion },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      // The wall-clock time in Amsterdam, as it was entered.
      wall: { start: toAmsterdam(meeting.startsAt), end: toAmsterdam(meeting.endsAt) },
      locationKind: meeting.locationKind,
      address: meeting.address,
      videoUrl: meeting.videoUrl,
      host: meeting.locationKind === "company" ? meetingHost(meeting.hostUserId) : null,
      capacity: meeting.capacity,
      status: meeting.status,
      changeMessage: meeting.changeMessage,
      past: meeting.endsAt <= now,
      // The follow-up (attendance, summary, action items) opens once the meeting has begun.
      begun: meeting.startsAt <= now,
    },
    agendaHtml: renderMarkdown(meeting.agenda),
    // The follow-up is the circle's own: a guest sees the meeting, not what members committed to
    // or brought in as a case.
    lookBack: inCircle ? lookBack(meeting.id) : null,
    cases: inCircle && meeting.status === "scheduled" ? meetingCases(meeting.id) : null,
    summary:
      inCircle && meeting.summary
        ? {
            meetingId: meeting.id,
            title: meeting.title,
            startsAt: meeting.startsAt,
            updatedAt: meeting.summaryUpdatedAt,
            html: renderMarkdown(meeting.summary),
          }
        : null,
    // The one question after the meeting, for the people it is meant for.
    mayRate:
      can(user, "meeting.rate", resource) &&
      meeting.endsAt <= now &&
      mayRate(meeting.id, user.id, now) === null,
    seatsLeft: meeting.capacity === null ? null : Math.max(0, meeting.capacity - going),
    counts: {
      going,
      maybe: count("maybe"),
      declined: count("declined"),
      waitlisted: waitlist.length,
      none: count(null),
    },
    // Names are for the circle's own people; a guest sees how many, not who.
    responses: inCircle
      ? {
          going: responses.filter((r) => r.state === "going").map(person),
          maybe: responses.filter((r) => r.state === "maybe").map(person),
          declined: responses.filter((r) => r.state === "declined").map(person),
          waitlist: waitlist.map(person),
          none: responses.filter((r) => r.state === null).map(person),
        }
      : null,
    me: {
      state: mine?.state ?? null,
      waitlistPosition:
        mine?.state === "waitlisted" ? waitlist.findIndex((r) => r.userId === user.id) + 1 : null,
      isGuest: !inCircle,
    },
    guests: can(user, "meeting.manage", resource)
      ? responses.filter((r) => r.guest).map(person)
      : null,
    may: {
      respond: can(user, "meeting.respond", resource),
      manage: can(user, "meeting.manage", resource),
    },
    isCoach: resource.relation.isCoach,
    viewerId: user.id,
    constraint: formConstraint(MeetingPageSchema),
  });
}

type Intent = {
  actorId: number;
  circleId: number;
  meetingId: number;
  submission: Replyable;
  context: AppLoadContext;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle, meeting, resource } = await requireMeeting(request, params, "meeting.view");
  const submission = await parseForm(request, MeetingPageSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  const intent: Intent = {
    actorId: user.id,
    circleId: circle.id,
    meetingId: meeting.id,
    submission,
    context,
  };
  if (value.intent === "rsvp") {
    if (!can(user, "meeting.respond", resource)) forbidden();
    return rsvp(intent, value.answer);
  }
  if (!can(user, "meeting.manage", resource)) forbidden();
  return value.intent === "invite" ? invite(intent, value.email) : remove(intent, value.userId);
}

/** Tells the circle's room and the guests' tabs that the meeting changed. */
function published(context: AppLoadContext, circleId: number, meetingId: number, also: number[]) {
  context.publisher.meetingsChanged(circleId, [...meetingGuestIds(meetingId), ...also]);
}

async function rsvp(
  { actorId, circleId, meetingId, submission, context }: Intent,
  answer: RsvpAnswer,
) {
  const result = respondToMeeting(meetingId, actorId, answer);
  if (!result.ok)
    return badRequest(submission, { formErrors: [`meeting.refused.${result.reason}`] });
  context.publisher.notified(result.notified);
  published(context, circleId, meetingId, [actorId]);
  return json(submission.reply({ resetForm: true }), {
    headers: await createToastHeaders({ key: `meeting.answered.${result.state}` }),
  });
}

async function invite(
  { actorId, circleId, meetingId, submission, context }: Intent,
  email: string,
) {
  const result = inviteGuest(meetingId, actorId, email);
  if (!result.ok)
    return badRequest(submission, {
      fieldErrors: { email: [`meeting.guestError.${result.reason}`] },
    });
  context.publisher.notified(result.notified);
  published(context, circleId, meetingId, []);
  // Marked, because a reset reply carries no intent: the invite form must see it to empty.
  return json(
    { ...submission.reply({ resetForm: true }), invited: true as const },
    { headers: await createToastHeaders({ key: "meeting.guestInvited", values: { email } }) },
  );
}

async function remove(
  { actorId, circleId, meetingId, submission, context }: Intent,
  userId: number,
) {
  const notified = removeGuest(meetingId, actorId, userId);
  // Another tab took the invitation back already, or a forged id: say so, change nothing.
  if (notified === null)
    return badRequest(submission, { formErrors: ["meeting.guestError.not_guest"] });
  context.publisher.notified(notified);
  // The removed guest's open tab reloads too, and finds the page gone.
  published(context, circleId, meetingId, [userId]);
  return json(submission.reply(), {
    headers: await createToastHeaders({ key: "meeting.guestRemoved" }),
  });
}

const ANSWERS: RsvpAnswer[] = ["yes", "maybe", "no"];
const answerOf = (state: RsvpState | null): RsvpAnswer | null =>
  state === "going" || state === "waitlisted"
    ? "yes"
    : state === "maybe"
      ? "maybe"
      : state === "declined"
        ? "no"
        : null;

type Person = { userId: number; name: string; company: string | null; guest: boolean };

function PeopleList({
  title,
  people,
  ordered,
}: {
  title: string;
  people: Person[];
  ordered?: boolean;
}) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  const items = people.map((p) => (
    <li key={p.userId}>
      {p.name}
      {p.company ? <span className="muted"> · {p.company}</span> : null}
      {p.guest ? <span className="badge">{t("meeting.guestBadge")}</span> : null}
    </li>
  ));
  return (
    <div className="meeting-people">
      <h3>
        {title} ({people.length})
      </h3>
      {ordered ? <ol>{items}</ol> : <ul className="plain-list">{items}</ul>}
    </div>
  );
}

export default function MeetingPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { circle, meeting, counts, responses, me, may, guests, seatsLeft, constraint } = data;
  const actionData = useActionData<typeof action>();
  // In the circle's room, so its meeting and poll events reach this tab.
  useCircleRoom(circle.id, circle.meetingsVersion);
  useRevalidateOn(["circle.meetings"]);
  const isInvite =
    actionData &&
    ("invited" in actionData ||
      ("initialValue" in actionData && actionData.initialValue?.intent === "invite"));
  const [inviteForm, inviteFields] = useForm<FormInput<typeof MeetingPageSchema>>({
    id: "invite-guest",
    lastResult: isInvite ? actionData : undefined,
    constraint,
  });
  const rsvpErrors =
    actionData && !isInvite && "error" in actionData
      ? Object.values(actionData.error ?? {}).flat()
      : null;
  const answering = useIsPending({ intent: "rsvp" });
  const cancelled = meeting.status === "cancelled";
  const current = answerOf(me.state);
  // The coach's way to the follow-up, from the start of the meeting (before, its page says
  // the meeting has not begun) and never for a cancelled one.
  const followUp = may.manage && !cancelled && meeting.begun;
  return (
    <div className="page meeting-page">
      <PageHeader
        title={meeting.title}
        intro={circle.name}
        actions={
          <>
            {may.manage && !cancelled && !meeting.past ? (
              <Link to="edit" className="button button-secondary">
                {t("meeting.edit")}
              </Link>
            ) : null}
            {me.isGuest ? null : (
              <Link to={`/circles/${circle.id}/meetings`} className="button button-quiet">
                {t("meeting.backToList")}
              </Link>
            )}
          </>
        }
      />

      {cancelled ? (
        <div className="notice notice-warn meeting-cancelled" role="status" data-testid="cancelled">
          <p>
            <strong>{t("meeting.cancelledBanner")}</strong>
          </p>
          {meeting.changeMessage ? (
            <blockquote className="quote-small">{meeting.changeMessage}</blockquote>
          ) : null}
        </div>
      ) : meeting.changeMessage ? (
        <div className="notice notice-info" role="status">
          <p>{t("meeting.movedBanner")}</p>
          <blockquote className="quote-small">{meeting.changeMessage}</blockquote>
        </div>
      ) : null}

      <div className="layout-2">
        <div className="stack">
          <section className="card stack" aria-labelledby="meeting-facts">
            <h2 id="meeting-facts" className="visually-hidden">
              {t("meeting.facts")}
            </h2>
            <dl className="meeting-facts">
              <dt>{t("meeting.when")}</dt>
              <dd>
                <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
              </dd>
              <dt>{t("meeting.where")}</dt>
              <dd data-testid="meeting-location">
                <LocationKindLabel kind={meeting.locationKind} />
                {meeting.locationKind === "company" && meeting.host ? (
                  <>
                    {": "}
                    {meeting.host.company
                      ? t("meeting.hostedBy", {
                          name: meeting.host.name,
                          company: meeting.host.company,
                        })
                      : meeting.host.name}
                  </>
                ) : null}
                {meeting.locationKind !== "video" && meeting.address ? (
                  <span className="meeting-address">{meeting.address}</span>
                ) : null}
                {meeting.locationKind === "video" && meeting.videoUrl && !cancelled ? (
                  <>
                    {" · "}
                    <a href={meeting.videoUrl} rel="noopener noreferrer" target="_blank">
                      {t("meeting.joinVideo")}
                    </a>
                  </>
                ) : null}
              </dd>
              {/* A cancelled meeting has no seats to fill: no "full", no seats left. */}
              {cancelled ? null : (
                <>
                  <dt>{t("meeting.seats")}</dt>
                  <dd>
                    {meeting.capacity === null
                      ? t("meeting.noLimit")
                      : seatsLeft === 0
                        ? t("meeting.full", { count: meeting.capacity })
                        : t("meeting.seatsLeft", {
                            count: seatsLeft ?? 0,
                            capacity: meeting.capacity,
                          })}
                  </dd>
                </>
              )}
            </dl>
            {!cancelled ? (
              <p>
                <a href={`/circles/${circle.id}/meetings/${meeting.id}/ics`} download>
                  {t("meeting.addToCalendar")}
                </a>
              </p>
            ) : null}
          </section>

          <section className="card stack" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t("meeting.agenda")}</h2>
            <Terugblik data={data.lookBack} headingLevel={3} viewerId={data.viewerId} />
            {data.agendaHtml ? (
              <div className="prose" dangerouslySetInnerHTML={{ __html: data.agendaHtml }} />
            ) : (
              <p className="muted">{t("meeting.noAgenda")}</p>
            )}
            {data.cases ? (
              <section className="stack" aria-labelledby="cases-title">
                <h3 id="cases-title">{t("followUp.links.cases")}</h3>
                <CaseList cases={data.cases} />
                <p>
                  <Link to={`/circles/${circle.id}/meetings/${meeting.id}/cases`}>
                    {!meeting.past && !cancelled && !data.isCoach
                      ? t("followUp.links.proposeCase")
                      : t("followUp.links.cases")}
                  </Link>
                </p>
              </section>
            ) : null}
          </section>

          <MeetingSummary data={data.summary} />
          {followUp || data.mayRate ? (
            <section className="card stack" aria-labelledby="follow-up-title">
              <h2 id="follow-up-title">{t("followUp.links.followUp")}</h2>
              <p className="button-row">
                {followUp ? (
                  <Link
                    to={`/circles/${circle.id}/meetings/${meeting.id}/follow-up`}
                    className="button button-secondary"
                  >
                    {t("followUp.links.followUp")}
                  </Link>
                ) : null}
                {data.mayRate ? (
                  <Link
                    to={`/circles/${circle.id}/meetings/${meeting.id}/feedback`}
                    className="button button-primary"
                  >
                    {t("followUp.links.feedback")}
                  </Link>
                ) : null}
              </p>
            </section>
          ) : null}
        </div>

        <aside className="stack">
          <section className="card stack" aria-labelledby="rsvp-title">
            <h2 id="rsvp-title">{t("meeting.rsvpTitle")}</h2>
            {cancelled ? (
              <p className="muted">{t("meeting.refused.cancelled")}</p>
            ) : meeting.past ? (
              <p className="muted">{t("meeting.refused.past")}</p>
            ) : may.respond ? (
              <Form method="post" className="stack" aria-describedby="rsvp-status">
                <input type="hidden" name="intent" value="rsvp" />
                <div className="rsvp-buttons" role="group" aria-labelledby="rsvp-title">
                  {ANSWERS.map((answer) => (
                    <PendingButton
                      key={answer}
                      name="answer"
                      value={answer}
                      aria-pressed={current === answer}
                      pending={answering}
                      className={`button ${current === answer ? "button-primary" : "button-secondary"}`}
                    >
                      {t(`meeting.answer.${answer}`)}
                    </PendingButton>
                  ))}
                </div>
                <p id="rsvp-status" aria-live="polite" data-testid="my-answer">
                  {me.state === "waitlisted"
                    ? t("meeting.onWaitlist", { position: me.waitlistPosition ?? 0 })
                    : me.state
                      ? t(`meeting.mine.${me.state}`)
                      : t("meeting.mine.none")}
                </p>
                <ErrorList errors={rsvpErrors as string[] | null} />
              </Form>
            ) : (
              <p className="muted">
                {data.isCoach ? t("meeting.coachNoAnswer") : t("meeting.cannotRespond")}
              </p>
            )}
          </section>

          <section className="card stack" aria-labelledby="responses-title">
            <h2 id="responses-title">{t("meeting.responses")}</h2>
            <p aria-live="polite" data-testid="response-counts">
              {t("meeting.counts", {
                going: counts.going,
                maybe: counts.maybe,
                declined: counts.declined,
              })}
              {counts.waitlisted > 0 && !cancelled
                ? ` · ${t("meeting.waitlistCount", { count: counts.waitlisted })}`
                : null}
            </p>
            {responses ? (
              <>
                <PeopleList title={t("meeting.list.going")} people={responses.going} />
                <PeopleList title={t("meeting.list.maybe")} people={responses.maybe} />
                {/* A cancelled meeting has no seats, so no line for one either. */}
                {cancelled ? null : (
                  <PeopleList
                    title={t("meeting.list.waitlist")}
                    people={responses.waitlist}
                    ordered
                  />
                )}
                <PeopleList title={t("meeting.list.declined")} people={responses.declined} />
                <PeopleList title={t("meeting.list.none")} people={responses.none} />
              </>
            ) : null}
          </section>

          {may.manage && guests ? (
            <section className="card stack" aria-labelledby="guests-title">
              <h2 id="guests-title">{t("meeting.guests")}</h2>
              <p className="field-help">{t("meeting.guestsHelp")}</p>
              {guests.length === 0 ? (
                <p className="muted">{t("meeting.noGuests")}</p>
              ) : (
                <ul className="plain-list stack">
                  {guests.map((g) => (
                    <li key={g.userId} className="meeting-guest">
                      <span>
                        {g.name}
                        {g.company ? <span className="muted"> · {g.company}</span> : null}
                      </span>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="removeGuest" />
                        <input type="hidden" name="userId" value={g.userId} />
                        <SubmitButton
                          pendingWhen={{ intent: "removeGuest", userId: g.userId }}
                          className="button button-quiet button-small"
                          aria-label={t("meeting.removeGuestNamed", { name: g.name })}
                        >
                          {t("meeting.removeGuest")}
                        </SubmitButton>
                      </Form>
                    </li>
                  ))}
                </ul>
              )}
              {!cancelled && !meeting.past ? (
                <Form method="post" {...getFormProps(inviteForm)} className="stack">
                  <FormErrors id={inviteForm.errorId} errors={inviteForm.errors} />
                  <input type="hidden" name="intent" value="invite" />
                  <Field
                    label={t("meeting.inviteEmail")}
                    field={inviteFields.email as never}
                    type="email"
                  />
                  <SubmitButton
                    pendingWhen={{ intent: "invite" }}
                    className="button button-secondary"
                  >
                    {t("meeting.inviteGuest")}
                  </SubmitButton>
                </Form>
              ) : null}
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
