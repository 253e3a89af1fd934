import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { withMessages } from "~/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MatchingPolicyForm } from "~/components/matching-policy-form";
import { MatchingPolicySchema } from "~/forms/programmes.server";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import {
  listProposals,
  loadCandidates,
  programmePolicy,
  runMatching,
} from "~/models/matching.server";
import { requirePermission } from "~/utils/auth.server";
import { requireProgramme } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const handle = { messages: ["matching"] };
export const clientLoader = withMessages("matching");

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "matching.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  return json({
    programme: { id: programme.id, name: programme.name },
    policy: programmePolicy(programme.id)!,
    candidates: loadCandidates(programme.id).candidates.length,
    proposals: listProposals(programme.id),
    constraint: formConstraint(MatchingPolicySchema),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  const submission = await parseForm(request, MatchingPolicySchema);
  if (submission.status !== "success") return badRequest(submission);
  const id = runMatching({ actorId: user.id, programmeId: programme.id, policy: submission.value });
  return redirectWithToast(`/programmes/${programme.id}/matching/${id}`, { key: "matching.done" });
}

export default function Matching() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { programme, policy, candidates, proposals, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
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
      <MatchingPolicyForm constraint={constraint} lastResult={lastResult} defaultValue={policy} />
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
