import { everyone, signedInOnly, type PublicRow } from "./rows";

/** Who may write: ambassadors (their own stories) and staff (coaches, organisers). */
const writers = signedInOnly({
  ambassador: "ok",
  otherAmbassador: "ok",
  coach: "ok",
  organiser: "ok",
});
/** Who sees the ambassador's draft: the ambassador and staff; to the rest it does not exist. */
const draftViewers = { ambassador: "ok", coach: "ok", organiser: "ok" } as const;

/** The knowledge routes' rows (see rows.ts). */
export const knowledgeMatrix: Record<string, PublicRow> = {
  "knowledge._index": {
    path: () => "/knowledge?q=verhaal&theme=social_innovation",
    loader: everyone("ok"),
  },
  // The draft: a 404 to the public and to another ambassador, a preview to its writer and staff.
  // (Published items are open to everyone: tests/integration/knowledge-routes.test.ts.)
  "knowledge.$slug._index": {
    path: (w) => `/knowledge/${w.draftStorySlug}`,
    params: (w) => ({ slug: w.draftStorySlug }),
    loader: { ...everyone(404), ...draftViewers },
  },
  "knowledge.$slug.edit": {
    path: (w) => `/knowledge/${w.draftStorySlug}/edit`,
    params: (w) => ({ slug: w.draftStorySlug }),
    loader: { ...everyone(404), anonymous: "login", ...draftViewers },
    action: {
      fields: () => ({ intent: "publish" }),
      expect: {
        ...everyone(404),
        anonymous: "login",
        ambassador: "redirect",
        coach: "redirect",
        organiser: "redirect",
      },
    },
  },
  "knowledge.new": {
    path: () => "/knowledge/new",
    loader: writers,
    action: {
      fields: () => ({
        intent: "save",
        kind: "story",
        title: "Hoe wij begonnen",
        summary: "Een korte samenvatting.",
        body: "Zo ging het.",
      }),
      expect: signedInOnly({
        ambassador: "redirect",
        otherAmbassador: "redirect",
        coach: "redirect",
        organiser: "redirect",
      }),
    },
  },
  "knowledge.manage": {
    path: () => "/knowledge/manage?status=draft",
    loader: writers,
  },
  // Anyone can be asked to approve (borging asks members); nobody is asked in this world.
  "knowledge.approvals": {
    path: () => "/knowledge/approvals",
    loader: signedInOnly({}, "ok"),
    action: {
      fields: () => ({ intent: "approve", itemId: "999999999" }),
      expect: signedInOnly({}, 400),
    },
  },
  // Borging: only the circle's coach; others who may know the circle exists get a 403.
  "circles.$circleId.harvest": {
    path: (w) => `/circles/${w.circleId}/harvest?thread=${w.threadId}`,
    params: (w) => ({ circleId: String(w.circleId) }),
    loader: signedInOnly({ coach: "ok" }),
    action: {
      fields: (w) => ({
        intent: "create",
        source: "thread",
        sourceId: String(w.threadId),
        title: "Les over zelfsturing",
        summary: "Wat wij leerden over zelfsturende teams.",
        body: "begin klein, met een team dat wil.",
        themes: "social_innovation",
      }),
      expect: signedInOnly({ coach: "redirect" }),
    },
  },
};
