import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

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
