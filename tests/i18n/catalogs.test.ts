import { describe, expect, it } from "vitest";
import { isKeyword, sectionFor } from "../../commands/vocabulary.js";
import { ERROR_CODES, type ErrorCode, type ErrorParamsByCode } from "../../src/domain/errors.js";
import { LANGUAGES } from "../../src/domain/language.js";
import { MandateSection } from "../../src/domain/mandate.js";
import { foldForSearch } from "../../src/domain/search-text.js";
import type { ErrorMessages } from "../../src/i18n/en.js";
import { CATALOGS } from "../../src/i18n/index.js";

/**
 * en defines the keys; da, nb and sv must have the same tree. The checks below are written as
 * functions of a catalog so the test can also prove, on broken copies made in memory, that they
 * notice what they are meant to notice.
 */
type Kind = "string" | "function" | "array" | "object" | "other";

function kindOf(value: unknown): Kind {
  if (typeof value === "string") return "string";
  if (typeof value === "function") return "function";
  if (Array.isArray(value)) return "array";
  if (value !== null && typeof value === "object") return "object";
  return "other";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === "object";
}

/** Every way `candidate` differs in shape from `reference`: keys, kinds, function arity, text arrays' lengths. */
function shapeDifferences(reference: unknown, candidate: unknown, path = ""): string[] {
  const here = path || "(root)";
  const kind = kindOf(reference);
  if (kind !== kindOf(candidate)) return [`${here}: ${kindOf(candidate)} instead of ${kind}`];
  if (kind === "function" && (reference as () => unknown).length !== (candidate as () => unknown).length) {
    return [`${here}: takes ${(candidate as () => unknown).length} parameters instead of ${(reference as () => unknown).length}`];
  }
  if (kind === "array" && !path.startsWith("keywords.") && (reference as unknown[]).length !== (candidate as unknown[]).length) {
    return [`${here}: ${(candidate as unknown[]).length} lines instead of ${(reference as unknown[]).length}`];
  }
  if (!isRecord(reference) || !isRecord(candidate)) return [];
  const missing = Object.keys(reference)
    .filter((key) => !(key in candidate))
    .map((key) => `${path ? `${path}.` : ""}${key}: missing`);
  const extra = Object.keys(candidate)
    .filter((key) => !(key in reference))
    .map((key) => `${path ? `${path}.` : ""}${key}: not in en`);
  const nested = Object.keys(reference)
    .filter((key) => key in candidate)
    .flatMap((key) => shapeDifferences(reference[key], candidate[key], path ? `${path}.${key}` : key));
  return [...missing, ...extra, ...nested];
}

/** Strings that are empty (or only whitespace), and values that are neither text nor functions. */
function emptyTexts(value: unknown, path = ""): string[] {
  switch (kindOf(value)) {
    case "string":
      return (value as string).trim() === "" ? [path] : [];
    case "function":
      return [];
    case "array":
      return (value as unknown[]).length === 0
        ? [`${path}: empty list`]
        : (value as unknown[]).flatMap((item, i) => emptyTexts(item, `${path}[${i}]`));
    case "object":
      return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => emptyTexts(item, path ? `${path}.${key}` : key));
    default:
      return [`${path}: ${String(value)}`];
  }
}

/** Every function of a catalog outside `errors`, by path. */
function functionsOf(value: unknown, path = ""): [string, (...args: unknown[]) => unknown][] {
  if (typeof value === "function") return [[path, value as (...args: unknown[]) => unknown]];
  if (!isRecord(value)) return [];
  return Object.entries(value)
    .filter(([key]) => !(path === "" && key === "errors"))
    .flatMap(([key, item]) => functionsOf(item, path ? `${path}.${key}` : key));
}

function at(catalog: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), catalog);
}

/** A copy with functions kept (structuredClone refuses them). */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyOf(v)])) as T;
  return value;
}

/** Each folded keyword with every meaning it has in any language: "new", "section:tasks" … */
function keywordMeanings(catalogs: readonly unknown[]): Map<string, Set<string>> {
  const meanings = new Map<string, Set<string>>();
  const add = (word: string, meaning: string) => {
    const folded = foldForSearch(word);
    meanings.set(folded, (meanings.get(folded) ?? new Set()).add(meaning));
  };
  for (const catalog of catalogs) {
    const keywords = at(catalog, "keywords");
    if (!isRecord(keywords)) continue;
    for (const [keyword, words] of Object.entries(keywords)) {
      if (keyword === "sections" && isRecord(words)) {
        for (const [section, sectionWords] of Object.entries(words)) for (const w of sectionWords as string[]) add(w, `section:${section}`);
      } else {
        for (const w of words as string[]) add(w, keyword);
      }
    }
  }
  return meanings;
}

function ambiguousKeywords(catalogs: readonly unknown[]): string[] {
  return [...keywordMeanings(catalogs)].filter(([, m]) => m.size > 1).map(([word, m]) => `${word}: ${[...m].sort().join(" / ")}`);
}

function keywordLists(catalog: unknown): [string, unknown][] {
  const keywords = at(catalog, "keywords");
  if (!isRecord(keywords)) return [];
  const { sections, ...rest } = keywords;
  return [
    ...Object.entries(rest).map(([k, v]) => [`keywords.${k}`, v] as [string, unknown]),
    ...Object.entries(isRecord(sections) ? sections : {}).map(([k, v]) => [`keywords.sections.${k}`, v] as [string, unknown]),
  ];
}

function badKeywords(catalog: unknown): string[] {
  return keywordLists(catalog).flatMap(([path, words]) => {
    if (!Array.isArray(words) || words.length === 0) return [`${path}: no words`];
    return words.filter((w) => typeof w !== "string" || !/^\S+$/u.test(w)).map((w) => `${path}: ${JSON.stringify(w)}`);
  });
}

/** Sample parameters for every error code, distinctive enough to find again in the text. */
const SAMPLE_PARAMS: { [C in ErrorCode]: ErrorParamsByCode[C] } = {
  unknown_committee: { query: "qq-query" },
  ambiguous_committee: { query: "qq-query", candidates: ["cand-one", "cand-two"] },
  unknown_section: { word: "ww-word" },
  unknown_version: { committee: "cc-committee", version: 7963, versions: [7991, 7993] },
  search_needs_words: {},
  not_a_date: { input: "ii-input" },
  no_such_day: { input: "ii-input" },
  date_out_of_range: { input: "ii-input", from: 7901, to: 7907 },
  date_in_past: { date: "2031-07-19" },
  title_missing: {},
  title_too_long: { max: 7919 },
  deadline_id_missing: {},
  unknown_deadline: { id: 7927 },
  not_allowed_to_edit_deadlines: { committee: "cc-committee" },
  deadline_already_resolved: { id: 7927, status: "done" },
  deadline_already_exists: { id: 7927, title: "tt-title", date: "2031-07-19" },
  waive_reason_missing: { id: 7927 },
  waive_reason_too_long: { max: 7919 },
  stale_button: {},
  command_too_long: { max: 7901, length: 7907 },
  internal: {},
};
const SAMPLE_VALUES = Object.values(SAMPLE_PARAMS)
  .flatMap((params) => Object.values(params))
  .flatMap((v) => (Array.isArray(v) ? v : [String(v)]))
  .filter((v) => v !== "done" && v !== "2031-07-19");
const SAMPLE_ARGS = [7933, 7937, 7949, 7951];

/** A catalog's message for `code`, with that code's sample parameters. */
function errorMessage<C extends ErrorCode>(catalog: ErrorMessages, code: C): string {
  return catalog[code](SAMPLE_PARAMS[code]);
}

const OTHERS = LANGUAGES.filter((l) => l !== "en");
const en = CATALOGS.en;

describe("the checks themselves notice a broken catalog", () => {
  const broken = (change: (c: any) => void) => {
    const copy = copyOf(CATALOGS.da);
    change(copy);
    return copy;
  };

  it.each<[string, (c: any) => void, string]>([
    ["a deleted key", (c) => delete c.summary.expired, "summary.expired: missing"],
    ["a deleted nested object", (c) => delete c.help.frist, "help.frist: missing"],
    ["a deleted error", (c) => delete c.errors.stale_button, "errors.stale_button: missing"],
    ["an extra key", (c) => (c.summary.extra = "x"), "summary.extra: not in en"],
    ["a string for a function", (c) => (c.deadlineState.dueIn = "om dage"), "deadlineState.dueIn: string instead of function"],
    ["a function for a string", (c) => (c.summaryButton = () => "Resumé"), "summaryButton: function instead of string"],
    ["a string for a list", (c) => (c.keywords.help = "hjælp"), "keywords.help: string instead of array"],
    [
      "a function with a parameter fewer",
      (c) => (c.deadlineAdded = (id: number) => `#${id}`),
      "deadlineAdded: takes 1 parameters instead of 4",
    ],
    ["a help line fewer", (c) => c.help.frist.lines.pop(), "help.frist.lines: 6 lines instead of 7"],
  ])("%s", (_, change, difference) => {
    expect(shapeDifferences(en, CATALOGS.da)).toEqual([]);
    expect(shapeDifferences(en, broken(change))).toEqual([difference]);
  });

  it("an empty string, an empty keyword list and a keyword with a space", () => {
    expect(emptyTexts(broken((c) => (c.sections.tasks = " ")))).toEqual(["sections.tasks"]);
    expect(badKeywords(broken((c) => (c.keywords.sections.tasks = [])))).toEqual(["keywords.sections.tasks: no words"]);
    expect(badKeywords(broken((c) => c.keywords.search.push("søg efter")))).toEqual(['keywords.search: "søg efter"']);
  });

  it("a word with two meanings, also when only the spelling of ä/æ or ö/ø differs", () => {
    expect(ambiguousKeywords([en, broken((c) => c.keywords.new.push("opgaver"))])).toEqual(["opgaver: new / section:tasks"]);
    expect(ambiguousKeywords([en, broken((c) => c.keywords.all.push("Sök"))])).toEqual([]); // not in en: only one meaning
    expect(ambiguousKeywords([CATALOGS.nb, broken((c) => c.keywords.all.push("Sök"))])).toEqual(["søk: all / search"]);
  });
});

describe("catalog completeness", () => {
  it("has a catalog for every language the bot speaks, and nothing else", () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...LANGUAGES].sort());
    expect(new Set(LANGUAGES.map((l) => CATALOGS[l].languageName)).size).toBe(LANGUAGES.length);
  });

  it.each(OTHERS)("%s has exactly en's keys, kinds and parameter counts", (language) => {
    expect(shapeDifferences(en, CATALOGS[language])).toEqual([]);
  });

  it.each(LANGUAGES)("%s has no empty text", (language) => {
    expect(emptyTexts(CATALOGS[language])).toEqual([]);
  });

  it.each(LANGUAGES)("%s: every keyword list has words, each a single token", (language) => {
    expect(badKeywords(CATALOGS[language])).toEqual([]);
    expect(keywordLists(CATALOGS[language]).map(([path]) => path)).toEqual([
      "keywords.help",
      "keywords.search",
      "keywords.all",
      "keywords.new",
      "keywords.done",
      "keywords.waive",
      ...MandateSection.options.map((s) => `keywords.sections.${s}`),
    ]);
  });

  it("no typed word means two things in any pair of languages", () => {
    expect(ambiguousKeywords(LANGUAGES.map((l) => CATALOGS[l]))).toEqual([]);
  });

  it.each(LANGUAGES)("%s: every function gives non-empty text that uses the same arguments as en", (language) => {
    const catalog = CATALOGS[language];
    for (const [path, fn] of functionsOf(catalog)) {
      const reference = at(en, path) as (...args: unknown[]) => string;
      const args = SAMPLE_ARGS.slice(0, fn.length);
      const text = fn(...args);
      expect(typeof text, path).toBe("string");
      expect((text as string).trim(), path).not.toBe("");
      expect(text, path).not.toMatch(/undefined|NaN|\[object/);
      const used = (s: string) => args.filter((a) => s.includes(String(a)));
      expect(used(text as string), path).toEqual(used(reference(...args)));
      // the singular branches ("1 day overdue", "once a year") too
      const one = fn(...args.map(() => 1));
      expect(typeof one === "string" && one.trim() !== "" && !/undefined|NaN/.test(one), path).toBe(true);
    }
  });
});

describe("error messages", () => {
  it.each(LANGUAGES)("%s has a message for every error code and no other", (language) => {
    expect(Object.keys(CATALOGS[language].errors).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(LANGUAGES.flatMap((language) => ERROR_CODES.map((code) => [language, code] as const)))("%s: %s", (language, code) => {
    const message = errorMessage(CATALOGS[language].errors, code);
    expect(typeof message).toBe("string");
    expect(message.trim()).not.toBe("");
    expect(message).not.toMatch(/undefined|NaN|\[object/);
    const shown = (text: string) => SAMPLE_VALUES.filter((v) => text.includes(v));
    expect(shown(message)).toEqual(shown(errorMessage(en.errors, code)));
  });

  it.each(LANGUAGES)("%s tells done from waived", (language) => {
    const { deadline_already_resolved } = CATALOGS[language].errors;
    expect(deadline_already_resolved({ id: 3, status: "done" })).not.toBe(deadline_already_resolved({ id: 3, status: "waived" }));
  });
});

describe("section words from the issue", () => {
  it.each(["opgaver", "oppgaver", "uppgifter", "tasks"])("%s means tasks", (word) => {
    expect(sectionFor(word)).toBe("tasks");
    expect(LANGUAGES.some((l) => CATALOGS[l].keywords.sections.tasks.includes(word))).toBe(true);
  });

  it.each(["søg", "søk", "sök", "search"])("%s means search", (word) => {
    expect(isKeyword(word, "search")).toBe(true);
  });
});
