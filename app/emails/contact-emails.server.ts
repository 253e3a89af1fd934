import { getT, type Locale } from "../i18n";
import { appUrl } from "../utils/mail.server";
import { inertText } from "./inert-text";
import { renderMail } from "./render.server";

/**
 * The answer's paragraphs (blank lines between them), so the HTML part keeps them apart; the
 * layout keys paragraphs by their text, so an answer that repeats one stays a single block.
 */
function answerParagraphs(answer: string): string[] {
  const parts = answer
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return new Set(parts).size === parts.length ? parts : [answer.trim()];
}

export type ReferredOrganisation = {
  name: string;
  url: string;
  email: string | null;
  phone: string | null;
};

/**
 * An ambassador's answer to a visitor's question, in the language the visitor wrote in. The
 * visitor typed the name and the question themselves, and anyone can type someone else's
 * address, so both pass through `inertText` (no links, one line: D21); the answer and the
 * referred organisations (kept by organisers, their links are the point) stay as they are.
 */
export function contactAnswerMail(input: {
  locale: Locale;
  senderName: string;
  ambassadorName: string;
  ambassadorSlug: string | null;
  question: string;
  answer: string;
  organisations: ReferredOrganisation[];
}) {
  const t = getT(input.locale);
  const ambassador = inertText(input.ambassadorName);
  const question = inertText(input.question);
  const paragraphs = [
    t("support.mail.intro", { name: ambassador }),
    t("support.mail.question", {
      question: question.length > 300 ? `${question.slice(0, 300)}…` : question,
    }),
    ...answerParagraphs(input.answer),
  ];
  if (input.organisations.length > 0) {
    paragraphs.push(t("support.mail.referralIntro", { name: ambassador }));
    for (const org of input.organisations)
      paragraphs.push(
        [
          `${inertText(org.name)}: ${org.url}`,
          org.email ? t("support.mail.orgEmail", { email: org.email }) : null,
          org.phone ? t("support.mail.orgPhone", { phone: org.phone }) : null,
        ]
          .filter(Boolean)
          .join(" · "),
      );
  }
  paragraphs.push(t("support.mail.noReply"));
  return renderMail({
    locale: input.locale,
    subject: t("support.mail.subject", { name: ambassador }),
    greeting: t("email.greeting", { name: inertText(input.senderName) }),
    paragraphs,
    action: input.ambassadorSlug
      ? {
          label: t("support.mail.profile", { name: ambassador }),
          url: appUrl(`/ambassadors/${encodeURIComponent(input.ambassadorSlug)}`),
        }
      : undefined,
  });
}
