import { getFormProps, useForm } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, Field, FormErrors, TextareaField, useIsPending } from "~/components/forms";
import { KnowledgeTagFields } from "~/components/knowledge";
import { PageHeader } from "~/components/page";
import { findKnownNames, findLikelyNames, redactKnownNames } from "~/domain/anonymise";
import { HarvestSchema } from "~/forms/harvest.server";
import { getT, withMessages } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import {
  circleKnownNames,
  harvestCandidates,
  meetingSource,
  threadSource,
  type HarvestSource,
} from "~/models/harvest.server";
import { createItem } from "~/models/knowledge.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import knowledgeStyles from "~/styles/knowledge.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "knowledge.harvest.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: knowledgeStyles }];

export const handle = { messages: ["knowledge"] };
export const clientLoader = withMessages("knowledge");

type Pick = { source: "meeting" | "thread"; id: number } | null;

function pickFrom(params: URLSearchParams): Pick | "bad" {
  const meeting = params.get("meeting");
  const thread = params.get("thread");
  const value = meeting ?? thread;
  if (value === null) return null;
  if (!/^[1-9]\d{0,9}$/.test(value)) return "bad";
  return { source: meeting !== null ? "meeting" : "thread", id: Number(value) };
}

function sourceOf(circleId: number, pick: NonNullable<Pick>) {
  return pick.source === "meeting"
    ? meetingSource(circleId, pick.id)
    : threadSource(circleId, pick.id);
}

/**
 * Borging: the coach turns a meeting's summary or a thread into an anonymised draft for the
 * knowledge bank. The circle's known names are replaced before the coach starts, and a draft
 * that still holds one is refused; words that look like names are marked, and the coach says
 * they looked. Every member who wrote in the source (or was at the meeting) approves before it
 * can be published (knowledge.server.ts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, circle } = await requireCircle(request, params.circleId, "circle.harvest");
  const pick = pickFrom(new URL(request.url).searchParams);
  if (pick === "bad") notFound();
  const t = getT(user!.locale ?? "nl");
  if (!pick)
    return json({
      circle: { id: circle.id, name: circle.name },
      candidates: harvestCandidates(circle.id),
      draft: null,
    });
  const source = sourceOf(circle.id, pick);
  if (!source) notFound();
  if (source === "attendance")
    return json({
      circle: { id: circle.id, name: circle.name },
      candidates: harvestCandidates(circle.id),
      draft: null,
      needsAttendance: pick.id,
    });
  const names = circleKnownNames(circle.id);
  const body = redactKnownNames(source.text, names, {
    person: t("knowledge.harvest.placeholderPerson"),
    company: t("knowledge.harvest.placeholderCompany"),
  });
  return json({
    circle: { id: circle.id, name: circle.name },
    candidates: null,
    draft: {
      source: pick.source,
      sourceId: source.id,
      sourceTitle: source.title,
      approvers: source.approvers.map((a) => a.name),
      title: redactKnownNames(source.title, names, {
        person: t("knowledge.harvest.placeholderPerson"),
        company: t("knowledge.harvest.placeholderCompany"),
      }),
      body,
      theme: circle.theme,
      likely: [...new Set(findLikelyNames(body).map((h) => h.text))],
    },
    constraint: formConstraint(HarvestSchema),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle } = await requireCircle(request, params.circleId, "circle.harvest");
  const submission = await parseForm(request, HarvestSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  const source = sourceOf(circle.id, { source: value.source, id: value.sourceId });
  if (!source || source === "attendance")
    return badRequest(submission, { formErrors: ["knowledge.harvest.sourceGone"] });
  // Certain names (the circle's people and companies) must go; likely ones need a look.
  const names = circleKnownNames(circle.id);
  const fieldErrors: Record<string, string[]> = {};
  const namesLeft = new Set<string>();
  for (const field of ["title", "summary", "body"] as const) {
    const found = findKnownNames(value[field], names);
    for (const hit of found) namesLeft.add(hit.text);
    if (found.length > 0) fieldErrors[field] = ["knowledge.harvest.namesLeft"];
  }
  const likely = findLikelyNames(`${value.title}\n\n${value.summary}\n\n${value.body}`);
  if (likely.length > 0 && value.checked !== "on")
    fieldErrors.checked = ["knowledge.harvest.checkFirst"];
  if (Object.keys(fieldErrors).length > 0)
    return json(
      {
        ...submission.reply({ fieldErrors }),
        namesLeft: [...namesLeft],
        likely: [...new Set(likely.map((h) => h.text))],
      },
      { status: 400 },
    );
  const { slug, notified } = createLesson(user!.id, circle.id, source, value);
  context.publisher.notified(notified);
  return redirectWithToast(`/knowledge/${slug}`, {
    key: "knowledge.harvest.created",
    values: { count: source.approvers.length },
  });
}

function createLesson(
  coachId: number,
  circleId: number,
  source: HarvestSource,
  value: FormInput<typeof HarvestSchema> & { themes: string[] } & Record<string, unknown>,
) {
  return createItem(
    coachId,
    {
      kind: "lesson",
      title: String(value.title),
      summary: String(value.summary),
      body: String(value.body),
      url: null,
      ambassadorId: null,
      themes: value.themes,
      sectors: (value.sectors as string[]) ?? [],
      lifePhases: (value.lifePhases as string[]) ?? [],
      sizeClasses: (value.sizeClasses as string[]) ?? [],
    },
    {
      approverIds: source.approvers.map((a) => a.id),
      source: {
        circleId,
        ...(source.kind === "meeting" ? { meetingId: source.id } : { threadId: source.id }),
      },
    },
  );
}

export default function Harvest() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page narrow">
      <p>
        <Link to={`/circles/${data.circle.id}/home`}>
          {t("knowledge.harvest.back", { name: data.circle.name })}
        </Link>
      </p>
      <PageHeader title={t("knowledge.harvest.title")} intro={t("knowledge.harvest.intro")} />
      {data.draft ? <HarvestForm /> : <SourcePicker />}
    </div>
  );
}

function SourcePicker() {
  const { t } = useTranslation();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const candidates = data.candidates!;
  const needsAttendance = "needsAttendance" in data ? data.needsAttendance : null;
  const base = `/circles/${data.circle.id}`;
  return (
    <>
      {needsAttendance ? (
        <p className="notice notice-warn" role="alert">
          {t("knowledge.harvest.attendanceFirst")}{" "}
          <Link to={`${base}/meetings/${needsAttendance}/follow-up`}>
            {t("knowledge.harvest.toFollowUp")}
          </Link>
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="harvest-meetings">
        <h2 id="harvest-meetings">{t("knowledge.harvest.meetings")}</h2>
        {candidates.meetings.length === 0 ? (
          <p className="muted">{t("knowledge.harvest.noMeetings")}</p>
        ) : (
          <ul className="plain-list stack">
            {candidates.meetings.map((m) => (
              <li key={m.id}>
                <Link to={`?meeting=${m.id}`}>{m.title}</Link>{" "}
                <span className="muted small">
                  {formatDate(new Date(m.startsAt), locale)}
                  {m.attendanceTaken ? "" : ` · ${t("knowledge.harvest.noAttendance")}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby="harvest-threads">
        <h2 id="harvest-threads">{t("knowledge.harvest.threads")}</h2>
        {candidates.threads.length === 0 ? (
          <p className="muted">{t("knowledge.harvest.noThreads")}</p>
        ) : (
          <ul className="plain-list stack">
            {candidates.threads.map((th) => (
              <li key={th.id}>
                <Link to={`?thread=${th.id}`}>{th.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function HarvestForm() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const draft = data.draft!;
  const lastResult = useActionData<typeof action>();
  // After a refused send: what the server found in what was sent; before: in the start text.
  const refused = lastResult as { namesLeft?: string[]; likely?: string[] } | undefined;
  const namesLeft = refused?.namesLeft ?? [];
  const likely = refused?.likely ?? draft.likely;
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof HarvestSchema>>({
    id: "harvest",
    lastResult,
    constraint: "constraint" in data ? data.constraint : undefined,
    defaultValue: {
      title: draft.title,
      summary: "",
      body: draft.body,
      themes: draft.theme ? [draft.theme] : [],
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="source" value={draft.source} />
      <input type="hidden" name="sourceId" value={draft.sourceId} />
      <p>
        {t(
          draft.source === "meeting"
            ? "knowledge.harvest.fromMeeting"
            : "knowledge.harvest.fromThread",
          { title: draft.sourceTitle },
        )}
      </p>
      <div className="notice notice-info">
        <p>
          {draft.approvers.length > 0
            ? t("knowledge.harvest.approvers", {
                count: draft.approvers.length,
                names: draft.approvers.join(", "),
              })
            : t("knowledge.harvest.noApprovers")}
        </p>
      </div>
      <Field label={t("knowledge.editor.title")} field={fields.title} />
      <TextareaField
        label={t("knowledge.editor.summary")}
        field={fields.summary}
        help={t("knowledge.harvest.summaryHelp")}
        rows={2}
      />
      <TextareaField
        label={t("knowledge.harvest.body")}
        field={fields.body}
        help={t("knowledge.harvest.bodyHelp")}
        rows={16}
      />
      {namesLeft.length > 0 ? (
        <div className="notice notice-error" role="alert" data-testid="harvest-names">
          <p>{t("knowledge.harvest.namesFound")}</p>
          <ul className="knowledge-tags">
            {namesLeft.map((word) => (
              <li key={word}>{word}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {likely.length > 0 ? (
        <div className="notice notice-warn" data-testid="harvest-likely">
          <p>{t("knowledge.harvest.likely")}</p>
          <ul className="knowledge-tags">
            {likely.map((word) => (
              <li key={word}>{word}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <CheckboxField label={t("knowledge.harvest.checked")} field={fields.checked} />
      <KnowledgeTagFields fields={fields} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("knowledge.harvest.create")}
        </button>
        <Link to="?">{t("knowledge.harvest.otherSource")}</Link>
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
