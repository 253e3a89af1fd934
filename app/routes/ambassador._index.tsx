import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AmbassadorAvatar } from "~/components/ambassador-avatar";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { PublishSchema } from "~/forms/ambassadors.server";
import { withMessages } from "~/i18n";
import { useTranslation } from "~/i18n/use-translation";
import {
  getOwnProfile,
  openContactCount,
  reachSummary,
  setPublished,
  storyCounts,
} from "~/models/ambassadors.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import ambassadorsCss from "~/styles/ambassadors.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ambassadors.hub.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: ambassadorsCss }];

export const handle = { messages: ["ambassadors"] };
export const clientLoader = withMessages("ambassadors");

/** The ambassador's own hub: the profile's state, reach, the card, questions and stories. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "ambassador.own");
  const profile = getOwnProfile(user.id);
  return json({
    profile: {
      name: profile.name,
      slug: profile.slug,
      headline: profile.headline,
      published: profile.published,
      hasPhoto: profile.hasPhoto,
      photoVersion: profile.hasPhoto ? (profile.photoUpdatedAt?.getTime() ?? 0) : null,
      empty: !profile.updatedAt,
    },
    reach: reachSummary(user.id),
    openRequests: openContactCount(user.id),
    stories: storyCounts(user.id),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ambassador.own");
  const submission = await parseForm(request, PublishSchema);
  if (submission.status !== "success") return badRequest(submission);
  setPublished(user.id, submission.value.published);
  return redirectWithToast("/ambassador", {
    key: submission.value.published
      ? "ambassadors.hub.publishedToast"
      : "ambassadors.hub.unpublishedToast",
  });
}

export default function AmbassadorHub() {
  const { t } = useTranslation();
  const { profile, reach, openRequests, stories } = useLoaderData<typeof loader>();
  const busy = useIsPending({ intent: "publish" });
  return (
    <div className="page">
      <PageHeader title={t("ambassadors.hub.title")} intro={t("ambassadors.hub.intro")} />
      <div className="amb-hub">
        <section className="card stack" aria-labelledby="status-title">
          <h2 id="status-title">{t("ambassadors.hub.statusTitle")}</h2>
          <div className="amb-hub-profile">
            <AmbassadorAvatar
              name={profile.name}
              slug={profile.slug}
              photoVersion={null}
              src={profile.hasPhoto ? `/ambassador/photo?v=${profile.photoVersion}` : undefined}
              size="small"
              decorative
            />
            <div>
              <p>
                <strong>{profile.name}</strong>
              </p>
              {profile.headline ? <p className="muted">{profile.headline}</p> : null}
            </div>
          </div>
          <p data-testid="profile-status">
            <span className={profile.published ? "badge badge-ok" : "badge badge-warn"}>
              {profile.published ? t("ambassadors.admin.online") : t("ambassadors.admin.offline")}
            </span>{" "}
            {profile.published ? t("ambassadors.hub.online") : t("ambassadors.hub.offline")}
          </p>
          {profile.empty ? <p className="muted">{t("ambassadors.hub.emptyHint")}</p> : null}
          <p className="amb-actions">
            <Link to="/ambassador/profile" className="button button-primary">
              {t("ambassadors.hub.edit")}
            </Link>
            {profile.published ? (
              <Link to={`/ambassadors/${profile.slug}`} className="button button-secondary">
                {t("ambassadors.hub.view")}
              </Link>
            ) : null}
          </p>
          <Form method="post">
            <input type="hidden" name="published" value={profile.published ? "" : "on"} />
            <button
              type="submit"
              name="intent"
              value="publish"
              className="button button-quiet"
              disabled={busy}
            >
              {profile.published ? t("ambassadors.hub.unpublish") : t("ambassadors.hub.publish")}
            </button>
          </Form>
        </section>

        <section className="card stack" aria-labelledby="reach-title">
          <h2 id="reach-title">{t("ambassadors.hub.reachTitle")}</h2>
          <p className="muted">{t("ambassadors.hub.reachIntro", { count: reach.days })}</p>
          <dl className="amb-reach">
            <div>
              <dt>{t("ambassadors.hub.views")}</dt>
              <dd data-testid="reach-views">{reach.views}</dd>
            </div>
            <div>
              <dt>{t("ambassadors.hub.scans")}</dt>
              <dd data-testid="reach-scans">{reach.scans}</dd>
            </div>
          </dl>
          {reach.bySource.length > 0 ? (
            <>
              <h3>{t("ambassadors.hub.sourcesTitle")}</h3>
              <ul className="amb-sources" data-testid="reach-sources">
                {reach.bySource.map((s) => (
                  <li key={s.source}>
                    {t(`ambassadors.hub.source.${s.source}` as "ambassadors.hub.source.direct")}:{" "}
                    <strong>{s.count}</strong>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="small">
            {t("ambassadors.hub.total", { views: reach.totalViews, scans: reach.totalScans })}
          </p>
          <p className="muted small">{t("ambassadors.hub.privacy")}</p>
        </section>

        <section className="card stack" aria-labelledby="card-title">
          <h2 id="card-title">{t("ambassadors.hub.cardTitle")}</h2>
          <p>{t("ambassadors.hub.cardIntro")}</p>
          <ul className="stack">
            <li>
              <Link to={`/ambassadors/${profile.slug}/card`}>{t("ambassadors.hub.cardPrint")}</Link>
            </li>
            <li>
              <a href={`/ambassadors/${profile.slug}/card.png`} download>
                {t("ambassadors.hub.cardPng")}
              </a>
            </li>
            <li>
              <a href={`/ambassadors/${profile.slug}/card.svg`} download>
                {t("ambassadors.hub.cardSvg")}
              </a>
            </li>
          </ul>
        </section>

        <section className="card stack" aria-labelledby="requests-title">
          <h2 id="requests-title">{t("ambassadors.hub.requestsTitle")}</h2>
          <p data-testid="open-requests">
            {openRequests > 0
              ? t("ambassadors.hub.requestsOpen", { count: openRequests })
              : t("ambassadors.hub.requestsNone")}
          </p>
          <p>
            <Link to="/ambassador/requests" className="button button-secondary">
              {t("ambassadors.hub.requestsLink")}
            </Link>
          </p>
        </section>

        <section className="card stack" aria-labelledby="stories-title">
          <h2 id="stories-title">{t("ambassadors.hub.storiesTitle")}</h2>
          <p>
            {t("ambassadors.hub.storiesCount", {
              published: stories.published,
              draft: stories.draft,
            })}
          </p>
          <p className="amb-actions">
            <Link to="/knowledge/new?kind=story" className="button button-secondary">
              {t("ambassadors.hub.writeStory")}
            </Link>
            <Link to="/knowledge/manage" className="button button-quiet">
              {t("ambassadors.hub.manageStories")}
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
