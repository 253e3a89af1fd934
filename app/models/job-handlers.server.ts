/**
 * What each kind of scheduled job does. Kept apart from jobs.server.ts so the models that
 * schedule jobs do not import each other through it.
 */
import type { JobKind } from "../domain/states";
import type { JobHandler } from "./jobs.server";
import { runDueJobs } from "./jobs.server";
import { askForFeedback, sendEarlyMeetingReminder, sendMeetingReminder } from "./meetings.server";
import { remindPollNonResponders } from "./polls.server";

export const jobHandlers: Record<JobKind, JobHandler> = {
  "meeting.reminder_48h": sendEarlyMeetingReminder,
  "meeting.reminder_2h": sendMeetingReminder,
  "meeting.feedback": askForFeedback,
  "poll.reminder": remindPollNonResponders,
};

/** Runs the jobs due at `now` (the worker calls this each tick; tests pass a simulated clock). */
export function runScheduledJobs(now: Date = new Date(), limit?: number): number[] {
  return runDueJobs(jobHandlers, now, limit);
}
