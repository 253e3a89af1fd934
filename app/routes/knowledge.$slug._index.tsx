import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AmbassadorAvatar } from "~/components/ambassador-avatar";
import { KindBadge, TagList } from "~/components/knowledge";
import { ThemeCircles } from "~/components/theme-circles";
import { isSlug, readingMinutes } from "~/domain/knowledge";
import { label, themes } from "~/domain/taxonomy";
import { withMessages } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { approvalsOf, canEditItem, canViewItem, getItemBySlug } from "~/models/knowledge.server";
import { relatedItems } from "~/models/knowledge-search.server";
import { publicAmbassadorCard } from "~/models/ambassadors.server";
import { listOpenCirclesForThemes } from "~/models/circles.server";
import { getOptionalUser } from "~/utils/auth.server";
import { appBaseUrl } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { htmlToText } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import knowledgeStyles from "~/styles/knowledge.css";
import ambassadorsStyles from "~/styles/ambassadors.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: knowledgeStyles },
  { rel: "stylesheet", href: ambassadorsStyles },
];

export const handle = { messages: ["knowledge"] };
export const clientLoader = withMessages("knowledge");

/** Title, description and Open Graph tags, so a shared link shows a title, summary and image. */
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageTitle(matches, "knowledge.title");
  const { item, og } = data;
  const tags = [
    { title: `${item.title} · Kringwijs` },
    { name: "description", content: item.summary },
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: "Kringwijs" },
    { property: "og:title", content: item.title },
    { property: "og:description", content: item.summary },
    { property: "og:url", content: og.url },
    { tagName: "link", rel: "canonical", href: og.url },
  ];
  if (og.image) tags.push({ property: "og:image", content: og.image });
  if (item.status !== "published") tags.push({ name: "robots", content: "noindex" });
  return tags;
};

/**
 * A published item, for everyone. A draft or an unpublished item is a 404, except for who may
 * edit it (its author and staff) and its approvers: they see a preview under a banner.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isSlug(params.slug)) notFound();
  const item = getItemBySlug(params.slug);
  if (!item) notFound();
  const user = await getOptionalUser(request);
  if (!canViewItem(user, item)) notFound();
  // Only a published profile of someone who is still an ambassador (ambassadors.server.ts).
  const author =
    item.kind === "story" && item.ambassadorId ? publicAmbassadorCard(item.ambassadorId) : null;
  const base = appBaseUrl();
  const approvals = item.status === "published" ? [] : approvalsOf(item.id);
  const pending = approvals.filter((a) => !a.approvedAt);
  return json({
    item: {
      id: item.id,
      kind: item.kind,
      slug: item.slug,
      title: item.title,
      summary: item.summary,
      bodyHtml: item.bodyHtml,
      url: item.url,
      status: item.status,
      publishedAt: item.publishedAt,
      themes: item.themes,
      sectors: item.sectors,
      lifePhases: item.lifePhases,
      sizeClasses: item.sizeClasses,
    },
    minutes: readingMinutes(htmlToText(item.bodyHtml)),
    author,
    related: relatedItems(item.id, { limit: 3, kind: item.kind === "story" ? "story" : undefined }),
    circles: listOpenCirclesForThemes(item.themes),
    signedIn: user !== null,
    canEdit: canEditItem(user, item),
    pendingCount: pending.length,
    askedToApprove: Boolean(user && pending.some((a) => a.userId === user.id)),
    og: {
      url: new URL(`/knowledge/${item.slug}`, base).toString(),
      image:
        author?.photoVersion != null
          ? new URL(`/ambassadors/${author.slug}/photo?v=${author.photoVersion}`, base).toString()
          : null,
    },
  });
}

export default function KnowledgeItemPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const {
    item,
    minutes,
    author,
    related,
    circles,
    signedIn,
    canEdit,
    pendingCount,
    askedToApprove,
  } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      {item.status !== "published" ? (
        <p className="notice notice-warn" role="status" data-testid="knowledge-preview">
          <strong>{t(`knowledge.statuses.${item.status}`)}.</strong>{" "}
          {item.status === "draft"
            ? t("knowledge.item.draftBanner")
            : t("knowledge.item.unpublishedBanner")}
          {pendingCount > 0 ? (
            <> {t("knowledge.item.awaitingApproval", { count: pendingCount })}</>
          ) : null}
          {askedToApprove ? (
            <>
              {" "}
              <Link to="/knowledge/approvals">{t("knowledge.item.approveHere")}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <p>
        <Link to="/knowledge">{t("knowledge.item.back")}</Link>
      </p>
      <div className="knowledge-layout">
        <article className="knowledge-article stack" aria-labelledby="page-title">
          <header className="stack">
            <KindBadge kind={item.kind} />
            <h1 id="page-title">{item.title}</h1>
            <p className="lead">{item.summary}</p>
            <p className="knowledge-meta muted">
              <span>{t("knowledge.item.readingTime", { count: minutes })}</span>
              {item.publishedAt ? (
                <span>
                  {t("knowledge.item.publishedOn", { date: formatDate(item.publishedAt, locale) })}
                </span>
              ) : null}
              {canEdit ? (
                <Link to={`/knowledge/${item.slug}/edit`} className="button button-quiet">
                  {t("knowledge.item.edit")}
                </Link>
              ) : null}
            </p>
          </header>
          {item.url ? (
            <p>
              <a
                href={item.url}
                className="button button-primary"
                rel="noopener noreferrer nofollow"
                target="_blank"
              >
                {t("knowledge.item.openLink")}
              </a>{" "}
              <span className="small muted">{t("knowledge.item.linkNote")}</span>
            </p>
          ) : null}
          {/* Rendered by the one Markdown sanitiser when it was saved (markdown.server.ts). */}
          <div className="knowledge-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
          <TagList tags={item} label={t("knowledge.item.tags")} />
        </article>

        <aside className="stack" aria-label={t("knowledge.item.more")}>
          {author ? (
            <section className="card stack" aria-labelledby="knowledge-author-title">
              <h2 id="knowledge-author-title">{t("knowledge.item.aboutAuthor")}</h2>
              <div className="knowledge-author">
                <AmbassadorAvatar
                  name={author.name}
                  slug={author.slug}
                  photoVersion={author.photoVersion}
                  size="small"
                  decorative
                />
                <div>
                  <p>
                    <strong>{author.name}</strong>
                  </p>
                  {author.headline ? <p className="small">{author.headline}</p> : null}
                </div>
              </div>
              <p>
                <Link to={`/ambassadors/${author.slug}`}>
                  {t("knowledge.item.viewProfile", { name: author.name })}
                </Link>
              </p>
            </section>
          ) : null}

          {item.themes.length > 0 ? <ThemeCircles circles={circles} signedIn={signedIn} /> : null}

          {item.themes.length > 0 ? (
            <section className="card stack" aria-labelledby="knowledge-wegwijzer-title">
              <h2 id="knowledge-wegwijzer-title">{t("knowledge.item.wegwijzerTitle")}</h2>
              <p className="small">{t("knowledge.item.wegwijzerIntro")}</p>
              <ul className="plain-list stack">
                {item.themes.map((code) => (
                  <li key={code}>
                    <Link to={`/support?theme=${encodeURIComponent(code)}`}>
                      {t("knowledge.item.wegwijzerLink", { theme: label(themes, code, locale) })}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {related.length > 0 ? (
            <section className="card stack" aria-labelledby="knowledge-related-title">
              <h2 id="knowledge-related-title">
                {item.kind === "story"
                  ? t("knowledge.item.related")
                  : t("knowledge.item.relatedOther")}
              </h2>
              <ul className="plain-list stack">
                {related.map((r) => (
                  <li key={r.id}>
                    <Link to={`/knowledge/${r.slug}`}>{r.title}</Link>
                    <p className="small muted">{r.summary}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
