/**
 * Rendering a route's page to HTML from its real loader's data, for tests that check what people
 * read. Remix's router hooks are replaced by the data the test puts in `route`; the rest of
 * @remix-run/react and every component stay real. In a test file:
 *
 *   const route = vi.hoisted(() => ({ loader: null as unknown, action: undefined as unknown }));
 *   vi.mock("@remix-run/react", async (original) =>
 *     (await import("./render-route")).withRouteData(await original(), route),
 *   );
 */
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { getI18n } from "~/i18n";
import type { Locale } from "~/i18n/locales";

export type RouteData = { loader: unknown; action: unknown };

export function withRouteData(actual: Record<string, unknown>, route: RouteData) {
  return {
    ...actual,
    useLoaderData: () => route.loader,
    useActionData: () => route.action,
    useNavigation: () => ({ state: "idle" }),
    useFormAction: () => "/here",
    useRevalidator: () => ({ state: "idle", revalidate: () => {} }),
    Form: ({ children, ...props }: { children?: ReactNode } & Record<string, unknown>) => {
      const { method, className, id } = props as Record<string, string>;
      return (
        <form method={method} className={className} id={id}>
          {children}
        </form>
      );
    },
    Link: ({
      to,
      children,
      className,
    }: {
      to: string;
      children?: ReactNode;
      className?: string;
    }) => (
      <a href={to} className={className}>
        {children}
      </a>
    ),
  };
}

/** The page's HTML in a language. */
export function renderPage(Page: () => ReactNode, locale: Locale) {
  return renderToString(
    <I18nextProvider i18n={getI18n(locale)}>
      <Page />
    </I18nextProvider>,
  );
}
