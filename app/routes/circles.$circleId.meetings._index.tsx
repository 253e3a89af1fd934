import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useCircleRoom } from "~/components/circle-live";
import { useRevalidateOn } from "~/components/live";
import { LocationKindLabel, MeetingWhen, RsvpBadge } from "~/components/meetings";
import { OpenPolls } from "~/components/meetings/open-polls";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { pastMeetings, upcomingMeetings, type MeetingSummary } from "~/models/meetings.server";
import { openPolls } from "~/models/polls.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meeting.listTitle");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
export const handle = { messages: ["meetings"] };
export const clientLoader = withMessages("meetings");

/**
 * The circle's meetings, for its members and coaches. Guests are not members: they reach only
 * their own meeting's page, never this list (circle.view_private, house rules included).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, circle, resource } = await requireCircle(
    request,
    params.circleId,
    "circle.view_private",
  );
  // Before the data: see useCircleRoom.
  const meetingsVersion = context.publisher.meetingsVersion(circle.id);
  const now = new Date();
  return json({
    circle: { id: circle.id, name: circle.name, meetingsVersion },
    upcoming: upcomingMeetings(circle.id, user!.id, now),
    past: pastMeetings(circle.id, user!.id, now),
    polls: openPolls(circle.id, user!.id),
    may: { manage: can(user, "meeting.manage", resource) },
  });
}

type Row = Omit<MeetingSummary, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string };

function MeetingRow({ meeting, past }: { meeting: Row; past?: boolean }) {
  const { t } = useTranslation();
  const cancelled = meeting.status === "cancelled";
  return (
    <li className={`meeting-row${cancelled ? " meeting-row-cancelled" : ""}`}>
      <div className="meeting-row-main">
        <Link to={`${meeting.id}`} className="meeting-row-title">
          {meeting.title}
        </Link>
        {cancelled ? <span className="badge badge-warn">{t("meeting.cancelledBadge")}</span> : null}
      </div>
      <p className="muted small">
        <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} /> ·{" "}
        <LocationKindLabel kind={meeting.locationKind} />
        {/* A cancelled meeting shows no seats (not "2 of 2" as if it were full). */}
        {cancelled ? null : (
          <>
            {" · "}
            {meeting.capacity === null
              ? t("meeting.goingCount", { count: meeting.going })
              : t("meeting.seatsTaken", { going: meeting.going, capacity: meeting.capacity })}
          </>
        )}
      </p>
      {!past && !cancelled ? (
        <p className="small">
          {t("meeting.yourAnswer")} <RsvpBadge state={meeting.myState} />
        </p>
      ) : null}
    </li>
  );
}

export default function Meetings() {
  const { t } = useTranslation();
  const { circle, upcoming, past, polls, may } = useLoaderData<typeof loader>();
  // In the circle's room, so its meeting and poll events reach this tab.
  useCircleRoom(circle.id, circle.meetingsVersion);
  useRevalidateOn(["circle.meetings"]);
  return (
    <div className="page">
      <PageHeader
        title={t("meeting.listTitle")}
        intro={circle.name}
        actions={
          may.manage ? (
            <>
              <Link to="new" className="button button-primary">
                {t("meeting.plan")}
              </Link>
              <Link to={`/circles/${circle.id}/polls/new`} className="button button-secondary">
                {t("meeting.newPoll")}
              </Link>
            </>
          ) : null
        }
      />

      {polls.length > 0 ? (
        <div className="card">
          <OpenPolls
            polls={polls}
            circleId={circle.id}
            coach={may.manage}
            heading={t("poll.openTitle")}
          />
        </div>
      ) : null}

      <section className="card stack" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("meeting.upcoming")}</h2>
        {upcoming.length === 0 ? (
          <p className="muted">{t("meeting.noUpcoming")}</p>
        ) : (
          <ul className="meeting-list plain-list" data-testid="upcoming-meetings">
            {upcoming.map((m) => (
              <MeetingRow key={m.id} meeting={m} />
            ))}
          </ul>
        )}
      </section>

      <p className="calendar-feed-link small">
        <Link to="/settings/calendar">{t("calendar.listLink")}</Link>
      </p>

      <section className="card stack" aria-labelledby="past-title">
        <h2 id="past-title">{t("meeting.past")}</h2>
        {past.length === 0 ? (
          <p className="muted">{t("meeting.noPast")}</p>
        ) : (
          <ul className="meeting-list plain-list" data-testid="past-meetings">
            {past.map((m) => (
              <MeetingRow key={m.id} meeting={m} past />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
