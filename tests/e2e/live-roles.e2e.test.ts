import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoConsoleErrors,
  freshUser,
  launchBrowser,
  liveConnection,
  login,
  mainNav,
  mainNavLinks,
  newPage,
  seen,
  visit,
} from "./fixtures";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const ROLES_CHANGED = "Je rollen zijn aangepast. Het menu is bijgewerkt.";

function adminLink(page: Page) {
  return mainNav(page).getByRole("link", { name: "Gebruikers en rollen" });
}

/** The public pages every menu has, signed in or not. */
const PUBLIC_NAV = ["Kringen", "Kennisbank", "Ambassadeurs"];
const ENTREPRENEUR_NAV = ["Overzicht", ...PUBLIC_NAV, "Mijn bedrijf", "Mijn account"];
const WITH_ORGANISER_NAV = [
  "Overzicht",
  ...PUBLIC_NAV,
  "Mijn bedrijf",
  "Programma's",
  "Gebruikers en rollen",
  "Mijn account",
];

/** A value on `window` that survives client-side updates but not a reload. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { e2eMark?: string }).e2eMark = "not reloaded";
  });
}

function documentMark(page: Page) {
  return page.evaluate(() => (window as unknown as { e2eMark?: string }).e2eMark ?? null);
}

describe("live role changes", () => {
  it("updates another user's navigation over Socket.IO when an organiser grants and revokes a role", async () => {
    // B: a fresh entrepreneur, on the home page with a live connection.
    const pageB = await newPage(browser);
    const userB = freshUser("live");
    await login(pageB, userB);
    await visit(pageB, "/onboarding");
    const connected = liveConnection(pageB);
    await visit(pageB, "/dashboard");
    await connected;
    await seen(mainNav(pageB).getByRole("link", { name: "Overzicht" }));
    expect(await mainNavLinks(pageB)).toEqual(ENTREPRENEUR_NAV);
    expect(await adminLink(pageB).count()).toBe(0);
    await markDocument(pageB);

    // A: the organiser finds B in the user list.
    const pageA = await newPage(browser);
    await login(pageA, "organisator@kringwijs.test");
    await visit(pageA, "/dashboard");
    await adminLink(pageA).click();
    await pageA.waitForURL("**/admin/users");
    await pageA.getByLabel("Zoek op naam of e-mailadres").fill(userB.email);
    await pageA.getByRole("button", { name: "Zoeken" }).click();
    await pageA.waitForURL(/[?&]q=/);
    const row = pageA.getByTestId(`user-row-${userB.email}`);
    await seen(row);
    await seen(pageA.getByText("1 gebruiker", { exact: true }));

    // A grants the organiser role…
    await row.getByRole("button", { name: `Geef ${userB.name} de rol Organisator` }).click();
    const revoke = row.getByRole("button", {
      name: `Neem de rol Organisator van ${userB.name} af`,
    });
    await seen(revoke);
    expect(await revoke.getAttribute("aria-pressed")).toBe("true");

    // …and B's menu shows the admin link without a reload, with a notice.
    await seen(adminLink(pageB));
    await seen(pageB.getByTestId("toast").getByText(ROLES_CHANGED));
    expect(await mainNavLinks(pageB)).toEqual(WITH_ORGANISER_NAV);
    expect(await documentMark(pageB)).toBe("not reloaded");
    await seen(pageA.getByTestId("toast").getByText("De rol Organisator is toegekend."));

    // A revokes it again: the link leaves B's menu, live as well.
    await pageB.getByTestId("toast").getByRole("button", { name: "Sluiten" }).click();
    await pageB.getByTestId("toast").waitFor({ state: "detached" });
    await revoke.click();
    await seen(row.getByRole("button", { name: `Geef ${userB.name} de rol Organisator` }));
    await adminLink(pageB).waitFor({ state: "detached" });
    await seen(pageB.getByTestId("toast").getByText(ROLES_CHANGED));
    expect(await mainNavLinks(pageB)).toEqual(ENTREPRENEUR_NAV);
    expect(await documentMark(pageB)).toBe("not reloaded");
    await seen(pageA.getByTestId("toast").getByText("De rol Organisator is afgenomen."));

    expectNoConsoleErrors(pageA);
    expectNoConsoleErrors(pageB);
  });

  it("shows each role its own menu", async () => {
    // Anonymous visitors: only the circles.
    const visitor = await newPage(browser);
    await visit(visitor, "/");
    await seen(mainNav(visitor).getByRole("link", { name: "Kringen" }));
    expect(await mainNavLinks(visitor)).toEqual(PUBLIC_NAV);
    expectNoConsoleErrors(visitor);

    // Signed in, everyone lands on the overview.
    const menus: [email: string, links: string[]][] = [
      ["ondernemer@kringwijs.test", ENTREPRENEUR_NAV],
      ["coach@kringwijs.test", ["Overzicht", ...PUBLIC_NAV, "Mijn account"]],
      [
        "ambassadeur@kringwijs.test",
        ["Overzicht", ...PUBLIC_NAV, "Mijn ambassadeurschap", "Mijn bedrijf", "Mijn account"],
      ],
      [
        "organisator@kringwijs.test",
        ["Overzicht", ...PUBLIC_NAV, "Programma's", "Gebruikers en rollen", "Mijn account"],
      ],
    ];
    for (const [email, links] of menus) {
      const page = await newPage(browser);
      await login(page, email);
      await visit(page, "/dashboard");
      await seen(page.getByRole("heading", { level: 1, name: /^Hallo / }));
      expect(await mainNavLinks(page), email).toEqual(links);
      expect(await mainNav(page).getByRole("link", { name: "Start" }).count()).toBe(0);
      expectNoConsoleErrors(page);
      await page.context().close();
    }
  });

  it("shows an entrepreneur the 403 page for the user list", async () => {
    const page = await newPage(browser);
    await login(page, "ondernemer@kringwijs.test");
    await visit(page, "/dashboard");
    expect(await adminLink(page).count()).toBe(0);
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await seen(page.getByRole("heading", { level: 1, name: "Geen toegang" }));
    await seen(page.getByText("Je hebt geen toegang tot deze pagina."));
    expect(await page.getByRole("table").count()).toBe(0);
    // Chromium logs the 403 document itself as a console error; nothing else may appear.
    expectNoConsoleErrors(page, [/status of 403 \(Forbidden\) \(http:\/\/[^)]+\/admin\/users\)$/]);
  });
});
