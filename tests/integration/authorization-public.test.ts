/**
 * The authorisation matrix of the public side (ambassadors, the knowledge bank, contact requests,
 * the wegwijzer, borging): every such route's loader and action for every kind of visitor, with
 * its own world (matrix/public-world.ts). authorization.test.ts checks that every route file has
 * a row here or there.
 */
import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  actionArgs,
  formRequest,
  getRequest,
  loaderArgs,
  makeContext,
  sessionCookieFor,
  settle,
} from "./helpers";
import { publicMatrix } from "./matrix";
import { buildPublicWorld, publicPersonas } from "./matrix/public-world";
import type { Outcome } from "./matrix/rows";

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown> | unknown;
  action?: (args: ActionFunctionArgs) => Promise<unknown> | unknown;
};
const modules = import.meta.glob<RouteModule>("../../app/routes/*.tsx", { eager: true });

function outcomeOf(res: Response): Outcome | number {
  if (res.status >= 200 && res.status < 300) return "ok";
  if (res.status === 302)
    return (res.headers.get("Location") ?? "").startsWith("/login") ? "login" : "redirect";
  return res.status;
}

describe("authorisation matrix of the public side", () => {
  it("declares loaders and actions exactly where the modules have them", () => {
    for (const [route, row] of Object.entries(publicMatrix)) {
      const mod = modules[`../../app/routes/${route}.tsx`];
      expect(mod, `${route} exists`).toBeDefined();
      expect(Boolean(row.loader), `${route} loader`).toBe(Boolean(mod!.loader));
      expect(Boolean(row.action), `${route} action`).toBe(Boolean(mod!.action));
    }
  });

  it("builds a world with every persona in it", async () => {
    const world = await buildPublicWorld();
    for (const persona of publicPersonas)
      if (persona !== "anonymous") expect(world.userIds[persona], persona).toBeGreaterThan(0);
  });

  const cases = Object.entries(publicMatrix).flatMap(([route, row]) =>
    publicPersonas.flatMap((persona) => [
      ...(row.loader
        ? [{ route, persona, kind: "loader" as const, expected: row.loader[persona] }]
        : []),
      ...(row.action
        ? [{ route, persona, kind: "action" as const, expected: row.action.expect[persona] }]
        : []),
    ]),
  );

  it.skipIf(cases.length === 0).each(cases)(
    "$route $kind as $persona: $expected",
    async ({ route, persona, kind, expected }) => {
      const world = await buildPublicWorld();
      const mod = modules[`../../app/routes/${route}.tsx`]!;
      const row = publicMatrix[route]!;
      const userId = world.userIds[persona];
      const cookie = userId ? await sessionCookieFor(userId) : undefined;
      const params = row.params?.(world) ?? {};
      const res =
        kind === "loader"
          ? await settle(async () =>
              mod.loader!(
                loaderArgs(getRequest(row.path(world), { cookie }), makeContext(), params),
              ),
            )
          : await settle(async () =>
              mod.action!(
                actionArgs(
                  formRequest(row.path(world), row.action!.fields(world), { cookie }),
                  makeContext(),
                  params,
                ),
              ),
            );
      expect(outcomeOf(res)).toBe(expected);
    },
  );
});
