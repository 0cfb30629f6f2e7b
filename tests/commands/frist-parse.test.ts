import { describe, expect, it } from "vitest";
import { type FristInput, frist } from "../../commands/frist.js";
import { MandatError } from "../../src/domain/errors.js";
import { LANGUAGES } from "../../src/domain/language.js";
import { CATALOGS } from "../../src/i18n/index.js";

/** The MandatError `frist.parse` refuses the text with. */
function refusal(text: string): MandatError {
  try {
    frist.parse(text);
  } catch (error) {
    if (error instanceof MandatError) return error;
    throw error;
  }
  throw new Error(`parsed ${JSON.stringify(text)} without refusing it`);
}

const upcoming = (committee?: string): FristInput => ({ kind: "list", listing: "upcoming", ...(committee ? { committee } : {}) });
const all = (committee?: string): FristInput => ({ kind: "list", listing: "all", ...(committee ? { committee } : {}) });
const add = (committee: string, dateAndTitle: string): FristInput => ({ kind: "add", committee, dateAndTitle });

describe("frist.parse", () => {
  it.each<[string, FristInput]>([
    // nothing typed: my upcoming deadlines
    ["", upcoming()],
    ["   ", upcoming()],
    ["\t\n\u00a0\u2003", upcoming()],
    // a committee, all of its deadlines or only the upcoming ones
    ["gms-2024", upcoming("gms-2024")],
    ["  gms-2024\n", upcoming("gms-2024")],
    ["gms-2024 alle", all("gms-2024")],
    ["alle gms-2024", all("gms-2024")],
    ["ALLA", all()],
    ["all", all()],
    // a committee name of several words, joined by single spaces wherever "all" stands
    ["Nordic  Premium\tBoard", upcoming("Nordic Premium Board")],
    ["Nordic all\u00a0Premium\nBoard", all("Nordic Premium Board")],
    // help stands alone; with more words it is the start of a committee name
    ["hjælp", { kind: "help" }],
    ["  HJELP\n", { kind: "help" }],
    ["help gms-2024", upcoming("help gms-2024")],
    // done <no.>, with or without "#"; anything after the number is ignored
    ["done 12", { kind: "done", id: 12 }],
    ["done #12", { kind: "done", id: 12 }],
    ["udført\t#7", { kind: "done", id: 7 }],
    ["klar\u00a0123456789", { kind: "done", id: 123456789 }],
    ["done 12 as agreed", { kind: "done", id: 12 }],
    // waive <no.> <reason>: the reason's whitespace collapsed; a missing reason is refused by the service
    ["waive 12 No longer needed", { kind: "waive", id: 12, reason: "No longer needed" }],
    ["frafald #3   Udgår\n\ni år ", { kind: "waive", id: 3, reason: "Udgår i år" }],
    ["avskriv\u00a05\u2003Utgår", { kind: "waive", id: 5, reason: "Utgår" }],
    ["avskriv 5", { kind: "waive", id: 5, reason: "" }],
    // <committee> new <date> <title>
    ["gms-2024 ny 1.6.2027 Slutrapport", add("gms-2024", "1.6.2027 Slutrapport")],
    ["gms-2024  ny 1.6.2027 Slutrapport", add("gms-2024", "1.6.2027 Slutrapport")],
    ["gms-2024   ny 1.6.2027 Slutrapport", add("gms-2024", "1.6.2027 Slutrapport")],
    ["gms-2024 ny  1.6.2027   Slut\nrapport", add("gms-2024", "1.6.2027 Slut rapport")],
    ["\tgms-2024\u00a0ny\u20031.6.2027\nSlutrapport\n", add("gms-2024", "1.6.2027 Slutrapport")],
    ["gms-2024 NY 31 marts 2027 Årsrapport til bestyrelsen", add("gms-2024", "31 marts 2027 Årsrapport til bestyrelsen")],
    ["Nordic Premium  Board add 31 March 2026 Annual report", add("Nordic Premium Board", "31 March 2026 Annual report")],
    ["Nordic\nPremium\tBoard\u00a0new\u00a02026-03-31\u00a0Annual\u00a0report", add("Nordic Premium Board", "2026-03-31 Annual report")],
    // the first "new" after the committee counts; a later one is part of the title
    ["gms-2024 ny 1.6.2027 ny rapport", add("gms-2024", "1.6.2027 ny rapport")],
    // nothing after the keyword: run refuses it as not a date
    ["gms-2024 ny", add("gms-2024", "")],
    ["gms-2024 ny \n ", add("gms-2024", "")],
    // "new" needs a committee before it
    ["ny 1.6.2027 Slutrapport", upcoming("ny 1.6.2027 Slutrapport")],
  ])("%j", (text, input) => {
    expect(frist.parse(text)).toStrictEqual(input);
  });

  it.each<[string]>([
    ["done"],
    ["done   "],
    ["done #"],
    ["done ##12"],
    ["done x12"],
    ["done 12a"],
    ["done -1"],
    ["done 1.5"],
    ["done 1234567890"], // ten digits
    ["done\n\n12x"],
    ["waive"],
    ["frafald Udgår i år"], // the reason where the number should be
    ["avskriv\u00a0"],
  ])("%j is refused: deadline_id_missing", (text) => {
    expect(refusal(text).code).toBe("deadline_id_missing");
  });

  describe.each(LANGUAGES)("every %s keyword", (language) => {
    const keywords = CATALOGS[language].keywords;

    it.each(keywords.help)("%s", (word) => {
      expect(frist.parse(word)).toStrictEqual({ kind: "help" });
      expect(frist.parse(` ${word.toUpperCase()}\n`)).toStrictEqual({ kind: "help" });
    });

    it.each(keywords.all)("%s", (word) => {
      expect(frist.parse(word)).toStrictEqual(all());
      expect(frist.parse(`gms-2024\u00a0${word}`)).toStrictEqual(all("gms-2024"));
    });

    it.each(keywords.new)("%s", (word) => {
      expect(frist.parse(`gms-2024 ${word} 1.6.2027 Slutrapport`)).toStrictEqual(add("gms-2024", "1.6.2027 Slutrapport"));
      expect(frist.parse(`Nordic  Premium\t${word}\n1.6.2027  Slutrapport`)).toStrictEqual(add("Nordic Premium", "1.6.2027 Slutrapport"));
    });

    it.each(keywords.done)("%s", (word) => {
      expect(frist.parse(`${word} #12`)).toStrictEqual({ kind: "done", id: 12 });
      expect(refusal(word).code).toBe("deadline_id_missing");
    });

    it.each(keywords.waive)("%s", (word) => {
      expect(frist.parse(`${word}  12\tUdgår  i år`)).toStrictEqual({ kind: "waive", id: 12, reason: "Udgår i år" });
      expect(refusal(`${word} Udgår`).code).toBe("deadline_id_missing");
    });
  });
});
