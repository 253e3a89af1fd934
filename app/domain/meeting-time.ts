/**
 * Meetings are stored as UTC instants and entered and shown as wall-clock time in Amsterdam.
 * Converting a wall-clock time needs the offset *at that moment* (+01:00 in winter, +02:00 in
 * summer), so a 19:00 meeting stays 19:00 on both sides of a daylight-saving change.
 */
export const MEETING_TIME_ZONE = "Europe/Amsterdam";

const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: MEETING_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export type WallClock = { date: string; time: string };

/** The Amsterdam date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function toAmsterdam(instant: Date | number): WallClock {
  const parts = PARTS.formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    time: `${get("hour")}:${get("minute")}`,
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/**
 * The UTC instant of a wall-clock time in Amsterdam, or null when that time does not exist
 * (the hour skipped when summer time starts). In the hour that happens twice when summer time
 * ends, the first (summer-time) one is meant.
 */
export function fromAmsterdam(date: string, time: string): Date | null {
  if (!isDate(date) || !isTime(time)) return null;
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Amsterdam is UTC+1 or UTC+2: try summer time first, so an ambiguous time takes the earlier.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const shown = toAmsterdam(candidate);
    if (shown.date === date && shown.time === time) return candidate;
  }
  return null;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Today's date in Amsterdam. */
export function amsterdamToday(now: Date = new Date()): string {
  return toAmsterdam(now).date;
}
