import { getFormProps, useForm } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, TextareaField, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import {
  AnonymousContactSchema,
  HONEYPOT_FIELD,
  SignedInContactSchema,
} from "~/forms/support.server";
import { resolveLocale } from "~/i18n/locale.server";
import { createContactRequest, publishedAmbassador } from "~/models/contact-requests.server";
import { getOptionalUser } from "~/utils/auth.server";
import { consumeContactLimit } from "~/utils/contact-rate-limit.server";
import { badRequest, formConstraint, parseFields, readFormData } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import supportStyles from "~/styles/support.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "support.contact.pageTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: supportStyles }];

export const handle = { messages: ["support"] };
export const clientLoader = withMessages("support");

/** The ambassador of a published profile, or a 404 (unknown, unpublished, role taken away). */
function requireAmbassador(slug: string | undefined) {
  if (!slug || slug.length > 120) notFound();
  const ambassador = publishedAmbassador(slug);
  if (!ambassador) notFound();
  return ambassador;
}

/** "Try again in N minutes", or in hours past an hour and a half (the per-day limit). */
function rateLimitMessage(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes > 90
    ? `support.error.rateHours|${Math.ceil(minutes / 60)}`
    : `support.error.rateMinutes|${minutes}`;
}

/**
 * Public: a question to an ambassador. Signed in, the account's name and address are used;
 * otherwise the visitor gives them. After sending (or when the honeypot caught a bot, which is
 * told the same) the page thanks them.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ambassador = requireAmbassador(params.slug);
  const user = await getOptionalUser(request);
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  return json({
    ambassador: { name: ambassador.name, slug: ambassador.slug, headline: ambassador.headline },
    sender: user ? { name: user.name, email: user.email } : null,
    own: user?.id === ambassador.id,
    sent,
    constraint: formConstraint(user ? SignedInContactSchema : AnonymousContactSchema),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ambassador = requireAmbassador(params.slug);
  const user = await getOptionalUser(request);
  const formData = await readFormData(request);
  const thanks = `/ambassadors/${encodeURIComponent(ambassador.slug)}/contact?sent=1`;
  // A bot filled the field people never see: it hears what people hear, and nothing is kept.
  const honeypot = formData.get(HONEYPOT_FIELD);
  if (honeypot !== null && (typeof honeypot !== "string" || honeypot.trim() !== ""))
    return redirect(thanks);

  const submission = user
    ? parseFields(formData, SignedInContactSchema)
    : parseFields(formData, AnonymousContactSchema);
  if (user?.id === ambassador.id)
    return badRequest(submission, { formErrors: ["support.error.self"] });
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value as { message: string; name?: string; email?: string };
  const senderName = user ? user.name : value.name!;
  const senderEmail = user ? user.email : value.email!;

  const limit = await consumeContactLimit({
    ip: context.clientIp,
    email: senderEmail,
    ambassadorId: ambassador.id,
  });
  if (!limit.ok)
    return json(submission.reply({ formErrors: [rateLimitMessage(limit.retryAfterSeconds)] }), {
      status: 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
    });

  const created = createContactRequest({
    ambassadorId: ambassador.id,
    senderId: user?.id ?? null,
    senderName,
    senderEmail,
    senderLocale: await resolveLocale(request, user?.locale),
    message: value.message,
  });
  context.publisher.notified([created.notified]);
  return redirect(thanks);
}

type ContactInput = { name?: string; email?: string; message?: string };

export default function ContactAmbassador() {
  const { t } = useTranslation();
  const { ambassador, sender, own, sent, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<ContactInput>({ id: "contact", lastResult, constraint });
  const profile = `/ambassadors/${encodeURIComponent(ambassador.slug)}`;

  if (sent)
    return (
      <div className="page narrow">
        <section className="card stack support-thanks" aria-labelledby="page-title" role="status">
          <h1 id="page-title">{t("support.contact.thanksTitle")}</h1>
          <p>{t("support.contact.thanksBody", { name: ambassador.name })}</p>
          <p className="button-row">
            <Link to={profile} className="button button-primary">
              {t("support.contact.backToProfile", { name: ambassador.name })}
            </Link>
            <Link to={`${profile}/contact`} className="button button-quiet">
              {t("support.contact.thanksMore")}
            </Link>
          </p>
        </section>
      </div>
    );

  return (
    <div className="page narrow">
      <PageHeader
        title={t("support.contact.title", { name: ambassador.name })}
        intro={ambassador.headline || undefined}
      />
      <p>{t("support.contact.intro", { name: ambassador.name })}</p>
      {own ? (
        <p className="notice notice-info" data-testid="contact-own">
          {t("support.contact.ownProfile")}{" "}
          <Link to="/ambassador/requests">{t("support.contact.toInbox")}</Link>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="card stack support-contact-form">
          <FormErrors id={form.errorId} errors={form.errors} />
          {sender ? (
            <p className="muted" data-testid="contact-sender">
              {t("support.contact.signedInAs", { name: sender.name, email: sender.email })}
            </p>
          ) : (
            <>
              <Field
                label={t("support.contact.name")}
                field={fields.name}
                inputProps={{ autoComplete: "name" }}
              />
              <Field
                label={t("support.contact.email")}
                field={fields.email}
                type="email"
                help={t("support.contact.emailHelp")}
                inputProps={{ autoComplete: "email" }}
              />
            </>
          )}
          <TextareaField
            label={t("support.contact.message")}
            field={fields.message}
            help={t("support.contact.messageHelp")}
            rows={8}
          />
          {/* The honeypot: off-screen, hidden from screen readers and the keyboard. */}
          <div className="support-hp" aria-hidden="true">
            <label htmlFor="contact-website">{t("support.contact.honeypot")}</label>
            <input
              id="contact-website"
              type="text"
              name="website"
              tabIndex={-1}
              autoComplete="off"
              defaultValue=""
            />
          </div>
          <p className="small muted">{t("support.contact.privacy")}</p>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("support.contact.submit")}
            </button>
            <Link to={profile}>
              {t("support.contact.backToProfile", { name: ambassador.name })}
            </Link>
          </div>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
