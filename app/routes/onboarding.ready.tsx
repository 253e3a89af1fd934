import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { Stepper } from "~/components/stepper";
import {
  companyRoles,
  dayParts,
  label,
  lifePhases,
  meetingModes,
  provinces,
  sectors,
  sizeClasses,
  sizeClassFor,
  themes,
} from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import {
  getCompany,
  getProfile,
  nextOnboardingStep,
  setReadyToMatch,
} from "~/models/profiles.server";
import { requirePermission } from "~/utils/auth.server";
import { ReadySchema } from "~/forms/onboarding.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders } from "~/utils/toast.server";
import { useIsPending } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "onboarding.ready.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  return json({
    company: getCompany(user.id),
    profile: getProfile(user.id),
    complete: nextOnboardingStep(user.id) === "ready",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const submission = await parseForm(request, ReadySchema);
  if (submission.status !== "success") return badRequest(submission);
  const ready = submission.value.ready === "yes";
  // Only a complete profile can be matched.
  if (ready && nextOnboardingStep(user.id) !== "ready")
    return badRequest(submission, { formErrors: ["onboarding.ready.incomplete"] });
  setReadyToMatch(user.id, ready);
  return json(submission.reply(), {
    headers: await createToastHeaders({
      key: ready ? "onboarding.ready.on" : "onboarding.ready.off",
    }),
  });
}

export default function OnboardingReady() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { company, profile, complete } = useLoaderData<typeof loader>();
  const busy = useIsPending();
  const list = (codes: string[] | undefined, table: Parameters<typeof label>[0]) =>
    (codes ?? []).map((c) => label(table, c, locale)).join(", ");
  const size = company?.employees != null ? sizeClassFor(company.employees) : null;
  return (
    <div className="page narrow">
      <Stepper current="ready" />
      <PageHeader title={t("onboarding.ready.title")} intro={t("onboarding.ready.intro")} />
      <section className="card stack" aria-labelledby="company-summary">
        <div className="card-heading">
          <h2 id="company-summary">{t("onboarding.company.short")}</h2>
          <Link to="/onboarding/company">{t("common.edit")}</Link>
        </div>
        {company ? (
          <dl className="facts">
            <dt>{t("company.name")}</dt>
            <dd>{company.name}</dd>
            <dt>{t("company.sector")}</dt>
            <dd>
              {label(sectors, company.sector, locale)}
              {company.sbiDivision ? ` (SBI ${company.sbiDivision})` : ""}
            </dd>
            <dt>{t("company.size")}</dt>
            <dd>
              {size
                ? `${label(sizeClasses, size, locale)} · ${t("company.employeeCount", { count: company.employees ?? 0 })}`
                : "—"}
            </dd>
            <dt>{t("company.lifePhase")}</dt>
            <dd>{label(lifePhases, company.lifePhase, locale) || "—"}</dd>
            <dt>{t("company.region")}</dt>
            <dd>
              {[company.municipality, label(provinces, company.province, locale)]
                .filter(Boolean)
                .join(", ") || "—"}
            </dd>
            {company.familyBusiness ? (
              <>
                <dt>{t("company.familyBusinessShort")}</dt>
                <dd>{t("common.yes")}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{t("onboarding.notYet")}</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="profile-summary">
        <div className="card-heading">
          <h2 id="profile-summary">{t("onboarding.profile.short")}</h2>
          <Link to="/onboarding/profile">{t("common.edit")}</Link>
        </div>
        {profile?.companyRole ? (
          <dl className="facts">
            <dt>{t("profile.companyRole")}</dt>
            <dd>{label(companyRoles, profile.companyRole, locale)}</dd>
            <dt>{t("profile.themes")}</dt>
            <dd>{list(profile.themes, themes) || "—"}</dd>
            <dt>{t("profile.dayParts")}</dt>
            <dd>{list(profile.dayParts, dayParts) || "—"}</dd>
            <dt>{t("profile.meetingMode")}</dt>
            <dd>{label(meetingModes, profile.meetingMode, locale)}</dd>
            <dt>{t("profile.host")}</dt>
            <dd>{profile.willingToHost ? t("common.yes") : t("common.no")}</dd>
          </dl>
        ) : (
          <p>{t("onboarding.notYet")}</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="question-summary">
        <div className="card-heading">
          <h2 id="question-summary">{t("onboarding.question.short")}</h2>
          <Link to="/onboarding/question">{t("common.edit")}</Link>
        </div>
        {profile?.questionSituation ? (
          <dl className="facts facts-stacked">
            <dt>{t("question.situation")}</dt>
            <dd>{profile.questionSituation}</dd>
            {profile.questionTried ? (
              <>
                <dt>{t("question.tried")}</dt>
                <dd>{profile.questionTried}</dd>
              </>
            ) : null}
            <dt>{t("question.wish")}</dt>
            <dd>{profile.questionWish}</dd>
          </dl>
        ) : (
          <p>{t("onboarding.notYet")}</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="ready-title">
        <h2 id="ready-title">{t("onboarding.ready.matchTitle")}</h2>
        <p data-testid="ready-state">
          {profile?.readyToMatch ? t("onboarding.ready.isOn") : t("onboarding.ready.isOff")}
        </p>
        {complete ? (
          <Form method="post">
            <button
              type="submit"
              name="ready"
              value={profile?.readyToMatch ? "no" : "yes"}
              className={
                profile?.readyToMatch ? "button button-secondary" : "button button-primary"
              }
              disabled={busy}
            >
              {profile?.readyToMatch ? t("onboarding.ready.turnOff") : t("onboarding.ready.turnOn")}
            </button>
          </Form>
        ) : (
          <p className="notice notice-info">{t("onboarding.ready.incomplete")}</p>
        )}
        <p>
          <Link to="/circles">{t("onboarding.ready.browse")}</Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
