import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  ChoiceGroup,
  Field,
  FormErrors,
  PendingButton,
  SubmitButton,
  TextareaField,
  useIsPending,
} from "~/components/forms";
import { useCircleRoom } from "~/components/circle-live";
import { useRevalidateOn } from "~/components/live";
import { CaseList, CaseProtocol, type CaseItem } from "~/components/meetings/cases";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { caseUrgencies } from "~/domain/states";
import { CasesPageSchema, ProposeCaseSchema } from "~/forms/follow-up.server";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { editCase, meetingCases, moveCase, proposeCase, withdrawCase } from "~/models/cases.server";
import { requireMeeting } from "~/utils/circle-guards.server";
import {
  badRequest,
  formConstraint,
  parseFields,
  readFormData,
  type FormInput,
} from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "followUp.cases.title");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
export const handle = { messages: ["meetings"] };
export const clientLoader = withMessages("meetings");

/**
 * A meeting's cases. They are confidential to the circle: its members and coaches see them;
 * a guest of the meeting (who may see the meeting itself) gets a 403, like any other private
 * page of the circle, so "circle.view_private" is the check and not "meeting.view".
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, circle, meeting, resource } = await requireMeeting(
    request,
    params,
    "circle.view_private",
  );
  // Before the data: see useCircleRoom.
  const meetingsVersion = context.publisher.meetingsVersion(circle.id);
  const now = new Date();
  const open = meeting.status === "scheduled" && meeting.startsAt > now;
  return json({
    circle: { id: circle.id, name: circle.name, meetingsVersion },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      status: meeting.status,
    },
    cases: meetingCases(meeting.id).map((c) => ({ ...c, mine: c.authorId === user.id })),
    closed: (meeting.status === "cancelled" ? "cancelled" : open ? null : "started") as
      "cancelled" | "started" | null,
    may: {
      propose: open && can(user, "meeting.propose_case", resource),
      order: meeting.status === "scheduled" && can(user, "meeting.manage", resource),
    },
    constraint: formConstraint(ProposeCaseSchema),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  // Ordering is the coach's; proposing and changing a case is a member's.
  const { user, circle, meeting } = await requireMeeting(
    request,
    params,
    formData.get("intent") === "move" ? "meeting.manage" : "meeting.propose_case",
  );
  const submission = parseFields(formData, CasesPageSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  const here = `/circles/${circle.id}/meetings/${meeting.id}/cases`;
  const refused = (reason: string) =>
    badRequest(submission, { formErrors: [`followUp.cases.refused.${reason}`] });
  switch (value.intent) {
    case "propose": {
      const { intent: _, ...input } = value;
      const result = proposeCase(meeting.id, user.id, input);
      if (!result.ok) return refused(result.reason);
      context.publisher.meetingsChanged(circle.id);
      return redirectWithToast(`${here}#case-${result.caseId}`, { key: "followUp.cases.proposed" });
    }
    case "edit": {
      const { intent: _, caseId, ...input } = value;
      const result = editCase(meeting.id, caseId, user.id, input);
      // Someone else's case (or another meeting's) is not there for this person.
      if (!result.ok && result.reason === "not_found") notFound();
      if (!result.ok) return refused(result.reason);
      context.publisher.meetingsChanged(circle.id);
      return redirectWithToast(`${here}#case-${caseId}`, { key: "followUp.cases.saved" });
    }
    case "withdraw": {
      const result = withdrawCase(meeting.id, value.caseId, user.id);
      if (!result.ok && result.reason === "not_found") notFound();
      if (!result.ok) return refused(result.reason);
      context.publisher.meetingsChanged(circle.id);
      return redirectWithToast(here, { key: "followUp.cases.withdrawn" });
    }
    case "move": {
      const result = moveCase(meeting.id, user.id, value.caseId, value.direction);
      if (!result.ok) return refused(result.reason);
      context.publisher.meetingsChanged(circle.id);
      return json(submission.reply());
    }
  }
}

type CaseFormProps = {
  id: string;
  intent: "propose" | "edit";
  item?: CaseItem;
  lastResult: ReturnType<typeof useActionData<typeof action>>;
  constraint: ReturnType<typeof useLoaderData<typeof loader>>["constraint"];
};

/** Proposing a case and changing your own share one form: the three questions and urgency. */
function CaseForm({ id, intent, item, lastResult, constraint }: CaseFormProps) {
  const { t } = useTranslation();
  const busy = useIsPending(item ? { intent, caseId: item.id } : { intent });
  const [form, fields] = useForm<FormInput<typeof ProposeCaseSchema>>({
    id,
    lastResult,
    constraint,
    defaultValue: item
      ? {
          title: item.title,
          situation: item.situation,
          request: item.request,
          urgency: item.urgency,
        }
      : undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value={intent} />
      {item ? <input type="hidden" name="caseId" value={item.id} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t("followUp.cases.fieldTitle")}
        help={t("followUp.cases.fieldTitleHelp")}
        field={fields.title}
      />
      <TextareaField
        label={t("followUp.cases.situation")}
        help={t("followUp.cases.situationHelp")}
        field={fields.situation}
        rows={5}
      />
      <TextareaField
        label={t("followUp.cases.request")}
        help={t("followUp.cases.requestHelp")}
        field={fields.request}
        rows={3}
      />
      <ChoiceGroup
        legend={t("followUp.cases.urgency")}
        type="radio"
        field={fields.urgency}
        options={caseUrgencies.map((u) => ({
          value: u,
          label: t(`followUp.cases.urgencyLevel.${u}`),
        }))}
      />
      <div className="form-actions">
        <PendingButton className="button button-primary" pending={busy}>
          {item ? t("common.save") : t("followUp.cases.submit")}
        </PendingButton>
      </div>
    </Form>
  );
}

export default function MeetingCases() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, meeting, cases, closed, may, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // In the circle's room, so its meeting and poll events reach this tab.
  useCircleRoom(circle.id, circle.meetingsVersion);
  useRevalidateOn(["circle.meetings"]);
  const sent = lastResult?.initialValue;
  const resultFor = (intent: string, caseId?: number) =>
    sent?.intent === intent && (caseId === undefined || sent?.caseId === String(caseId))
      ? lastResult
      : undefined;
  // Refusals of the coach's buttons and of a withdrawal have no form of their own to show in.
  const pageErrors =
    sent?.intent === "move" || sent?.intent === "withdraw" ? (lastResult?.error?.[""] ?? []) : [];
  return (
    <div className="page">
      <PageHeader
        title={t("followUp.cases.title")}
        intro={`${meeting.title} · ${formatDateTime(meeting.startsAt, locale, {
          weekday: "long",
          day: "numeric",
          month: "long",
          hour: "2-digit",
          minute: "2-digit",
        })} · ${circle.name}`}
        actions={
          <Link to=".." relative="path" className="button button-quiet">
            {t("followUp.backToMeeting")}
          </Link>
        }
      />
      <FormErrors id="cases-errors" errors={pageErrors} />
      {closed ? <p className="notice notice-info">{t(`followUp.cases.closed.${closed}`)}</p> : null}
      <div className="follow-up-columns">
        <section className="card stack" aria-labelledby="cases-list-title">
          <h2 id="cases-list-title">{t("followUp.cases.listTitle")}</h2>
          {may.order && cases.length > 1 ? (
            <p className="field-help">{t("followUp.cases.orderHelp")}</p>
          ) : null}
          <CaseList
            cases={cases}
            actions={(item, index) => {
              const mine = cases.find((c) => c.id === item.id)?.mine ?? false;
              return (
                <>
                  {may.order && cases.length > 1 ? (
                    <Form method="post" className="button-row case-move">
                      <input type="hidden" name="caseId" value={item.id} />
                      <input type="hidden" name="intent" value="move" />
                      <SubmitButton
                        name="direction"
                        value="up"
                        className="button button-quiet"
                        aria-disabled={index === 0}
                        pendingWhen={{ intent: "move", caseId: item.id }}
                        aria-label={t("followUp.cases.moveUpLabel", { title: item.title })}
                      >
                        {t("followUp.cases.moveUp")}
                      </SubmitButton>
                      <SubmitButton
                        name="direction"
                        value="down"
                        className="button button-quiet"
                        aria-disabled={index === cases.length - 1}
                        pendingWhen={{ intent: "move", caseId: item.id }}
                        aria-label={t("followUp.cases.moveDownLabel", { title: item.title })}
                      >
                        {t("followUp.cases.moveDown")}
                      </SubmitButton>
                    </Form>
                  ) : null}
                  {mine && may.propose ? (
                    <details open={resultFor("edit", item.id) ? true : undefined}>
                      <summary>{t("followUp.cases.editTitle")}</summary>
                      <CaseForm
                        id={`case-form-${item.id}`}
                        intent="edit"
                        item={item}
                        lastResult={resultFor("edit", item.id)}
                        constraint={constraint}
                      />
                      <Form method="post" className="case-withdraw">
                        <input type="hidden" name="caseId" value={item.id} />
                        <SubmitButton
                          name="intent"
                          value="withdraw"
                          className="button button-danger"
                          pendingWhen={{ intent: "withdraw", caseId: item.id }}
                        >
                          {t("followUp.cases.withdraw")}
                        </SubmitButton>
                      </Form>
                    </details>
                  ) : null}
                </>
              );
            }}
          />
        </section>
        <div className="stack">
          {may.propose ? (
            <section className="card stack" aria-labelledby="propose-title">
              <h2 id="propose-title">{t("followUp.cases.proposeTitle")}</h2>
              <p>{t("followUp.cases.intro")}</p>
              {/* A new key once the case is on the list empties the form for another one. */}
              <CaseForm
                key={cases.length}
                id="propose-case"
                intent="propose"
                lastResult={resultFor("propose")}
                constraint={constraint}
              />
            </section>
          ) : null}
          <CaseProtocol />
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
