import { describe, expect, it } from "vitest";
import { isKeyword, sectionFor, textOf, tokenise, tokens } from "../../commands/vocabulary.js";
import { LANGUAGES } from "../../src/domain/language.js";
import { MandateSection } from "../../src/domain/mandate.js";
import { CATALOGS } from "../../src/i18n/index.js";

const KEYWORDS = ["help", "search", "all", "new", "done", "waive"] as const;

describe("sectionFor", () => {
  it.each([
    // the words from the issue
    ["opgaver", "tasks"],
    ["oppgaver", "tasks"],
    ["uppgifter", "tasks"],
    ["tasks", "tasks"],
    // case and the ä/æ, ö/ø spellings do not matter
    ["Opgaver", "tasks"],
    ["TASKS", "tasks"],
    ["ledamöter", "members"],
    ["ledamøter", "members"],
    ["möten", "meetings"],
    ["møter", "meetings"],
    ["møder", "meetings"],
    ["mödes", undefined],
    ["økonomi", "funding"],
    ["ÖKONOMI", "funding"],
    ["budsjett", "funding"],
    ["budget", "funding"],
    ["formål", "purpose"],
    ["resumé", "purpose"],
    ["resume", "purpose"], // accents other than å dropped
    ["summary", "purpose"],
    ["åtaganden", "obligations"],
    ["frister", "obligations"],
    ["deadlines", "obligations"],
    ["vedtak", "decisions"],
    ["beslut", "decisions"],
    ["historikk", "history"],
    ["versions", "history"],
    // not sections
    ["ataganden", undefined], // å is not a
    ["opgave", undefined],
    ["norprem", undefined],
    ["search", undefined],
    ["", undefined],
    [undefined, undefined],
  ] as const)("%j → %s", (word, section) => {
    expect(sectionFor(word)).toBe(section);
  });

  it.each(LANGUAGES)("understands every %s section word", (language) => {
    for (const section of MandateSection.options) {
      for (const word of CATALOGS[language].keywords.sections[section]) {
        expect(sectionFor(word), `${language} ${word}`).toBe(section);
        expect(sectionFor(word.toUpperCase()), `${language} ${word}`).toBe(section);
      }
    }
  });
});

describe("isKeyword", () => {
  it.each([
    ["søg", "search", true],
    ["søk", "search", true],
    ["sök", "search", true],
    ["SÖK", "search", true],
    ["search", "search", true],
    ["find", "search", true],
    ["finn", "search", true],
    ["hitta", "search", true],
    ["sog", "search", false],
    ["hjælp", "help", true],
    ["hjälp", "help", true],
    ["hjelp", "help", true],
    ["Help", "help", true],
    ["alle", "all", true],
    ["alla", "all", true],
    ["all", "all", true],
    ["ny", "new", true],
    ["nytt", "new", true],
    ["tilføj", "new", true],
    ["add", "new", true],
    ["udført", "done", true],
    ["utført", "done", true],
    ["utförd", "done", true],
    ["klar", "done", true],
    ["done", "done", true],
    ["frafald", "waive", true],
    ["frafall", "waive", true],
    ["avskriv", "waive", true],
    ["waive", "waive", true],
    ["opgaver", "search", false],
    ["search", "help", false],
    ["", "help", false],
    [undefined, "help", false],
  ] as const)("%j is %s: %s", (word, keyword, expected) => {
    expect(isKeyword(word, keyword)).toBe(expected);
  });

  it.each(LANGUAGES)("understands every %s keyword, and each as that keyword only", (language) => {
    for (const keyword of KEYWORDS) {
      for (const word of CATALOGS[language].keywords[keyword]) {
        for (const other of KEYWORDS) expect(isKeyword(word, other), `${language} ${word} as ${other}`).toBe(other === keyword);
        expect(sectionFor(word), `${language} ${word}`).toBeUndefined();
      }
    }
  });
});

describe("tokens", () => {
  it.each([
    ["", []],
    ["   ", []],
    ["norprem", ["norprem"]],
    ["  norprem   opgaver ", ["norprem", "opgaver"]],
    ["gms-2024\tny\n31.3.2026  Årsrapport", ["gms-2024", "ny", "31.3.2026", "Årsrapport"]],
    ["a\u00a0b", ["a", "b"]],
  ] as const)("%j → %j", (text, words) => {
    expect(tokens(text)).toEqual(words);
  });
});

describe("tokenise", () => {
  it.each([
    ["", []],
    [" \t\n\u00a0\u2003", []],
    ["norprem", [{ text: "norprem", start: 0, end: 7 }]],
    [
      "  gms-2024  ny\u00a01.6.2027\n",
      [
        { text: "gms-2024", start: 2, end: 10 },
        { text: "ny", start: 12, end: 14 },
        { text: "1.6.2027", start: 15, end: 23 },
      ],
    ],
  ] as const)("%j → %j", (text, words) => {
    expect(tokenise(text)).toEqual(words);
  });

  it("gives offsets that slice each word out of the raw text", () => {
    const text = "\u2003Nordic\tPremium  Board\u202fny \u3000 31.\u00a0marts  Årsrapport ";
    const words = tokenise(text);
    expect(words.map((w) => w.text)).toEqual(["Nordic", "Premium", "Board", "ny", "31.", "marts", "Årsrapport"]);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
  });
});

describe("textOf", () => {
  const text = " gms-2024  ny\t1.6.2027 \n Slut\u00a0\u00a0rapport\n";
  const words = tokenise(text);

  it.each([
    [0, 1, "gms-2024"],
    [0, 2, "gms-2024 ny"],
    [2, 5, "1.6.2027 Slut rapport"],
    [3, 5, "Slut rapport"],
    [5, 5, ""],
  ] as const)("words %i to %i → %j", (from, to, expected) => {
    expect(textOf(text, words.slice(from, to))).toBe(expected);
  });
});
