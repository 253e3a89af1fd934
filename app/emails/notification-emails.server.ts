import { getT, type Locale } from "../i18n";
import type { NotificationCategory, NotificationType } from "../domain/notifications";
import { formatDateTime } from "../i18n/format";
import { appUrl } from "../utils/mail.server";
import { unsubscribeToken } from "../utils/unsubscribe.server";
import { inertText } from "./inert-text";
import { renderMail } from "./render.server";

/**
 * Names, circle names and titles in a notification's data, made inert for a mail (no links).
 * The coach's free-text message and codes such as a role are left as they are.
 */
function inertData(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      key === "message" || key === "role" ? value : inertText(value),
    ]),
  );
}

/** The unsubscribe link and the RFC 8058 headers that let mail clients offer one-click unsubscribe. */
function unsubscribe(userId: number, category: NotificationCategory | "digest") {
  const url = appUrl(`/unsubscribe?token=${unsubscribeToken(userId, category)}`);
  return {
    url,
    headers: {
      "List-Unsubscribe": `<${url}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

export function notificationMail(input: {
  userId: number;
  locale: Locale;
  name: string;
  type: NotificationType;
  category: NotificationCategory;
  data: Record<string, string>;
  url: string;
}) {
  const t = getT(input.locale);
  const line = t(`notify.types.${input.type}` as never, inertData(input.data)) as string;
  const off = unsubscribe(input.userId, input.category);
  const paragraphs = [line];
  if (input.data.message)
    paragraphs.push(t("notify.email.message", { message: input.data.message }));
  const mail = renderMail({
    locale: input.locale,
    subject: line,
    greeting: t("email.greeting", { name: inertText(input.name) }),
    paragraphs,
    action: { label: t("notify.email.open"), url: appUrl(input.url) },
    footer: t("notify.email.footer", {
      category: t(`notify.categories.${input.category}` as never) as string,
      url: off.url,
      settings: appUrl("/settings/notifications"),
    }),
  });
  return { ...mail, headers: off.headers };
}

export function digestMail(input: {
  userId: number;
  locale: Locale;
  name: string;
  items: Array<{
    type: NotificationType;
    data: Record<string, string>;
    url: string;
    createdAt: Date;
  }>;
}) {
  const t = getT(input.locale);
  const off = unsubscribe(input.userId, "digest");
  const mail = renderMail({
    locale: input.locale,
    subject: t("notify.digest.subject", { count: input.items.length }),
    greeting: t("email.greeting", { name: inertText(input.name) }),
    paragraphs: [
      t("notify.digest.intro", { count: input.items.length }),
      ...input.items.map(
        (item) =>
          `${formatDateTime(item.createdAt, input.locale, { dateStyle: "short", timeStyle: "short" })} · ${t(`notify.types.${item.type}` as never, inertData(item.data)) as string} (${appUrl(item.url)})`,
      ),
    ],
    action: { label: t("notify.digest.open"), url: appUrl("/notifications") },
    footer: t("notify.digest.footer", {
      url: off.url,
      settings: appUrl("/settings/notifications"),
    }),
  });
  return { ...mail, headers: off.headers };
}
