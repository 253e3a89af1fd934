// Apart from validation.ts, so components that show messages (forms.tsx, used by pages without
// a schema too) do not pull zod into those pages' scripts.

/** "key|value" → the key and its single interpolation value (a length or a count). */
export function splitMessage(message: string): { key: string; count?: number } {
  const [key = message, value] = message.split("|");
  return value === undefined ? { key } : { key, count: Number(value) };
}
