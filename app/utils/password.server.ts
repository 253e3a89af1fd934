import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// OWASP's recommended argon2id parameters (19 MiB, 2 iterations, 1 lane); argon2id is the default.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random string, so that logging in with an unknown e-mail costs the same time.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await dummyHash, password);
}

// zxcvbn's list of ~49,000 leaked passwords, plus Dutch ones it misses.
const DUTCH_COMMON = [
  "wachtwoord",
  "wachtwoord1",
  "wachtwoord123",
  "welkom123",
  "welkomwelkom",
  "kringwijs123",
  "ondernemer1",
];
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set([...(dictionary["passwords-common"] as string[]), ...DUTCH_COMMON]);
  const lower = password.toLowerCase();
  return common.has(lower) || /^(.)\1+$/.test(password) || isSequence(lower);
}

function isSequence(value: string) {
  const rows = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];
  return rows.some(
    (row) => row.includes(value) || row.split("").reverse().join("").includes(value),
  );
}
