import { Link } from "@remix-run/react";
import { circleModes, label, provinces, themes } from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

export type ThemeCircle = {
  id: number;
  name: string;
  theme: string;
  seatsLeft: number;
  meetingMode: string;
  province: string | null;
};

/**
 * "Kringen over dit thema": from a story or an ambassador's profile straight to a circle. Only
 * what /circles shows (no members, counts only). A visitor without an account gets the sign-up
 * that continues to the circle (signupNext); a signed-in person goes to the circle to apply.
 * Texts in the "knowledge" message part: pages that show this load it.
 */
export function ThemeCircles({ circles, signedIn }: { circles: ThemeCircle[]; signedIn: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="card stack theme-circles" aria-labelledby="theme-circles-title">
      <h2 id="theme-circles-title">{t("knowledge.themeCircles.title")}</h2>
      {circles.length === 0 ? (
        <p>
          {t("knowledge.themeCircles.none")}{" "}
          <Link to="/circles">{t("knowledge.themeCircles.allCircles")}</Link>
        </p>
      ) : (
        <>
          <p className="muted">{t("knowledge.themeCircles.intro")}</p>
          <ul className="plain-list stack">
            {circles.map((c) => (
              <li key={c.id} className="theme-circle">
                <h3>
                  <Link to={`/circles/${c.id}`}>{c.name}</Link>
                </h3>
                <p className="circle-meta">
                  <span className={c.seatsLeft > 0 ? "badge badge-ok" : "badge badge-warn"}>
                    {c.seatsLeft > 0
                      ? t("circles.seatsLeft", { count: c.seatsLeft })
                      : t("circles.full")}
                  </span>{" "}
                  {label(themes, c.theme, locale)} · {label(circleModes, c.meetingMode, locale)}
                  {c.province ? ` · ${label(provinces, c.province, locale)}` : ""}
                </p>
                <p>
                  <Link
                    to={signedIn ? `/circles/${c.id}` : `/signup?redirectTo=/circles/${c.id}`}
                    className="button button-secondary"
                  >
                    {signedIn
                      ? t("knowledge.themeCircles.apply")
                      : t("knowledge.themeCircles.signup")}
                    {/* Which circle, for a list of links read on their own. */}
                    <span className="visually-hidden">: {c.name}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
