import type { Mandate, MandateSection } from "./mandate.js";
import { containsAllWords } from "./search-text.js";

export interface MandateHit {
  section: MandateSection;
  /** The passage that matched, as written in the mandate. */
  text: string;
}

/** Every passage of the mandate, with the section a reader would open to find it. */
export function mandatePassages(m: Mandate): MandateHit[] {
  const passages: MandateHit[] = [
    ...Object.values(m.names).map((text) => ({ section: "purpose" as const, text })),
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

/** Passages containing every word (already folded with `searchWords`). */
export function searchMandate(m: Mandate, words: string[]): MandateHit[] {
  if (words.length === 0) return [];
  return mandatePassages(m).filter((p) => containsAllWords(p.text, words));
}
