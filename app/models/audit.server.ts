import { auditEvents } from "../../db/schema";
import { getDb, type DB } from "../utils/db.server";

export type AuditInput = {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: number | null;
  details?: Record<string, unknown>;
};

type Tx = Pick<DB, "insert">;

/** Pass the transaction of the change being audited, so both land or neither does. */
export function recordAudit(event: AuditInput, tx: Tx = getDb()) {
  tx.insert(auditEvents).values(event).run();
}
