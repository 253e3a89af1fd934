import { chromium } from "playwright-core";
const base = "http://localhost:3999";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--disable-quic"] });
const pages = process.argv.slice(2);
const ctx = await browser.newContext({ locale: "nl-NL", viewport: { width: 1200, height: 900 } });
const page = await ctx.newPage();
for (const [i, p] of pages.entries()) {
  if (p.startsWith("login:")) {
    const email = p.slice(6);
    await page.goto(base + "/login");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill("kring-demo-2027");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForLoadState("networkidle");
    continue;
  }
  await page.goto(base + p);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/shots/${i}.png`, fullPage: true });
  console.log(i, p, page.url());
}
await browser.close();
