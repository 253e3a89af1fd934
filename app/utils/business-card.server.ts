/**
 * The ambassador's business card (visitekaartje), 85 x 55 mm: their name, the one line of their
 * story, the Kringwijs name and a QR code to `${APP_URL}/ambassadors/<slug>?bron=qr`. Built as
 * an SVG string (every text escaped) and rendered to PNG from that same SVG with sharp, so the
 * two never differ. The print page uses the same SVG eight times.
 */
import QRCode from "qrcode";
import sharp from "sharp";
import { clip, escapeXml } from "~/domain/ambassadors";
import { getT, type Locale } from "~/i18n";
import { appBaseUrl } from "./env.server";

/** The card in SVG user units: 10 units per millimetre. */
const W = 850;
const H = 550;

export type CardInput = { name: string; headline: string; slug: string; locale: Locale };

/** Where the card's QR code leads: the profile, with the source a scan is counted by. */
export function cardUrl(slug: string): string {
  const url = new URL(`/ambassadors/${encodeURIComponent(slug)}`, appBaseUrl());
  url.searchParams.set("bron", "qr");
  return url.toString();
}

/** Splits text into at most `lines` lines of about `width` characters, the last one clipped. */
function wrap(text: string, width: number, lines: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const out: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width || !line) {
      line = next;
      continue;
    }
    out.push(line);
    line = word;
    if (out.length === lines - 1) {
      line = words.slice(i).join(" ");
      break;
    }
  }
  if (line) out.push(line);
  return out.slice(0, lines).map((l, i, all) => (i === all.length - 1 ? clip(l, width) : l));
}

/** The QR code as one SVG path of unit squares, placed at (x, y) with side `size`. */
function qrPath(url: string, x: number, y: number, size: number): string {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const quiet = 4;
  const total = count + quiet * 2;
  const cell = size / total;
  let d = "";
  for (let row = 0; row < count; row += 1)
    for (let col = 0; col < count; col += 1)
      if (qr.modules.get(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  return (
    `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="#ffffff"/>` +
    `<path transform="translate(${x} ${y}) scale(${cell})" d="${d}" fill="#14463a" shape-rendering="crispEdges"/>`
  );
}

/**
 * The card as a complete SVG document. `pixelWidth` sets the rendered size (the PNG); without
 * it the card is 85 x 55 mm.
 */
export function cardSvg(input: CardInput, { pixelWidth }: { pixelWidth?: number } = {}): string {
  const url = cardUrl(input.slug);
  const t = getT(input.locale);
  const tagline = t("ambassadors.card.tagline");
  const scan = t("ambassadors.card.scan");
  const size = pixelWidth
    ? `width="${pixelWidth}" height="${Math.round((pixelWidth * H) / W)}"`
    : `width="85mm" height="55mm"`;
  const font = `font-family="DejaVu Sans, Helvetica, Arial, sans-serif"`;
  const name = wrap(input.name, 22, 2);
  const headline = wrap(input.headline, 30, 3);
  const nameLines = name
    .map((l, i) => `<tspan x="60" dy="${i === 0 ? 0 : 48}">${escapeXml(l)}</tspan>`)
    .join("");
  const headlineTop = 150 + (name.length - 1) * 48 + 70;
  const headlineLines = headline
    .map((l, i) => `<tspan x="60" dy="${i === 0 ? 0 : 36}">${escapeXml(l)}</tspan>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} viewBox="0 0 ${W} ${H}" role="img">` +
    `<title>${escapeXml(input.name)} · Kringwijs</title>` +
    `<rect width="${W}" height="${H}" fill="#ffffff"/>` +
    // Everything stays 5 mm inside the edge, so a cut a little off spoils nothing.
    `<rect x="60" y="104" width="90" height="6" fill="#b4541a"/>` +
    `<text x="60" y="90" ${font} font-size="30" font-weight="bold" fill="#1d5c4d">Kringwijs</text>` +
    `<text x="60" y="150" ${font} font-size="44" font-weight="bold" fill="#1f2933">${nameLines}</text>` +
    (headline.length
      ? `<text x="60" y="${headlineTop}" ${font} font-size="28" font-style="italic" fill="#1f2933">${headlineLines}</text>`
      : "") +
    `<text x="60" y="470" ${font} font-size="22" fill="#52606d">${escapeXml(clip(tagline, 44))}</text>` +
    `<text x="60" y="505" ${font} font-size="22" fill="#52606d">${escapeXml(clip(scan, 44))}</text>` +
    qrPath(url, 560, 130, 270) +
    `</svg>`
  );
}

/** The card as a PNG (rendered from the SVG), 1700 px wide: sharp enough for print at 500 dpi. */
export async function cardPng(input: CardInput, pixelWidth = 1700): Promise<Buffer> {
  return sharp(Buffer.from(cardSvg(input, { pixelWidth })))
    .png({ compressionLevel: 9 })
    .toBuffer();
}
