import type { Browser, Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  circleWith,
  expectNoConsoleErrors,
  launchBrowser,
  liveConnection,
  login,
  newPage,
  seen,
  visit,
  startThread,
} from "./fixtures";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A value on `window` that survives client-side updates but not a reload. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { e2eMark?: string }).e2eMark = "not reloaded";
  });
}

function documentMark(page: Page) {
  return page.evaluate(() => (window as unknown as { e2eMark?: string }).e2eMark ?? null);
}

async function reply(page: Page, text: string) {
  await page.getByLabel("Je reactie").fill(text);
  await page.getByRole("button", { name: "Plaatsen" }).click();
  await seen(page.getByTestId("posts").getByText(text));
}

describe("discussions", () => {
  it("A posts and edits, B sees both live without a reload", async () => {
    const pageA = await newPage(browser);
    const pageB = await newPage(browser);
    const a = await login(pageA, { name: "Anna Akkerman" });
    const b = await login(pageB, { name: "Bram Bakker" });
    const circleId = circleWith({ members: [a.id, b.id] });
    const threadId = await startThread(
      pageA,
      circleId,
      "Personeel vinden",
      "Hoe vinden jullie **goede mensen**?",
    );
    expect(await pageA.locator(".post-body strong").textContent()).toBe("goede mensen");

    const live = liveConnection(pageB);
    await visit(pageB, `/circles/${circleId}/threads/${threadId}`);
    await live;
    await markDocument(pageB);
    // Give B's socket a moment to join the circle's room after connecting.
    await pageB.waitForTimeout(300);

    await reply(pageA, "Via de hogeschool, stagiairs blijven vaak.");
    const bar = pageB.getByRole("button", { name: /1 nieuw bericht/ });
    await bar.waitFor({ timeout: 2_000 });
    await bar.click();
    await seen(pageB.getByText("Via de hogeschool, stagiairs blijven vaak."));

    // A edits the reply: B's page shows the new words in place, marked as edited.
    const replyPost = pageA.locator(".post").filter({ hasText: "Via de hogeschool" });
    await replyPost.getByRole("button", { name: "Aanpassen" }).click();
    const editor = pageA.getByLabel("Je bericht aanpassen");
    await expect.poll(() => editor.inputValue()).toContain("Via de hogeschool");
    await editor.fill("Via de hogeschool en het ROC.");
    await pageA.getByRole("button", { name: "Opslaan" }).click();
    await seen(pageB.getByText("Via de hogeschool en het ROC."));
    await seen(pageB.locator(".post").filter({ hasText: "ROC" }).getByText("bewerkt"));
    expect(await documentMark(pageB)).toBe("not reloaded");
    expectNoConsoleErrors(pageA);
    expectNoConsoleErrors(pageB);
  });

  it("the coach hides a post for everyone; B misses nothing and nothing twice after going offline; search ignores diacritics", async () => {
    const pageA = await newPage(browser);
    const pageB = await newPage(browser);
    const pageC = await newPage(browser);
    const a = await login(pageA, { name: "Anna Aerts" });
    const b = await login(pageB, { name: "Bram Boer" });
    const coach = await login(pageC, { name: "Coach Cor", roles: ["coach"] });
    const circleId = circleWith({ members: [a.id, b.id], coachId: coach.id });
    const threadId = await startThread(
      pageA,
      circleId,
      "Ideeën voor de zomer",
      "Wie heeft ideeën voor een rustige zomer?",
    );
    const path = `/circles/${circleId}/threads/${threadId}`;
    // B's WebSocket goes through the test, so the test can cut it like a dropped network.
    const bSockets: WebSocketRoute[] = [];
    await pageB.routeWebSocket(/socket\.io/, (ws) => {
      ws.connectToServer();
      bSockets.push(ws);
    });
    for (const page of [pageB, pageC]) {
      const live = liveConnection(page);
      await visit(page, path);
      await live;
    }
    await pageA.waitForTimeout(300);
    await reply(pageA, "Dit hoort hier niet: koop mijn cursus.");
    await pageB.getByRole("button", { name: /1 nieuw bericht/ }).click();
    await pageC.getByRole("button", { name: /1 nieuw bericht/ }).click();

    // The coach hides it with a reason; A and B see the placeholder without a reload.
    const target = pageC.locator("article.post").filter({ hasText: "koop mijn cursus" });
    await target.getByRole("button", { name: "Verbergen" }).click();
    await pageC.getByLabel(/Reden/).fill("Reclame hoort niet in de kring.");
    await pageC.getByRole("button", { name: "Bericht verbergen" }).click();
    for (const page of [pageA, pageB]) {
      const hidden = page.locator("article.post-hidden");
      await seen(hidden.getByText("Verborgen door de begeleider."));
      expect(await hidden.textContent()).toContain("Reclame hoort niet in de kring.");
      expect(await page.getByText("koop mijn cursus").count()).toBe(0);
    }

    // B goes offline; A posts three times; back online, B gets exactly those three.
    await markDocument(pageB);
    await pageB.context().setOffline(true);
    for (const ws of bSockets) await ws.close();
    await seen(pageB.getByTestId("offline"));
    const texts = ["Eerste terwijl B weg is", "Tweede terwijl B weg is", "Derde terwijl B weg is"];
    for (const text of texts) await reply(pageA, text);
    await pageB.context().setOffline(false);
    const bar = pageB.getByRole("button", { name: /3 nieuwe berichten/ });
    await bar.waitFor({ timeout: 30_000 });
    await bar.click();
    for (const text of texts) expect(await pageB.getByText(text).count()).toBe(1);
    expect(await pageB.locator("article.post").count()).toBe(5);
    expect(await documentMark(pageB)).toBe("not reloaded");

    // B searches without the diacritics and finds A's opening post.
    await visit(pageB, `/circles/${circleId}/threads`);
    await pageB.getByLabel("Zoeken in de gesprekken").fill("ideeen");
    await pageB.getByRole("button", { name: "Zoeken" }).click();
    await seen(pageB.getByRole("link", { name: /Ideeën voor de zomer/ }).first());
    await seen(pageB.locator("mark").first());
    expectNoConsoleErrors(pageA);
    expectNoConsoleErrors(pageB, [/Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket/]);
    expectNoConsoleErrors(pageC);
  });

  it("mentions through the autocomplete, previews, reacts, and keeps a draft across a reload", async () => {
    const page = await newPage(browser);
    const a = await login(page, { name: "Carla Claassen" });
    const other = await login(await newPage(browser), { name: "Joël Jansen" });
    const circleId = circleWith({ members: [a.id, other.id] });
    const threadId = await startThread(
      page,
      circleId,
      "Prijzen verhogen",
      "Wie heeft dit jaar zijn prijzen verhoogd?",
    );
    await visit(page, `/circles/${circleId}/threads/${threadId}`);

    const box = page.getByLabel("Je reactie");
    await box.click();
    await box.pressSequentially("Vraag aan @joel");
    await seen(page.getByRole("option", { name: "Joël Jansen" }));
    await box.press("Enter");
    expect(await box.inputValue()).toBe("Vraag aan @[Joël Jansen] ");
    await box.pressSequentially("hoe ging dat?");

    // The draft survives a reload.
    await page.reload();
    await expect
      .poll(() => page.getByLabel("Je reactie").inputValue())
      .toBe("Vraag aan @[Joël Jansen] hoe ging dat?");

    await page.getByRole("button", { name: "Voorbeeld" }).click();
    await seen(page.getByTestId("preview").locator(".mention", { hasText: "@Joël Jansen" }));
    await page.getByRole("button", { name: "Aanpassen" }).first().click();
    await page.getByRole("button", { name: "Plaatsen" }).click();
    await seen(page.getByTestId("posts").locator(".mention", { hasText: "@Joël Jansen" }));
    // The draft is gone after sending.
    await page.reload();
    expect(await page.getByLabel("Je reactie").inputValue()).toBe("");

    // Reactions: the shared picker next to the opening post, then the toggle it leaves behind.
    const opening = page.locator("article.post").first();
    await opening.getByRole("button", { name: "Reageer met een emoji" }).first().click();
    await page
      .getByRole("group", { name: "Reageer met een emoji" })
      .getByRole("button", { name: /Goed idee/ })
      .click();
    const idea = opening
      .locator(":scope > .post-actions")
      .getByRole("button", { name: /Goed idee/ });
    await expect.poll(() => idea.getAttribute("aria-pressed")).toBe("true");
    expect(await idea.textContent()).toContain("1");
    await page.reload();
    await expect.poll(() => idea.getAttribute("aria-pressed")).toBe("true");
    expectNoConsoleErrors(page);
  });

  it("works in English too", async () => {
    const page = await newPage(browser);
    const a = await login(page, { name: "Emma English", locale: "en" });
    const circleId = circleWith({ members: [a.id] });
    await visit(page, `/circles/${circleId}/threads`);
    await seen(page.getByRole("heading", { level: 1, name: "Conversations" }));
    await page.getByRole("link", { name: "New conversation" }).click();
    await page.getByLabel("Subject").fill("Hiring in a tight market");
    await page.getByLabel("Your message").fill("What worked for you?");
    await page.getByRole("button", { name: "Start conversation" }).click();
    await seen(page.getByRole("heading", { level: 1, name: "Hiring in a tight market" }));
    await page.getByLabel("Your reply").fill("Referrals from staff.");
    await page.getByRole("button", { name: "Post" }).click();
    await seen(page.getByTestId("posts").getByText("Referrals from staff."));
    await seen(page.getByRole("button", { name: "React with an emoji" }).first());
    expectNoConsoleErrors(page);
  });
});
