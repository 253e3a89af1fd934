import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterSelect, useCodeOptions } from "~/components/filters";
import { PageHeader } from "~/components/page";
import {
  circleModes,
  label,
  provinceCodes,
  provinces,
  themeCodes,
  themes,
} from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { listOpenCircles } from "~/models/circles.server";
import { suggestCircles } from "~/models/matching.server";
import { can } from "~/domain/permissions";
import { getOptionalUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "circles.openTitle");

/** Public: circles that accept applications, filterable by theme and province. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const theme = themeCodes.find((c) => c === url.searchParams.get("theme"));
  const province = provinceCodes.find((c) => c === url.searchParams.get("province"));
  const circles = listOpenCircles({ theme, province });
  const user = await getOptionalUser(request);
  // For entrepreneurs: the open circles that fit them, ranked, with reasons that name nobody.
  const open = listOpenCircles();
  const suggestions =
    user && can(user, "profile.edit") ? suggestCircles(user.id, open).slice(0, 5) : [];
  const names = new Map(open.map((c) => [c.id, c.name]));
  return json({
    circles,
    theme: theme ?? "",
    province: province ?? "",
    suggestions: suggestions.map((s) => ({ ...s, name: names.get(s.circleId) ?? "" })),
  });
}

export default function OpenCircles() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circles, theme, province, suggestions } = useLoaderData<typeof loader>();
  const themeOptions = useCodeOptions(themes);
  const provinceOptions = useCodeOptions(provinces);
  return (
    <div className="page">
      <PageHeader title={t("circles.openTitle")} intro={t("circles.openIntro")} />
      {suggestions.length > 0 ? (
        <section
          className="card stack suggestions"
          aria-labelledby="suggestions-title"
          data-testid="suggestions"
        >
          <h2 id="suggestions-title">{t("circles.suggestionsTitle")}</h2>
          <p className="muted">{t("circles.suggestionsIntro")}</p>
          <ol className="stack">
            {suggestions.map((s) => (
              <li key={s.circleId}>
                <Link to={`/circles/${s.circleId}`}>{s.name}</Link>{" "}
                <span className="muted">
                  {s.counts.members === 0
                    ? t("circles.suggestionEmpty")
                    : [
                        s.counts.samePhase
                          ? t("circles.suggestionPhase", { count: s.counts.samePhase })
                          : null,
                        s.counts.similarSize
                          ? t("circles.suggestionSize", { count: s.counts.similarSize })
                          : null,
                        s.counts.sharedTheme
                          ? t("circles.suggestionTheme", { count: s.counts.sharedTheme })
                          : null,
                      ]
                        .filter(Boolean)
                        .join(", ")}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <Form method="get" className="filters" aria-label={t("circles.filters")}>
        <FilterSelect
          id="filter-theme"
          name="theme"
          label={t("circle.theme")}
          anyLabel={t("circles.allThemes")}
          options={themeOptions}
          value={theme}
        />
        <FilterSelect
          id="filter-province"
          name="province"
          label={t("circle.province")}
          anyLabel={t("circles.allProvinces")}
          options={provinceOptions}
          value={province}
        />
        <button type="submit" className="button button-secondary">
          {t("circles.filter")}
        </button>
      </Form>
      {circles.length === 0 ? <p className="card">{t("circles.noneOpen")}</p> : null}
      <ul className="card-grid">
        {circles.map((c) => (
          <li key={c.id} className="card circle-card">
            <h2>
              <Link to={`/circles/${c.id}`}>{c.name}</Link>
            </h2>
            <p className="muted">{label(themes, c.theme, locale)}</p>
            <p>{c.description}</p>
            <p className="circle-meta">
              <span className={c.seatsLeft > 0 ? "badge badge-ok" : "badge badge-warn"}>
                {c.seatsLeft > 0
                  ? t("circles.seatsLeft", { count: c.seatsLeft })
                  : t("circles.full")}
              </span>{" "}
              {label(circleModes, c.meetingMode, locale)}
              {c.province ? ` · ${label(provinces, c.province, locale)}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
