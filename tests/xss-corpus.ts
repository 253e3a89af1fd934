/**
 * Known cross-site scripting vectors for what people write in discussions (posts, quotes, edits,
 * mentions, titles), shared by the integration test that runs each through the model and the
 * Chromium test that posts a handful and watches for script. Every payload that would run calls
 * `alert(1)`; `withCanary()` swaps that for `top.__xss=1` so a browser test can also see script
 * that runs silently.
 *
 * `executableMarkup(html)` parses HTML with a real parser (htmlparser2, as the sanitiser does) and
 * lists what could run or load: forbidden elements, event-handler and style attributes, and URLs
 * with a scheme other than http(s) or mailto, or that leave the site through `//`.
 */
import { parseDocument } from "htmlparser2";

export type XssVector = { name: string; source: string };

/** Names of circle members the mention vectors use: they must exist for `@[...]` to resolve. */
export const XSS_MEMBER_NAMES = [
  "<img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)',
  "<script>alert(1)</script>",
] as const;

export const XSS_CORPUS: readonly XssVector[] = [
  // Script elements
  { name: "script tag", source: "<script>alert(1)</script>" },
  { name: "script tag, upper case, remote", source: "<SCRIPT SRC=//evil.example/x.js></SCRIPT>" },
  { name: "split script tag", source: "<scr<script>ipt>alert(1)</scr</script>ipt>" },
  {
    name: "script with a data: src",
    source: '<script/xss src="data:text/javascript,alert(1)"></script>',
  },
  { name: "attribute break-out", source: '"><script>alert(1)</script>' },
  { name: "textarea break-out", source: "</textarea><script>alert(1)</script>" },
  { name: "double opening bracket", source: "<<script>alert(1);//<</script>" },
  { name: "script in a paragraph", source: "Hallo\n\n<p><script>alert(1)</script></p>" },

  // Event handlers
  { name: "img onerror", source: "<img src=x onerror=alert(1)>" },
  { name: "img onerror, mixed case", source: "<img src=x oNeRrOr=alert(1)>" },
  { name: "img onerror, slashes", source: "<img/src=x/onerror=alert(1)>" },
  { name: "svg onload", source: "<svg onload=alert(1)>" },
  { name: "body onload", source: "<body onload=alert(1)>" },
  { name: "div onmouseover", source: '<div onmouseover="alert(1)">beweeg</div>' },
  { name: "link with onclick", source: '<a href="https://example.nl" onclick="alert(1)">klik</a>' },
  { name: "input onfocus", source: "<input autofocus onfocus=alert(1)>" },
  { name: "details ontoggle", source: "<details open ontoggle=alert(1)>" },
  { name: "video source onerror", source: "<video><source onerror=alert(1)></video>" },
  {
    name: "style with a script url",
    source: '<p style="background:url(javascript:alert(1))">stijl</p>',
  },
  { name: "handler with an escaped name", source: "<img src=x onerror=\\u0061lert(1)>" },

  // javascript: links in every spelling
  { name: "markdown javascript link", source: "[klik](javascript:alert(1))" },
  { name: "markdown javascript link, mixed case", source: "[klik](JaVaScRiPt:alert(1))" },
  { name: "markdown javascript link, leading spaces", source: "[klik](  javascript:alert(1))" },
  { name: "markdown javascript link, angle brackets", source: "[klik](<javascript:alert(1)>)" },
  { name: "markdown link, decimal entity", source: "[klik](&#106;avascript:alert(1))" },
  {
    name: "markdown link, hex entities",
    source: "[klik](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
  },
  { name: "markdown link, named colon entity", source: "[klik](javascript&colon;alert(1))" },
  { name: "markdown link, percent-encoded scheme", source: "[klik](%6A%61%76%61script:alert(1))" },
  { name: "markdown link, comment trick", source: "[klik](javascript://example.nl/%0Aalert(1))" },
  { name: "markdown reference link", source: "[klik][1]\n\n[1]: javascript:alert(1)" },
  { name: "markdown autolink", source: "<javascript:alert(1)>" },
  { name: "html javascript link", source: '<a href="javascript:alert(1)">klik</a>' },
  {
    name: "html javascript link, leading space",
    source: '<a href=" javascript:alert(1)">klik</a>',
  },
  { name: "html link, tab entity inside", source: '<a href="java&#x09;script:alert(1)">klik</a>' },
  {
    name: "html link, newline entity inside",
    source: '<a href="jav&#x0A;ascript:alert(1)">klik</a>',
  },
  {
    name: "html link, padded decimal entities",
    source:
      '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">klik</a>',
  },
  { name: "html link, zero-width space", source: '<a href="jav\u200bascript:alert(1)">klik</a>' },
  { name: "markdown link, null byte in scheme", source: "[klik](java\u0000script:alert(1))" },
  { name: "livescript link", source: '<a href="livescript:alert(1)">klik</a>' },

  // data: and vbscript: and other schemes
  {
    name: "markdown data: link",
    source: "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  },
  { name: "markdown DATA: link", source: "[klik](DATA:text/html,<script>alert(1)</script>)" },
  {
    name: "html data: link",
    source: '<a href="data:text/html,<script>alert(1)</script>">klik</a>',
  },
  {
    name: "markdown image, svg data: url",
    source: "![plaatje](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  },
  { name: "markdown vbscript link", source: "[klik](vbscript:msgbox(1))" },
  { name: "markdown VBScript link", source: "[klik](VBScript:msgbox(1))" },
  { name: "html vbscript link", source: '<a href="vbscript:msgbox(1)">klik</a>' },
  { name: "protocol-relative link", source: "[klik](//evil.example/pad)" },
  { name: "backslash link", source: "[klik](\\\\evil.example/pad)" },
  { name: "slash-backslash link", source: "[klik](/\\evil.example)" },
  { name: "file: link", source: "[klik](file:///etc/passwd)" },

  // SVG and MathML
  { name: "script inside svg", source: "<svg><script>alert(1)</script></svg>" },
  {
    name: "svg xlink:href",
    source: '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">klik</text></a></svg>',
  },
  {
    name: "mathml mutation",
    source: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  },
  { name: "svg style mutation", source: "<svg><style><img src=x onerror=alert(1)></style></svg>" },
  { name: "math href", source: '<math href="javascript:alert(1)">klik</math>' },

  // Frames, objects, forms and document-level elements
  { name: "iframe javascript src", source: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: "iframe srcdoc", source: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: "object data", source: '<object data="javascript:alert(1)"></object>' },
  { name: "embed svg", source: '<embed src="data:image/svg+xml,<svg onload=alert(1)>">' },
  {
    name: "form action",
    source: '<form action="javascript:alert(1)"><button>stuur</button></form>',
  },
  { name: "button formaction", source: '<button formaction="javascript:alert(1)">stuur</button>' },
  {
    name: "meta refresh",
    source: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  },
  { name: "base href", source: '<base href="javascript:alert(1)//">' },
  { name: "stylesheet link", source: '<link rel=stylesheet href="javascript:alert(1)">' },
  { name: "style import", source: "<style>@import 'javascript:alert(1)';</style>" },

  // Markdown link and image tricks
  { name: "image with an attribute break-out", source: '![x](x" onerror="alert(1))' },
  {
    name: "link title break-out",
    source: '[x](https://example.nl "titel\\" onmouseover=\\"alert(1)")',
  },
  { name: "markup in link text", source: "[<img src=x onerror=alert(1)>](https://example.nl)" },
  { name: "script in image alt", source: "![<script>alert(1)</script>](https://example.nl/a.png)" },
  { name: "inline code", source: "`<script>alert(1)</script>`" },
  { name: "fenced code", source: "```html\n<script>alert(1)</script>\n```" },
  { name: "autolink with quotes", source: '<https://example.nl/" onmouseover="alert(1)>' },
  { name: "markup in bold", source: "**<img src=x onerror=alert(1)>**" },
  { name: "heading with markup", source: "# <img src=x onerror=alert(1)>" },

  // Entities and escapes
  { name: "entity-escaped script", source: "&lt;script&gt;alert(1)&lt;/script&gt;" },
  { name: "numeric-entity img", source: "&#60;img src=x onerror=alert(1)&#62;" },
  { name: "literal unicode escapes", source: "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" },
  {
    name: "double-escaped entities",
    source: "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
  },

  // Nested quotes
  { name: "script three quotes deep", source: "> > > <script>alert(1)</script>" },
  {
    name: "link and img in nested quotes",
    source: "> [x](javascript:alert(1))\n>> <img src=x onerror=alert(1)>",
  },

  // Mentions and quotes carrying markup
  { name: "mention of a name with an img", source: "Hoi @[<img src=x onerror=alert(1)>]!" },
  { name: "mention of a name with a quote", source: 'Hoi @[" onmouseover="alert(1)]' },
  { name: "mention of a name with a script", source: "@[<script>alert(1)</script>] kijk eens" },
  { name: "mention of nobody, with markup", source: "@[<svg onload=alert(1)>]" },
  {
    name: "quote header with a script",
    source: "> [<script>alert(1)</script>](#post-1):\n> tekst\n\nAntwoord",
  },
  {
    name: "quote header with a javascript link",
    source: "> [Naam](javascript:alert(1)):\n> tekst",
  },
  { name: "quote header with an img", source: "> [<img src=x onerror=alert(1)>](#post-1):\n> x" },
  { name: "forged mention token", source: "\u0001mention0\u0001 en \u0001mention9\u0001" },

  // Unicode tricks
  { name: "null byte in tag name", source: "<scr\u0000ipt>alert(1)</scr\u0000ipt>" },
  { name: "fullwidth brackets", source: "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e" },
  { name: "right-to-left override", source: "\u202e<script>alert(1)</script>" },
  { name: "byte order mark in tag", source: "<\ufeffscript>alert(1)</script>" },
];

/** The payload with a silent canary in place of `alert(1)`, for browser tests. */
export function withCanary(source: string): string {
  return source.replaceAll("alert(1)", "top.__xss=1");
}

/** Elements that run script, load a document or change how the page is read. */
const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "style",
  "link",
  "meta",
  "base",
  "template",
  "noscript",
]);

/** Attributes whose value the browser loads or follows as a URL. */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "data",
  "poster",
  "background",
  "cite",
  "xlink:href",
  "srcset",
  "ping",
]);

/** Whether a URL is one a post may carry: http(s), mailto, or on this site (not `//`). */
export function isSafeUrl(value: string): boolean {
  // Browsers drop ASCII whitespace and control characters from URLs; so does this check.
  // eslint-disable-next-line no-control-regex
  const url = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  if (/^[/\\]{2}/.test(url)) return false;
  const scheme = url.match(/^([a-z][a-z0-9+.-]*):/)?.[1];
  return scheme === undefined || ["http", "https", "mailto"].includes(scheme);
}

/** The parts of htmlparser2's DOM this check reads (its types live in domhandler). */
type ParsedNode = { type: string };
type ParsedElement = ParsedNode & {
  name: string;
  attribs: Record<string, string>;
  children: ParsedNode[];
};

/** What in this HTML could run script or load something it should not; empty when safe. */
export function executableMarkup(html: string): string[] {
  const problems: string[] = [];
  const visit = (nodes: readonly ParsedNode[]) => {
    for (const node of nodes) {
      if (node.type === "tag" || node.type === "script" || node.type === "style") {
        const element = node as ParsedElement;
        const name = element.name.toLowerCase();
        if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(element.attribs)) {
          const attr = attribute.toLowerCase();
          if (attr.startsWith("on")) problems.push(`<${name} ${attr}>`);
          if (attr === "style") problems.push(`<${name} style>`);
          if (attr === "srcdoc") problems.push(`<${name} srcdoc>`);
          if (URL_ATTRIBUTES.has(attr) && !isSafeUrl(value))
            problems.push(`<${name} ${attr}="${value}">`);
        }
        visit(element.children);
      }
    }
  };
  visit(parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true }).children);
  return problems;
}
