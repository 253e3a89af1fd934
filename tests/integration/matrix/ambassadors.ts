import { everyone, signedInOnly, type PublicRow } from "./rows";

const ownOnly = signedInOnly({ ambassador: "ok", otherAmbassador: "ok" });
const cardAccess = signedInOnly({ ambassador: "ok", organiser: "ok" });

/** The ambassadors routes' rows (see rows.ts). */
export const ambassadorsMatrix: Record<string, PublicRow> = {
  "ambassadors._index": { path: () => "/ambassadors", loader: everyone("ok") },
  "ambassadors.$slug._index": {
    path: (w) => `/ambassadors/${w.ambassadorSlug}`,
    params: (w) => ({ slug: w.ambassadorSlug }),
    loader: everyone("ok"),
  },
  // The world's ambassador has no photo: nobody gets one (visibility is tested in ambassadors.test.ts).
  "ambassadors.$slug.photo": {
    path: (w) => `/ambassadors/${w.ambassadorSlug}/photo`,
    params: (w) => ({ slug: w.ambassadorSlug }),
    loader: everyone(404),
  },
  "ambassadors.$slug.card": {
    path: (w) => `/ambassadors/${w.ambassadorSlug}/card`,
    params: (w) => ({ slug: w.ambassadorSlug }),
    loader: cardAccess,
  },
  "ambassadors.$slug.card[.]png": {
    path: (w) => `/ambassadors/${w.ambassadorSlug}/card.png`,
    params: (w) => ({ slug: w.ambassadorSlug }),
    loader: cardAccess,
  },
  "ambassadors.$slug.card[.]svg": {
    path: (w) => `/ambassadors/${w.ambassadorSlug}/card.svg`,
    params: (w) => ({ slug: w.ambassadorSlug }),
    loader: cardAccess,
  },
  "ambassador._index": {
    path: () => "/ambassador",
    loader: ownOnly,
    action: {
      fields: () => ({ intent: "publish", published: "on" }),
      expect: signedInOnly({ ambassador: "redirect", otherAmbassador: "redirect" }),
    },
  },
  "ambassador.profile": {
    path: () => "/ambassador/profile",
    loader: ownOnly,
    action: {
      fields: () => ({ intent: "save", headline: "Van idee naar eigen zaak", published: "on" }),
      expect: ownOnly,
    },
  },
  // Neither has a photo in the world: a 404 for them, a 403 for everyone without the role.
  "ambassador.photo": {
    path: () => "/ambassador/photo",
    loader: signedInOnly({ ambassador: 404, otherAmbassador: 404 }),
  },
  "admin.ambassadors": {
    path: () => "/admin/ambassadors",
    loader: signedInOnly({ organiser: "ok" }),
    action: {
      fields: (w) => ({ intent: "feature", userId: String(w.userIds.ambassador) }),
      expect: signedInOnly({ organiser: "redirect" }),
    },
  },
};
