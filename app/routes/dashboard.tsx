import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useRevalidateOn } from "~/components/live";
import { MyActions } from "~/components/meetings/my-actions";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { listCoachedCircles, listUserMemberships } from "~/models/circles.server";
import { myOpenActions } from "~/models/follow-up.server";
import { myGuestMeetings } from "~/models/meetings.server";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { getProfile, nextOnboardingStep } from "~/models/profiles.server";
import { listProgrammes } from "~/models/programmes.server";
import { requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.title");

/** One page per person with what matters for each of their roles. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const isEntrepreneur = can(user, "profile.edit");
  return json({
    name: user.name,
    entrepreneur: isEntrepreneur
      ? {
          nextStep: nextOnboardingStep(user.id),
          readyToMatch: getProfile(user.id)?.readyToMatch ?? false,
          memberships: listUserMemberships(user.id),
          // "Mijn afspraken": open action items in the circles the person is still a member of.
          actions: myOpenActions(user.id),
        }
      : null,
    // Anyone can be invited to one meeting (an ambassador, say): their way back to it.
    guestMeetings: myGuestMeetings(user.id),
    coach: can(user, "coaching.view") ? { circles: listCoachedCircles(user.id) } : null,
    organiser: can(user, "programme.manage") ? { programmes: listProgrammes() } : null,
  });
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { name, entrepreneur, guestMeetings, coach, organiser } = useLoaderData<typeof loader>();
  const locale = useLocale();
  useRevalidateOn(["notifications.changed", "circle.meetings"]);
  const todo =
    entrepreneur?.memberships.filter(
      (m) => m.state === "invited" || (m.state === "member" && !m.houseRulesAcceptedAt),
    ) ?? [];
  return (
    <div className="page">
      <PageHeader title={t("dashboard.hello", { name })} intro={t("dashboard.intro")} />
      {entrepreneur ? (
        <section className="stack" aria-labelledby="entrepreneur-title">
          <h2 id="entrepreneur-title">{t("dashboard.entrepreneurTitle")}</h2>
          {entrepreneur.nextStep !== "ready" ? (
            <div className="card notice-card">
              <p>{t("dashboard.finishProfile")}</p>
              <Link to="/onboarding" className="button button-primary">
                {t("dashboard.continueProfile")}
              </Link>
            </div>
          ) : !entrepreneur.readyToMatch ? (
            <div className="card notice-card">
              <p>{t("dashboard.notReady")}</p>
              <Link to="/onboarding/ready" className="button button-secondary">
                {t("dashboard.toReady")}
              </Link>
            </div>
          ) : null}
          {todo.length > 0 ? (
            <div className="card stack" data-testid="todo">
              <h3>{t("dashboard.todo")}</h3>
              <ul>
                {todo.map((m) => (
                  <li key={m.circleId}>
                    <Link
                      to={
                        m.state === "invited"
                          ? `/circles/${m.circleId}`
                          : `/circles/${m.circleId}/house-rules`
                      }
                    >
                      {m.state === "invited"
                        ? t("dashboard.answerInvitation", { circle: m.name })
                        : t("dashboard.acceptRules", { circle: m.name })}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {entrepreneur.actions.length > 0 ? (
            <MyActions items={entrepreneur.actions} headingLevel={3} />
          ) : null}
          <div className="card stack">
            <h3>{t("dashboard.myCircles")}</h3>
            {entrepreneur.memberships.length === 0 ? <p>{t("dashboard.noCircles")}</p> : null}
            <ul className="plain-list stack" data-testid="my-circles">
              {entrepreneur.memberships.map((m) => (
                <li key={m.circleId}>
                  <Link
                    to={
                      m.state === "member"
                        ? `/circles/${m.circleId}/home`
                        : `/circles/${m.circleId}`
                    }
                  >
                    {m.name}
                  </Link>{" "}
                  <span className={`badge state-${m.state}`}>
                    {t(`membershipState.${m.state}`)}
                  </span>
                </li>
              ))}
            </ul>
            <p>
              <Link to="/circles">{t("dashboard.findCircles")}</Link>
            </p>
          </div>
        </section>
      ) : null}
      {guestMeetings.length > 0 ? (
        <section className="stack section" aria-labelledby="guest-title">
          <h2 id="guest-title">{t("dashboard.guestTitle")}</h2>
          <ul className="plain-list stack card" data-testid="guest-meetings">
            {guestMeetings.map((m) => (
              <li key={m.id}>
                <Link to={`/circles/${m.circleId}/meetings/${m.id}`}>{m.title}</Link>{" "}
                <span className="muted">
                  {t("dashboard.guestMeeting", {
                    circle: m.circleName,
                    when: formatDateTime(m.startsAt, locale),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {coach ? (
        <section className="stack section" aria-labelledby="coach-title">
          <h2 id="coach-title">{t("dashboard.coachTitle")}</h2>
          {coach.circles.length === 0 ? (
            <p className="card">{t("dashboard.noCoachedCircles")}</p>
          ) : null}
          <ul className="card-grid">
            {coach.circles.map((c) => (
              <li key={c.id} className="card stack">
                <h3>
                  <Link to={`/circles/${c.id}/home`}>{c.name}</Link>
                </h3>
                <p>
                  <span className={`badge status-${c.status}`}>
                    {t(`circleStatus.${c.status}`)}
                  </span>{" "}
                  {t("circles.seats", { members: c.members, max: c.capacityMax })}
                </p>
                {c.pending > 0 ? (
                  <p>
                    <Link to={`/circles/${c.id}/members`} className="button button-primary">
                      {t("dashboard.pendingApplications", { count: c.pending })}
                    </Link>
                  </p>
                ) : (
                  <p className="muted">{t("dashboard.nothingPending")}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {organiser ? (
        <section className="stack section" aria-labelledby="organiser-title">
          <h2 id="organiser-title">{t("dashboard.organiserTitle")}</h2>
          <ul className="card-grid">
            {organiser.programmes.map((p) => (
              <li key={p.id} className="card">
                <h3>
                  <Link to={`/programmes/${p.id}`}>{p.name}</Link>
                </h3>
                <p className="muted">{t("programmes.circleCount", { count: p.circleCount })}</p>
                {p.circlesWithoutCoach > 0 ? (
                  <p>
                    <Link to={`/programmes/${p.id}`} className="badge badge-warn">
                      {t("programmes.withoutCoach", { count: p.circlesWithoutCoach })}
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/programmes/new" className="button button-secondary">
              {t("programmes.new")}
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
