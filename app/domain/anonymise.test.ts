import { describe, expect, it } from "vitest";
import { findKnownNames, findLikelyNames, nameVariants, redactKnownNames } from "./anonymise";

const people = [
  { text: "Lotte van Dijk", kind: "person" as const },
  { text: "Hans Kok", kind: "person" as const },
  { text: "Van Dijk Installatietechniek", kind: "company" as const },
  { text: "Coöperatie Zuidwest", kind: "company" as const },
];

describe("borging: names", () => {
  it("looks for a name whole, its surname with particles, and its telling parts", () => {
    expect(nameVariants({ text: "Lotte van Dijk", kind: "person" })).toEqual([
      "Lotte van Dijk",
      "van Dijk",
      "Lotte",
      "Dijk",
    ]);
    // A company's generic words do not count as its name.
    expect(nameVariants({ text: "Van Dijk Installatietechniek", kind: "company" })).toEqual([
      "Van Dijk Installatietechniek",
      "Dijk",
    ]);
  });

  it("finds known names whole-word, in any case and with or without diacritics", () => {
    const text =
      "lotte vertelde dat Van Dijk Installatietechniek groeit. Hans Kok en de cooperatie zuidwest deden mee. Hansje niet.";
    expect(findKnownNames(text, people).map((h) => [h.text, h.kind])).toEqual([
      ["lotte", "person"],
      ["Van Dijk Installatietechniek", "company"],
      ["Hans Kok", "person"],
      ["cooperatie zuidwest", "company"],
    ]);
    expect(findKnownNames("Niemand hier.", people)).toEqual([]);
    // A generic word of a company's name is not the name: "coöperatie" alone is not flagged.
    expect(findKnownNames("Een coöperatie van zorgbedrijven.", people)).toEqual([]);
  });

  it("replaces the known names with placeholders and leaves the rest", () => {
    expect(
      redactKnownNames("Lotte en Hans Kok spraken over Van Dijk Installatietechniek.", people, {
        person: "[naam]",
        company: "[bedrijf]",
      }),
    ).toBe("[naam] en [naam] spraken over [bedrijf].");
  });

  it("hints at capitalised words inside a sentence, not at the start of one", () => {
    const text =
      "We spraken met Jeroen over de aanpak. Daarna kwam Bakkerij Jansen aan bod.\n- Planning";
    expect(findLikelyNames(text).map((h) => h.text)).toEqual(["Jeroen", "Bakkerij", "Jansen"]);
    expect(findLikelyNames(text, ["jeroen"]).map((h) => h.text)).toEqual(["Bakkerij", "Jansen"]);
  });
});
