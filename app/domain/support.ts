/**
 * The wegwijzer's pure rules: which organisations serve a province (one without provinces is
 * national and serves every province), which match a theme, and the order in which an
 * ambassador sees them when referring a visitor (the request's province and the ambassador's
 * themes first).
 */
export type SupportScope = { provinces: readonly string[]; themes: readonly string[] };

/** National organisations (no provinces) serve every province; no province asked: all serve. */
export function servesProvince(org: SupportScope, province: string | null | undefined): boolean {
  if (!province) return true;
  return org.provinces.length === 0 || org.provinces.includes(province);
}

/** No theme asked: all match; an organisation without themes helps with anything. */
export function servesTheme(org: SupportScope, theme: string | null | undefined): boolean {
  if (!theme) return true;
  return org.themes.length === 0 || org.themes.includes(theme);
}

/**
 * How well an organisation fits a referral: a province of its own beats national, national
 * beats another province; each shared theme counts. Higher is a better fit.
 */
export function referralScore(
  org: SupportScope,
  want: { themes: readonly string[]; province?: string | null },
): number {
  let score = 0;
  if (want.province) {
    if (org.provinces.includes(want.province)) score += 4;
    else if (org.provinces.length === 0) score += 2;
  } else if (org.provinces.length === 0) score += 1;
  score += 3 * org.themes.filter((t) => want.themes.includes(t)).length;
  return score;
}

/**
 * Every organisation, best fits first (then by name), each marked `suggested` when it serves
 * the province and shares a theme (or serves the province when no themes are known). Nobody is
 * left out: the ambassador may know better than the ranking.
 */
export function rankForReferral<T extends SupportScope & { name: string }>(
  orgs: readonly T[],
  want: { themes: readonly string[]; province?: string | null },
): Array<T & { suggested: boolean }> {
  return orgs
    .map((org) => {
      const local = want.province ? servesProvince(org, want.province) : true;
      const themed =
        want.themes.length === 0 ||
        org.themes.length === 0 ||
        org.themes.some((t) => want.themes.includes(t));
      return { org, score: referralScore(org, want), suggested: local && themed };
    })
    .sort(
      (a, b) =>
        Number(b.suggested) - Number(a.suggested) ||
        b.score - a.score ||
        a.org.name.localeCompare(b.org.name, "nl"),
    )
    .map(({ org, suggested }) => ({ ...org, suggested }));
}
