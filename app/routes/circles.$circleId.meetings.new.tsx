import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, PendingButton, useIsPending } from "~/components/forms";
import { MeetingFields, type MeetingFieldSet } from "~/components/meeting-form";
import { PageHeader } from "~/components/page";
import { MeetingSchema, toMeetingInput } from "~/forms/meetings.server";
import { DecideFieldsSchema } from "~/forms/polls.server";
import { toAmsterdam } from "~/domain/meeting-time";
import { createMeeting, hostCandidates, HostNotMemberError } from "~/models/meetings.server";
import { decidePoll, getPoll, pollSlot } from "~/models/polls.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { notFound } from "~/utils/http.server";
import {
  badRequest,
  formConstraint,
  parseFields,
  readFormData,
  type FormInput,
} from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meeting.plan");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
export const handle = { messages: ["meetings", "meetingTools"] };
export const clientLoader = withMessages("meetings", "meetingTools");

/**
 * The poll and slot the coach picked (?poll=&slot=), or null when planning without a poll. A
 * poll of another circle or a slot of another poll is a 404; opening the page for a poll already
 * decided or stopped sends the coach back to it.
 */
function pickedSlot(
  circleId: number,
  pollParam: unknown,
  slotParam: unknown,
  { onClosed }: { onClosed: "redirect" | "keep" },
) {
  const ids = DecideFieldsSchema.safeParse({
    pollId: Number(pollParam),
    slotId: Number(slotParam),
  });
  if (pollParam == null && slotParam == null) return null;
  if (!ids.success) notFound();
  const poll = getPoll(ids.data.pollId);
  const slot = poll ? pollSlot(poll.id, ids.data.slotId) : null;
  if (!poll || poll.circleId !== circleId || !slot) notFound();
  if (poll.status !== "open" && onClosed === "redirect")
    throw redirect(`/circles/${circleId}/polls/${poll.id}`);
  return { poll, slot };
}

/** Planning a meeting: the circle's coach; from a date poll, with the picked slot filled in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { circle } = await requireCircle(request, params.circleId, "meeting.manage");
  const query = new URL(request.url).searchParams;
  const picked = pickedSlot(circle.id, query.get("poll"), query.get("slot"), {
    onClosed: "redirect",
  });
  const start = picked ? toAmsterdam(picked.slot.startsAt) : null;
  const end = picked ? toAmsterdam(picked.slot.endsAt) : null;
  return json({
    circle: { id: circle.id, name: circle.name },
    hosts: hostCandidates(circle.id),
    constraint: formConstraint(MeetingSchema),
    picked:
      picked && start && end
        ? {
            pollId: picked.poll.id,
            slotId: picked.slot.id,
            title: picked.poll.title,
            date: start.date,
            startTime: start.time,
            endTime: end.time,
            endDate: end.date === start.date ? undefined : end.date,
          }
        : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle } = await requireCircle(request, params.circleId, "meeting.manage");
  const formData = await readFormData(request);
  const submission = parseFields(formData, MeetingSchema);
  const picked = pickedSlot(circle.id, formData.get("pollId"), formData.get("slotId"), {
    // The form keeps what was typed and says the poll was closed meanwhile (decidePoll).
    onClosed: "keep",
  });
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  const host =
    value.locationKind === "company"
      ? hostCandidates(circle.id).find((h) => h.userId === value.hostUserId)
      : null;
  if (value.locationKind === "company" && !host)
    return badRequest(submission, { fieldErrors: { hostUserId: ["meeting.error.chooseHost"] } });
  const input = toMeetingInput(value, host);
  // A start that has passed is a typo here; the follow-up of a past meeting needs its meeting.
  if (input.startsAt <= new Date())
    return badRequest(submission, { fieldErrors: { date: ["meeting.error.intoPast"] } });
  let result;
  try {
    // From a poll: the meeting is planned and the poll closed in one transaction.
    result = picked
      ? decidePoll(picked.poll.id, user!.id, picked.slot.id, input)
      : { ok: true as const, ...createMeeting(circle.id, user!.id, input) };
  } catch (error) {
    // The host left the circle between the check above and the write.
    if (error instanceof HostNotMemberError)
      return badRequest(submission, { fieldErrors: { hostUserId: ["meeting.error.chooseHost"] } });
    throw error;
  }
  // Another tab decided or stopped the poll meanwhile.
  if (!result.ok)
    return badRequest(submission, {
      formErrors: [`poll.error.${result.reason === "slot" ? "slot" : "decided"}`],
    });
  context.publisher.notified(result.notified);
  context.publisher.meetingsChanged(circle.id);
  return redirect(`/circles/${circle.id}/meetings/${result.meetingId}`);
}

/**
 * A refused form stays as it was typed. In particular, when another tab decided the poll
 * meanwhile, the loader would send the coach to the poll and lose the form and its message.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) =>
  actionResult && typeof actionResult === "object" && "error" in actionResult
    ? false
    : defaultShouldRevalidate;

export default function NewMeeting() {
  const { t } = useTranslation();
  const { circle, hosts, constraint, picked } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof MeetingSchema>>({
    id: "new-meeting",
    lastResult,
    constraint,
    defaultValue: picked
      ? {
          locationKind: "address",
          title: picked.title,
          date: picked.date,
          startTime: picked.startTime,
          endTime: picked.endTime,
          endDate: picked.endDate,
        }
      : { locationKind: "address" },
  });
  return (
    <div className="page narrow">
      <PageHeader title={t("meeting.plan")} intro={circle.name} />
      <Form method="post" {...getFormProps(form)} className="card stack meeting-form">
        <FormErrors id={form.errorId} errors={form.errors} />
        {picked ? (
          <>
            <p className="notice" role="status">
              {t("poll.deciding", { title: picked.title })}
            </p>
            <input type="hidden" name="pollId" value={picked.pollId} />
            <input type="hidden" name="slotId" value={picked.slotId} />
          </>
        ) : null}
        <MeetingFields fields={fields as unknown as MeetingFieldSet} hosts={hosts} />
        <div className="form-actions">
          <PendingButton className="button button-primary" pending={busy}>
            {t("meeting.planButton")}
          </PendingButton>
          <Link
            to={
              picked
                ? `/circles/${circle.id}/polls/${picked.pollId}`
                : `/circles/${circle.id}/meetings`
            }
          >
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
