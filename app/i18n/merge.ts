/** A deep merge of message trees: the meeting pages' messages into the core ones. */
export function mergeMessages<A extends object, B extends object>(core: A, part: B): A & B {
  const out: Record<string, unknown> = { ...(core as Record<string, unknown>) };
  for (const [key, value] of Object.entries(part)) {
    const existing = out[key];
    out[key] =
      existing && typeof existing === "object" && value && typeof value === "object"
        ? mergeMessages(existing as object, value as object)
        : value;
  }
  return out as A & B;
}
