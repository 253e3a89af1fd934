import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FormErrors, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { locales } from "~/i18n/locales";
import { localeCookie, resolveLocale } from "~/i18n/locale.server";
import { sendVerificationMail } from "~/models/accounts.server";
import { updateUserSettings } from "~/models/users.server";
import { endSession, requireAuth } from "~/utils/auth.server";
import { SettingsProfileSchema, SettingsSchema } from "~/forms/account.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { countUserSessions, invalidateUserSessions } from "~/utils/session.server";
import { combineHeaders, createToastHeaders, redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAuth(request);
  return json({
    user: {
      name: user.name,
      email: user.email,
      locale: user.locale,
      roles: user.roles,
      emailVerified: user.emailVerified,
    },
    sessions: countUserSessions(user.id),
    constraint: formConstraint(SettingsProfileSchema),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAuth(request);
  const submission = await parseForm(request, SettingsSchema);
  if (submission.status !== "success") return badRequest(submission);
  const value = submission.value;
  switch (value.intent) {
    case "profile": {
      const locale = value.locale === "auto" ? null : value.locale;
      updateUserSettings(user.id, { name: value.name, locale });
      const headers = combineHeaders(
        await createToastHeaders({ key: "settings.saved" }),
        // Keep the language cookie in step, so the choice also holds after logging out.
        locale ? { "Set-Cookie": await localeCookie.serialize(locale) } : null,
      );
      return json(submission.reply(), { headers });
    }
    case "resend-verification": {
      if (!user.emailVerified)
        await sendVerificationMail(user.id, await resolveLocale(request, user.locale));
      return json(submission.reply(), {
        headers: await createToastHeaders({ key: "settings.verificationSent" }),
      });
    }
    case "logout-everywhere": {
      invalidateUserSessions(user.id);
      context.publisher.disconnectUser(user.id);
      const cookie = await endSession(request, context.publisher);
      return redirectWithToast(
        "/login",
        { key: "settings.loggedOutEverywhere" },
        { headers: { "Set-Cookie": cookie } },
      );
    }
  }
}

export default function Settings() {
  const { t } = useTranslation();
  const { user, sessions, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const savingProfile = useIsPending({ intent: "profile" });
  const resending = useIsPending({ intent: "resend-verification" });
  const loggingOut = useIsPending({ intent: "logout-everywhere" });
  const [form, fields] = useForm<FormInput<typeof SettingsProfileSchema>>({
    id: "settings-profile",
    lastResult,
    constraint,
    defaultValue: { name: user.name, locale: user.locale ?? "auto" },
  });
  return (
    <div className="page narrow">
      <PageHeader title={t("settings.title")} intro={t("settings.intro")} />

      <section className="card stack" aria-labelledby="profile-title">
        <h2 id="profile-title">{t("settings.profileTitle")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="profile" />
          <Field
            label={t("fields.name")}
            field={fields.name}
            inputProps={{ autoComplete: "name" }}
          />
          <div className="field">
            <label htmlFor={fields.locale.id}>{t("settings.language")}</label>
            <select {...getSelectProps(fields.locale)} key={fields.locale.key}>
              <option value="auto">{t("settings.languageAuto")}</option>
              {locales.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
            <ErrorList id={fields.locale.errorId} errors={fields.locale.errors} />
          </div>
          <button type="submit" className="button button-primary" disabled={savingProfile}>
            {t("common.save")}
          </button>
        </Form>
      </section>

      <section className="card stack" aria-labelledby="account-title">
        <h2 id="account-title">{t("settings.accountTitle")}</h2>
        <dl className="facts">
          <dt>{t("fields.email")}</dt>
          <dd>
            {user.email}{" "}
            <span className={user.emailVerified ? "badge badge-ok" : "badge badge-warn"}>
              {user.emailVerified ? t("settings.verified") : t("settings.unverified")}
            </span>
          </dd>
          <dt>{t("settings.roles")}</dt>
          <dd>
            <ul className="badges" data-testid="my-roles">
              {user.roles.map((r) => (
                <li key={r} className="badge">
                  {t(`roles.${r}`)}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        {user.emailVerified ? null : (
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="resend-verification"
              className="button button-secondary"
              disabled={resending}
            >
              {t("settings.resend")}
            </button>
          </Form>
        )}
      </section>

      <section className="card stack" aria-labelledby="calendar-settings-title">
        <h2 id="calendar-settings-title">{t("calendar.settingsTitle")}</h2>
        <p>{t("calendar.settingsBody")}</p>
        <p>
          <Link to="/settings/calendar">{t("calendar.settingsLink")}</Link>
        </p>
      </section>

      <section className="card stack" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("settings.sessionsTitle")}</h2>
        <p>{t("settings.sessionsBody", { count: sessions })}</p>
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value="logout-everywhere"
            className="button button-danger"
            disabled={loggingOut}
          >
            {t("settings.logoutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
