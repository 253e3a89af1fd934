import { Link } from "@remix-run/react";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

export type SummaryData = {
  meetingId: number;
  title: string;
  startsAt: string | Date;
  updatedAt: string | Date | null;
  /** Sanitised HTML from renderMarkdown (latestSummary does this). */
  html: string;
};

/**
 * A meeting's summary, for the circle home (`latestSummary(circle.id)`) or the meeting page.
 * `circleId` adds a link to the meeting.
 */
export function MeetingSummary({
  data,
  circleId,
  emptyText = false,
}: {
  data: SummaryData | null;
  circleId?: number;
  emptyText?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!data) return emptyText ? <p className="muted">{t("followUp.summary.none")}</p> : null;
  return (
    <section className="card stack meeting-summary" aria-labelledby={`summary-${data.meetingId}`}>
      <h2 id={`summary-${data.meetingId}`}>
        {circleId ? (
          <Link to={`/circles/${circleId}/meetings/${data.meetingId}`}>
            {t("followUp.summary.title", { title: data.title })}
          </Link>
        ) : (
          t("followUp.summary.title", { title: data.title })
        )}
      </h2>
      <p className="muted">
        {formatDateTime(data.startsAt, locale, { weekday: "long", day: "numeric", month: "long" })}
      </p>
      <div className="prose" dangerouslySetInnerHTML={{ __html: data.html }} />
    </section>
  );
}
