import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useCircleRoom } from "~/components/circle-live";
import { useRevalidateOn } from "~/components/live";
import { OrganiserBadge } from "~/components/organiser-badge";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import {
  companyRoles,
  label,
  lifePhases,
  provinces,
  sectors,
  sizeClasses,
  themes,
} from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { listMembers } from "~/models/memberships.server";
import { nextMeeting } from "~/models/meetings.server";
import { latestSummary, myOpenActions } from "~/models/follow-up.server";
import { MeetingWhen, RsvpBadge } from "~/components/meetings";
import { MyActions } from "~/components/meetings/my-actions";
import { OpenPolls } from "~/components/meetings/open-polls";
import { openPolls } from "~/models/polls.server";
import { MeetingSummary } from "~/components/meetings/summary";
import { requireCircle } from "~/utils/circle-guards.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "circles.homeTitle");

/** The circle's private home: members and coaches only (organisers too only if they coach it). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, circle, resource } = await requireCircle(
    request,
    params.circleId,
    "circle.view_private",
  );
  // Before the data: see useCircleRoom.
  const meetingsVersion = context.publisher.meetingsVersion(circle.id);
  return json({
    circle: {
      id: circle.id,
      name: circle.name,
      theme: circle.theme,
      status: circle.status,
      timeCommitment: circle.timeCommitment,
      coaches: circle.coaches,
      programmeName: circle.programmeName,
      meetingsVersion,
    },
    descriptionHtml: renderMarkdown(circle.description),
    houseRulesHtml: renderMarkdown(circle.houseRules),
    members: listMembers(circle.id),
    // What keeps the circle going between meetings: when we meet next and what I said I would do.
    next: user ? nextMeeting(circle.id, user.id) : null,
    myActions: user ? myOpenActions(user.id, { circleId: circle.id }) : [],
    summary: latestSummary(circle.id),
    polls: user ? openPolls(circle.id, user.id) : [],
    may: {
      manage: can(user, "circle.manage_members", resource),
      edit: can(user, "circle.edit", resource),
      leave: can(user, "circle.leave", resource),
    },
  });
}

export default function CircleHome() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, descriptionHtml, houseRulesHtml, members, may, next, myActions, summary, polls } =
    useLoaderData<typeof loader>();
  // In the circle's room, so its meeting and poll events reach this tab.
  useCircleRoom(circle.id, circle.meetingsVersion);
  useRevalidateOn(["notifications.changed", "circle.meetings"]);
  return (
    <div className="page">
      <PageHeader
        title={circle.name}
        intro={`${label(themes, circle.theme, locale)} · ${circle.programmeName}`}
        actions={
          <>
            {may.manage ? (
              <Link to="../members" relative="path" className="button button-primary">
                {t("circle.manageMembers")}
              </Link>
            ) : null}
            {may.edit ? (
              <Link to="../edit" relative="path" className="button button-secondary">
                {t("common.edit")}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="layout-2">
        <div className="stack">
          <section className="card stack" aria-labelledby="about-title">
            <h2 id="about-title">{t("circle.about")}</h2>
            {/* Sanitised on the server by renderMarkdown. */}
            <div className="prose" dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
            <p className="muted">
              <span className={`badge status-${circle.status}`}>
                {t(`circleStatus.${circle.status}`)}
              </span>{" "}
              {circle.timeCommitment}
            </p>
          </section>
          <section className="card stack" aria-labelledby="threads-title">
            <h2 id="threads-title">{t("circle.threadsTitle")}</h2>
            <p className="muted">{t("circle.threadsIntro")}</p>
            <p>
              <Link to={`/circles/${circle.id}/threads`} className="button button-secondary">
                {t("circle.toThreads")}
              </Link>
            </p>
          </section>
          <section
            className="card stack"
            aria-labelledby="meetings-title"
            data-testid="next-meeting"
          >
            <h2 id="meetings-title">{t("circle.meetingsTitle")}</h2>
            {next ? (
              <div className="stack">
                <p className="muted">{t("circle.nextMeeting")}</p>
                <p>
                  <Link to={`/circles/${circle.id}/meetings/${next.id}`}>
                    <strong>{next.title}</strong>
                  </Link>
                </p>
                <p>
                  <MeetingWhen startsAt={next.startsAt} endsAt={next.endsAt} />
                </p>
                {may.manage ? null : (
                  <p>
                    {t("circle.yourAnswer")} <RsvpBadge state={next.myState} />
                  </p>
                )}
              </div>
            ) : (
              <p className="muted">{t("circle.noNextMeeting")}</p>
            )}
            <OpenPolls
              polls={polls}
              circleId={circle.id}
              coach={may.manage}
              heading={t("circle.openPolls")}
              headingLevel={3}
            />
            <p>
              <Link to={`/circles/${circle.id}/meetings`} className="button button-secondary">
                {t("circle.allMeetings")}
              </Link>
            </p>
          </section>
          {myActions.length > 0 ? <MyActions items={myActions} showCircle={false} /> : null}
          <MeetingSummary data={summary} circleId={circle.id} />
          <section className="card stack" aria-labelledby="rules-title">
            <h2 id="rules-title">{t("circle.houseRules")}</h2>
            <div className="prose" dangerouslySetInnerHTML={{ __html: houseRulesHtml }} />
          </section>
        </div>
        <aside className="stack">
          <section className="card stack" aria-labelledby="coach-title">
            <h2 id="coach-title">{t("circle.coaches")}</h2>
            <ul className="plain-list">
              {circle.coaches.map((c) => (
                <li key={c.id}>{c.name}</li>
              ))}
            </ul>
          </section>
          <section className="card stack" aria-labelledby="members-title">
            <h2 id="members-title">{t("circle.membersTitle", { count: members.length })}</h2>
            <ul className="member-list" data-testid="member-list">
              {members.map((m) => (
                <li key={m.userId}>
                  <strong>{m.name}</strong>
                  {m.organiser ? <OrganiserBadge /> : null}
                  {m.companyRole ? (
                    <span className="muted"> · {label(companyRoles, m.companyRole, locale)}</span>
                  ) : null}
                  <br />
                  <span>{m.company ?? "—"}</span>
                  <br />
                  <span className="muted">
                    {[
                      label(sectors, m.sector, locale),
                      m.sizeClass ? label(sizeClasses, m.sizeClass, locale) : "",
                      label(lifePhases, m.lifePhase, locale),
                      label(provinces, m.province, locale),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          {may.leave ? (
            <p>
              <Link to={`/circles/${circle.id}`}>{t("circle.leaveLink")}</Link>
            </p>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
