import { getT, type Locale } from "../i18n";
import type { NoticeKind } from "../models/memberships.server";
import { renderMail } from "./render.server";

/** One mail per membership change, in the recipient's language, with a link to the circle. */
export function membershipMail(
  kind: NoticeKind,
  input: { locale: Locale; name: string; circleName: string; url: string; message?: string | null },
) {
  const t = getT(input.locale);
  const values = { circle: input.circleName };
  const paragraphs = [t(`email.membership.${kind}.body`, values)];
  if (input.message) paragraphs.push(t("email.membership.message", { message: input.message }));
  return renderMail({
    locale: input.locale,
    subject: t(`email.membership.${kind}.subject`, values),
    greeting: t("email.greeting", { name: input.name }),
    paragraphs,
    action: { label: t(`email.membership.${kind}.action`), url: input.url },
  });
}
