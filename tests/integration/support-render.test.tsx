/**
 * The contact and wegwijzer pages rendered from their real loaders and actions, in Dutch and
 * English: the honeypot hidden from people, screen readers and the keyboard; a refused
 * question shown again with its message next to the field; the thank-you state; the referral
 * choices with the suggested ones first; an organiser's form keeping a bad address.
 */
import { describe, expect, it, vi } from "vitest";
import { getI18n } from "~/i18n";
import type { Locale } from "~/i18n/locales";
import { getDb } from "~/utils/db.server";
import { createSupportOrganisation } from "~/models/support.server";
import { ambassadorProfiles } from "../../db/schema";
import { renderPage } from "./render-route";
import { load, makeContext, makeUser, signedIn, submit } from "./helpers";

const route = vi.hoisted(() => ({ loader: null as unknown, action: undefined as unknown }));

vi.mock("@remix-run/react", async (original) =>
  (await import("./render-route")).withRouteData(await original(), route),
);

const contact = await import("~/routes/ambassadors.$slug.contact");
const requestPage = await import("~/routes/ambassador.requests.$requestId");
const newOrganisation = await import("~/routes/support.new");

const t = (locale: Locale) => getI18n(locale).t;
const escape = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

async function ambassador() {
  const user = await signedIn({ roles: ["ambassador"], name: "Henk Wolters" });
  const slug = `henk-render-${user.id}`;
  getDb()
    .insert(ambassadorProfiles)
    .values({
      userId: user.id,
      slug,
      headline: "Van familiebedrijf naar zelfsturende teams",
      province: "OV",
      themes: ["people"],
      publicFields: [],
      published: true,
    })
    .run();
  return { ...user, slug };
}

let ip = 0;
const context = () => makeContext({ clientIp: `10.99.0.${++ip}` });

describe.each(["nl", "en"] as const)("the contact page (%s)", (locale) => {
  it("hides the honeypot properly and shows a refused question again with its message", async () => {
    const amb = await ambassador();
    const path = `/ambassadors/${amb.slug}/contact`;
    route.loader = await (await load(contact.loader, path, { params: { slug: amb.slug } })).json();
    route.action = undefined;
    const page = renderPage(contact.default, locale);
    expect(page).toContain(escape(t(locale)("support.contact.title", { name: "Henk Wolters" })));
    expect(page).toContain("Van familiebedrijf naar zelfsturende teams");
    expect(page).toMatch(/<div class="support-hp" aria-hidden="true">/);
    const honeypot = /<input id="contact-website"[^>]*>/.exec(page)?.[0] ?? "";
    for (const attribute of ['tabindex="-1"', 'autoComplete="off"', 'name="website"'])
      expect(honeypot).toContain(attribute);
    expect(page).toContain(escape(t(locale)("support.contact.name")));

    const refused = await submit(
      contact.action,
      path,
      { name: "Ilse", email: "ilse@example.nl", message: "Te kort." },
      { params: { slug: amb.slug }, context: context() },
    );
    expect(refused.status).toBe(400);
    route.action = await refused.json();
    const again = renderPage(contact.default, locale);
    expect(again).toContain(escape(t(locale)("support.error.messageTooShort", { count: 20 })));
    expect(again).toContain("Te kort.");
    expect(again).toContain('value="ilse@example.nl"');

    route.loader = await (
      await load(contact.loader, `${path}?sent=1`, { params: { slug: amb.slug } })
    ).json();
    route.action = undefined;
    const thanks = renderPage(contact.default, locale);
    expect(thanks).toContain(escape(t(locale)("support.contact.thanksTitle")));
    expect(thanks).not.toContain("contact-website");

    // The ambassador on their own page is pointed to the inbox instead of the form.
    route.loader = await (
      await load(contact.loader, path, { params: { slug: amb.slug }, cookie: amb.cookie })
    ).json();
    const own = renderPage(contact.default, locale);
    expect(own).toContain(escape(t(locale)("support.contact.ownProfile")));
    expect(own).not.toContain("contact-website");
  });
});

describe("the request page", () => {
  it("offers the wegwijzer with the suggested organisations first", async () => {
    const amb = await ambassador();
    const organiser = await makeUser({ roles: ["organiser"] });
    createSupportOrganisation(organiser.id, {
      name: "Aa Loket Zeeland",
      kind: "innovation_desk",
      description: "Voor Zeeuwse ondernemers.",
      url: "https://example.org/zeeland",
      email: null,
      phone: null,
      provinces: ["ZE"],
      themes: ["finance"],
    });
    createSupportOrganisation(organiser.id, {
      name: "Zz Werken en Leren Oost",
      kind: "expertise_centre",
      description: "Over personeel.",
      url: "https://example.org/oost",
      email: null,
      phone: null,
      provinces: ["OV"],
      themes: ["people"],
    });
    const sent = await submit(
      contact.action,
      `/ambassadors/${amb.slug}/contact`,
      { name: "Ilse", email: "ilse@example.nl", message: "Hoe houden jullie goede mensen binnen?" },
      { params: { slug: amb.slug }, context: context() },
    );
    expect(sent.status).toBe(302);
    const { contactRequests } = await import("../../db/schema");
    const [row] = getDb()
      .select()
      .from(contactRequests)
      .all()
      .filter((r) => r.ambassadorId === amb.id);
    route.loader = await (
      await load(requestPage.loader, `/ambassador/requests/${row!.id}`, {
        cookie: amb.cookie,
        params: { requestId: String(row!.id) },
      })
    ).json();
    route.action = undefined;
    const page = renderPage(requestPage.default, "nl");
    const oost = page.indexOf("Zz Werken en Leren Oost");
    const zeeland = page.indexOf("Aa Loket Zeeland");
    expect(oost).toBeGreaterThan(0);
    expect(zeeland).toBeGreaterThan(oost);
    expect(page).toContain(t("nl")("support.request.suggested"));
    expect(page).toContain("Hoe houden jullie goede mensen binnen?");
  });
});

describe("the organiser's form", () => {
  it.each(["nl", "en"] as const)("keeps a bad address with its message (%s)", async (locale) => {
    const organiser = await signedIn({ roles: ["organiser"] });
    route.loader = await (
      await load(newOrganisation.loader, "/support/new", { cookie: organiser.cookie })
    ).json();
    const refused = await submit(
      newOrganisation.action,
      "/support/new",
      {
        name: "Loket Test",
        kind: "network",
        description: "Een netwerk.",
        url: "http://example.org/onveilig",
      },
      { cookie: organiser.cookie },
    );
    expect(refused.status).toBe(400);
    route.action = await refused.json();
    const page = renderPage(newOrganisation.default, locale);
    expect(page).toContain(escape(t(locale)("support.error.url")));
    expect(page).toContain('value="http://example.org/onveilig"');
    expect(page).toContain('value="Loket Test"');
  });
});
