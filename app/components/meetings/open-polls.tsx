import { Link } from "@remix-run/react";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

/** An open poll as `openPolls` gives it (dates as strings after serialisation). */
export type OpenPollData = {
  id: number;
  title: string;
  slotCount: number;
  firstStartsAt: string;
  lastStartsAt: string;
  answered: number;
  mine: boolean;
};

/**
 * The circle's open date polls: for a member whether they have voted, for the coach how many
 * have. Nothing when there are none.
 */
export function OpenPolls({
  polls,
  circleId,
  coach,
  heading,
  headingLevel = 2,
}: {
  polls: OpenPollData[];
  circleId: number;
  coach: boolean;
  heading: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (polls.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const day = (iso: string) => formatDateTime(iso, locale, { day: "numeric", month: "long" });
  return (
    <section
      className="open-polls stack"
      aria-labelledby={`open-polls-${circleId}`}
      data-testid="open-polls"
    >
      <Heading id={`open-polls-${circleId}`}>{heading}</Heading>
      <ul className="plain-list stack">
        {polls.map((poll) => (
          <li key={poll.id} className="open-poll">
            <Link to={`/circles/${circleId}/polls/${poll.id}`}>
              <strong>{poll.title}</strong>
            </Link>
            <span className="muted small">
              {" "}
              · {t("poll.slots", { count: poll.slotCount })} · {day(poll.firstStartsAt)}
              {poll.firstStartsAt === poll.lastStartsAt ? null : ` – ${day(poll.lastStartsAt)}`}
            </span>{" "}
            {coach ? (
              <span className="badge">{t("poll.answeredShort", { count: poll.answered })}</span>
            ) : (
              <span className={`badge${poll.mine ? " badge-ok" : " badge-warn"}`}>
                {t(poll.mine ? "circle.pollAnswered" : "circle.pollNotAnswered")}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
