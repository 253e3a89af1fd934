import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders basic Markdown", () => {
    expect(renderMarkdown("**Vertrouwelijk** en *open*")).toBe(
      "<p><strong>Vertrouwelijk</strong> en <em>open</em></p>\n",
    );
  });
  it.each([
    ["<script>alert(1)</script>", "alert(1)"],
    ["<img src=x onerror=alert(1)>", "onerror"],
    ["[klik](javascript:alert(1))", "javascript:"],
    ["[klik](data:text/html;base64,PHNjcmlwdD4=)", "data:"],
    ['<a href="https://x.nl" onclick="alert(1)">x</a>', "onclick"],
    ["<svg><script>alert(1)</script></svg>", "<svg"],
    ["<iframe src=https://evil.example></iframe>", "<iframe"],
  ])("strips %s", (input, forbidden) => {
    const html = renderMarkdown(input);
    expect(html).not.toContain(forbidden);
    expect(html).not.toMatch(/<script/i);
  });
  it("marks external links", () => {
    expect(renderMarkdown("[site](https://example.nl)")).toContain(
      'rel="noopener noreferrer nofollow"',
    );
  });
});

/** Every <a> in rendered HTML with its attributes (sanitize-html writes them lowercased and quoted). */
function links(html: string) {
  return [...html.matchAll(/<a\b([^>]*)>/g)].map(([, attrs]) =>
    Object.fromEntries([...attrs!.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
  );
}

describe("the app's own link policy (issue 14, finding 10)", () => {
  const external = { rel: "noopener noreferrer nofollow", target: "_blank" };
  it.each([
    ["[site](https://example.nl)", "https://example.nl"],
    ['<a href="https://e.nl" target=_blank rel=opener>x</a>', "https://e.nl"],
    ['<a target=_blank rel=opener href="https://e.nl">x</a>', "https://e.nl"],
    [' <a target="_blank" rel="opener" href="https://e.nl">x</a>', "https://e.nl"],
    ['<a href=" https://evil.example" target=_blank rel=opener>x</a>', " https://evil.example"],
    ['<a href="&#32;https://evil.example" target=_blank rel=opener>x</a>', " https://evil.example"],
    ['<a href="\thttps://evil.example" target=_blank rel=opener>x</a>', "\thttps://evil.example"],
    ['<A HREF="HTTPS://evil.example" TARGET="_top" REL="opener">x</A>', "HTTPS://evil.example"],
    ['<a href="https://e.nl" rel="noopener opener" target="_self">x</a>', "https://e.nl"],
    ['<a href="https://e.nl" rel="opener" rel="noopener">x</a>', "https://e.nl"],
    ['<a href="mailto:x@example.nl" target=_blank rel=opener>x</a>', "mailto:x@example.nl"],
    ["www.example.nl", "http://www.example.nl"],
    ["<https://example.nl>", "https://example.nl"],
  ])("gives the external policy to %j", (input, href) => {
    const [link, ...more] = links(renderMarkdown(input));
    expect(more).toEqual([]);
    expect(link).toMatchObject({ href, ...external });
  });

  it.each([
    ['<a href="/circles" target="_blank" rel="opener">x</a>', "/circles"],
    ['<A HREF="/x" TARGET="_top" REL="opener">x</A>', "/x"],
    ["[kring](/circles/3)", "/circles/3"],
    [
      '<a href="http://localhost:3000/settings" target=_blank rel=opener>x</a>',
      "http://localhost:3000/settings",
    ],
  ])("keeps a link to this site plain: %j", (input, href) => {
    expect(links(renderMarkdown(input))).toEqual([{ href }]);
  });

  it.each([
    '<a href="//evil.example" rel="opener" target="_blank">x</a>',
    '<a href="javascript:alert(1)" rel="opener" target="_top">x</a>',
    '<a rel="opener" target="_blank">x</a>',
  ])("never lets the author's rel or target through: %j", (input) => {
    for (const link of links(renderMarkdown(input))) {
      expect(link.href).toBeUndefined();
      expect(link).toMatchObject(external);
    }
  });

  it("does not turn text that only looks like a tag into a link with the author's attributes", () => {
    const html = renderMarkdown('< a href="https://evil.example" target=_blank rel=opener>x</a>');
    expect(html).not.toMatch(/rel="opener"|target="_top"/);
    for (const link of links(html)) expect(link).toMatchObject(external);
  });
});

describe("markdownToText", () => {
  it("keeps the lines and the words, without markup", () => {
    expect(
      markdownToText(
        "## Agenda\n\n1. Rondje **hoe gaat het**\n2. Casus van *Anouk* & Jan\n\nZie [de site](https://example.nl/a?b=1&c=2) <b>nu</b>",
      ),
    ).toBe(
      "Agenda\n1. Rondje hoe gaat het\n2. Casus van Anouk & Jan\n\nZie de site (https://example.nl/a?b=1&c=2) nu",
    );
  });
  it("drops scripts and keeps a bare link once", () => {
    const text = markdownToText("<script>alert(1)</script>\nhttps://meet.example.org/kring");
    expect(text).not.toMatch(/[<>]/);
    expect(text).toBe("https://meet.example.org/kring");
  });
  it("is empty for an empty agenda", () => {
    expect(markdownToText("")).toBe("");
  });
});
