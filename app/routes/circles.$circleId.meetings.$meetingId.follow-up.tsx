import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  Field,
  FormErrors,
  PendingButton,
  SelectField,
  SubmitButton,
  TextareaField,
  useIsPending,
} from "~/components/forms";
import { useCircleRoom } from "~/components/circle-live";
import { useRevalidateOn } from "~/components/live";
import { ActionItemText } from "~/components/meetings/action-item";
import { PageHeader } from "~/components/page";
import {
  AddActionSchema,
  CaseCommitmentSchema,
  FollowUpPageSchema,
  SummarySchema,
} from "~/forms/follow-up.server";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { meetingCases } from "~/models/cases.server";
import {
  addActionItem,
  addCaseCommitment,
  attendanceList,
  meetingActionItems,
  ratingsSummary,
  recordAttendance,
  removeActionItem,
  saveSummary,
} from "~/models/follow-up.server";
import { requireMeeting } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "followUp.page.title");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
export const handle = { messages: ["meetingTools"] };
export const clientLoader = withMessages("meetingTools");

/** The coach's follow-up of a meeting: attendance, the summary, the action items, the ratings. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { circle, meeting } = await requireMeeting(request, params, "meeting.manage");
  // Before the data: see useCircleRoom.
  const meetingsVersion = context.publisher.meetingsVersion(circle.id);
  const now = new Date();
  const people = attendanceList(meeting);
  return json({
    circle: { id: circle.id, name: circle.name, meetingsVersion },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      attendanceTakenAt: meeting.attendanceTakenAt,
      summaryUpdatedAt: meeting.summaryUpdatedAt,
    },
    closed: (meeting.status === "cancelled"
      ? "cancelled"
      : meeting.startsAt > now
        ? "not_started"
        : null) as "cancelled" | "not_started" | null,
    people,
    members: people.filter((p) => !p.guest).map((p) => ({ id: p.userId, name: p.name })),
    summary: meeting.summary,
    // Always through the sanitiser: the summary is Markdown a person typed.
    summaryHtml: meeting.summary ? renderMarkdown(meeting.summary) : null,
    actions: meetingActionItems(meeting.id),
    cases: meetingCases(meeting.id).map((c) => ({
      id: c.id,
      title: c.title,
      authorId: c.authorId,
      authorName: c.authorName,
    })),
    ratings: ratingsSummary(meeting.id),
    constraint: {
      summary: formConstraint(SummarySchema),
      addAction: formConstraint(AddActionSchema),
      caseCommitment: formConstraint(CaseCommitmentSchema),
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle, meeting } = await requireMeeting(request, params, "meeting.manage");
  const submission = await parseForm(request, FollowUpPageSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  const here = `/circles/${circle.id}/meetings/${meeting.id}/follow-up`;
  const refused = (reason: string, field?: string) =>
    badRequest(
      submission,
      field
        ? { fieldErrors: { [field]: [`followUp.page.refused.${reason}`] } }
        : { formErrors: [`followUp.page.refused.${reason}`] },
    );
  switch (value.intent) {
    case "attendance": {
      const result = recordAttendance(meeting.id, user.id, value.present);
      if (!result.ok) return refused(result.reason);
      context.publisher.notified(result.notified);
      context.publisher.meetingsChanged(circle.id);
      return redirectWithToast(`${here}#attendance`, { key: "followUp.page.attendanceSaved" });
    }
    case "summary": {
      const result = saveSummary(meeting.id, user.id, value.summary);
      if (!result.ok) return refused(result.reason);
      context.publisher.meetingsChanged(circle.id);
      return redirectWithToast(`${here}#summary`, { key: "followUp.page.summarySaved" });
    }
    case "addAction": {
      const { intent: _, ...input } = value;
      const result = addActionItem(meeting.id, user.id, input);
      if (!result.ok)
        return refused(
          result.reason,
          result.reason === "not_member"
            ? "ownerId"
            : result.reason === "foreign_case"
              ? "caseId"
              : result.reason === "due_before"
                ? "dueOn"
                : undefined,
        );
      context.publisher.notified(result.notified);
      context.publisher.meetingsChanged(circle.id, result.notified);
      return redirectWithToast(`${here}#actions`, { key: "followUp.page.actionAdded" });
    }
    case "caseCommitment": {
      const { intent: _, ...input } = value;
      const result = addCaseCommitment(meeting.id, user.id, input);
      if (!result.ok)
        return result.reason === "due_before"
          ? refused(result.reason, "dueOn")
          : refused(result.reason === "not_member" ? "caseOwnerLeft" : result.reason);
      context.publisher.notified(result.notified);
      context.publisher.meetingsChanged(circle.id, result.notified);
      return redirectWithToast(`${here}#case-${input.caseId}`, {
        key: "followUp.page.actionAdded",
      });
    }
    case "removeAction": {
      const result = removeActionItem(meeting.id, value.actionId, user.id);
      if (!result.ok) return refused(result.reason);
      context.publisher.meetingsChanged(circle.id);
      return redirectWithToast(`${here}#actions`, { key: "followUp.page.actionRemoved" });
    }
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type LastResult = ReturnType<typeof useActionData<typeof action>>;

function SummaryForm({ data, lastResult }: { data: Data; lastResult: LastResult }) {
  const { t } = useTranslation();
  const busy = useIsPending({ intent: "summary" });
  const [form, fields] = useForm<FormInput<typeof SummarySchema>>({
    id: "summary-form",
    lastResult,
    constraint: data.constraint.summary,
    defaultValue: { summary: data.summary },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="summary" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField
        label={t("followUp.page.summaryLabel")}
        help={t("followUp.page.summaryHelp")}
        field={fields.summary}
        rows={10}
      />
      <div className="form-actions">
        <PendingButton className="button button-primary" pending={busy}>
          {t("followUp.page.summarySave")}
        </PendingButton>
        {data.summary ? (
          <Link to={`/circles/${data.circle.id}/harvest?meeting=${data.meeting.id}`}>
            {t("followUp.page.harvest")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/**
 * The last step of a case's protocol: what the member who brought it in will do becomes their
 * action item (the owner comes from the case on the server, not from this form).
 */
function CaseCommitments({ data, lastResult }: { data: Data; lastResult: LastResult }) {
  const { t } = useTranslation();
  const members = new Set(data.members.map((m) => m.id));
  const sentFor = (caseId: number) =>
    lastResult?.initialValue?.intent === "caseCommitment" &&
    lastResult.initialValue.caseId === String(caseId)
      ? lastResult
      : undefined;
  return (
    <section id="cases" className="card stack" aria-labelledby="cases-title">
      <h2 id="cases-title">{t("followUp.page.casesTitle")}</h2>
      <p className="field-help">{t("followUp.page.casesHelp")}</p>
      <ol className="plain-list stack">
        {data.cases.map((c) => {
          const name = c.authorName ?? t("followUp.page.caseAuthorGone");
          const commitments = data.actions.filter(
            (a) => a.caseId === c.id && a.ownerId === c.authorId,
          );
          return (
            <li key={c.id} id={`case-${c.id}`} className="stack case-commitment">
              <h3>{c.title}</h3>
              <p className="muted">{t("followUp.page.caseBy", { name })}</p>
              {commitments.length > 0 ? (
                <ul className="plain-list stack" aria-label={t("followUp.page.caseCommitments")}>
                  {commitments.map((a) => (
                    <li key={a.id} className="action-item">
                      <ActionItemText item={a} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {c.authorId !== null && members.has(c.authorId) ? (
                <CaseCommitmentForm
                  // A new key once a commitment was added empties the form for the next one.
                  key={commitments.length}
                  caseId={c.id}
                  name={name}
                  data={data}
                  lastResult={sentFor(c.id)}
                />
              ) : (
                <p className="muted">{t("followUp.page.refused.caseOwnerLeft")}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function CaseCommitmentForm({
  caseId,
  name,
  data,
  lastResult,
}: {
  caseId: number;
  name: string;
  data: Data;
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  const busy = useIsPending({ intent: "caseCommitment", caseId });
  const [form, fields] = useForm<FormInput<typeof CaseCommitmentSchema>>({
    id: `case-commitment-${caseId}`,
    lastResult,
    constraint: data.constraint.caseCommitment,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="caseCommitment" />
      <input type="hidden" name="caseId" value={caseId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField
        label={t("followUp.page.caseCommitment", { name })}
        field={fields.text}
        rows={2}
      />
      <Field label={t("followUp.page.dueOn")} type="date" field={fields.dueOn as never} />
      <div className="form-actions">
        <PendingButton className="button button-secondary" pending={busy}>
          {t("followUp.page.caseCommitmentAdd")}
        </PendingButton>
      </div>
    </Form>
  );
}

function AddActionForm({ data, lastResult }: { data: Data; lastResult: LastResult }) {
  const { t } = useTranslation();
  const busy = useIsPending({ intent: "addAction" });
  const [form, fields] = useForm<FormInput<typeof AddActionSchema>>({
    id: "add-action",
    lastResult,
    constraint: data.constraint.addAction,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="addAction" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField
        label={t("followUp.page.owner")}
        field={fields.ownerId as never}
        placeholder={t("common.choose")}
        options={data.members.map((m) => ({ value: String(m.id), label: m.name }))}
      />
      <TextareaField label={t("followUp.page.text")} field={fields.text} rows={2} />
      <Field label={t("followUp.page.dueOn")} type="date" field={fields.dueOn as never} />
      {data.cases.length > 0 ? (
        <SelectField
          label={t("followUp.page.fromCase")}
          help={t("followUp.page.fromCaseHelp")}
          field={fields.caseId as never}
          placeholder={t("followUp.page.noCase")}
          options={data.cases.map((c) => ({ value: String(c.id), label: c.title }))}
        />
      ) : null}
      <div className="form-actions">
        <PendingButton className="button button-primary" pending={busy}>
          {t("followUp.page.add")}
        </PendingButton>
      </div>
    </Form>
  );
}

export default function MeetingFollowUp() {
  const { t } = useTranslation();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const { circle, meeting, closed, people, actions, ratings, summaryHtml } = data;
  const lastResult = useActionData<typeof action>();
  // In the circle's room, so its meeting and poll events reach this tab.
  useCircleRoom(circle.id, circle.meetingsVersion);
  useRevalidateOn(["circle.meetings"]);
  const sent = lastResult?.initialValue?.intent;
  const pageErrors =
    sent === "attendance" || sent === "removeAction" ? (lastResult?.error?.[""] ?? []) : [];
  const when = (value: string | Date) => formatDateTime(value, locale);
  return (
    <div className="page">
      <PageHeader
        title={t("followUp.page.title")}
        intro={`${meeting.title} · ${when(meeting.startsAt)} · ${circle.name}`}
        actions={
          <Link to=".." relative="path" className="button button-quiet">
            {t("followUp.backToMeeting")}
          </Link>
        }
      />
      <FormErrors id="follow-up-errors" errors={pageErrors} />
      {closed ? (
        <p className="notice notice-info">{t(`followUp.page.closed.${closed}`)}</p>
      ) : (
        <div className="follow-up-columns">
          <div className="stack">
            <section id="attendance" className="card stack" aria-labelledby="attendance-title">
              <h2 id="attendance-title">{t("followUp.page.attendanceTitle")}</h2>
              {meeting.attendanceTakenAt ? (
                <p className="muted">
                  {t("followUp.page.attendanceTakenAt", { when: when(meeting.attendanceTakenAt) })}
                </p>
              ) : null}
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="attendance" />
                <fieldset className="field choice-group">
                  <legend>{t("followUp.page.attendanceLegend")}</legend>
                  {people.length === 0 ? (
                    <p className="muted">{t("followUp.page.nobody")}</p>
                  ) : null}
                  {people.map((p) => (
                    <label key={p.userId} className="choice">
                      <input
                        type="checkbox"
                        name="present"
                        value={p.userId}
                        defaultChecked={p.present ?? (p.rsvp === "going" || p.rsvp === "maybe")}
                      />
                      <span>
                        {p.name}
                        {p.guest ? ` (${t("followUp.page.guest")})` : ""}
                        {p.rsvp ? (
                          <span className="muted"> · {t(`followUp.page.rsvp.${p.rsvp}`)}</span>
                        ) : null}
                      </span>
                    </label>
                  ))}
                </fieldset>
                {meeting.attendanceTakenAt ? null : (
                  <p className="field-help">{t("followUp.page.attendanceHelp")}</p>
                )}
                <div className="form-actions">
                  <SubmitButton
                    className="button button-primary"
                    pendingWhen={{ intent: "attendance" }}
                  >
                    {t("followUp.page.attendanceSave")}
                  </SubmitButton>
                </div>
              </Form>
            </section>

            {data.cases.length > 0 ? (
              <CaseCommitments
                data={data}
                lastResult={sent === "caseCommitment" ? lastResult : undefined}
              />
            ) : null}

            <section id="actions" className="card stack" aria-labelledby="actions-title">
              <h2 id="actions-title">{t("followUp.page.actionsTitle")}</h2>
              <p className="field-help">{t("followUp.page.actionsHelp")}</p>
              {actions.length === 0 ? (
                <p className="muted">{t("followUp.page.noActions")}</p>
              ) : (
                <ul className="plain-list stack action-list" data-testid="meeting-actions">
                  {actions.map((a) => (
                    <li key={a.id} className="action-item">
                      <ActionItemText item={a} />
                      <Form method="post">
                        <input type="hidden" name="actionId" value={a.id} />
                        <SubmitButton
                          name="intent"
                          value="removeAction"
                          className="button button-quiet"
                          pendingWhen={{ intent: "removeAction", actionId: a.id }}
                          aria-label={t("followUp.page.removeLabel", {
                            name: a.ownerName,
                            text: a.text,
                          })}
                        >
                          {t("followUp.page.remove")}
                        </SubmitButton>
                      </Form>
                    </li>
                  ))}
                </ul>
              )}
              <h3>{t("followUp.page.addTitle")}</h3>
              {/* A new key after an item was added (or removed) empties the form for the next one. */}
              <AddActionForm
                key={actions.length}
                data={data}
                lastResult={sent === "addAction" ? lastResult : undefined}
              />
            </section>
          </div>

          <div className="stack">
            <section id="summary" className="card stack" aria-labelledby="summary-title">
              <h2 id="summary-title">{t("followUp.page.summaryTitle")}</h2>
              {meeting.summaryUpdatedAt ? (
                <p className="muted">
                  {t("followUp.summary.updated", { when: when(meeting.summaryUpdatedAt) })}
                </p>
              ) : null}
              <SummaryForm data={data} lastResult={sent === "summary" ? lastResult : undefined} />
              {summaryHtml ? (
                <div className="summary-preview stack">
                  <h3>{t("followUp.page.preview")}</h3>
                  <div className="prose" dangerouslySetInnerHTML={{ __html: summaryHtml }} />
                </div>
              ) : null}
            </section>

            <section className="card stack" aria-labelledby="ratings-title">
              <h2 id="ratings-title">{t("followUp.page.ratingsTitle")}</h2>
              <p aria-live="polite" data-testid="ratings-summary">
                {ratings.count === 0
                  ? t("followUp.page.ratingsNone")
                  : ratings.average === null
                    ? t("followUp.page.ratingsFew", { count: ratings.count })
                    : t("followUp.page.ratings", {
                        count: ratings.count,
                        average: formatNumber(ratings.average, locale, {
                          maximumFractionDigits: 1,
                        }),
                      })}
              </p>
              <p className="field-help">{t("followUp.page.ratingsPrivate")}</p>
            </section>
          </div>
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
