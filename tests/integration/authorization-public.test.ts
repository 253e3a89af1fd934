/**
 * The authorisation matrix of the public side (ambassadors, the knowledge bank, contact requests,
 * the wegwijzer, borging): every such route's loader and action for every kind of visitor, with
 * its own world (matrix/public-world.ts). authorization.test.ts checks that every route file has
 * a row here or there.
 */
import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { callRoute, outcomeOf } from "./helpers";
import { publicMatrix } from "./matrix";
import { buildPublicWorld, publicPersonas } from "./matrix/public-world";

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown> | unknown;
  action?: (args: ActionFunctionArgs) => Promise<unknown> | unknown;
};
const modules = import.meta.glob<RouteModule>("../../app/routes/*.tsx", { eager: true });

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
      const res = await callRoute(mod, kind, {
        path: row.path(world),
        fields: kind === "action" ? row.action!.fields(world) : undefined,
        params: row.params?.(world),
        userId: world.userIds[persona],
      });
      expect(outcomeOf(res)).toBe(expected);
    },
  );
});
