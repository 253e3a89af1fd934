import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  CheckboxField,
  FormErrors,
  PendingButton,
  TextareaField,
  useIsPending,
} from "~/components/forms";
import { MeetingFields, type MeetingFieldSet } from "~/components/meeting-form";
import { MeetingWhen } from "~/components/meetings";
import { PageHeader } from "~/components/page";
import { toAmsterdam } from "~/domain/meeting-time";
import { EditMeetingSchema, MeetingSchema, toMeetingInput } from "~/forms/meetings.server";
import {
  cancelMeeting,
  hostCandidates,
  meetingGuestIds,
  updateMeeting,
  type Meeting,
} from "~/models/meetings.server";
import { requireMeeting } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meeting.editTitle");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
export const handle = { messages: ["meetings"] };
export const clientLoader = withMessages("meetings");

/** Why a meeting can no longer be changed, or null. */
function locked(meeting: Meeting, now: Date): "cancelled" | "past" | null {
  if (meeting.status === "cancelled") return "cancelled";
  return meeting.endsAt <= now ? "past" : null;
}

/** Moving or cancelling a meeting: the circle's coach, while it is still ahead. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { circle, meeting } = await requireMeeting(request, params, "meeting.manage");
  const start = toAmsterdam(meeting.startsAt);
  const end = toAmsterdam(meeting.endsAt);
  return json({
    circle: { id: circle.id, name: circle.name },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
    },
    locked: locked(meeting, new Date()),
    defaults: {
      title: meeting.title,
      date: start.date,
      endDate: end.date === start.date ? "" : end.date,
      startTime: start.time,
      endTime: end.time,
      locationKind: meeting.locationKind,
      address: meeting.address,
      hostUserId: meeting.hostUserId ? String(meeting.hostUserId) : "",
      videoUrl: meeting.videoUrl,
      agenda: meeting.agenda,
      capacity: meeting.capacity === null ? "" : String(meeting.capacity),
    },
    hosts: hostCandidates(circle.id),
    constraint: formConstraint(MeetingSchema),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle, meeting } = await requireMeeting(request, params, "meeting.manage");
  const submission = await parseForm(request, EditMeetingSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  const detail = `/circles/${circle.id}/meetings/${meeting.id}`;
  const publish = (notified: number[]) => {
    context.publisher.notified(notified);
    context.publisher.meetingsChanged(circle.id, meetingGuestIds(meeting.id));
  };
  if (value.intent === "cancel") {
    const result = cancelMeeting(meeting.id, user.id, value.message ?? "");
    if (!result.ok)
      return badRequest(submission, { formErrors: [`meeting.refused.${result.reason}`] });
    publish(result.notified);
    return redirectWithToast(detail, { key: "meeting.cancelledToast" });
  }
  const host =
    value.locationKind === "company"
      ? hostCandidates(circle.id).find((h) => h.userId === value.hostUserId)
      : null;
  if (value.locationKind === "company" && !host)
    return badRequest(submission, { fieldErrors: { hostUserId: ["meeting.error.chooseHost"] } });
  const result = updateMeeting(
    meeting.id,
    user.id,
    toMeetingInput(value, host),
    value.message ?? "",
  );
  if (!result.ok) {
    if (result.reason === "host_not_member")
      return badRequest(submission, { fieldErrors: { hostUserId: ["meeting.error.chooseHost"] } });
    if (result.reason === "below_coming")
      return badRequest(submission, {
        fieldErrors: { capacity: [`meeting.error.belowComing|${result.coming}`] },
      });
    if (result.reason === "into_past")
      return badRequest(submission, { fieldErrors: { date: ["meeting.error.intoPast"] } });
    return badRequest(submission, { formErrors: [`meeting.refused.${result.reason}`] });
  }
  publish(result.notified);
  return redirectWithToast(detail, {
    key: result.moved ? "meeting.movedToast" : "meeting.savedToast",
    values: { count: result.notified.length },
  });
}

export default function EditMeeting() {
  const { t } = useTranslation();
  const { circle, meeting, locked, defaults, hosts, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const isCancel = lastResult?.initialValue?.intent === "cancel";
  const saving = useIsPending({ intent: "save" });
  const cancelling = useIsPending({ intent: "cancel" });
  const [form, fields] = useForm<FormInput<typeof MeetingSchema> & { message?: string }>({
    id: "edit-meeting",
    lastResult: isCancel ? undefined : lastResult,
    constraint,
    defaultValue: defaults,
  });
  const [cancelForm, cancelFields] = useForm<{ message?: string; confirm?: string }>({
    id: "cancel-meeting",
    lastResult: isCancel ? lastResult : undefined,
  });
  const back = `/circles/${circle.id}/meetings/${meeting.id}`;
  if (locked) {
    return (
      <div className="page narrow">
        <PageHeader title={t("meeting.editTitle")} intro={meeting.title} />
        <div className="card stack" role="status" data-testid="edit-locked">
          <p>{t(`meeting.locked.${locked}`)}</p>
          <p>
            <Link to={back}>{t("meeting.backToMeeting")}</Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <PageHeader
        title={t("meeting.editTitle")}
        intro={
          <>
            {meeting.title} · <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
          </>
        }
      />
      <Form method="post" {...getFormProps(form)} className="card stack meeting-form">
        <h2>{t("meeting.changeTitle")}</h2>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <MeetingFields fields={fields as unknown as MeetingFieldSet} hosts={hosts} />
        <TextareaField
          label={t("meeting.field.moveMessage")}
          field={fields.message as never}
          help={t("meeting.field.moveMessageHelp")}
          rows={3}
        />
        <div className="form-actions">
          <PendingButton className="button button-primary" pending={saving}>
            {t("meeting.saveChanges")}
          </PendingButton>
          {/* Not "Annuleren"/"Cancel": right above "Bijeenkomst afzeggen"/"Cancel meeting" it
              read as cancelling the meeting. */}
          <Link to={back}>{t("meeting.discardChanges")}</Link>
        </div>
      </Form>

      <Form method="post" {...getFormProps(cancelForm)} className="card stack meeting-cancel-form">
        <h2>{t("meeting.cancelTitle")}</h2>
        <p>{t("meeting.cancelIntro")}</p>
        <FormErrors id={cancelForm.errorId} errors={cancelForm.errors} />
        <input type="hidden" name="intent" value="cancel" />
        <TextareaField
          label={t("meeting.field.cancelMessage")}
          field={cancelFields.message as never}
          rows={3}
        />
        <CheckboxField label={t("meeting.confirmCancel")} field={cancelFields.confirm as never} />
        <div className="form-actions">
          <PendingButton className="button button-danger" pending={cancelling}>
            {t("meeting.cancelButton")}
          </PendingButton>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
