import { getT, type Locale } from "../i18n";
import { renderMail } from "./render.server";

export function verifyEmailMail(locale: Locale, name: string, url: string) {
  const t = getT(locale);
  return renderMail({
    locale,
    subject: t("email.verify.subject"),
    greeting: t("email.greeting", { name }),
    paragraphs: [t("email.verify.body"), t("email.verify.expires")],
    action: { label: t("email.verify.action"), url },
  });
}

export function resetPasswordMail(locale: Locale, name: string, url: string) {
  const t = getT(locale);
  return renderMail({
    locale,
    subject: t("email.reset.subject"),
    greeting: t("email.greeting", { name }),
    paragraphs: [t("email.reset.body"), t("email.reset.expires"), t("email.reset.notYou")],
    action: { label: t("email.reset.action"), url },
  });
}

/** Sent when someone signs up with an address that already has an account. */
export function accountExistsMail(locale: Locale, name: string, loginUrl: string) {
  const t = getT(locale);
  return renderMail({
    locale,
    subject: t("email.exists.subject"),
    greeting: t("email.greeting", { name }),
    paragraphs: [t("email.exists.body"), t("email.exists.notYou")],
    action: { label: t("email.exists.action"), url: loginUrl },
  });
}
