/**
 * User-supplied text (names, circle names, titles) as it may appear in a mail: one line of
 * plain text that no mail client turns into a link. Otherwise a name such as "Uw account is
 * geblokkeerd, ga naar https://evil.example" becomes a working phishing link in a genuine
 * Kringwijs mail. Markup needs no treatment here: the HTML part escapes it, the text part is text.
 */

// Control and format characters (zero-width, bidi overrides), line and paragraph separators:
// invisible, or able to fake a new paragraph.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Dots that a browser accepts between the labels of a host name.
const DOT_BEFORE_LETTER = /[.\u3002\uFF0E\uFF61](?=\p{L})/gu;

export function inertText(value: string): string {
  return (
    value
      // Full-width look-alikes (．／：＠) become the plain characters, so the rules below see them.
      .normalize("NFKC")
      .replace(INVISIBLE, "")
      .replace(/\s+/g, " ")
      .trim()
      // What linkifiers look for: a scheme, a host ("evil.example", "www.x.nl") and an address.
      // A space after each keeps a name readable and makes it no longer a link.
      .replace(/:\/\//g, ": //")
      .replace(DOT_BEFORE_LETTER, ". ")
      .replace(/@(?=\S)/g, "@ ")
  );
}
