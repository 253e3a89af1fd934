import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import type { Reason, TradeOff, UnplacedReason } from "~/domain/matching/engine";
import {
  dayParts as dayPartLabels,
  label,
  lifePhases,
  provinces,
  sectors,
  sizeClasses,
  themes,
} from "~/domain/taxonomy";
import { getT, withMessages } from "~/i18n";
import { useLocale } from "~/i18n/use-locale";
import {
  acceptProposal,
  getProposal,
  moveInProposal,
  runOfProposal,
} from "~/models/matching.server";
import { requirePermission } from "~/utils/auth.server";
import { requireProgramme } from "~/utils/circle-guards.server";
import { ProposalSchema } from "~/forms/programmes.server";
import { badRequest, parseForm, type Replyable } from "~/utils/forms.server";
import { idParam, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders, redirectWithToast } from "~/utils/toast.server";

export const handle = { messages: ["matching"] };
export const clientLoader = withMessages("matching");

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "matching.proposalTitle");

function loadView(programmeIdParam: string | undefined, proposalIdParam: string | undefined) {
  const programme = requireProgramme(programmeIdParam);
  const view = getProposal(programme.id, idParam(proposalIdParam));
  if (!view) notFound();
  return { programme, view };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  const { programme, view } = loadView(params.programmeId, params.proposalId);
  const person = (id: number) => {
    const p = view.people[id]!;
    return {
      id,
      name: p.name,
      phase: p.candidate.lifePhase,
      size: p.candidate.sizeClass,
      sector: p.candidate.sector,
      province: p.candidate.province,
    };
  };
  return json({
    programme: { id: programme.id, name: programme.name },
    proposal: {
      id: view.id,
      accepted: view.acceptedAt !== null,
      policy: view.policy,
      // The run's time budget ran out: this is the best result found until then.
      timedOut: runOfProposal(view.id)?.status === "timed_out",
    },
    summary: { objective: view.result.objective, mean: view.result.mean, worst: view.result.worst },
    circles: view.result.circles.map((c, index) => ({
      index,
      fit: c.fit,
      breakdown: c.breakdown,
      dayParts: c.dayParts,
      warnings: view.warnings[index] ?? [],
      members: c.members.map((id) => ({ ...person(id), ...c.explanations[id] })),
    })),
    unplaced: view.result.unplaced.map((u) => ({ ...person(u.id), reason: u.reason })),
  });
}

type ProposalView = ReturnType<typeof loadView>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme.manage");
  const found = loadView(params.programmeId, params.proposalId);
  const submission = await parseForm(request, ProposalSchema);
  if (submission.status !== "success") return badRequest(submission);
  switch (submission.value.intent) {
    case "move":
      return movePerson(found, submission, submission.value);
    case "accept":
      return acceptTheProposal(found, submission, { actorId: user.id, context });
  }
}

/** Moves one person to another proposed circle, or out of all of them. */
async function movePerson(
  { programme, view }: ProposalView,
  submission: Replyable,
  value: { userId: number; to: string },
) {
  const moved = moveInProposal({
    programmeId: programme.id,
    proposalId: view.id,
    userId: value.userId,
    toCircle: value.to === "out" ? null : Number(value.to),
  });
  if (!moved) return badRequest(submission, { formErrors: ["matching.cannotMove"] });
  return json(submission.reply(), {
    headers: await createToastHeaders({ key: "matching.moved" }),
  });
}

/** Turns the proposal into circles in formation and invites their members. */
async function acceptTheProposal(
  { programme, view }: ProposalView,
  submission: Replyable,
  { actorId, context }: { actorId: number; context: ActionFunctionArgs["context"] },
) {
  // Circle names are stored once, in Dutch, like every circle an organiser names.
  const t = getT("nl");
  const result = acceptProposal({
    actorId,
    programmeId: programme.id,
    proposalId: view.id,
    names: { circle: (n) => t("matching.circleName", { programme: programme.name, number: n }) },
  });
  if (!result.ok)
    return badRequest(submission, { formErrors: [`matching.accept.${result.reason}`] });
  context.publisher.notified(result.notified);
  return redirectWithToast(`/programmes/${programme.id}`, {
    key: "matching.acceptedToast",
    values: { count: result.circleIds.length },
  });
}

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Moves one person to another proposed circle, or out; a stable component so choices survive re-renders. */
function MoveForm({
  userId,
  current,
  circleCount,
  disabled,
}: {
  userId: number;
  current: number | null;
  circleCount: number;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const moving = useIsPending({ intent: "move", userId });
  return (
    <Form method="post" className="move-form" preventScrollReset>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={`move-${userId}`}>
        {t("matching.moveTo")}
      </label>
      <select
        id={`move-${userId}`}
        name="to"
        key={current ?? "out"}
        defaultValue={current === null ? "out" : String(current)}
      >
        {Array.from({ length: circleCount }, (_, index) => (
          <option key={index} value={index}>
            {t("matching.circleNumber", { number: index + 1 })}
          </option>
        ))}
        <option value="out">{t("matching.notPlaced")}</option>
      </select>
      <button type="submit" className="button button-quiet" disabled={disabled || moving}>
        {t("matching.move")}
      </button>
    </Form>
  );
}

export default function Proposal() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { programme, proposal, summary, circles, unplaced } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const accepting = useIsPending({ intent: "accept" });
  const errors = Object.values(actionData?.error ?? {})
    .flat()
    .filter((e): e is string => typeof e === "string");
  const reasonText = (r: Reason) =>
    t(`matching.reason.${r.code}`, {
      count: "count" in r ? r.count : 0,
      phase: "phase" in r ? label(lifePhases, r.phase, locale) : "",
      themes: "themes" in r ? r.themes.map((x) => label(themes, x, locale)).join(", ") : "",
      dayParts:
        "dayParts" in r
          ? r.dayParts.map((d) => label(dayPartLabels, d, locale).toLowerCase()).join(", ")
          : "",
    });
  const tradeOffText = (r: TradeOff) =>
    t(`matching.tradeOff.${r.code}`, {
      phase: "phase" in r ? label(lifePhases, r.phase, locale) : "",
      size: "size" in r ? label(sizeClasses, r.size, locale) : "",
    });
  const unplacedText = (r: UnplacedReason) =>
    t(`matching.unplaced.${r.code}`, {
      wanted:
        "wanted" in r ? t(r.wanted === "online" ? "matching.online" : "matching.inPerson") : "",
      dayParts:
        "dayParts" in r
          ? r.dayParts.map((d) => label(dayPartLabels, d, locale).toLowerCase()).join(", ")
          : "",
      size: "size" in r ? r.size : 0,
      count: "count" in r ? r.count : 0,
    });
  return (
    <div className="page">
      <PageHeader
        title={t("matching.proposalTitle")}
        intro={`${programme.name} · ${t("matching.summary", { count: circles.length, mean: percent(summary.mean), worst: percent(summary.worst), unplaced: unplaced.length })}`}
        actions={
          <Link to={`/programmes/${programme.id}/matching`} className="button button-quiet">
            {t("matching.backToMatching")}
          </Link>
        }
      />
      <ErrorList errors={errors} />
      {proposal.timedOut ? (
        <p className="notice" data-testid="timed-out">
          <span className="badge">{t("matching.timedOutBadge")}</span>{" "}
          {t("matching.runState.timedOut")}
        </p>
      ) : null}
      {proposal.accepted ? (
        <p className="notice notice-success">{t("matching.alreadyAccepted")}</p>
      ) : (
        <Form method="post" className="card notice-card">
          <p>{t("matching.acceptHelp")}</p>
          <button
            type="submit"
            name="intent"
            value="accept"
            className="button button-primary"
            disabled={accepting}
          >
            {t("matching.accept.button")}
          </button>
        </Form>
      )}
      <div className="stack section">
        {circles.map((c) => (
          <section
            key={c.index}
            className="card stack"
            aria-labelledby={`circle-${c.index}`}
            data-testid={`proposed-circle-${c.index}`}
          >
            <div className="card-heading">
              <h2 id={`circle-${c.index}`}>
                {t("matching.circleNumber", { number: c.index + 1 })}
              </h2>
              <span className="badge" data-testid="circle-fit">
                {t("matching.fit", { fit: percent(c.fit) })}
              </span>
            </div>
            <p className="muted">
              {t("matching.breakdown", {
                phase: percent(c.breakdown.phase),
                size: percent(c.breakdown.size),
                role: percent(c.breakdown.role),
                themes: percent(c.breakdown.themes),
                sector: percent(c.breakdown.sector),
              })}
              {c.dayParts.length
                ? ` · ${c.dayParts.map((d) => label(dayPartLabels, d, locale)).join(", ")}`
                : ""}
            </p>
            {c.warnings.length > 0 ? (
              <ul className="field-errors" data-testid="circle-warnings">
                {c.warnings.map((w) => (
                  <li key={w}>{t(`matching.warning.${w}`)}</li>
                ))}
              </ul>
            ) : null}
            <ul className="plain-list member-list">
              {c.members.map((m) => (
                <li key={m.id} data-testid={`member-${m.id}`}>
                  <strong>{m.name}</strong>{" "}
                  <span className="muted">
                    {[
                      label(lifePhases, m.phase, locale),
                      label(sizeClasses, m.size, locale),
                      label(sectors, m.sector, locale),
                      label(provinces, m.province, locale),
                    ].join(" · ")}
                  </span>
                  {m.reasons?.length ? (
                    <p className="why">{m.reasons.map(reasonText).join("; ")}</p>
                  ) : null}
                  {m.tradeOffs?.length ? (
                    <p className="trade-off">{m.tradeOffs.map(tradeOffText).join("; ")}</p>
                  ) : null}
                  <MoveForm
                    userId={m.id}
                    current={c.index}
                    circleCount={circles.length}
                    disabled={proposal.accepted}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {unplaced.length > 0 ? (
        <section className="card stack section" aria-labelledby="unplaced-title">
          <h2 id="unplaced-title">{t("matching.unplacedTitle", { count: unplaced.length })}</h2>
          <ul className="plain-list member-list">
            {unplaced.map((u) => (
              <li key={u.id}>
                <strong>{u.name}</strong> <span className="muted">{unplacedText(u.reason)}</span>
                <MoveForm
                  userId={u.id}
                  current={null}
                  circleCount={circles.length}
                  disabled={proposal.accepted}
                />
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
