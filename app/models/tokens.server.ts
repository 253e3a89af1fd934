import { and, eq, gt, isNull } from "drizzle-orm";
import { userTokens } from "../../db/schema";
import type { TokenPurpose } from "../domain/states";
import { generateSecureRandomString, hashSecret } from "../utils/crypto.server";
import { getDb, type DB } from "../utils/db.server";

type Tx = Pick<DB, "insert" | "update">;

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

/** Issues a single-use token; earlier unused tokens for the same purpose stop working. */
export function issueUserToken({
  userId,
  purpose,
  now = new Date(),
  tx: outer,
}: {
  userId: number;
  purpose: TokenPurpose;
  now?: Date;
  /** The caller's transaction, so the token commits (or not) with the mail that carries it. */
  tx?: Tx;
}): string {
  const token = generateSecureRandomString(24);
  const run = (tx: Tx) => {
    tx.update(userTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(userTokens.userId, userId),
          eq(userTokens.purpose, purpose),
          isNull(userTokens.usedAt),
        ),
      )
      .run();
    tx.insert(userTokens)
      .values({
        userId,
        purpose,
        tokenHash: hashSecret(token),
        expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
      })
      .run();
  };
  // Inside the caller's transaction when given (so the token and its mail land together).
  if (outer) run(outer);
  else getDb().transaction(run);
  return token;
}

function validTokenWhere(token: string, purpose: TokenPurpose, now: Date) {
  return and(
    eq(userTokens.tokenHash, hashSecret(token)),
    eq(userTokens.purpose, purpose),
    isNull(userTokens.usedAt),
    gt(userTokens.expiresAt, now),
  );
}

/** The user a token belongs to, if it is still valid, without using it up. */
export function peekUserToken(
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
): number | null {
  const row = getDb()
    .select({ userId: userTokens.userId })
    .from(userTokens)
    .where(validTokenWhere(token, purpose, now))
    .get();
  return row?.userId ?? null;
}

/** Uses a token up; returns its user, or null when it is unknown, used or expired. */
export function consumeUserToken(
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
): number | null {
  const row = getDb()
    .update(userTokens)
    .set({ usedAt: now })
    .where(validTokenWhere(token, purpose, now))
    .returning({ userId: userTokens.userId })
    .get();
  return row?.userId ?? null;
}
