import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { z } from "zod";
import { getEnv } from "./env.server";

/** A flash message: an i18n key and its values, translated when it is shown. */
const ToastSchema = z.object({
  kind: z.enum(["success", "info", "error"]).default("success"),
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Toast = z.infer<typeof ToastSchema>;

const storage = createCookieSessionStorage({
  cookie: {
    name: "kw_toast",
    sameSite: "lax",
    path: "/",
    httpOnly: true,
    secrets: [getEnv().SESSION_SECRET],
    secure: getEnv().NODE_ENV === "production",
  },
});

export async function createToastHeaders(toast: z.input<typeof ToastSchema>) {
  const session = await storage.getSession();
  session.flash("toast", ToastSchema.parse(toast));
  return new Headers({ "Set-Cookie": await storage.commitSession(session) });
}

export async function redirectWithToast(
  url: string,
  toast: z.input<typeof ToastSchema>,
  init?: ResponseInit,
) {
  const headers = new Headers(init?.headers);
  for (const [k, v] of await createToastHeaders(toast)) headers.append(k, v);
  return redirect(url, { ...init, headers });
}

export async function getToast(
  request: Request,
): Promise<{ toast: Toast | null; headers: Headers | null }> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  // Check before reading: reading a flash value removes it from the session.
  if (!session.has("toast")) return { toast: null, headers: null };
  const parsed = ToastSchema.safeParse(session.get("toast"));
  return {
    toast: parsed.success ? parsed.data : null,
    headers: new Headers({ "Set-Cookie": await storage.destroySession(session) }),
  };
}

export function combineHeaders(...sources: Array<Headers | HeadersInit | null | undefined>) {
  const out = new Headers();
  for (const source of sources) {
    if (!source) continue;
    for (const [k, v] of new Headers(source)) out.append(k, v);
  }
  return out;
}
