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
