import { marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { appBaseUrl } from "./env.server";

/** How every link that leaves the site opens: a new tab with no handle on this window. */
const EXTERNAL_LINK = { rel: "noopener noreferrer nofollow", target: "_blank" } as const;

/** Whether a link stays on this site, read the way a browser reads it (leading spaces, tabs). */
function staysOnSite(href: string) {
  const base = new URL(appBaseUrl());
  try {
    return new URL(href, base).origin === base.origin;
  } catch {
    return false;
  }
}

const policy: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "del",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "code",
    "pre",
    "h3",
    "h4",
    "hr",
  ],
  allowedAttributes: { a: ["href", "title", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    h1: "h3",
    h2: "h3",
    // The author's rel and target never survive (whatever their case or spacing: the parser has
    // already lowercased them). A link to this site behaves like any other link in the app;
    // everything else, a link without a usable href included, gets the external policy.
    a: (tagName, { rel: _rel, target: _target, ...attribs }) => ({
      tagName,
      attribs:
        attribs.href !== undefined && staysOnSite(attribs.href)
          ? attribs
          : { ...attribs, ...EXTERNAL_LINK },
    }),
  },
};

/**
 * Markdown to safe HTML: marked renders, then sanitize-html keeps an allowlist of tags and
 * attributes (no raw HTML, no script, no javascript: or data: links). Every link gets the app's
 * own rel/target policy, whatever the author wrote. Always call this on the server, never trust
 * stored HTML.
 */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true }) as string;
  return sanitizeHtml(html, policy);
}
