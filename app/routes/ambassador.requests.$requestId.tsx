import { getCollectionProps, getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { useLocale } from "~/i18n/use-locale";
import { formatDateTime } from "~/i18n/format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, TextareaField, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { label, provinces } from "~/domain/taxonomy";
import { ContactRequestActionSchema } from "~/forms/support.server";
import {
  answerContactRequest,
  closeContactRequest,
  getContactRequest,
  referralContext,
} from "~/models/contact-requests.server";
import { supportFor, supportOrganisationsByIds } from "~/models/support.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest, formConstraint, parseForm } from "~/utils/forms.server";
import { idParam, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import supportStyles from "~/styles/support.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "support.request.pageTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: supportStyles }];

export const handle = { messages: ["support"] };
export const clientLoader = withMessages("support");

/** The ambassador's own request; anyone else's is a 404, like one that does not exist. */
async function requireRequest(request: Request, param: string | undefined) {
  const user = await requirePermission(request, "ambassador.own");
  const found = getContactRequest(user.id, idParam(param));
  if (!found) notFound();
  return { user, contact: found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contact } = await requireRequest(request, params.requestId);
  const organisations =
    contact.status === "open"
      ? supportFor(referralContext(user.id, contact.senderId)).map((o) => ({
          id: o.id,
          name: o.name,
          kind: o.kind,
          provinces: o.provinces,
          suggested: o.suggested,
        }))
      : [];
  return json({
    contact: {
      id: contact.id,
      senderName: contact.senderName,
      senderLocale: contact.senderLocale,
      message: contact.message,
      status: contact.status,
      answer: contact.answer,
      createdAt: contact.createdAt,
      answeredAt: contact.answeredAt,
      closedAt: contact.closedAt,
    },
    referred: supportOrganisationsByIds(contact.referredIds).map((o) => ({
      id: o.id,
      name: o.name,
      url: o.url,
    })),
    organisations,
    constraint: formConstraint(ContactRequestActionSchema),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contact } = await requireRequest(request, params.requestId);
  const submission = await parseForm(request, ContactRequestActionSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  const result =
    value.intent === "answer"
      ? answerContactRequest({
          ambassadorId: user.id,
          requestId: contact.id,
          answer: value.answer,
          referredIds: value.referredIds,
        })
      : closeContactRequest({ ambassadorId: user.id, requestId: contact.id });
  if (!result.ok) {
    if (result.reason === "gone") notFound();
    return badRequest(submission, { formErrors: ["support.error.notOpen"] });
  }
  return value.intent === "answer"
    ? redirectWithToast(`/ambassador/requests/${contact.id}`, {
        key: "support.request.answered",
        values: { name: contact.senderName },
      })
    : redirectWithToast("/ambassador/requests", { key: "support.request.closed" });
}

type AnswerInput = { intent?: string; answer?: string; referredIds?: string[] };

export default function ContactRequestPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { contact, referred, organisations, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const answering = useIsPending({ intent: "answer" });
  const closing = useIsPending({ intent: "close" });
  const [form, fields] = useForm<AnswerInput>({ id: "answer", lastResult, constraint });
  const when = (d: string | Date) =>
    formatDateTime(d, locale, { dateStyle: "long", timeStyle: "short" });
  const referralField = fields.referredIds as unknown as FieldMetadata<string[]>;
  const referralBoxes = getCollectionProps(referralField, {
    type: "checkbox",
    options: organisations.map((o) => String(o.id)),
  });
  const area = (codes: string[]) =>
    codes.length === 0
      ? t("support.directory.national")
      : codes.map((c) => label(provinces, c, locale)).join(", ");

  return (
    <div className="page narrow">
      <PageHeader
        title={t("support.request.title", { name: contact.senderName })}
        actions={
          <Link to="/ambassador/requests" className="button button-quiet">
            {t("support.request.back")}
          </Link>
        }
      />
      <section className="card stack" aria-labelledby="question-title">
        <h2 id="question-title">{t("support.request.question")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("support.request.from")}</dt>
            <dd>{contact.senderName}</dd>
          </div>
          <div>
            <dt>{t("support.request.received")}</dt>
            <dd>{when(contact.createdAt)}</dd>
          </div>
          <div>
            <dt>{t("support.request.status")}</dt>
            <dd>
              <span
                className={contact.status === "open" ? "badge badge-new" : "badge badge-ok"}
                data-testid="request-status"
              >
                {t(`support.status.${contact.status}`)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("support.request.language")}</dt>
            <dd>{t(`language.${contact.senderLocale}`)}</dd>
          </div>
        </dl>
        <p className="support-question" data-testid="request-message">
          {contact.message}
        </p>
      </section>

      {contact.answer ? (
        <section className="card stack" aria-labelledby="answer-title">
          <h2 id="answer-title">
            {contact.answeredAt
              ? t("support.request.answeredOn", { date: when(contact.answeredAt) })
              : t("support.request.answerTitle")}
          </h2>
          <p className="support-question" data-testid="request-answer">
            {contact.answer}
          </p>
          {referred.length > 0 ? (
            <>
              <h3>{t("support.request.referredTo")}</h3>
              <ul data-testid="request-referred">
                {referred.map((o) => (
                  <li key={o.id}>
                    <a href={o.url} target="_blank" rel="noopener noreferrer">
                      {o.name}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {contact.status === "closed" && contact.closedAt ? (
        <p className="notice">{t("support.request.closedOn", { date: when(contact.closedAt) })}</p>
      ) : null}

      {contact.status === "open" ? (
        <Form
          method="post"
          {...getFormProps(form)}
          className="card stack"
          aria-labelledby="answer-form-title"
        >
          <h2 id="answer-form-title">{t("support.request.answerTitle")}</h2>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextareaField
            label={t("support.request.answer")}
            field={fields.answer}
            help={t("support.request.answerHelp", { name: contact.senderName })}
            rows={10}
          />
          <fieldset className="field choice-group support-referrals">
            <legend>{t("support.request.referrals")}</legend>
            <p className="field-help">{t("support.request.referralsHelp")}</p>
            {organisations.length === 0 ? (
              <p className="muted">{t("support.request.noOrganisations")}</p>
            ) : null}
            {referralBoxes.map((props, i) => {
              const org = organisations[i]!;
              return (
                <label key={props.key} className="choice" data-testid="referral-option">
                  <input {...props} key={props.key} />
                  <span>
                    {org.name}{" "}
                    {org.suggested ? (
                      <span className="badge badge-ok">{t("support.request.suggested")}</span>
                    ) : null}
                    <span className="support-referral-detail muted">
                      {t(`support.kinds.${org.kind}`)} · {area(org.provinces)}
                    </span>
                  </span>
                </label>
              );
            })}
            <ErrorList id={referralField.errorId} errors={referralField.errors} />
          </fieldset>
          <div className="form-actions">
            <button
              type="submit"
              name="intent"
              value="answer"
              className="button button-primary"
              disabled={answering}
            >
              {t("support.request.submit")}
            </button>
          </div>
        </Form>
      ) : null}

      {contact.status !== "closed" ? (
        <Form method="post" className="card stack" aria-labelledby="close-title">
          <h2 id="close-title">
            {contact.status === "open"
              ? t("support.request.closeTitle")
              : t("support.request.closeAnsweredTitle")}
          </h2>
          <p className="small">
            {contact.status === "open"
              ? t("support.request.closeHelp")
              : t("support.request.closeAnsweredHelp")}
          </p>
          {contact.status !== "open" ? <FormErrors id="close-errors" errors={form.errors} /> : null}
          <div>
            <button
              type="submit"
              name="intent"
              value="close"
              className="button button-secondary"
              disabled={closing}
            >
              {t("support.request.close")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
