import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { withMessages } from "~/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, useIsPending } from "~/components/forms";
import { useLiveEvent } from "~/components/live";
import { MatchingPolicyForm } from "~/components/matching-policy-form";
import { MatchingPolicySchema, MatchingRunSchema } from "~/forms/programmes.server";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { defaultPenalties } from "~/domain/matching/model";
import {
  cancelMatchingRun,
  latestRun,
  listProposals,
  loadCandidates,
  organiserIds,
  programmePolicy,
  startMatchingRun,
  type RunChange,
} from "~/models/matching.server";
import { requirePermission } from "~/utils/auth.server";
import { requireProgramme } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseFields, readFormData } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import matchingStyles from "~/styles/matching.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: matchingStyles }];

export const handle = { messages: ["matching"] };
export const clientLoader = withMessages("matching");

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "matching.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  const policy = programmePolicy(programme.id)!;
  return json({
    programme: { id: programme.id, name: programme.name },
    policy,
    candidates: loadCandidates(programme.id).candidates.length,
    proposals: listProposals(programme.id),
    run: latestRun(programme.id),
    penalties: defaultPenalties,
    constraint: formConstraint(MatchingPolicySchema),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  const formData = await readFormData(request);
  // Progress and the end of a run reach every organiser's open tabs.
  const onChange = (change: RunChange) =>
    context.publisher.matchingRun(organiserIds(), { type: "matching.run", ...change });
  if (formData.get("intent") === "cancel") {
    const submission = parseFields(formData, MatchingRunSchema);
    if (submission.status !== "success") return badRequest(submission);
    const cancelled = cancelMatchingRun({
      actorId: user.id,
      programmeId: programme.id,
      runId: submission.value.runId,
      onChange,
    });
    if (!cancelled) return badRequest(submission, { formErrors: ["matching.runState.notRunning"] });
    return redirectWithToast(`/programmes/${programme.id}/matching`, {
      key: "matching.runState.cancelledToast",
    });
  }
  const submission = parseFields(formData, MatchingPolicySchema);
  if (submission.status !== "success") return badRequest(submission);
  const started = startMatchingRun({
    actorId: user.id,
    programmeId: programme.id,
    policy: submission.value,
    onChange,
  });
  if (!started.ok)
    return json(submission.reply({ formErrors: ["matching.alreadyRunning"] }), { status: 409 });
  return redirectWithToast(`/programmes/${programme.id}/matching`, { key: "matching.started" });
}

type Run = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["run"]>;

/** The latest run: live progress and a stop button while it goes, its outcome after. */
function RunStatus({ run, programmeId }: { run: Run; programmeId: number }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState(run.progress);
  const cancelling = useIsPending({ intent: "cancel" });
  const revalidator = useRevalidator();
  useEffect(() => setProgress(run.progress), [run.id, run.progress]);
  // Progress moves the bar in place (no reload: the loader reads the whole pool); the end of the
  // run, or a run started in another tab, reloads the page's data.
  useLiveEvent((event) => {
    if (event.type !== "matching.run" || event.programmeId !== programmeId) return;
    if (event.runId === run.id && event.status === "running") setProgress(event.progress);
    else if (revalidator.state === "idle") revalidator.revalidate();
  });
  const percent = `${Math.round(progress * 100)}%`;
  if (run.status === "running")
    return (
      <section className="card stack" aria-labelledby="run-title" data-run-status="running">
        <h2 id="run-title">{t("matching.runState.title")}</h2>
        <p role="status">{t("matching.runState.running", { percent })}</p>
        <progress
          className="matching-progress"
          max={1}
          value={progress}
          aria-label={t("matching.runState.progressLabel")}
        >
          {percent}
        </progress>
        <p className="muted">{t("matching.runState.runningHelp")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <input type="hidden" name="runId" value={run.id} />
          <button type="submit" className="button" disabled={cancelling}>
            {t("matching.runState.cancel")}
          </button>
        </Form>
      </section>
    );
  const message =
    run.status === "done"
      ? "matching.runState.done"
      : run.status === "timed_out"
        ? "matching.runState.timedOut"
        : run.status === "cancelled"
          ? "matching.runState.cancelled"
          : "matching.runState.failed";
  return (
    <section className="card stack" aria-labelledby="run-title" data-run-status={run.status}>
      <h2 id="run-title">{t("matching.runState.title")}</h2>
      <p role="status">{t(message)}</p>
      {run.proposalId ? (
        <p>
          <Link to={`/programmes/${programmeId}/matching/${run.proposalId}`} className="button">
            {t("matching.runState.open")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export default function Matching() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { programme, policy, candidates, proposals, constraint, run, penalties } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const cancelErrors =
    lastResult && "error" in lastResult && lastResult.initialValue?.intent === "cancel"
      ? Object.values(lastResult.error ?? {})
          .flat()
          .filter((e): e is string => typeof e === "string")
      : [];
  const number = (n: number) => n.toLocaleString(locale);
  return (
    <div className="page narrow">
      <PageHeader
        title={t("matching.title")}
        intro={`${programme.name} · ${t("matching.candidates", { count: candidates })}`}
        actions={
          <Link to={`/programmes/${programme.id}`} className="button button-quiet">
            {t("matching.backToProgramme")}
          </Link>
        }
      />
      <p className="lead-small">{t("matching.intro")}</p>
      {run ? <RunStatus key={run.id} run={run} programmeId={programme.id} /> : null}
      <ErrorList id="run-errors" errors={cancelErrors} />
      <MatchingPolicyForm
        constraint={constraint}
        lastResult={cancelErrors.length ? undefined : lastResult}
        defaultValue={policy}
        running={run?.status === "running"}
      />
      <section className="section" aria-labelledby="scoring-title">
        <h2 id="scoring-title">{t("matching.scoring.title")}</h2>
        <p>
          {t("matching.scoring.body", {
            target: number(policy.sizeTarget),
            seat: number(penalties.seat),
            unplaced: number(penalties.unplaced),
          })}
        </p>
      </section>
      {proposals.length > 0 ? (
        <section className="section" aria-labelledby="proposals-title">
          <h2 id="proposals-title">{t("matching.proposals")}</h2>
          <ul className="card-list">
            {proposals.map((p) => (
              <li key={p.id} className="card">
                <Link to={String(p.id)}>
                  {t("matching.proposalLine", {
                    date: formatDateTime(p.createdAt, locale, {
                      dateStyle: "medium",
                      timeStyle: "short",
                    }),
                    count: p.circleCount,
                    people: p.people,
                  })}
                </Link>{" "}
                {p.acceptedAt ? (
                  <span className="badge badge-ok">{t("matching.accepted")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
