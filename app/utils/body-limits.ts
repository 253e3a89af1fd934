/**
 * How large a request body the server accepts before any route reads it (scripts/server.ts):
 * forms are small, so 1 MB; the ambassador's photo form takes a photo of up to 5 MB, and up to
 * UPLOAD_HARD_MAX so a file a little over the limit still gets the page with its message (the
 * route reads and drops such a body, then answers 400) instead of a bare 413.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** The photo form's fields besides the file are a few bytes; this is the whole body's limit. */
export const PHOTO_BODY_MAX = PHOTO_MAX_BYTES + 64 * 1024;
export const UPLOAD_HARD_MAX = 12 * 1024 * 1024;

const UPLOAD_PATHS = new Set(["/ambassador/profile"]);

export function maxBodyBytes(path: string): number {
  return UPLOAD_PATHS.has(path) ? UPLOAD_HARD_MAX : MAX_BODY_BYTES;
}
