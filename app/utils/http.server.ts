import { json } from "@remix-run/node";

/** Thrown by guards; the error boundary renders a friendly page for each status. */
export function forbidden(): never {
  throw json({ status: 403 }, { status: 403 });
}

export function notFound(): never {
  throw json({ status: 404 }, { status: 404 });
}

/** Only same-site relative paths, so `redirectTo` cannot send anyone elsewhere. */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/dashboard",
) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\"))
    return fallback;
  return to;
}

/** A route param as a positive id, or a 404. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
