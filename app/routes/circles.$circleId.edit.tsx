import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CircleForm } from "~/components/circle-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InviteForm } from "~/components/invite-form";
import { CircleSchema, EditSchema, InviteSchema } from "~/forms/circles.server";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { updateCircle } from "~/models/circles.server";
import { refuseSelfAppointment } from "~/models/programmes.server";
import { guestsOfMeetings } from "~/models/meetings.server";
import { fillFreeSeats, inviteToCircle } from "~/models/memberships.server";
import { getProgramme } from "~/models/programmes.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders, redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "circles.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, circle, resource } = await requireCircle(request, params.circleId, "circle.edit");
  const isOrganiser = user!.roles.includes("organiser");
  return json({
    circle,
    coaches: isOrganiser ? (getProgramme(circle.programmeId)?.coaches ?? []) : [],
    canChooseCoaches: isOrganiser,
    canInvite: can(user, "circle.invite", resource),
    isCoach: resource.relation.isCoach,
    constraints: { invite: formConstraint(InviteSchema), circle: formConstraint(CircleSchema) },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle, resource } = await requireCircle(request, params.circleId, "circle.edit");
  const submission = await parseForm(request, EditSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  if (value.intent === "invite") {
    if (!can(user, "circle.invite", resource))
      return badRequest(submission, { formErrors: ["circle.cannotInvite"] });
    const result = inviteToCircle(user!.id, circle.id, value.email);
    if (!result.ok)
      return badRequest(submission, { fieldErrors: { email: [`circle.invite.${result.reason}`] } });
    context.publisher.notified(result.notified);
    return json(submission.reply({ resetForm: true }), {
      headers: await createToastHeaders({ key: "circle.invited", values: { email: value.email } }),
    });
  }
  const isOrganiser = user!.roles.includes("organiser");
  if (
    isOrganiser &&
    refuseSelfAppointment({
      actorId: user!.id,
      coachIds: value.coachIds,
      current: circle.coaches.map((c) => c.id),
      subjectType: "circle",
      subjectId: circle.id,
    })
  )
    return badRequest(submission, { fieldErrors: { coachIds: ["programmes.selfAppointed"] } });
  const removedCoaches = updateCircle({
    actorId: user!.id,
    circleId: circle.id,
    input: value,
    coachesToo: isOrganiser,
  });
  for (const userId of removedCoaches) context.publisher.revalidateUser(userId);
  const filled = fillFreeSeats(user!.id, circle.id);
  context.publisher.notified(filled.notified);
  // Someone moved up from the waitlist may have been a guest of a meeting ahead.
  if (filled.meetingIds.length > 0)
    context.publisher.meetingsChanged(circle.id, [
      ...guestsOfMeetings(filled.meetingIds),
      ...filled.notified,
    ]);
  return redirectWithToast(
    isOrganiser ? `/programmes/${circle.programmeId}` : `/circles/${circle.id}/home`,
    { key: "circles.saved" },
  );
}

export default function EditCircle() {
  const { t } = useTranslation();
  const { circle, coaches, canChooseCoaches, canInvite, isCoach, constraints } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const inviteResult =
    actionData && "initialValue" in actionData && actionData.initialValue?.intent === "invite"
      ? actionData
      : null;
  const saveResult = actionData && !inviteResult ? actionData : undefined;
  return (
    <div className="page narrow">
      <PageHeader
        title={t("circles.edit")}
        intro={`${circle.name} · ${circle.programmeName}`}
        actions={
          <Link
            to={`/circles/${circle.id}${isCoach ? "/home" : ""}`}
            className="button button-quiet"
          >
            {t("circles.view")}
          </Link>
        }
      />
      <p className="muted">
        {t("circles.seats", { members: circle.members, max: circle.capacityMax })}
      </p>
      {canInvite ? (
        <section className="card stack" aria-labelledby="invite-title">
          <h2 id="invite-title">{t("circle.inviteTitle")}</h2>
          <InviteForm constraint={constraints.invite} lastResult={inviteResult} />
        </section>
      ) : null}
      <CircleForm
        constraint={constraints.circle}
        lastResult={saveResult}
        coaches={coaches}
        canChooseCoaches={canChooseCoaches}
        submitLabel={t("common.save")}
        defaultValue={{
          name: circle.name,
          theme: circle.theme as never,
          description: circle.description,
          status: circle.status,
          capacityMin: circle.capacityMin,
          capacityMax: circle.capacityMax,
          timeCommitment: circle.timeCommitment,
          meetingMode: circle.meetingMode,
          dayPart: (circle.dayPart ?? undefined) as never,
          province: (circle.province ?? undefined) as never,
          openForApplications: (circle.openForApplications ? "on" : undefined) as never,
          houseRules: circle.houseRules,
          coachIds: circle.coaches.map((c) => c.id),
        }}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
