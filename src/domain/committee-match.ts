import type { Mandate } from "./mandate.js";
import { foldForSearch } from "./search-text.js";

export interface Matchable {
  slug: string;
  mandate: Pick<Mandate, "names" | "short_name">;
}

/**
 * The committees a typed name refers to: an exact slug or short name wins outright; otherwise
 * every committee whose slug, short name or name (in any language) contains the typed text,
 * ignoring case and the ä/æ, ö/ø spellings.
 */
export function matchCommittees<T extends Matchable>(query: string, candidates: readonly T[]): T[] {
  const wanted = foldForSearch(query);
  if (wanted === "") return [];
  const exact = candidates.filter(
    (c) => foldForSearch(c.slug) === wanted || (c.mandate.short_name !== undefined && foldForSearch(c.mandate.short_name) === wanted),
  );
  if (exact.length > 0) return exact;
  return candidates.filter((c) =>
    [c.slug, c.mandate.short_name ?? "", ...Object.values(c.mandate.names)].some((text) => text && foldForSearch(text).includes(wanted)),
  );
}
