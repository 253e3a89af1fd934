/**
 * Profile photos: what an ambassador uploads is checked by its bytes (sharp reads the image;
 * the file name and the browser's type are not trusted), turned upright per its EXIF
 * orientation, cut to a square and stored as a fresh JPEG without any metadata (no EXIF, so no
 * GPS position, no camera serial, no ICC profile beyond sRGB).
 */
import sharp from "sharp";
import { PHOTO_MAX_BYTES } from "./body-limits";

/** The largest photo accepted (app/utils/body-limits.ts). */
export { PHOTO_MAX_BYTES };

/** The stored square's side in pixels. */
export const PHOTO_SIZE = 400;
/** Larger than this many pixels is refused before decoding (a "decompression bomb"). */
const MAX_INPUT_PIXELS = 40_000_000;

const ACCEPTED = new Set(["jpeg", "png", "webp"]);

export type PhotoResult =
  | { ok: true; jpeg: Buffer }
  | { ok: false; reason: "empty" | "tooLarge" | "notAnImage" | "unsupported" | "corrupt" };

/** Reads, checks and re-encodes an uploaded photo; never throws for bad input. */
export async function processPhoto(input: Uint8Array): Promise<PhotoResult> {
  if (input.byteLength === 0) return { ok: false, reason: "empty" };
  if (input.byteLength > PHOTO_MAX_BYTES) return { ok: false, reason: "tooLarge" };
  let format: string | undefined;
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    format = meta.format;
    if (!meta.width || !meta.height) return { ok: false, reason: "corrupt" };
  } catch {
    return { ok: false, reason: "notAnImage" };
  }
  if (!format || !ACCEPTED.has(format)) return { ok: false, reason: "unsupported" };
  try {
    const jpeg = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      // Upright per the EXIF orientation, which is then dropped with the rest of the metadata.
      .rotate()
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: "cover", position: "attention" })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82, mozjpeg: true })
      // sharp keeps no metadata unless asked (no withMetadata/keepExif): the output is clean.
      .toBuffer();
    return { ok: true, jpeg };
  } catch {
    return { ok: false, reason: "corrupt" };
  }
}
