const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Paths authenticated by a signed token in the URL rather than the session cookie: mail clients
 * post to the one-click unsubscribe link from their own servers (RFC 8058).
 */
const TOKEN_PATHS = ["/unsubscribe"];

type RequestLike = {
  method: string;
  host: string;
  path?: string;
  headers: Record<string, string | string[] | undefined>;
};

function header(headers: RequestLike["headers"], name: string) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * CSRF defence for every state-changing request: the browser must say it comes from this site,
 * through `Sec-Fetch-Site` (modern browsers) or else an `Origin` whose host is ours. A request
 * that says neither is refused too, since every browser we support sends one of them.
 */
export function isSameOriginRequest(req: RequestLike): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return true;
  if (req.path && TOKEN_PATHS.includes(req.path)) return true;
  const site = header(req.headers, "sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = header(req.headers, "origin");
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}
