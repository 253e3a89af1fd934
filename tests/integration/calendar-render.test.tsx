/**
 * The calendar feed's settings page rendered from its real loader and action: the link shown
 * once after making it (with the webcal link and the instructions), never on a later visit;
 * and the meetings list pointing to it. Remix's router hooks are replaced by the route's data.
 */
import { describe, expect, it, vi } from "vitest";
import type { Locale } from "~/i18n/locales";
import { getI18n } from "~/i18n";
import { renderPage } from "./render-route";
import { load, makeDiscussionCircle, sessionCookieFor, submit } from "./helpers";

const route = vi.hoisted(() => ({ loader: null as unknown, action: undefined as unknown }));

vi.mock("@remix-run/react", async (original) =>
  (await import("./render-route")).withRouteData(await original(), route),
);

const {
  default: SettingsPage,
  loader: settingsLoader,
  action: settingsAction,
} = await import("~/routes/settings_.calendar");
const { default: MeetingList, loader: listLoader } =
  await import("~/routes/circles.$circleId.meetings._index");

const html = renderPage;

async function settingsPage(cookie: string, locale: Locale, action?: Response) {
  route.loader = await (await load(settingsLoader, "/settings/calendar", { cookie })).json();
  route.action = action ? await action.json() : undefined;
  return html(SettingsPage, locale);
}

const t = (locale: Locale) => getI18n(locale).t;

describe("the calendar settings page", () => {
  it.each(["nl", "en"] as const)(
    "shows the new link once, then only what can be done (%s)",
    async (locale) => {
      const { members } = await makeDiscussionCircle({ members: 1 });
      const cookie = await sessionCookieFor(members[0]!.id);

      const before = await settingsPage(cookie, locale);
      expect(before).toContain(t(locale)("calendar.statusOff"));
      expect(before).toContain(t(locale)("calendar.create"));
      expect(before).not.toContain(t(locale)("calendar.revoke"));
      expect(before).toContain(t(locale)("calendar.google.name"));

      const made = await submit(
        settingsAction,
        "/settings/calendar",
        { intent: "generate" },
        { cookie },
      );
      const shown = await settingsPage(cookie, locale, made);
      const url = /value="(http:\/\/localhost:3000\/calendar\/[a-z2-7]{39}\.ics)"/.exec(shown)?.[1];
      expect(url).toBeDefined();
      expect(shown).toContain(`href="${url!.replace("http://", "webcal://")}"`);
      expect(shown).toContain(t(locale)("calendar.onceWarning"));
      expect(shown).toContain(t(locale)("calendar.regenerate"));
      expect(shown).toContain(t(locale)("calendar.revoke"));

      // The next visit knows there is a link, but cannot show it.
      const later = await settingsPage(cookie, locale);
      expect(later).not.toContain(url!);
      expect(later).not.toMatch(/calendar\/[a-z2-7]{39}\.ics/);
      expect(later).toContain(t(locale)("calendar.regenerateHelp"));
    },
  );
});

describe("the meetings list", () => {
  it("points to the calendar settings", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 1 });
    const cookie = await sessionCookieFor(members[0]!.id);
    const res = await load(listLoader, `/circles/${circleId}/meetings`, {
      cookie,
      params: { circleId: String(circleId) },
    });
    route.loader = await res.json();
    expect(html(MeetingList, "nl")).toContain(
      `<a href="/settings/calendar">${t("nl")("calendar.listLink")}</a>`,
    );
  });
});
