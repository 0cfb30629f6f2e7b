import { LANGUAGES } from "./language.js";
import type { Mandate, MandateSection } from "./mandate.js";
import { containsAllWords, foldForSearch } from "./search-text.js";

/**
 * A search shows at most this many committees, with their matching passages, and says how many
 * more matched: a word in every mandate must not make a reply of a thousand committees.
 */
export const SEARCH_COMMITTEES_SHOWN = 10;
/** …each with at most this many of its matching passages (in mandate order) and how many it has in all. */
export const SEARCH_HITS_SHOWN = 6;

export interface MandateHit {
  section: MandateSection;
  /** The passage that matched, as written in the mandate. */
  text: string;
}

/** Every passage of the mandate, with the section a reader would open to find it. */
export function mandatePassages(m: Mandate): MandateHit[] {
  const passages: MandateHit[] = [
    // The mandate's own language first, then the others in a fixed order: not the order of the
    // object's keys, which storing it as jsonb changes.
    ...[m.language, ...LANGUAGES.filter((l) => l !== m.language)].flatMap((l) => {
      const text = m.names[l];
      return text === undefined ? [] : [{ section: "purpose" as const, text }];
    }),
    { section: "purpose", text: m.purpose },
    ...m.tasks.map((t) => ({ section: "tasks" as const, text: t.text })),
    ...m.members.map((p) => ({
      section: "members" as const,
      text: [p.title, p.organisation, p.name, ...(p.groups ?? [])].filter(Boolean).join(", "),
    })),
    ...(m.meetings?.text ? [{ section: "meetings" as const, text: m.meetings.text }] : []),
    ...(m.decisions.text ? [{ section: "decisions" as const, text: m.decisions.text }] : []),
    ...(m.obligations ?? []).map((o) => ({ section: "obligations" as const, text: [o.title, o.to, o.clause].filter(Boolean).join(" — ") })),
    ...(m.deadlines ?? []).map((d) => ({ section: "obligations" as const, text: [d.title, d.to, d.clause].filter(Boolean).join(" — ") })),
    ...(m.funding
      ? [
          ...[m.funding.source, m.funding.managed_by, m.funding.text]
            .filter((t): t is string => Boolean(t))
            .map((text) => ({ section: "funding" as const, text })),
          ...(m.funding.allocations ?? []).map((a) => ({ section: "funding" as const, text: a.purpose })),
          ...(m.funding.other_amounts ?? []).map((a) => ({ section: "funding" as const, text: a.text })),
        ]
      : []),
    ...(m.provisions ?? []).map((p) => ({ section: p.section, text: p.text })),
    ...(m.history ?? []).map((h) => ({ section: "history" as const, text: h.text })),
  ];
  return passages.filter((p) => p.text.length > 0);
}

/** A passage as the search index stores it: folded once, when its version is imported. */
export interface IndexedPassage extends MandateHit {
  /** `text` through foldForSearch: what the words of a search (searchWords) are looked for in. */
  folded: string;
}

/** Every passage of the mandate with its folded text, in the order mandatePassages gives. */
export function indexedPassages(m: Mandate): IndexedPassage[] {
  return mandatePassages(m).map((p) => ({ ...p, folded: foldForSearch(p.text) }));
}

/**
 * Passages containing every word (already folded with `searchWords`). The definition of a
 * match: the search index in the database (src/db/search-repository.ts) finds the same passages.
 */
export function searchMandate(m: Mandate, words: string[]): MandateHit[] {
  if (words.length === 0) return [];
  return mandatePassages(m).filter((p) => containsAllWords(p.text, words));
}
