import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frist } from "../../commands/frist.js";
import { mandat } from "../../commands/mandat.js";
import { MandatError } from "../../src/domain/errors.js";
import { LANGUAGES } from "../../src/domain/language.js";
import { CATALOGS } from "../../src/i18n/index.js";

/**
 * Whatever whitespace separates the words of a command's text (Slack clients insert no-break spaces,
 * people type two spaces or paste a newline), the command reads the same as with single spaces.
 */

/** What parsing gives: the input, or the code of the MandatError it refuses the text with. */
function outcome(parse: (text: string) => unknown, text: string): { input: unknown } | { refused: string } {
  try {
    return { input: parse(text) };
  } catch (error) {
    if (error instanceof MandatError) return { refused: error.code };
    throw error;
  }
}

const WHITESPACE = [" ", "\t", "\n", "\u00a0", "\u2003"] as const;
const separator = fc.array(fc.constantFrom(...WHITESPACE), { minLength: 1, maxLength: 4 }).map((run) => run.join(""));
const edge = fc.array(fc.constantFrom(...WHITESPACE), { maxLength: 3 }).map((run) => run.join(""));

/** Every keyword and section word of every language, as typed or in capitals. */
const keyword = fc
  .constantFrom(
    ...new Set(
      LANGUAGES.flatMap((language) => {
        const { sections, ...keywords } = CATALOGS[language].keywords;
        return [...Object.values(keywords), ...Object.values(sections)].flat();
      }),
    ),
  )
  .chain((word) => fc.constantFrom(word, word.toUpperCase()));
const newWord = fc.constantFrom(...new Set(LANGUAGES.flatMap((language) => CATALOGS[language].keywords.new)));
const date = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2100 }))
    .map(([day, month, year]) => `${day}.${month}.${year}`),
  fc.date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("1.6", "31/3", "31.", "marts", "mars", "March", "31,", "2027"),
);
const id = fc.tuple(fc.boolean(), fc.nat()).map(([hash, n]) => `${hash ? "#" : ""}${n}`);
const version = fc.integer({ min: 0, max: 99_999 }).map((n) => `v${n}`);
const anyWord = fc
  .string({ minLength: 1, maxLength: 10, unit: "binary" })
  .map((s) => s.replace(/\s/g, ""))
  .filter((s) => s !== "");
const word = fc.oneof(keyword, date, id, version, anyWord);

/** Word lists of any shape, and ones shaped like `<committee> new <date> <title>`. */
const wordLists = fc.oneof(
  fc.array(word, { maxLength: 8 }),
  fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), newWord, date, fc.array(word, { maxLength: 4 }))
    .map(([committee, keyword, due, title]) => [...committee, keyword, due, ...title]),
);

/** The words joined by single spaces, and joined by arbitrary runs of whitespace (with some before and after). */
const texts = wordLists.chain((words) =>
  fc.tuple(edge, fc.array(separator, { minLength: words.length, maxLength: words.length }), edge).map(([before, gaps, after]) => ({
    single: words.join(" "),
    // gaps[i] goes before words[i]; the first word has `before` in its place.
    spaced: before + words.map((w, i) => (i === 0 ? w : `${gaps[i]}${w}`)).join("") + after,
  })),
);

describe.each([
  ["/frist", frist.parse],
  ["/mandat", mandat.parse],
] as const)("%s: any whitespace between words reads as one space", (_, parse) => {
  it("parses to the same input, or is refused with the same code", () => {
    fc.assert(
      fc.property(texts, ({ single, spaced }) => {
        expect(outcome(parse, spaced)).toStrictEqual(outcome(parse, single));
      }),
      { numRuns: 1000 },
    );
  });
});
