import type { Mandate } from "./mandate.js";
import { foldForSearch } from "./search-text.js";

export interface Matchable {
  slug: string;
  mandate: Pick<Mandate, "names" | "short_name">;
}

/**
 * The committees a typed name refers to, in three steps, the first that finds any winning:
 * 1. an exact slug: a slug is unique in its workspace and is what buttons send, so it always
 *    names that committee, even when another committee's short name is the same word;
 * 2. an exact short name;
 * 3. every committee whose slug, short name or name (in any language) contains the typed text.
 * Matching ignores case and the ä/æ, ö/ø spellings.
 */
export function matchCommittees<T extends Matchable>(query: string, candidates: readonly T[]): T[] {
  const wanted = foldForSearch(query);
  if (wanted === "") return [];
  const bySlug = candidates.filter((c) => foldForSearch(c.slug) === wanted);
  if (bySlug.length > 0) return bySlug;
  const byShortName = candidates.filter((c) => c.mandate.short_name !== undefined && foldForSearch(c.mandate.short_name) === wanted);
  if (byShortName.length > 0) return byShortName;
  return candidates.filter((c) =>
    [c.slug, c.mandate.short_name ?? "", ...Object.values(c.mandate.names)].some((text) => text && foldForSearch(text).includes(wanted)),
  );
}

export interface NameClash<T> {
  other: T;
  /** The field of the committee being imported that clashes. */
  field: "short_name" | "slug";
}

/**
 * Committees that `committee`'s short name or slug would shadow, or be shadowed by: a short name
 * that folds to another committee's slug (typing it opens the slug's committee, step 1 above),
 * or a slug that another committee uses as its short name. The importer warns about these.
 */
export function nameClashes<T extends Matchable>(committee: Matchable, others: readonly T[]): NameClash<T>[] {
  const short = committee.mandate.short_name === undefined ? undefined : foldForSearch(committee.mandate.short_name);
  const slug = foldForSearch(committee.slug);
  return others.flatMap((other): NameClash<T>[] => {
    if (other.slug === committee.slug) return [];
    if (short !== undefined && foldForSearch(other.slug) === short) return [{ other, field: "short_name" }];
    if (other.mandate.short_name !== undefined && foldForSearch(other.mandate.short_name) === slug) return [{ other, field: "slug" }];
    return [];
  });
}
