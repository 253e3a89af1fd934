/**
 * The date poll's form schemas. Server only (D32). A slot is a day with a start and an end time,
 * entered as wall-clock time in Amsterdam like a meeting. The page shows a few empty rows; a row
 * left wholly empty is skipped, a row half filled is an error next to its field, so the indexes
 * of the errors always match the rows on the page.
 */
import { z } from "zod";
import { fromAmsterdam, inPlanningRange, isDate, isTime } from "~/domain/meeting-time";
import { POLL_SLOTS_MAX, POLL_SLOTS_MIN, type PollInput } from "~/models/polls.server";
import { idField, optionalText, requiredText } from "~/utils/validation";

export const POLL_TITLE_MAX = 120;
export const POLL_NOTE_MAX = 1000;
/** Rows the page can hold: the maximum, so an extra empty row never makes a valid poll fail. */
export const POLL_ROWS_MAX = POLL_SLOTS_MAX + 5;

/** Removes the fields of rows at or past `max` (only a forged form has them); true if any. */
export function dropRowsBeyond(formData: FormData, max: number): boolean {
  const beyond = [...formData.keys()].filter((name) => {
    const index = /^slots\[(\d+)\]/.exec(name)?.[1];
    return index !== undefined && Number(index) >= max;
  });
  for (const name of new Set(beyond)) formData.delete(name);
  return beyond.length > 0;
}

const part = z.string({ error: "validation.invalid" }).trim().optional();
const slotRow = z.object({ date: part, startTime: part, endTime: part }).optional();

type Row = z.output<typeof slotRow>;

export type ParsedSlot = { startsAt: Date; endsAt: Date };

/** The filled rows as instants; only called on rows that passed the checks below. */
export function filledRows(rows: Row[] | undefined): ParsedSlot[] {
  return (rows ?? [])
    .filter((r) => r && (r.date || r.startTime || r.endTime))
    .map((r) => ({
      startsAt: fromAmsterdam(r!.date!, r!.startTime!)!,
      endsAt: fromAmsterdam(r!.date!, r!.endTime!)!,
    }));
}

function checkSlots(rows: Row[] | undefined, ctx: z.RefinementCtx, now = new Date()) {
  const seen = new Set<number>();
  let filled = 0;
  (rows ?? []).forEach((row, i) => {
    if (!row || !(row.date || row.startTime || row.endTime)) return;
    filled += 1;
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: "custom", path: ["slots", i, field], message });
    if (!row.date) issue("date", "validation.required");
    else if (!isDate(row.date)) issue("date", "validation.date");
    if (!row.startTime) issue("startTime", "validation.required");
    else if (!isTime(row.startTime)) issue("startTime", "meeting.error.time");
    if (!row.endTime) issue("endTime", "validation.required");
    else if (!isTime(row.endTime)) issue("endTime", "meeting.error.time");
    if (!row.date || !isDate(row.date) || !row.startTime || !isTime(row.startTime)) return;
    const startsAt = fromAmsterdam(row.date, row.startTime);
    if (!startsAt) return issue("startTime", "meeting.error.noSuchTime");
    if (startsAt <= now) issue("date", "poll.error.past");
    else if (!inPlanningRange(startsAt, now)) issue("date", "meeting.error.dateRange");
    if (row.endTime && isTime(row.endTime)) {
      const endsAt = fromAmsterdam(row.date, row.endTime);
      if (!endsAt) issue("endTime", "meeting.error.noSuchTime");
      else if (endsAt <= startsAt) issue("endTime", "meeting.error.endBeforeStart");
    }
    if (seen.has(startsAt.getTime())) issue("date", "poll.error.duplicate");
    seen.add(startsAt.getTime());
  });
  if (filled < POLL_SLOTS_MIN)
    ctx.addIssue({
      code: "custom",
      path: ["slots"],
      message: `poll.error.tooFew|${POLL_SLOTS_MIN}`,
    });
  if (filled > POLL_SLOTS_MAX)
    ctx.addIssue({
      code: "custom",
      path: ["slots"],
      message: `poll.error.tooMany|${POLL_SLOTS_MAX}`,
    });
}

export const PollSchema = z
  .object({
    title: requiredText(POLL_TITLE_MAX),
    note: optionalText(POLL_NOTE_MAX),
    slots: z.array(slotRow, { error: "validation.invalid" }).max(POLL_ROWS_MAX).optional(),
  })
  .superRefine((v, ctx) => checkSlots(v.slots, ctx));

export function toPollInput(value: z.output<typeof PollSchema>): PollInput {
  return { title: value.title, note: value.note ?? "", slots: filledRows(value.slots) };
}

/** Picking a slot goes through the meeting form, which carries the poll and the slot along. */
export const DecideFieldsSchema = z.object({ pollId: idField, slotId: idField });
