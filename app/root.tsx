import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { json } from "@remix-run/node";
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { LiveProvider } from "./components/live";
import { SiteFooter, SiteHeader } from "./components/site-chrome";
import { Toaster } from "./components/toaster";
import { can } from "./domain/permissions";
import { defaultLocale, getI18n, loadCatalogue } from "./i18n";
import { catalogueChunkUrl, messagePartChunkUrls } from "./i18n/catalogue-chunks.server";
import { partsOf } from "./i18n/message-parts";
import { resolveLocale } from "./i18n/locale.server";
import stylesheet from "./styles/app.css";
import { unreadCount } from "./models/notifications.server";
import { getAuth, renewedSessionCookie } from "./utils/auth.server";
import { useNonce } from "./utils/nonce";
// Configures zod before any route module builds a schema (see the comment in zod-config.ts).
import "./utils/zod-config";
import { combineHeaders, getToast } from "./utils/toast.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Kringwijs" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const locale = await resolveLocale(request, auth?.user.locale);
  const { toast, headers: toastHeaders } = await getToast(request);
  const renewed = await renewedSessionCookie(auth);
  const user = auth?.user ?? null;
  return json(
    {
      locale,
      catalogue: catalogueChunkUrl(locale),
      messageParts: messagePartChunkUrls(locale),
      toast,
      user: user
        ? { id: user.id, name: user.name, roles: user.roles, emailVerified: user.emailVerified }
        : null,
      unread: user ? unreadCount(user.id) : 0,
      nav: {
        admin: can(user, "admin.view"),
        programmes: can(user, "programme.manage"),
        profile: can(user, "profile.edit"),
        ambassador: can(user, "ambassador.own"),
      },
    },
    { headers: combineHeaders(toastHeaders, renewed ? { "Set-Cookie": renewed } : null) },
  );
}

/**
 * In the browser, after the first page: the language can change with any navigation (the
 * switcher, logging in, the account setting), and the browser holds only the languages it has
 * shown, so the new one is fetched before the page renders in it. The first page's data comes
 * from the server as usual (no `hydrate`); entry.client.tsx loads its language.
 */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadCatalogue(data.locale);
  return data;
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const locale = data?.locale ?? defaultLocale;
  // The parts of the messages this page needs beyond the core (its routes' handles say so).
  const parts = partsOf(useMatches().map((m) => m.handle));
  return (
    <html lang={locale} data-messages={parts.length > 0 ? parts.join(" ") : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
        {data?.catalogue ? <link rel="modulepreload" href={data.catalogue} /> : null}
        {parts.map((part) =>
          data?.messageParts[part] ? (
            <link key={part} rel="modulepreload" href={data.messageParts[part]} />
          ) : null,
        )}
      </head>
      <body>
        <I18nextProvider i18n={getI18n(locale)}>
          <LiveProvider userId={data?.user?.id ?? null}>
            <SiteHeader />
            <main id="main" className="main" tabIndex={-1}>
              {children}
            </main>
            <SiteFooter />
            <Toaster toast={data?.toast ?? null} />
          </LiveProvider>
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
