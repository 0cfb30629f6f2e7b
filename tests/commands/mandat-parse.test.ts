import { describe, expect, it } from "vitest";
import { type MandatInput, mandat } from "../../commands/mandat.js";
import { LANGUAGES } from "../../src/domain/language.js";
import { MandateSection } from "../../src/domain/mandate.js";
import { CATALOGS } from "../../src/i18n/index.js";

const summary = (committee: string, more: { version?: number; lastWord?: string } = {}): MandatInput => ({
  kind: "show",
  committee,
  section: "summary",
  ...more,
});
const show = (committee: string, section: MandateSection, version?: number): MandatInput => ({
  kind: "show",
  committee,
  section,
  ...(version === undefined ? {} : { version }),
});

describe("mandat.parse", () => {
  it.each<[string, MandatInput]>([
    // nothing typed: the committees I can see
    ["", { kind: "list" }],
    ["  \n\t\u00a0", { kind: "list" }],
    // help stands alone; with more words it is the start of a committee name
    ["hjælp", { kind: "help" }],
    ["\u2003Help ", { kind: "help" }],
    ["help norprem", summary("help norprem", { lastWord: "norprem" })],
    // search <words>: the words joined by single spaces; none at all is refused by run
    ["søg budget", { kind: "search", query: "budget" }],
    ["sök  årsrapport\t\nfrist\u00a0", { kind: "search", query: "årsrapport frist" }],
    ["FIND budget", { kind: "search", query: "budget" }],
    ["search", { kind: "search", query: "" }],
    ["search \n", { kind: "search", query: "" }],
    // a committee: its summary
    ["norprem", summary("norprem")],
    ["  norprem\n", summary("norprem")],
    // …or one section of it, named in any language, whatever the committee's
    ["norprem opgaver", show("norprem", "tasks")],
    ["norprem  uppgifter", show("norprem", "tasks")],
    ["norprem\tTASKS", show("norprem", "tasks")],
    ["norprem\u00a0ledamöter", show("norprem", "members")],
    // a section word alone is a committee name
    ["opgaver", summary("opgaver")],
    // a last word that is no section: kept, so run can say which word it did not understand
    ["norprem budjet", summary("norprem budjet", { lastWord: "budjet" })],
    // committee names of several words, joined by single spaces
    ["Nordic  Premium\u00a0Board", summary("Nordic Premium Board", { lastWord: "Board" })],
    ["Nordic Premium\nBoard\tmøder", show("Nordic Premium Board", "meetings")],
    ["\tNordic\u2003Premium  Board  økonomi  ", show("Nordic Premium Board", "funding")],
    // v<N>: an earlier version, wherever it stands after the committee
    ["norprem v2", summary("norprem", { version: 2 })],
    ["norprem V3 opgaver", show("norprem", "tasks", 3)],
    ["norprem opgaver\nv2", show("norprem", "tasks", 2)],
    ["Nordic v2  Premium\u00a0Board", summary("Nordic Premium Board", { version: 2, lastWord: "Board" })],
    ["norprem v1234", summary("norprem", { version: 1234 })],
    // not version words: the first word, more than four digits, or no digits at all
    ["v2", summary("v2")],
    ["v2 norprem", summary("v2 norprem", { lastWord: "norprem" })],
    ["norprem v12345", summary("norprem v12345", { lastWord: "v12345" })],
    ["norprem v", summary("norprem v", { lastWord: "v" })],
  ])("%j", (text, input) => {
    expect(mandat.parse(text)).toStrictEqual(input);
  });

  describe.each(LANGUAGES)("every %s keyword", (language) => {
    const keywords = CATALOGS[language].keywords;

    it.each(keywords.help)("%s", (word) => {
      expect(mandat.parse(word)).toStrictEqual({ kind: "help" });
      expect(mandat.parse(`\n${word.toUpperCase()}\u00a0`)).toStrictEqual({ kind: "help" });
    });

    it.each(keywords.search)("%s", (word) => {
      expect(mandat.parse(`${word} årsrapport frist`)).toStrictEqual({ kind: "search", query: "årsrapport frist" });
      expect(mandat.parse(`${word}\u00a0 årsrapport\n\tfrist `)).toStrictEqual({ kind: "search", query: "årsrapport frist" });
    });

    it.each(MandateSection.options.flatMap((section) => keywords.sections[section].map((word) => [word, section] as const)))(
      "%s → %s",
      (word, section) => {
        expect(mandat.parse(`norprem ${word}`)).toStrictEqual(show("norprem", section));
        expect(mandat.parse(`Nordic\u2003Premium  v2\t${word.toUpperCase()}`)).toStrictEqual(show("Nordic Premium", section, 2));
      },
    );
  });
});
