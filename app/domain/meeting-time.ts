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

/** Year, month (1-12) and day of a YYYY-MM-DD string, or null. */
function dateParts(value: string): [number, number, number] | null {
  const m = DATE.exec(value);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function isDate(value: string): boolean {
  const parts = dateParts(value);
  if (!parts) return false;
  const [y, m, d] = parts;
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
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
  const parts = dateParts(date);
  const clock = TIME.exec(time);
  if (!parts || !clock || !isDate(date)) return null;
  const [y, mo, d] = parts;
  const asUtc = Date.UTC(y, mo - 1, d, Number(clock[1]), Number(clock[2]));
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
  const parts = dateParts(date);
  if (!parts) throw new Error(`Not a date: ${date}`);
  const [y, m, d] = parts;
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Today's date in Amsterdam. */
export function amsterdamToday(now: Date = new Date()): string {
  return toAmsterdam(now).date;
}

const DAY_MS = 86_400_000;

/**
 * Whether a meeting may start at this moment as far as the forms go: at most a year back (a
 * meeting recorded afterwards) and five years ahead. Anything further is a typo (2207 for
 * 2027), which would otherwise be announced to the whole circle.
 */
export function inPlanningRange(startsAt: Date, now: Date = new Date()): boolean {
  const t = startsAt.getTime();
  return t >= now.getTime() - 366 * DAY_MS && t <= now.getTime() + 5 * 366 * DAY_MS;
}
