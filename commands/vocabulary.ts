import { LANGUAGES } from "../src/domain/language.js";
import { MandateSection } from "../src/domain/mandate.js";
import { foldForSearch } from "../src/domain/search-text.js";
import { CATALOGS, type Messages } from "../src/i18n/index.js";

type Keyword = Exclude<keyof Messages["keywords"], "sections">;

/** Every language's words for one keyword, folded: a Swede may type `sök` in a Danish committee. */
function wordsFor(pick: (m: Messages) => readonly string[]): Set<string> {
  return new Set(LANGUAGES.flatMap((language) => pick(CATALOGS[language]).map(foldForSearch)));
}

const KEYWORDS: Record<Keyword, Set<string>> = {
  help: wordsFor((m) => m.keywords.help),
  search: wordsFor((m) => m.keywords.search),
  all: wordsFor((m) => m.keywords.all),
  new: wordsFor((m) => m.keywords.new),
  done: wordsFor((m) => m.keywords.done),
  waive: wordsFor((m) => m.keywords.waive),
};

const SECTION_WORDS = new Map<string, MandateSection>(
  MandateSection.options.flatMap((section) => [...wordsFor((m) => m.keywords.sections[section])].map((w) => [w, section] as const)),
);

export function isKeyword(word: string | undefined, keyword: Keyword): boolean {
  return word !== undefined && KEYWORDS[keyword].has(foldForSearch(word));
}

export function sectionFor(word: string | undefined): MandateSection | undefined {
  return word === undefined ? undefined : SECTION_WORDS.get(foldForSearch(word));
}

/** A word of a command's text and where it stands in that text: `text === raw.slice(start, end)`. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * The words of a command's text with their offsets, read once so that a parser never has to
 * work out again where a word was. Any whitespace separates words: JavaScript's `\s` takes in tabs,
 * line breaks and every Unicode space separator, so the no-break space (U+00A0) and the other Unicode
 * spaces that Slack clients insert count as well as the plain space.
 */
export function tokenise(text: string): Token[] {
  return Array.from(text.matchAll(/\S+/g), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** The words of a command's text (split on any whitespace). */
export function tokens(text: string): string[] {
  return tokenise(text).map((t) => t.text);
}

/**
 * The text a run of consecutive tokens covers, sliced from `raw` by their positions, with each run
 * of whitespace in it collapsed to one space.
 *
 * Product decision: a deadline title, a waive reason or a committee name of several words is stored
 * with its whitespace collapsed, not as typed. A newline inside a title would break the list layouts,
 * and this way ANY run of whitespace between words (two spaces, a tab, a no-break space) reads the same
 * as a single space.
 */
export function textOf(raw: string, run: readonly Token[]): string {
  const first = run[0];
  const last = run.at(-1);
  if (first === undefined || last === undefined) return "";
  return raw.slice(first.start, last.end).replace(/\s+/g, " ");
}
