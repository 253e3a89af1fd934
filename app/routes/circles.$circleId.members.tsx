import type {
  ActionFunctionArgs,
  AppLoadContext,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, SubmitButton } from "~/components/forms";
import { InviteForm } from "~/components/invite-form";
import { InviteSchema, MembersSchema } from "~/forms/circles.server";
import { useRevalidateOn } from "~/components/live";
import { OrganiserBadge } from "~/components/organiser-badge";
import { PageHeader } from "~/components/page";
import { label, lifePhases, sizeClasses } from "~/domain/taxonomy";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { guestsOfMeetings } from "~/models/meetings.server";
import {
  decideApplication,
  inviteToCircle,
  listMembers,
  listPending,
  removeMember,
} from "~/models/memberships.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm, type Replyable } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "circle.manageMembers");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { circle } = await requireCircle(request, params.circleId, "circle.manage_members");
  return json({
    circle: {
      id: circle.id,
      name: circle.name,
      capacityMax: circle.capacityMax,
      members: circle.members,
    },
    pending: listPending(circle.id),
    members: listMembers(circle.id),
    constraint: formConstraint(InviteSchema),
  });
}

type Intent = { coachId: number; circleId: number; submission: Replyable; context: AppLoadContext };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle } = await requireCircle(request, params.circleId, "circle.manage_members");
  const submission = await parseForm(request, MembersSchema);
  if (submission.status !== "success") return badRequest(submission);
  const intent: Intent = { coachId: user!.id, circleId: circle.id, submission, context };
  const value = submission.value;
  switch (value.intent) {
    case "invite":
      return invite(intent, value.email);
    case "approve":
    case "decline":
      return decide(intent, value.membershipId, {
        approve: value.intent === "approve",
        message: value.message,
      });
    case "remove":
      return remove(intent, value.membershipId, value.reason);
  }
}

/** Invites an entrepreneur by e-mail address; the form empties for the next one. */
async function invite({ coachId, circleId, submission, context }: Intent, email: string) {
  const result = inviteToCircle(coachId, circleId, email);
  if (!result.ok)
    return badRequest(submission, { fieldErrors: { email: [`circle.invite.${result.reason}`] } });
  context.publisher.notified(result.notified);
  return json(submission.reply({ resetForm: true }), {
    headers: await createToastHeaders({ key: "circle.invited", values: { email } }),
  });
}

/** Takes an application in (a seat, or the waitlist when the circle is full) or declines it. */
async function decide(
  { coachId, circleId, submission, context }: Intent,
  membershipId: number,
  { approve, message }: { approve: boolean; message: string | null },
) {
  const result = decideApplication({ coachId, circleId, membershipId, approve, message });
  if (!result.ok) return refused(submission, result.reason);
  context.publisher.notified(result.notified);
  // A guest of a meeting ahead who becomes a member is a guest no more: those pages change.
  if (result.meetingIds.length > 0)
    context.publisher.meetingsChanged(circleId, [
      ...guestsOfMeetings(result.meetingIds),
      ...result.notified,
    ]);
  const key =
    result.state === "member"
      ? "circle.approvedToast"
      : result.state === "waitlisted"
        ? "circle.approvedWaitlistToast"
        : "circle.declinedToast";
  return json(submission.reply(), { headers: await createToastHeaders({ key }) });
}

/** Takes a member out of the circle, with the reason they are told. */
async function remove(
  { coachId, circleId, submission, context }: Intent,
  membershipId: number,
  reason: string,
) {
  const result = removeMember({ coachId, circleId, membershipId, reason });
  if (!result.ok) return refused(submission, result.reason);
  context.publisher.leaveCircle(result.userId, circleId);
  context.publisher.notified(result.notified);
  // Their answers went and freed seats moved on: the meetings' pages change (also for whoever
  // moved up, who may not be in the circle's room yet).
  if (result.meetingIds.length > 0)
    context.publisher.meetingsChanged(circleId, [
      ...guestsOfMeetings(result.meetingIds),
      ...result.notified.filter((id) => id !== result.userId),
    ]);
  return json(submission.reply(), {
    headers: await createToastHeaders({ key: "circle.removedToast" }),
  });
}

/** The membership changed meanwhile (someone else decided, or the person left). */
function refused(submission: Replyable, reason: string) {
  return badRequest(submission, {
    formErrors: [reason === "not_found" ? "circle.membershipGone" : "circle.wrongState"],
  });
}

export default function CircleMembers() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, pending, members, constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  useRevalidateOn(["notifications.changed"]);
  const isInvite =
    actionData && "initialValue" in actionData && actionData.initialValue?.intent === "invite";
  // Errors about one person's message or reason show next to that field, with the text kept.
  const rejected = !isInvite ? actionData : undefined;
  const target = rejected?.initialValue?.membershipId;
  const fieldErrors = (membershipId: number, name: "message" | "reason") =>
    String(membershipId) === target ? (rejected?.error?.[name] ?? null) : null;
  const keptText = (membershipId: number, name: "message" | "reason") => {
    const value = String(membershipId) === target ? rejected?.initialValue?.[name] : undefined;
    return typeof value === "string" ? value : undefined;
  };
  const errors = Object.entries(rejected?.error ?? {})
    .filter(([name]) => !(target && (name === "message" || name === "reason")))
    .flatMap(([, list]) => list ?? [])
    .filter((e): e is string => typeof e === "string");
  const applications = pending.filter((p) => p.state === "applied");
  const invited = pending.filter((p) => p.state === "invited");
  const waitlist = pending.filter((p) => p.state === "waitlisted");
  return (
    <div className="page">
      <PageHeader
        title={t("circle.manageMembers")}
        intro={`${circle.name} · ${t("circles.seats", { members: circle.members, max: circle.capacityMax })}`}
        actions={
          <Link to="../home" relative="path" className="button button-quiet">
            {t("circle.backHome")}
          </Link>
        }
      />
      <ErrorList errors={errors} />

      <section className="card stack" aria-labelledby="applications-title">
        <h2 id="applications-title">
          {t("circle.applicationsTitle", { count: applications.length })}
        </h2>
        {applications.length === 0 ? <p className="muted">{t("circle.noApplications")}</p> : null}
        <ul className="stack plain-list">
          {applications.map((a) => (
            <li
              key={a.membershipId}
              className="application"
              data-testid={`application-${a.userId}`}
            >
              <p>
                <strong>{a.name}</strong>
                {a.organiser ? <OrganiserBadge /> : null} {a.company ? `· ${a.company}` : ""}{" "}
                <span className="muted">· {formatDate(a.since, locale)}</span>
              </p>
              {a.motivation ? (
                <blockquote className="quote-small">{a.motivation}</blockquote>
              ) : null}
              {a.conflicts.length > 0 ? (
                <ul className="notice notice-warn plain-list" data-testid="conflicts">
                  {a.conflicts.map((c) => (
                    <li key={`${c.kind}-${c.name}`}>
                      {t(`circle.conflict.${c.kind}`, { name: c.name })}
                    </li>
                  ))}
                </ul>
              ) : null}
              <Form method="post" className="stack">
                <input type="hidden" name="membershipId" value={a.membershipId} />
                <div className="field">
                  <label htmlFor={`message-${a.membershipId}`}>{t("circle.decisionMessage")}</label>
                  <textarea
                    id={`message-${a.membershipId}`}
                    name="message"
                    rows={2}
                    maxLength={1000}
                    defaultValue={keptText(a.membershipId, "message")}
                    aria-invalid={fieldErrors(a.membershipId, "message") ? true : undefined}
                    aria-describedby={
                      fieldErrors(a.membershipId, "message")
                        ? `message-${a.membershipId}-error`
                        : undefined
                    }
                  />
                  <ErrorList
                    id={`message-${a.membershipId}-error`}
                    errors={fieldErrors(a.membershipId, "message")}
                  />
                </div>
                <div className="button-row">
                  <SubmitButton
                    name="intent"
                    value="approve"
                    className="button button-primary"
                    pendingWhen={{ membershipId: a.membershipId }}
                    aria-label={t("circle.approveLabel", { name: a.name })}
                  >
                    {t("circle.approve")}
                  </SubmitButton>
                  <SubmitButton
                    name="intent"
                    value="decline"
                    className="button button-quiet"
                    pendingWhen={{ membershipId: a.membershipId }}
                    aria-label={t("circle.declineLabel", { name: a.name })}
                  >
                    {t("circle.decline")}
                  </SubmitButton>
                </div>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section className="card stack" aria-labelledby="waitlist-title">
        <h2 id="waitlist-title">{t("circle.waitlistTitle", { count: waitlist.length })}</h2>
        {waitlist.length === 0 ? <p className="muted">{t("circle.noWaitlist")}</p> : null}
        <ol>
          {waitlist.map((w) => (
            <li key={w.membershipId}>
              {w.name} {w.company ? `· ${w.company}` : ""}
            </li>
          ))}
        </ol>
        {invited.length > 0 ? (
          <>
            <h3>{t("circle.invitedTitle")}</h3>
            <ul>
              {invited.map((i) => (
                <li key={i.membershipId}>
                  {i.name}
                  {i.organiser ? <OrganiserBadge /> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>{t("circle.inviteTitle")}</h3>
        <InviteForm constraint={constraint} lastResult={isInvite ? actionData : null} />
      </section>

      <section className="card stack" aria-labelledby="current-title">
        <h2 id="current-title">{t("circle.membersTitle", { count: members.length })}</h2>
        <ul className="stack plain-list">
          {members.map((m) => (
            <li key={m.membershipId} className="member-row">
              <p>
                <strong>{m.name}</strong>
                {m.organiser ? <OrganiserBadge /> : null} · {m.company ?? "—"}{" "}
                <span className="muted">
                  {[
                    m.sizeClass ? label(sizeClasses, m.sizeClass, locale) : "",
                    label(lifePhases, m.lifePhase, locale),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </p>
              <details open={fieldErrors(m.membershipId, "reason") ? true : undefined}>
                <summary>{t("circle.removeMember", { name: m.name })}</summary>
                <Form method="post" className="stack">
                  <input type="hidden" name="membershipId" value={m.membershipId} />
                  <div className="field">
                    <label htmlFor={`reason-${m.membershipId}`}>{t("circle.removeReason")}</label>
                    <textarea
                      id={`reason-${m.membershipId}`}
                      name="reason"
                      rows={2}
                      required
                      maxLength={1000}
                      defaultValue={keptText(m.membershipId, "reason")}
                      aria-invalid={fieldErrors(m.membershipId, "reason") ? true : undefined}
                      aria-describedby={
                        fieldErrors(m.membershipId, "reason")
                          ? `reason-${m.membershipId}-error`
                          : undefined
                      }
                    />
                    <ErrorList
                      id={`reason-${m.membershipId}-error`}
                      errors={fieldErrors(m.membershipId, "reason")}
                    />
                  </div>
                  <SubmitButton
                    name="intent"
                    value="remove"
                    className="button button-danger"
                    pendingWhen={{ membershipId: m.membershipId }}
                  >
                    {t("circle.removeConfirm")}
                  </SubmitButton>
                </Form>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
