/**
 * Photos and business cards: uploads are checked by their bytes (a text file named .jpg, an
 * oversized file, a corrupt image are refused with a message next to the field and nothing is
 * stored), a photo with EXIF GPS is stored without any metadata, the photo route serves only
 * public photos; the PNG card's QR code decodes to the profile URL with ?bron=qr, and the SVG
 * card is well-formed XML with the name escaped.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import jsQR from "jsqr";
import sharp from "sharp";
import { ambassadorProfiles } from "../../db/schema";
import { action as profileAction } from "~/routes/ambassador.profile";
import { loader as photoLoader } from "~/routes/ambassadors.$slug.photo";
import { loader as ownPhotoLoader } from "~/routes/ambassador.photo";
import { loader as pngLoader } from "~/routes/ambassadors.$slug.card[.]png";
import { loader as svgLoader } from "~/routes/ambassadors.$slug.card[.]svg";
import { loader as sheetLoader } from "~/routes/ambassadors.$slug.card";
import { getOwnProfile, saveProfile, type ProfileInput } from "~/models/ambassadors.server";
import { appBaseUrl } from "~/utils/env.server";
import { getDb } from "~/utils/db.server";
import { load, signedIn, submit } from "./helpers";

const base: ProfileInput = {
  headline: "Van familiebedrijf naar zelfsturende teams",
  companyName: "",
  sector: null,
  sizeClass: null,
  lifePhase: null,
  province: null,
  themes: [],
  bio: "",
  offers: [],
  availability: "",
  publicFields: ["photo"],
  published: true,
};

async function ambassador(name = "Sanne Kuipers") {
  const user = await signedIn({ roles: ["ambassador"], name });
  const { slug } = getOwnProfile(user.id);
  saveProfile(user.id, base);
  return { ...user, slug };
}

function storedPhoto(userId: number) {
  return getDb()
    .select({ photo: ambassadorProfiles.photo })
    .from(ambassadorProfiles)
    .where(eq(ambassadorProfiles.userId, userId))
    .get()?.photo;
}

const upload = (cookie: string, file: Blob | File) =>
  submit(profileAction, "/ambassador/profile", { intent: "upload", photo: file }, { cookie });

async function photoError(res: Response) {
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(body.form).toBe("photo");
  return body.reply.error.photo as string[];
}

/** A real JPEG with an EXIF GPS position, camera make and a sideways orientation. */
async function jpegWithGps() {
  return sharp({ create: { width: 900, height: 600, channels: 3, background: "#4a7" } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: "TestCam", Model: "Spion 3000" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "52/1 5/1 0/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "6/1 9/1 0/1",
        },
      },
    })
    .toBuffer();
}

describe("photo upload", () => {
  it("strips all metadata (EXIF GPS in particular), turns upright and crops square", async () => {
    const a = await ambassador();
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(input.includes(Buffer.from("Spion 3000"))).toBe(true);

    const res = await upload(a.cookie, new File([input], "vakantie.jpg", { type: "image/jpeg" }));
    expect(res.status).toBe(200);
    const stored = storedPhoto(a.id)!;
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.width).toBe(400);
    expect(meta.height).toBe(400);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes(Buffer.from("Spion 3000"))).toBe(false);
    expect(stored.includes(Buffer.from("Exif"))).toBe(false);

    // Served publicly as a JPEG with a cache header, since the photo is public.
    const served = await load(photoLoader, `/ambassadors/${a.slug}/photo`, {
      params: { slug: a.slug },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/jpeg");
    expect(served.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
    expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);
  });

  it("accepts PNG and WebP by their bytes, whatever the name", async () => {
    const a = await ambassador();
    const png = await sharp({ create: { width: 50, height: 80, channels: 4, background: "#0000" } })
      .png()
      .toBuffer();
    expect(
      (await upload(a.cookie, new File([png], "foto.txt", { type: "text/plain" }))).status,
    ).toBe(200);
    const webp = await sharp({ create: { width: 60, height: 60, channels: 3, background: "#333" } })
      .webp()
      .toBuffer();
    expect((await upload(a.cookie, new File([webp], "foto", { type: "" }))).status).toBe(200);
    expect((await sharp(storedPhoto(a.id)!).metadata()).format).toBe("jpeg");
  });

  it("refuses a text file named .jpg, storing nothing", async () => {
    const a = await ambassador();
    const res = await upload(
      a.cookie,
      new File(["Dit is geen foto, maar een boodschappenlijst."], "foto.jpg", {
        type: "image/jpeg",
      }),
    );
    expect(await photoError(res)).toEqual(["ambassadors.edit.photoError.notAnImage"]);
    expect(storedPhoto(a.id)).toBeNull();
  });

  it("refuses a file over 5 MB with a message, not a 500", async () => {
    const a = await ambassador();
    const big = new Uint8Array(6 * 1024 * 1024).fill(0xff);
    const res = await upload(a.cookie, new File([big], "groot.jpg", { type: "image/jpeg" }));
    expect(await photoError(res)).toEqual(["ambassadors.edit.photoError.tooLarge"]);
    expect(storedPhoto(a.id)).toBeNull();
  });

  it("refuses a body declared over the limit after reading it, with the same message", async () => {
    const a = await ambassador();
    const big = new Uint8Array(6 * 1024 * 1024).fill(0xff);
    const res = await submit(
      profileAction,
      "/ambassador/profile",
      { intent: "upload", photo: new File([big], "groot.jpg") },
      { cookie: a.cookie, headers: { "Content-Length": String(big.length + 500) } },
    );
    expect(await photoError(res)).toEqual(["ambassadors.edit.photoError.tooLarge"]);
    expect(storedPhoto(a.id)).toBeNull();
  });

  it("refuses a corrupt image", async () => {
    const a = await ambassador();
    const good = await jpegWithGps();
    const truncated = good.subarray(0, Math.floor(good.length / 3));
    const res = await upload(a.cookie, new File([truncated], "kapot.jpg", { type: "image/jpeg" }));
    const errors = await photoError(res);
    expect([
      "ambassadors.edit.photoError.corrupt",
      "ambassadors.edit.photoError.notAnImage",
    ]).toContain(errors[0]);
    expect(storedPhoto(a.id)).toBeNull();
  });

  it("refuses other image kinds (a GIF) and an empty choice", async () => {
    const a = await ambassador();
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#f00" } })
      .gif()
      .toBuffer();
    expect(await photoError(await upload(a.cookie, new File([gif], "a.gif")))).toEqual([
      "ambassadors.edit.photoError.unsupported",
    ]);
    expect(await photoError(await upload(a.cookie, new File([], "leeg.jpg")))).toEqual([
      "ambassadors.edit.photoError.empty",
    ]);
    expect(storedPhoto(a.id)).toBeNull();
  });

  it("is only served while public, and can be removed", async () => {
    const a = await ambassador();
    await upload(a.cookie, new File([await jpegWithGps()], "a.jpg"));
    const get = () =>
      load(photoLoader, `/ambassadors/${a.slug}/photo`, { params: { slug: a.slug } });
    expect((await get()).status).toBe(200);

    saveProfile(a.id, { ...base, publicFields: [] });
    expect((await get()).status).toBe(404);
    // The owner still sees it on their edit page.
    expect((await load(ownPhotoLoader, "/ambassador/photo", { cookie: a.cookie })).status).toBe(
      200,
    );

    saveProfile(a.id, { ...base, published: false });
    expect((await get()).status).toBe(404);

    saveProfile(a.id, base);
    const removed = await submit(profileAction, "/ambassador/profile", { intent: "remove" }, a);
    expect(removed.status).toBe(200);
    expect(storedPhoto(a.id)).toBeNull();
    expect((await get()).status).toBe(404);
  });
});

describe("business card", () => {
  it("PNG: the QR code decodes to the profile URL with bron=qr", async () => {
    const a = await ambassador("Bart Nijhuis");
    const res = await load(pngLoader, `/ambassadors/${a.slug}/card.png`, {
      params: { slug: a.slug },
      cookie: a.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    const { data, info } = await sharp(png)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const code = jsQR(
      new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
      info.width,
      info.height,
    );
    expect(code?.data).toBe(`${appBaseUrl().replace(/\/$/, "")}/ambassadors/${a.slug}?bron=qr`);
  });

  it("SVG: well-formed XML with the name and headline escaped", async () => {
    const a = await ambassador(`Tom & "Jerry" <script>alert(1)</script>`);
    saveProfile(a.id, { ...base, headline: "Ik & jij <b>samen</b>" });
    const res = await load(svgLoader, `/ambassadors/${a.slug}/card.svg`, {
      params: { slug: a.slug },
      cookie: a.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("Tom &amp; &quot;Jerry&quot; &lt;script&gt;");
    expect(svg).toContain("Ik &amp; jij &lt;b&gt;samen&lt;/b&gt;");
    // A strict XML parser (librsvg's) reads it; an unescaped & or < would make it fail.
    const meta = await sharp(Buffer.from(svg)).metadata();
    expect(meta.format).toBe("svg");
  });

  it("the print sheet is for the ambassador and organisers; others 403, no profile 404", async () => {
    const a = await ambassador("Henk Wolters");
    const sheet = (cookie?: string, slug = a.slug) =>
      load(sheetLoader, `/ambassadors/${slug}/card`, { params: { slug }, cookie });
    expect((await sheet(a.cookie)).status).toBe(200);
    const organiser = await signedIn({ roles: ["organiser"] });
    expect((await sheet(organiser.cookie)).status).toBe(200);
    const other = await signedIn();
    expect((await sheet(other.cookie)).status).toBe(403);
    expect((await sheet(other.cookie, "bestaat-niet")).status).toBe(404);
    expect((await sheet(undefined)).status).toBe(302);
    // Unpublished: invisible to others (404), still printable by its owner.
    saveProfile(a.id, { ...base, published: false });
    expect((await sheet(other.cookie)).status).toBe(404);
    expect((await sheet(a.cookie)).status).toBe(200);
  });
});
