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

const MENTION_TOKEN = (index: number) => `\u0001mention${index}\u0001`;
// eslint-disable-next-line no-control-regex -- the token is made of a control character on purpose
const MENTION_TOKEN_PATTERN = /\u0001mention(\d+)\u0001/g;

function escapeHtml(text: string) {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * A discussion post: Markdown through the same renderer and sanitiser, with `@[Name]` of the
 * circle's people turned into a mention. Mentions become opaque tokens before Markdown runs and
 * are put back after sanitising, as markup built here from escaped names: nothing the author
 * typed reaches the page unsanitised. Control characters the author typed are dropped first, so
 * nobody can forge a token.
 */
export function renderPostMarkdown(
  source: string,
  mentioned: readonly { id: number; name: string }[],
): string {
  // eslint-disable-next-line no-control-regex
  let prepared = source.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
  const byName = new Map(mentioned.map((p, i) => [p.name.toLocaleLowerCase("nl"), i]));
  prepared = prepared.replace(/@\[([^\]\n]{1,100})\]/g, (whole, name: string) => {
    const index = byName.get(name.trim().toLocaleLowerCase("nl"));
    return index === undefined ? whole : MENTION_TOKEN(index);
  });
  return renderMarkdown(prepared).replace(MENTION_TOKEN_PATTERN, (_token, index: string) => {
    const person = mentioned[Number(index)];
    return person
      ? `<span class="mention" data-user-id="${person.id}">@${escapeHtml(person.name)}</span>`
      : "";
  });
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&nbsp;": " ",
};

/** The words of sanitised HTML, for the search index (never shown as HTML). */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

function decodeEntities(text: string) {
  return text.replace(
    /&(?:amp|lt|gt|quot|#39|nbsp|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g,
    (entity, dec, hex) => {
      if (dec || hex) {
        const code = dec ? Number(dec) : parseInt(hex as string, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      }
      return ENTITIES[entity] ?? entity;
    },
  );
}

/**
 * Markdown as plain text with its lines kept (a calendar's DESCRIPTION shows no HTML): rendered
 * and sanitised like everywhere, then paragraphs and list items become lines, list items get a
 * dash, and a link keeps its address after its words.
 */
export function markdownToText(source: string): string {
  // The HTML's own line breaks mean nothing (breaks became <br>), except inside code blocks.
  const html = renderMarkdown(source)
    .split(/(<pre>[\s\S]*?<\/pre>)/)
    .map((part) => (part.startsWith("<pre>") ? part : part.replace(/\n/g, "")))
    .join("");
  return decodeEntities(
    html
      .replace(
        /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
        (_whole, href: string, inner: string) => {
          const words = inner.replace(/<[^>]*>/g, "");
          return decodeEntities(words) === decodeEntities(href) ? words : `${words} (${href})`;
        },
      )
      .replace(/<ol[^>]*>([\s\S]*?)<\/ol>/gi, (_whole, items: string) => {
        let n = 0;
        return `${items.replace(/<li[^>]*>/gi, () => `${(n += 1)}. `)}\n`;
      })
      .replace(/<li[^>]*>/gi, "- ")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<hr\s*\/?>/gi, "\n---\n")
      .replace(/<\/(p|li|h3|h4|blockquote|pre|ul)>/gi, "\n")
      .replace(/<[^>]*>/g, ""),
  )
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
