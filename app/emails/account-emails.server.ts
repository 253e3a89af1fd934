import { getT, type Locale } from "../i18n";
import { renderMail } from "./render.server";

// Account mails greet without a name: the name was typed by whoever signed up, who need not be
// the owner of the mailbox, and a name can be made to read like a message from Kringwijs.

export function verifyEmailMail(locale: Locale, url: string) {
  const t = getT(locale);
  return renderMail({
    locale,
    subject: t("email.verify.subject"),
    greeting: t("email.greetingAccount"),
    paragraphs: [t("email.verify.body"), t("email.verify.expires"), t("email.verify.notYou")],
    action: { label: t("email.verify.action"), url },
  });
}

export function resetPasswordMail(locale: Locale, url: string) {
  const t = getT(locale);
  return renderMail({
    locale,
    subject: t("email.reset.subject"),
    greeting: t("email.greetingAccount"),
    paragraphs: [t("email.reset.body"), t("email.reset.expires"), t("email.reset.notYou")],
    action: { label: t("email.reset.action"), url },
  });
}

/** Sent when someone signs up with an address that already has an account. */
export function accountExistsMail(locale: Locale, loginUrl: string) {
  const t = getT(locale);
  return renderMail({
    locale,
    subject: t("email.exists.subject"),
    greeting: t("email.greetingAccount"),
    paragraphs: [t("email.exists.body"), t("email.exists.notYou")],
    action: { label: t("email.exists.action"), url: loginUrl },
  });
}
