import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, PendingButton, useIsPending } from "~/components/forms";
import { useCircleRoom } from "~/components/circle-live";
import { useRevalidateOn } from "~/components/live";
import { MeetingWhen } from "~/components/meetings";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { pollAnswers, type PollAnswer } from "~/domain/states";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { PollPageSchema } from "~/forms/poll-page.server";
import { getMeeting } from "~/models/meetings.server";
import { cancelPoll, getPoll, pollView, votePoll } from "~/models/polls.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { forbidden, idParam, notFound } from "~/utils/http.server";
import { badRequest, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders, redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "poll.pageTitle");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
export const handle = { messages: ["meetingTools"] };
export const clientLoader = withMessages("meetingTools");

/** A poll of this circle, or a 404 (the circle's guards have run first). */
function circlePoll(circleId: number, pollIdParam: string | undefined) {
  const poll = getPoll(idParam(pollIdParam));
  if (!poll || poll.circleId !== circleId) notFound();
  return poll;
}

/** The poll and its tally: the circle's members and coaches (circle.view_private). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, circle, resource } = await requireCircle(
    request,
    params.circleId,
    "circle.view_private",
  );
  // Before the data: see useCircleRoom.
  const meetingsVersion = context.publisher.meetingsVersion(circle.id);
  const poll = circlePoll(circle.id, params.pollId);
  const view = pollView(poll, user!.id);
  const manage = can(user, "meeting.manage", resource);
  const meeting = poll.meetingId ? getMeeting(poll.meetingId) : null;
  return json({
    circle: { id: circle.id, name: circle.name, meetingsVersion },
    poll: {
      id: poll.id,
      title: poll.title,
      note: poll.note,
      status: poll.status,
      meetingId: poll.meetingId,
      decidedSlotId: poll.decidedSlotId,
    },
    slots: view.slots,
    answered: view.answered.length,
    // Who has not answered yet is for the coach, who may nudge them; members see the count.
    notAnswered: manage ? view.notAnswered : view.notAnswered.map(() => null),
    // The meeting it became, at the time it was planned (the coach may have fine-tuned it).
    decidedAt: meeting?.startsAt ?? null,
    mine: view.mine,
    may: {
      vote: poll.status === "open" && can(user, "poll.vote", resource),
      manage: poll.status === "open" && manage,
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle, resource } = await requireCircle(
    request,
    params.circleId,
    "circle.view_private",
  );
  const poll = circlePoll(circle.id, params.pollId);
  const submission = await parseForm(request, PollPageSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  if (value.intent === "cancel") {
    if (!can(user, "meeting.manage", resource)) forbidden();
    const result = cancelPoll(poll.id, user!.id);
    if (!result.ok) return badRequest(submission, { formErrors: ["poll.error.closed"] });
    context.publisher.meetingsChanged(circle.id);
    return redirectWithToast(`/circles/${circle.id}/meetings`, { key: "poll.stoppedToast" });
  }
  if (!can(user, "poll.vote", resource)) forbidden();
  const answers = new Map<number, PollAnswer>(
    Object.entries(value.answers ?? {}).map(([slotId, answer]) => [Number(slotId), answer]),
  );
  const result = votePoll(poll.id, user!.id, answers);
  if (!result.ok) {
    // Left the circle between the guard and the write: no longer theirs to vote on.
    if (result.reason === "not_member") forbidden();
    if (result.reason !== "slots")
      return badRequest(submission, { formErrors: ["poll.error.closed"] });
    // Each slot left open gets its message next to it; an answer for a slot of another poll
    // only comes from a forged form.
    const slots = pollView(poll, user!.id).slots.map((s) => s.id);
    if ([...answers.keys()].some((id) => !slots.includes(id)))
      return badRequest(submission, { formErrors: ["poll.error.slot"] });
    return badRequest(submission, {
      fieldErrors: Object.fromEntries(
        slots
          .filter((id) => !answers.has(id))
          .map((id) => [`answers.${id}`, ["poll.error.answerEach"]]),
      ),
    });
  }
  context.publisher.meetingsChanged(circle.id);
  return json(submission.reply(), {
    headers: await createToastHeaders({ key: "poll.votedToast" }),
  });
}

type Slot = ReturnType<typeof useLoaderData<typeof loader>>["slots"][number];

function Tally({ slot }: { slot: Slot }) {
  const { t } = useTranslation();
  const total = slot.yes.length + slot.maybe.length + slot.no.length;
  const share = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  return (
    <div className="poll-tally">
      <p className="small" data-testid="poll-tally">
        {t("poll.tally", { yes: slot.yes.length, maybe: slot.maybe.length, no: slot.no.length })}
        {slot.best ? <span className="badge badge-ok">{t("poll.best")}</span> : null}
      </p>
      {/* An SVG, not inline styles: the CSP allows no style attributes. */}
      <svg className="poll-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
        <rect className="poll-bar-yes" x="0" y="0" height="4" width={share(slot.yes.length)} />
        <rect
          className="poll-bar-maybe"
          x={share(slot.yes.length)}
          y="0"
          height="4"
          width={share(slot.maybe.length)}
        />
      </svg>
      {total > 0 ? (
        <ul className="poll-names plain-list small">
          {pollAnswers.map((answer) =>
            slot[answer].length > 0 ? (
              <li key={answer}>
                <strong>{t(`poll.answer.${answer}`)}:</strong>{" "}
                {slot[answer].map((p) => p.name).join(", ")}
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
    </div>
  );
}

export default function PollPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, poll, slots, answered, notAnswered, decidedAt, mine, may } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // Another member's answer (or the coach's decision) reloads the tally at once.
  // In the circle's room, so its meeting and poll events reach this tab.
  useCircleRoom(circle.id, circle.meetingsVersion);
  useRevalidateOn(["circle.meetings"]);
  const voting = useIsPending({ intent: "vote" });
  const stopping = useIsPending({ intent: "cancel" });
  const [form] = useForm<FormInput<typeof PollPageSchema>>({ id: "poll-vote", lastResult });
  const errors = (lastResult as { error?: Record<string, string[] | null> } | undefined)?.error;
  const total = answered + notAnswered.length;
  const when = (iso: string) =>
    formatDateTime(new Date(iso), locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
    });
  return (
    <div className="page narrow">
      <PageHeader
        title={poll.title}
        intro={
          <>
            <Link to={`/circles/${circle.id}/meetings`}>{circle.name}</Link> ·{" "}
            <span className="badge">{t(`poll.status.${poll.status}`)}</span>
          </>
        }
      />
      {poll.note ? <p className="poll-note">{poll.note}</p> : null}

      {poll.status === "decided" && decidedAt ? (
        <div className="card stack" role="status">
          <p>{t("poll.decided", { when: when(decidedAt) })}</p>
          {poll.meetingId ? (
            <p>
              <Link
                className="button button-primary"
                to={`/circles/${circle.id}/meetings/${poll.meetingId}`}
              >
                {t("poll.toMeeting")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {poll.status === "cancelled" ? (
        <p className="card" role="status">
          {t("poll.cancelled")}
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="poll-answers-title">
        <h2 id="poll-answers-title">{t("poll.field.slots")}</h2>
        <p className="muted" aria-live="polite" data-testid="poll-answered">
          {t("poll.answered", { count: answered, total })}{" "}
          {notAnswered.length === 0
            ? t("poll.everyoneAnswered")
            : may.manage
              ? t("poll.notAnswered", {
                  names: notAnswered.map((p) => p?.name ?? "").join(", "),
                })
              : null}
        </p>
        {may.vote ? <p>{t("poll.voteIntro")}</p> : null}
        {may.manage ? <p className="muted">{t("poll.coachView")}</p> : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="vote" />
          <ol className="poll-slots-list plain-list">
            {slots.map((slot) => {
              const name = `answers.${slot.id}`;
              const slotErrors = errors?.[name] ?? null;
              const errorId = `poll-answer-${slot.id}-error`;
              return (
                <li
                  key={slot.id}
                  className={`poll-slot${slot.best ? " poll-slot-best" : ""}`}
                  data-testid={`poll-slot-${slot.id}`}
                >
                  <h3 className="poll-slot-when" id={`poll-slot-${slot.id}`}>
                    <MeetingWhen startsAt={slot.startsAt} endsAt={slot.endsAt} />
                  </h3>
                  <div aria-live="polite">
                    <Tally slot={slot} />
                  </div>
                  {may.vote ? (
                    <fieldset
                      className="choice-group poll-choice"
                      aria-labelledby={`poll-slot-${slot.id}`}
                      aria-describedby={slotErrors?.length ? errorId : undefined}
                      aria-invalid={slotErrors?.length ? true : undefined}
                    >
                      {pollAnswers.map((answer) => (
                        <label key={answer} className="choice">
                          <input
                            type="radio"
                            name={name}
                            value={answer}
                            defaultChecked={mine[slot.id] === answer}
                          />
                          <span>{t(`poll.answer.${answer}`)}</span>
                        </label>
                      ))}
                      <ErrorList id={errorId} errors={slotErrors} />
                    </fieldset>
                  ) : null}
                  {may.manage ? (
                    <p>
                      <Link
                        className="button button-secondary"
                        to={`/circles/${circle.id}/meetings/new?poll=${poll.id}&slot=${slot.id}`}
                        aria-label={t("poll.chooseLabel", { when: when(slot.startsAt) })}
                      >
                        {t("poll.choose")}
                      </Link>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {may.vote ? (
            <div className="form-actions">
              <PendingButton className="button button-primary" pending={voting}>
                {t("poll.vote")}
              </PendingButton>
            </div>
          ) : null}
        </Form>
      </section>

      {may.manage ? (
        <Form method="post" className="card stack">
          <input type="hidden" name="intent" value="cancel" />
          <p className="muted">{t("poll.stopHelp")}</p>
          <p>
            <PendingButton className="button button-danger" pending={stopping}>
              {t("poll.stop")}
            </PendingButton>
          </p>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
