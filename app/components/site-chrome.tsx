import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { locales } from "~/i18n/locales";
import { useRootData } from "~/root";
import { useRevalidateOn } from "./live";

/** The bell: unread count, kept current by live events. */
function NotificationBell({ unread }: { unread: number }) {
  const { t } = useTranslation();
  useRevalidateOn(["notifications.changed"]);
  return (
    <Link
      to="/notifications"
      className="bell"
      aria-label={t("notifications.bell", { count: unread })}
      data-testid="bell"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell-count" data-testid="bell-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const redirectTo = location.pathname + location.search;
  return (
    <Form
      method="post"
      action="/resources/locale"
      className="language-switcher"
      aria-label={t("nav.language")}
    >
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          className="language-option"
          aria-pressed={i18n.language === locale}
          lang={locale}
          title={t(`language.${locale}`)}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </Form>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const data = useRootData();
  const user = data?.user ?? null;
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t("nav.skip")}
      </a>
      <div className="site-header-inner">
        <Link to="/" className="brand" aria-label={t("nav.brandHome")}>
          <span className="brand-mark" aria-hidden="true" />
          Kringwijs
        </Link>
        <nav aria-label={t("nav.main")} className="main-nav">
          <ul>
            {user ? (
              <li>
                <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/circles" end>
                {t("nav.circles")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/knowledge">{t("nav.knowledge")}</NavLink>
            </li>
            <li>
              <NavLink to="/ambassadors">{t("nav.ambassadors")}</NavLink>
            </li>
            {data?.nav.ambassador ? (
              <li>
                <NavLink to="/ambassador">{t("nav.ambassador")}</NavLink>
              </li>
            ) : null}
            {data?.nav.profile ? (
              <li>
                <NavLink to="/onboarding">{t("nav.profile")}</NavLink>
              </li>
            ) : null}
            {data?.nav.programmes ? (
              <li>
                <NavLink to="/programmes">{t("nav.programmes")}</NavLink>
              </li>
            ) : null}
            {data?.nav.admin ? (
              <li>
                <NavLink to="/admin/users" data-testid="nav-admin">
                  {t("nav.admin")}
                </NavLink>
              </li>
            ) : null}
            {user ? (
              <li>
                <NavLink to="/settings">{t("nav.account")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="header-actions">
          {user ? <NotificationBell unread={data?.unread ?? 0} /> : null}
          <LanguageSwitcher />
          {user ? (
            <Form method="post" action="/logout">
              <button type="submit" className="button button-quiet">
                {t("nav.logout")}
              </button>
            </Form>
          ) : (
            <>
              <Link to="/login" className="button button-quiet">
                {t("nav.login")}
              </Link>
              <Link to="/signup" className="button button-primary hide-small">
                {t("nav.signup")}
              </Link>
            </>
          )}
        </div>
      </div>
      {user && !user.emailVerified ? (
        <p className="banner banner-warning" role="status">
          {t("auth.verifyBanner")} <Link to="/settings">{t("auth.verifyBannerLink")}</Link>
        </p>
      ) : null}
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.tagline")}</p>
      <nav aria-label={t("footer.nav")}>
        <ul className="footer-links">
          <li>
            <Link to="/knowledge">{t("nav.knowledge")}</Link>
          </li>
          <li>
            <Link to="/ambassadors">{t("nav.ambassadors")}</Link>
          </li>
          <li>
            <Link to="/support">{t("nav.support")}</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
