import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, useIsPending } from "~/components/forms";
import { MeetingFields, type MeetingFieldSet } from "~/components/meeting-form";
import { PageHeader } from "~/components/page";
import { MeetingSchema, toMeetingInput } from "~/forms/meetings.server";
import { createMeeting, hostCandidates, HostNotMemberError } from "~/models/meetings.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meeting.plan");

/** Planning a meeting: the circle's coach. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { circle } = await requireCircle(request, params.circleId, "meeting.manage");
  return json({
    circle: { id: circle.id, name: circle.name },
    hosts: hostCandidates(circle.id),
    constraint: formConstraint(MeetingSchema),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle } = await requireCircle(request, params.circleId, "meeting.manage");
  const submission = await parseForm(request, MeetingSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  const host =
    value.locationKind === "company"
      ? hostCandidates(circle.id).find((h) => h.userId === value.hostUserId)
      : null;
  if (value.locationKind === "company" && !host)
    return badRequest(submission, { fieldErrors: { hostUserId: ["meeting.error.chooseHost"] } });
  let result;
  try {
    result = createMeeting(circle.id, user!.id, toMeetingInput(value, host));
  } catch (error) {
    // The host left the circle between the check above and the write.
    if (error instanceof HostNotMemberError)
      return badRequest(submission, { fieldErrors: { hostUserId: ["meeting.error.chooseHost"] } });
    throw error;
  }
  context.publisher.notified(result.notified);
  context.publisher.meetingsChanged(circle.id);
  return redirect(`/circles/${circle.id}/meetings/${result.meetingId}`);
}

export default function NewMeeting() {
  const { t } = useTranslation();
  const { circle, hosts, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof MeetingSchema>>({
    id: "new-meeting",
    lastResult,
    constraint,
    defaultValue: { locationKind: "address" },
  });
  return (
    <div className="page page-narrow">
      <PageHeader title={t("meeting.plan")} intro={circle.name} />
      <Form method="post" {...getFormProps(form)} className="card stack meeting-form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <MeetingFields fields={fields as unknown as MeetingFieldSet} hosts={hosts} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("meeting.planButton")}
          </button>
          <Link to={`/circles/${circle.id}/meetings`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
