/**
 * The knowledge bank's pages rendered from their real loaders, in both languages: the search
 * with escaped, highlighted results and the wegwijzer link, an item with its concept banner and
 * Open Graph data, the editor with its errors next to the fields, the manage list and the
 * approvals. Remix's router hooks are replaced by the route's data (render-route.tsx).
 */
import { describe, expect, it, vi } from "vitest";
import { createItem, publishItem } from "~/models/knowledge.server";
import { renderPage } from "./render-route";
import { load, signedIn, submit } from "./helpers";

const route = vi.hoisted(() => ({ loader: null as unknown, action: undefined as unknown }));

vi.mock("@remix-run/react", async (original) =>
  (await import("./render-route")).withRouteData(await original(), route),
);

const search = await import("~/routes/knowledge._index");
const item = await import("~/routes/knowledge.$slug._index");
const editor = await import("~/routes/knowledge.new");
const edit = await import("~/routes/knowledge.$slug.edit");
const manage = await import("~/routes/knowledge.manage");
const approvals = await import("~/routes/knowledge.approvals");

const w = `zqh${Math.random().toString(36).slice(2, 7)}`;

async function world() {
  const coach = await signedIn({ roles: ["coach"] });
  const amb = await signedIn({ roles: ["ambassador"], name: "Sanne Kuipers" });
  const input = {
    kind: "story" as const,
    title: `Export <b>naar</b> Duitsland ${w}`,
    summary: "Onze eerste klanten over de grens.",
    body: `We begonnen in Kleve. <script>alert(1)</script> ${w}`,
    url: null,
    ambassadorId: amb.id,
    themes: ["international"],
    sectors: ["C"],
    lifePhases: [],
    sizeClasses: [],
  };
  const published = createItem(amb.id, input);
  publishItem(amb.id, published.id);
  const draft = createItem(coach.id, { ...input, title: `Namens Sanne ${w}` });
  return { coach, amb, published, draft };
}

describe.each(["nl", "en"] as const)("the knowledge pages (%s)", (locale) => {
  it("render search, item, editor, manage and approvals", async () => {
    const { coach, amb, published, draft } = await world();

    route.loader = await (
      await load(search.loader, `/knowledge?q=${w}&theme=international`)
    ).json();
    let html = renderPage(search.default, locale);
    expect(html).toContain(`<mark>${w}</mark>`);
    expect(html).toContain("&lt;b&gt;naar&lt;/b&gt;");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain('href="/support?theme=international"');

    route.loader = await (
      await load(item.loader, `/knowledge/${published.slug}`, { params: { slug: published.slug } })
    ).json();
    html = renderPage(item.default, locale);
    expect(html).toContain(locale === "nl" ? "1 minuut lezen" : "1 minute read");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain('data-testid="knowledge-preview"');

    route.loader = await (
      await load(item.loader, `/knowledge/${draft.slug}`, {
        cookie: amb.cookie,
        params: { slug: draft.slug },
      })
    ).json();
    html = renderPage(item.default, locale);
    expect(html).toContain('data-testid="knowledge-preview"');
    expect(html).toContain('href="/knowledge/approvals"');

    route.loader = await (
      await load(editor.loader, "/knowledge/new", { cookie: coach.cookie })
    ).json();
    const bad = await submit(
      editor.action,
      "/knowledge/new",
      { intent: "save", kind: "link", title: "Iets", summary: "", url: "ftp://x.nl" },
      { cookie: coach.cookie },
    );
    route.action = await bad.json();
    html = renderPage(editor.default, locale);
    expect(html).toContain(locale === "nl" ? "begint met http://" : "starting with http://");
    expect(html).toContain('value="Iets"');
    expect(html).toContain("Sanne Kuipers");
    route.action = undefined;

    route.loader = await (
      await load(edit.loader, `/knowledge/${draft.slug}/edit`, {
        cookie: coach.cookie,
        params: { slug: draft.slug },
      })
    ).json();
    html = renderPage(edit.default, locale);
    expect(html).toContain("Sanne Kuipers");
    expect(html).toContain(locale === "nl" ? "wacht nog" : "pending");

    route.loader = await (
      await load(manage.loader, "/knowledge/manage", { cookie: coach.cookie })
    ).json();
    html = renderPage(manage.default, locale);
    expect(html).toContain(`Namens Sanne ${w}`);

    route.loader = await (
      await load(approvals.loader, "/knowledge/approvals", { cookie: amb.cookie })
    ).json();
    html = renderPage(approvals.default, locale);
    expect(html).toContain(`Namens Sanne ${w}`);
    expect(html).toContain(locale === "nl" ? "Terugsturen" : "Send back");
  });
});
