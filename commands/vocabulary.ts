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

/** The words of a command's text (split on any whitespace). */
export function tokens(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}
