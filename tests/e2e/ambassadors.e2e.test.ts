/**
 * An ambassador's profile as people click through it: they log in, fill in the profile, upload
 * a photo and publish; a visitor sees the public page in Dutch and in English (with the photo,
 * and no serious accessibility problems); the print page shows eight cards.
 */
import sharp from "sharp";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getT } from "~/i18n";
import {
  baseURL,
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  readDatabase,
  seen,
  visit,
  seriousAxeViolations,
} from "./fixtures";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const nl = getT("nl");
const en = getT("en");
const k = (t: typeof nl, key: string) => t(key as never) as string;

describe("an ambassador's profile", () => {
  it("edit, photo, publish; the public page in Dutch and English; the print sheet", async () => {
    const page = await newPage(browser, { locale: "nl-NL" });
    const me = await login(page, { roles: ["ambassador"], name: "Esmee van Dijk", locale: "nl" });

    await visit(page, "/ambassador/profile");
    await page.getByLabel(k(nl, "ambassadors.edit.headline")).fill("Van webwinkel naar eigen merk");
    await page
      .getByLabel(k(nl, "ambassadors.edit.bio"))
      .fill("Ik vertel **graag** hoe wij groeiden.");
    await page.getByRole("checkbox", { name: "Digitalisering en smart industry" }).check();
    await page.getByRole("checkbox", { name: k(nl, "ambassadors.offer.talk") }).check();
    await page.getByRole("checkbox", { name: k(nl, "ambassadors.edit.published") }).check();
    await page.getByRole("button", { name: k(nl, "ambassadors.edit.save") }).click();
    await seen(page.getByText(k(nl, "ambassadors.edit.saved")));

    const photo = await sharp({
      create: { width: 640, height: 480, channels: 3, background: "#2a6" },
    })
      .jpeg()
      .toBuffer();
    await page
      .locator("#photo")
      .setInputFiles({ name: "ik.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByRole("button", { name: k(nl, "ambassadors.edit.photoUpload") }).click();
    await seen(page.getByTestId("own-photo"));

    // A real camera photo of a few MB passes the server's body limit (1 MB for other forms).
    const noise = Buffer.from(
      Array.from({ length: 1400 * 1400 * 3 }, () => Math.floor(Math.random() * 256)),
    );
    const camera = await sharp(noise, { raw: { width: 1400, height: 1400, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(camera.length).toBeGreaterThan(1024 * 1024);
    expect(camera.length).toBeLessThan(5 * 1024 * 1024);
    const ok = await page.request.post("/ambassador/profile", {
      headers: { Origin: baseURL },
      multipart: {
        intent: "upload",
        photo: { name: "camera.jpg", mimeType: "image/jpeg", buffer: camera },
      },
    });
    expect(ok.status()).toBe(200);
    // Elsewhere the 1 MB limit stays.
    const elsewhere = await page.request.post("/ambassador", {
      headers: { Origin: baseURL },
      multipart: {
        intent: "publish",
        photo: { name: "camera.jpg", mimeType: "image/jpeg", buffer: camera },
      },
    });
    expect(elsewhere.status()).toBe(413);

    // Over 5 MB: refused in the page before sending, and by the server (a 400 with the page,
    // not a reset connection or a 500) when sent anyway.
    const big = Buffer.alloc(6 * 1024 * 1024, 0xff);
    await page
      .locator("#photo")
      .setInputFiles({ name: "groot.jpg", mimeType: "image/jpeg", buffer: big });
    await seen(page.getByText(k(nl, "ambassadors.edit.photoError.tooLarge")));
    const sent = await page.request.post("/ambassador/profile", {
      headers: { Origin: baseURL },
      multipart: {
        intent: "upload",
        photo: { name: "groot.jpg", mimeType: "image/jpeg", buffer: big },
      },
    });
    expect(sent.status()).toBe(400);
    expect(await sent.text()).toContain(k(nl, "ambassadors.edit.photoError.tooLarge"));
    expectNoConsoleErrors(page);

    // The ambassador's own pages are accessible too.
    expect(await seriousAxeViolations(page)).toEqual([]);
    await visit(page, "/ambassador");
    expect(await seriousAxeViolations(page)).toEqual([]);

    const slug = readDatabase(
      (db) =>
        (
          db.prepare("select slug from ambassador_profile where user_id = ?").get(me.id) as {
            slug: string;
          }
        ).slug,
    );

    for (const [t, browserLocale] of [
      [nl, "nl-NL"],
      [en, "en-GB"],
    ] as const) {
      const visitor = await newPage(browser, { locale: browserLocale });
      await visit(visitor, `/ambassadors/${slug}`);
      await seen(visitor.getByRole("heading", { level: 1, name: "Esmee van Dijk" }));
      await seen(visitor.getByText("Van webwinkel naar eigen merk").first());
      await seen(visitor.getByRole("link", { name: k(t, "ambassadors.profile.ask") }).first());
      const img = visitor.getByRole("img", {
        name: t("photoAlt", { name: "Esmee van Dijk" }) as string,
      });
      await seen(img);
      await expect
        .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
        .toBe(400);
      expect(await seriousAxeViolations(visitor)).toEqual([]);
      await visit(visitor, "/ambassadors");
      await seen(visitor.getByRole("link", { name: "Esmee van Dijk" }));
      expect(await seriousAxeViolations(visitor)).toEqual([]);
      expectNoConsoleErrors(visitor);
      await visitor.context().close();
    }

    await visit(page, `/ambassadors/${slug}/card`);
    await expect.poll(() => page.getByTestId("print-card").count()).toBe(8);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await seen(page.getByRole("button", { name: k(nl, "ambassadors.card.print") }));
    // On paper: A4 (794 x 1123 CSS px), the first card 20 mm from the left, 38.5 mm from the top.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    const first = (await page.getByTestId("print-card").first().boundingBox())!;
    const mm = 96 / 25.4;
    expect(Math.abs(first.x - 20 * mm)).toBeLessThan(2);
    expect(Math.abs(first.y - 38.5 * mm)).toBeLessThan(2);
    expect(Math.abs(first.width - 85 * mm)).toBeLessThan(2);
    expect(
      await page.getByRole("button", { name: k(nl, "ambassadors.card.print") }).isVisible(),
    ).toBe(false);
    expectNoConsoleErrors(page);
  });
});
