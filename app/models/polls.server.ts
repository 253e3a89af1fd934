/**
 * Date polls (datumprikker). Written in the polls part of the meetings issue.
 */
import type { Tx } from "./jobs.server";

/** The poll's one reminder to members who have not answered yet. */
export function remindPollNonResponders(tx: Tx, pollId: number, now: Date): number[] {
  void tx;
  void pollId;
  void now;
  return [];
}
