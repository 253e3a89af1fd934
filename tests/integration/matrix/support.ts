import { everyone, signedInOnly, type PublicRow } from "./rows";

const organisationFields = {
  name: "Innovatieloket Matrix",
  kind: "innovation_desk",
  description: "Helpt ondernemers met een eerste innovatievraag.",
  url: "https://example.org/matrix",
  provinces: "OV",
  themes: "digitalisation",
};

/** The support routes' rows (see rows.ts). */
export const supportMatrix: Record<string, PublicRow> = {
  // Public. The action's row fills the honeypot, so every persona is "thanked" (a redirect to
  // the thank-you state) and nothing is stored: real sends are rate limited per address, and
  // the matrix sends them all from one. The sending itself is tested in contact-requests.test.ts.
  "ambassadors.$slug.contact": {
    path: (w) => `/ambassadors/${w.ambassadorSlug}/contact`,
    params: (w) => ({ slug: w.ambassadorSlug }),
    loader: everyone("ok"),
    action: {
      fields: () => ({
        name: "Bezoeker",
        email: "bezoeker@example.nl",
        message: "Hoe zijn jullie begonnen met zelfsturende teams?",
        website: "https://spam.example",
      }),
      expect: everyone("redirect"),
    },
  },
  // Only ambassadors have an inbox, and it holds only their own requests.
  "ambassador.requests._index": {
    path: () => "/ambassador/requests",
    loader: signedInOnly({ ambassador: "ok", otherAmbassador: "ok" }),
  },
  // Another ambassador's request is as unknown as a missing one.
  "ambassador.requests.$requestId": {
    path: (w) => `/ambassador/requests/${w.contactRequestId}`,
    params: (w) => ({ requestId: String(w.contactRequestId) }),
    loader: signedInOnly({ ambassador: "ok", otherAmbassador: 404 }),
    action: {
      fields: () => ({ intent: "close" }),
      expect: signedInOnly({ ambassador: "redirect", otherAmbassador: 404 }),
    },
  },
  "support._index": {
    path: () => "/support",
    loader: everyone("ok"),
  },
  "support.new": {
    path: () => "/support/new",
    loader: signedInOnly({ organiser: "ok" }),
    action: { fields: () => organisationFields, expect: signedInOnly({ organiser: "redirect" }) },
  },
  "support.$organisationId.edit": {
    path: (w) => `/support/${w.supportOrganisationId}/edit`,
    params: (w) => ({ organisationId: String(w.supportOrganisationId) }),
    loader: signedInOnly({ organiser: "ok" }),
    action: {
      fields: () => ({ intent: "save", ...organisationFields }),
      expect: signedInOnly({ organiser: "redirect" }),
    },
  },
};
