/**
 * JavaScript per page: `npm run bench:js` (after `npm run build`; this script builds nothing).
 * Seeds a database in a temporary folder, starts the production server as `npm start` does,
 * signs in seeded people with sessions written into that database, and for every route of
 * scripts/lib/page-js.ts sums the gzip -9 and raw sizes of every script and modulepreload the
 * page's HTML names. Prints a Markdown table with the budgets (landing page at most 125 KB,
 * every page at most 140 KB, gzip). Like the other benches it reports and exits 0 when a page is
 * over (1 only when a page cannot be measured): tests/e2e/js-size.e2e.test.ts is the check that
 * fails, with the same budgets. Sizes do not depend on the machine's load.
 */
import {
  openWorkspaceDb,
  requireBuild,
  seededWorkspace,
  sessionCookieFor,
  startServer,
  type RunningServer,
} from "./lib/bench-server";
import { jsRoutes, kib, measurePageJs, type PageJs } from "./lib/page-js";

async function main() {
  requireBuild();
  console.error("Seeding a database in a temporary folder…");
  const workspace = await seededWorkspace();
  let server: RunningServer | undefined;
  try {
    const db = openWorkspaceDb(workspace);
    const routes = jsRoutes(db);
    db.close();
    const cookies = new Map<string, string>();
    for (const email of new Set(routes.map((r) => r.as).filter((e) => e !== null))) {
      cookies.set(email, await sessionCookieFor(workspace, email));
    }
    server = await startServer(workspace);

    const lines = [
      "| page | path | signed in as | scripts | raw | gzip -9 | budget | result |",
      "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ];
    let over = 0;
    let landing: PageJs | undefined;
    for (const route of routes) {
      const url = `${server.baseURL}${route.path}`;
      const response = await fetch(url, {
        redirect: "manual",
        headers: route.as ? { cookie: cookies.get(route.as)! } : {},
      });
      // A redirect (to /login, say) would measure another page than the one named.
      if (response.status !== 200) throw new Error(`${route.path} answered ${response.status}`);
      const js = await measurePageJs(await response.text(), url);
      if (route.path === "/" && route.as === null) landing = js;
      const ok = js.gzip <= route.budget;
      if (!ok) over++;
      lines.push(
        `| ${route.name} | ${route.path} | ${route.as ?? "-"} | ${js.files.length} | ${kib(js.raw)} | ${kib(js.gzip)} | ≤ ${kib(route.budget)} | ${ok ? "pass" : "OVER"} |`,
      );
    }
    console.log(lines.join("\n"));
    if (landing) {
      console.log("\nThe landing page's scripts (gzip -9, largest first):");
      for (const f of [...landing.files].sort((a, b) => b.gzip - a.gzip)) {
        console.log(
          `  ${kib(f.gzip).padStart(9)} ${kib(f.raw).padStart(9)}  ${new URL(f.url).pathname}`,
        );
      }
    }
    console.log(over ? `\n${over} page(s) over budget.` : "\nEvery page within budget.");
  } finally {
    await server?.stop();
    workspace.cleanUp();
  }
}

await main();
