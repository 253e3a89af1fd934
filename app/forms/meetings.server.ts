/**
 * The meeting pages' form schemas. Server only (D32). Times are entered as wall-clock time in
 * Amsterdam and turned into UTC instants here, so an hour that does not exist (the one skipped
 * when summer time starts) or an end before the start is an error next to the field.
 */
import { z } from "zod";
import { fromAmsterdam, inPlanningRange, isDate, isTime } from "~/domain/meeting-time";
import { locationKinds, rsvpAnswers } from "~/domain/states";
import type { MeetingInput } from "~/models/meetings.server";
import {
  choice,
  emailField,
  idField,
  optionalText,
  requiredText,
  wholeNumber,
} from "~/utils/validation";

export const MEETING_TITLE_MAX = 120;
export const AGENDA_MAX = 10_000;
export const ADDRESS_MAX = 300;
export const MESSAGE_MAX = 1000;
/** A meeting of more than this many days is a typo, not a meeting. */
const MAX_DAYS = 7;

const date = z
  .string({ error: (i) => (i.input === undefined ? "validation.required" : "validation.date") })
  .refine(isDate, "validation.date");
const time = z
  .string({ error: (i) => (i.input === undefined ? "validation.required" : "meeting.error.time") })
  .refine(isTime, "meeting.error.time");

const videoUrl = z
  .string({ error: "validation.invalid" })
  .trim()
  .max(500, { message: "validation.tooLong|500" })
  .optional();

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".");
  } catch {
    return false;
  }
}

const meetingShape = {
  title: requiredText(MEETING_TITLE_MAX),
  date,
  /** A two-day meeting ends on another day; left empty it ends on the day it starts. */
  endDate: date.optional(),
  startTime: time,
  endTime: time,
  locationKind: choice(locationKinds),
  address: optionalText(ADDRESS_MAX),
  hostUserId: idField.optional(),
  videoUrl,
  agenda: optionalText(AGENDA_MAX),
  capacity: wholeNumber({ min: 1, max: 500 }).optional(),
};

type MeetingFields = {
  title: string;
  date: string;
  endDate?: string;
  startTime: string;
  endTime: string;
  locationKind: MeetingInput["locationKind"];
  address: string | null;
  hostUserId?: number;
  videoUrl?: string;
  agenda: string | null;
  capacity?: number;
};

/** The checks that need more than one field: the times in Amsterdam, and the chosen location. */
function checkMeeting(v: MeetingFields, ctx: z.RefinementCtx) {
  // Only times that are well-formed get here with a message of their own (no double errors).
  const wellFormed = (d: unknown, t: unknown) =>
    typeof d === "string" && isDate(d) && typeof t === "string" && isTime(t);
  const endDate = v.endDate ?? v.date;
  const startsAt = wellFormed(v.date, v.startTime) ? fromAmsterdam(v.date, v.startTime) : null;
  if (wellFormed(v.date, v.startTime) && !startsAt)
    ctx.addIssue({ code: "custom", path: ["startTime"], message: "meeting.error.noSuchTime" });
  if (startsAt && !inPlanningRange(startsAt))
    ctx.addIssue({ code: "custom", path: ["date"], message: "meeting.error.dateRange" });
  const endsAt = wellFormed(endDate, v.endTime) ? fromAmsterdam(endDate, v.endTime) : null;
  if (wellFormed(endDate, v.endTime) && !endsAt)
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "meeting.error.noSuchTime" });
  if (startsAt && endsAt && endsAt <= startsAt)
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "meeting.error.endBeforeStart" });
  if (startsAt && endsAt && endsAt.getTime() - startsAt.getTime() > MAX_DAYS * 86_400_000)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "meeting.error.tooLong" });
  if (v.locationKind === "address" && !v.address)
    ctx.addIssue({ code: "custom", path: ["address"], message: "validation.required" });
  if (v.locationKind === "company" && !v.hostUserId)
    ctx.addIssue({ code: "custom", path: ["hostUserId"], message: "meeting.error.chooseHost" });
  if (v.locationKind === "video" && !v.videoUrl)
    ctx.addIssue({ code: "custom", path: ["videoUrl"], message: "validation.required" });
  else if (v.locationKind === "video" && !isHttpsUrl(v.videoUrl ?? ""))
    ctx.addIssue({ code: "custom", path: ["videoUrl"], message: "meeting.error.videoUrl" });
}

export const MeetingSchema = z.object(meetingShape).superRefine(checkMeeting);

export type MeetingValue = z.output<typeof MeetingSchema>;

/**
 * The parsed form as the model's input. A company visit's address is the one typed, else the
 * host company's municipality when the data has it (the only address a company profile holds).
 */
export function toMeetingInput(
  value: MeetingValue,
  host?: { municipality: string | null } | null,
): MeetingInput {
  // The schema's checks guarantee both instants exist.
  const startsAt = fromAmsterdam(value.date, value.startTime)!;
  const endsAt = fromAmsterdam(value.endDate ?? value.date, value.endTime)!;
  const address =
    value.locationKind === "company"
      ? (value.address ?? host?.municipality ?? "")
      : (value.address ?? "");
  return {
    title: value.title,
    startsAt,
    endsAt,
    locationKind: value.locationKind,
    address,
    hostUserId: value.locationKind === "company" ? (value.hostUserId ?? null) : null,
    videoUrl: value.locationKind === "video" ? (value.videoUrl ?? "") : "",
    agenda: value.agenda ?? "",
    capacity: value.capacity ?? null,
  };
}

const message = optionalText(MESSAGE_MAX);

/** The edit page: save the changes (a move when time or place changed) or cancel the meeting. */
export const EditMeetingSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("save"), ...meetingShape, message }).superRefine(checkMeeting),
    z.object({
      intent: z.literal("cancel"),
      message,
      // The confirm step: the coach ticks that everyone who answered will be told.
      confirm: z.literal("on", { error: "meeting.error.confirmCancel" }),
    }),
  ],
  { error: "validation.invalid" },
);

/** The meeting page: answer, and for the coach invite or remove a guest. */
export const MeetingPageSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("rsvp"), answer: choice(rsvpAnswers) }),
    z.object({ intent: z.literal("invite"), email: emailField }),
    z.object({ intent: z.literal("removeGuest"), userId: idField }),
  ],
  { error: "validation.invalid" },
);
