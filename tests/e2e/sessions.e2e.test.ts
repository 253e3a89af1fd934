/**
 * A session's end reaches the browsers that used it: when a person logs out everywhere, a page
 * they left open elsewhere loses its live connection and shows itself signed out, without
 * anyone reloading it.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  expectNoConsoleErrors,
  freshUser,
  launchBrowser,
  liveConnection,
  login,
  logoutButton,
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

describe("ending sessions", () => {
  it("signs out an open page in another browser live when the person logs out everywhere", async () => {
    const user = freshUser("everywhere");
    const here = await newPage(browser);
    await login(here, user);

    // The same person in another browser, on a page with a live connection.
    const elsewhere = await newPage(browser);
    await login(elsewhere, user.email);
    const connected = liveConnection(elsewhere);
    await visit(elsewhere, "/dashboard");
    await connected;

    await visit(here, "/settings");
    await here.getByRole("button", { name: "Overal uitloggen" }).click();
    await here.waitForURL("**/login");

    // Nobody touches the other page: it hears its socket close and reloads its data.
    await seen(elsewhere.getByRole("link", { name: "Inloggen" }).first());
    await logoutButton(elsewhere).waitFor({ state: "detached" });

    expectNoConsoleErrors(here);
    expectNoConsoleErrors(elsewhere);
  });
});
