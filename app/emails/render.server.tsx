import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getT, type Locale } from "../i18n";

export type RenderedMail = { subject: string; html: string; text: string };

/** Renders a simple, client-safe HTML layout plus the plain-text version of the same content. */
export function renderMail(input: {
  locale: Locale;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}): RenderedMail {
  const t = getT(input.locale);
  const footer = input.footer ?? t("email.footer");
  const body: ReactNode = (
    <html lang={input.locale}>
      <head>
        <meta charSet="utf-8" />
        <title>{input.subject}</title>
      </head>
      <body
        style={{
          fontFamily: "Arial, sans-serif",
          color: "#1f2933",
          background: "#f6f7f4",
          padding: "24px",
        }}
      >
        <table
          role="presentation"
          width="100%"
          style={{
            maxWidth: 560,
            margin: "0 auto",
            background: "#ffffff",
            borderRadius: 8,
            padding: 24,
          }}
        >
          <tbody>
            <tr>
              <td>
                <p style={{ fontSize: 20, fontWeight: 700, color: "#1d5c4d", margin: "0 0 16px" }}>
                  Kringwijs
                </p>
                <p>{input.greeting}</p>
                {input.paragraphs.map((p) => (
                  <p key={p}>{p}</p>
                ))}
                {input.action ? (
                  <p style={{ margin: "24px 0" }}>
                    <a
                      href={input.action.url}
                      style={{
                        background: "#1d5c4d",
                        color: "#ffffff",
                        padding: "12px 18px",
                        borderRadius: 6,
                        textDecoration: "none",
                        display: "inline-block",
                      }}
                    >
                      {input.action.label}
                    </a>
                  </p>
                ) : null}
                {input.action ? (
                  <p style={{ fontSize: 13, color: "#52606d" }}>
                    {t("email.linkFallback")} {input.action.url}
                  </p>
                ) : null}
                <p
                  style={{
                    fontSize: 13,
                    color: "#52606d",
                    borderTop: "1px solid #e4e7eb",
                    paddingTop: 12,
                  }}
                >
                  {footer}
                </p>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
  const text = [
    input.greeting,
    ...input.paragraphs,
    input.action ? `${input.action.label}: ${input.action.url}` : "",
    "--",
    footer,
  ]
    .filter(Boolean)
    .join("\n\n");
  return { subject: input.subject, html: `<!doctype html>${renderToStaticMarkup(body)}`, text };
}
