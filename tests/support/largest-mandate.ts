import { LANGUAGES, type Language } from "../../src/domain/language.js";
import { MANDATE_LIMITS, Mandate, MandateSection, MemberRole } from "../../src/domain/mandate.js";

/**
 * The largest mandate the schema accepts: every text at its longest, every list at its longest,
 * every duty weekly, every owner as many seats as allowed. Texts mix plain letters with the
 * Nordic letters and the characters mrkdwn must escape (& < >), so escaping grows them as it
 * would real text. Used by the Block Kit limits test and bench/largest-mandate.ts.
 */

const L = MANDATE_LIMITS;

/** Text of exactly `length` UTF-16 units (what zod counts), starting with `label`. */
export function filler(label: string, length: number): string {
  const pattern = " Særlige opgaver & ansvar for <udvalget> og rådet, møder og økonomi.";
  let text = label;
  while (text.length < length) text += pattern;
  return text.slice(0, length).trimEnd().padEnd(length, "x");
}

/** An id of exactly `length` characters: lower-case letters and digits, hyphen-separated. */
function id(label: string, i: number, length = L.id): string {
  const base = `${label}-${i}-`;
  return `${base}${"a".repeat(length - base.length)}`;
}

const DAYS = Array.from({ length: 52 }, (_, i) => {
  // 52 distinct MM-DD days that exist in every year, in order.
  const date = new Date(Date.UTC(2023, 0, 1 + i * 7));
  return date.toISOString().slice(5, 10);
});

export interface LargestOptions {
  slug?: string;
  language?: Language;
  visibility?: "public" | "members";
  /** Slack id of the chair's seat, so a test can act as a member. */
  chairSlackId?: string;
  /** The mandate's first day (its weekly duties are planned from two years before now at most). */
  validFrom?: string;
}

/** The largest mandate as plain data, as a YAML file would give it; `Mandate.parse` accepts it. */
export function largestMandateData(options: LargestOptions = {}): Record<string, unknown> {
  const language = options.language ?? "da";
  const slug = options.slug ?? `stoerste-${"x".repeat(L.slug - "stoerste-".length)}`.slice(0, L.slug);
  const seats = Array.from({ length: L.members }, (_, i) => id("seat", i));
  const roles = MemberRole.options;
  const owner = (i: number) => ({ seats: seats.slice(i % (L.members - L.ownerSeats), (i % (L.members - L.ownerSeats)) + L.ownerSeats) });
  return {
    format: "mandat/v1",
    slug,
    names: Object.fromEntries(LANGUAGES.map((l) => [l, filler(`Udvalget ${l}`, L.name)])),
    short_name: filler("Kort", L.shortName),
    language,
    time_zone: "Europe/Copenhagen",
    country: "DK",
    slack_channel: `#${"k".repeat(80)}`,
    visibility: options.visibility ?? "public",
    reports_to: Array.from({ length: L.reportsTo }, (_, i) => filler(`Organ ${i}`, L.text)),
    valid: { from: options.validFrom ?? "1980-01-01" },
    source: {
      title: filler("Kommissorium", L.text),
      document: filler("Dokument", L.text),
      context: Array.from({ length: L.sourceContext }, (_, i) => filler(`Sammenhæng ${i}`, L.text)),
      issued_by: filler("Udstedt af", L.text),
      approved_by: filler("Godkendt af", L.text),
      approved_on: "2024-03-18",
      reference: filler("Reference", L.text),
    },
    purpose: filler("Formål", L.longText),
    tasks: Array.from({ length: L.tasks }, (_, i) => ({ id: id("opgave", i), text: filler(`Opgave ${i}`, L.longText) })),
    members: seats.map((seat, i) => ({
      seat,
      role: i === 0 ? "chair" : roles[i % roles.length],
      title: filler(`Titel ${i}`, L.text),
      organisation: filler(`Organisation ${i}`, L.text),
      groups: Array.from({ length: L.groupsPerMember }, (_, g) => filler(`Gruppe ${g}`, L.group)),
      name: filler(`Navn ${i}`, L.text),
      ...(i === 0 && options.chairSlackId ? { slack_id: options.chairSlackId } : { slack_id: `U${String(i).padStart(30, "0")}` }),
      email: `${"m".repeat(60)}${i}@${"d".repeat(180)}.example.org`.slice(0, 254),
    })),
    meetings: { min_per_year: 4, max_per_year: 366, text: filler("Møder", L.longText) },
    decisions: { rule: "qualified_majority", quorum: 0.5, threshold: 0.67, text: filler("Beslutninger", L.longText) },
    obligations: Array.from({ length: L.obligations }, (_, i) => ({
      id: id("pligt", i),
      title: filler(`Pligt ${i}`, L.title),
      owner: owner(i),
      to: filler(`Modtager ${i}`, L.text),
      every: { at_least: 52, per: "year" },
      due: DAYS,
      clause: filler(`Klausul ${i}`, L.longText),
    })),
    deadlines: Array.from({ length: L.deadlines }, (_, i) => ({
      id: id("frist", i),
      title: filler(`Frist ${i}`, L.title),
      due: `2027-${String((i % 12) + 1).padStart(2, "0")}-15`,
      owner: owner(i + 7),
      to: filler(`Modtager ${i}`, L.text),
      clause: filler(`Klausul ${i}`, L.longText),
    })),
    funding: {
      currency: "DKK",
      total: L.amount,
      years: { from: 1900, to: 2200 },
      source: filler("Kilde", L.longText),
      managed_by: filler("Forvaltet af", L.text),
      allocations: Array.from({ length: L.allocations }, (_, i) => ({
        id: id("bevilling", i),
        amount: L.amount / L.allocations,
        purpose: filler(`Bevilling ${i}`, L.longText),
      })),
      other_amounts: Array.from({ length: L.otherAmounts }, (_, i) => ({
        id: id("beloeb", i),
        amount: L.amount,
        approximate: true,
        currency: "EUR",
        years: { from: 1900, to: 2200 },
        text: filler(`Beløb ${i}`, L.longText),
      })),
      text: filler("Finansiering", L.longText),
    },
    // All provisions in one part: the longest that part can be.
    provisions: Array.from({ length: L.provisions }, (_, i) => ({
      id: id("bestemmelse", i),
      section: MandateSection.options[1],
      text: filler(`Bestemmelse ${i}`, L.longText),
    })),
    history: Array.from({ length: L.history }, (_, i) => ({ date: `${1950 + i}-06-01`, text: filler(`Begivenhed ${i}`, L.longText) })),
  };
}

export function largestMandate(options: LargestOptions = {}): Mandate {
  return Mandate.parse(largestMandateData(options));
}
