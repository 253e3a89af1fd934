import type { LocationKind, RsvpState } from "~/domain/states";
import { toAmsterdam } from "~/domain/meeting-time";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

const DAY: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
};
const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };

/**
 * When a meeting is, in Amsterdam time and the viewer's language: "dinsdag 28 maart 2027,
 * 19:00–21:30", or both days for a meeting that ends on another day.
 */
export function MeetingWhen({
  startsAt,
  endsAt,
}: {
  startsAt: string | number | Date;
  endsAt: string | number | Date;
}) {
  const locale = useLocale();
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = toAmsterdam(start).date === toAmsterdam(end).date;
  const startText = `${formatDateTime(start, locale, DAY)}, ${formatDateTime(start, locale, CLOCK)}`;
  const endText = sameDay
    ? formatDateTime(end, locale, CLOCK)
    : `${formatDateTime(end, locale, DAY)}, ${formatDateTime(end, locale, CLOCK)}`;
  return (
    <span className="meeting-when" data-testid="meeting-when">
      <time dateTime={start.toISOString()}>{startText}</time>
      {sameDay ? "–" : " – "}
      <time dateTime={end.toISOString()}>{endText}</time>
    </span>
  );
}

/** "Op locatie", "Kijkje in de keuken" or "Online". */
export function LocationKindLabel({ kind }: { kind: LocationKind }) {
  const { t } = useTranslation();
  return <>{t(`meeting.kind.${kind}`)}</>;
}

/** The viewer's own answer as a short badge (nothing when they have not answered). */
export function RsvpBadge({ state }: { state: RsvpState | null }) {
  const { t } = useTranslation();
  if (!state) return <span className="badge">{t("meeting.state.none")}</span>;
  return (
    <span className={`badge ${state === "going" ? "badge-ok" : ""}`}>
      {t(`meeting.state.${state}`)}
    </span>
  );
}
