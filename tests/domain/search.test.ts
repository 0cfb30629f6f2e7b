import { describe, expect, it } from "vitest";
import { type Matchable, matchCommittees, nameClashes } from "../../src/domain/committee-match.js";
import { Mandate } from "../../src/domain/mandate.js";
import { indexedPassages, mandatePassages, searchMandate } from "../../src/domain/mandate-search.js";
import { containsAllWords, foldForSearch, searchWords } from "../../src/domain/search-text.js";

describe("foldForSearch", () => {
  it.each([
    ["Budget", "budget"],
    ["ØKONOMI", "økonomi"],
    ["Ä", "æ"],
    ["Ö", "ø"],
    ["Å", "å"],
    ["möten", "møten"], // Swedish ö ≡ Danish/Norwegian ø
    ["möder", "møder"],
    ["hjälp", "hjælp"], // Swedish ä ≡ Danish æ
    ["Sök", "søk"],
    ["år", "år"], // å stays å: "år" is not "ar"
    ["åtaganden", "åtaganden"],
    ["résumé", "resume"], // other accents are dropped
    ["Resumé", "resume"],
    ["naïve café", "naive cafe"],
    ["Über", "uber"],
    ["ñ ç", "n c"],
    ["a\u030A", "å"], // å written as a + combining ring
    ["A\u0308", "æ"], // Ä written as A + combining diaeresis
    ["o\u0308", "ø"],
    ["e\u0301", "e"],
    ["  two   words\t\n here ", "two words here"],
    ["\u00a0nbsp\u00a0", "nbsp"],
    ["", ""],
  ])("%j → %j", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it("treats the Swedish and the Danish/Norwegian spellings alike, and å apart from a", () => {
    expect(foldForSearch("Ledamöter")).toBe(foldForSearch("ledamøter"));
    expect(foldForSearch("Sammansättning")).toBe(foldForSearch("sammansættning"));
    expect(foldForSearch("år")).not.toBe(foldForSearch("ar"));
    expect(foldForSearch("Å")).not.toBe(foldForSearch("A"));
  });
});

describe("searchWords", () => {
  it.each([
    ["budget", ["budget"]],
    ["  Budget  ØKONOMI ", ["budget", "økonomi"]],
    ["budget budget BUDGET", ["budget"]],
    [
      "budget, økonomi; år: (status) «rapport» \"x\" 'y' hvad? ja!",
      ["budget", "økonomi", "år", "status", "rapport", "x", "y", "hvad", "ja"],
    ],
    ["Möten", ["møten"]],
    ["", []],
    ["  ,;  ", []],
  ])("%j → %j", (query, words) => {
    expect(searchWords(query)).toEqual(words);
  });
});

describe("containsAllWords", () => {
  it.each([
    ["Styregruppen mødes mindst fire gange årligt", ["møder"], false],
    ["Styregruppen mødes mindst fire gange årligt", ["mødes", "årligt"], true],
    ["Styregruppen mødes mindst fire gange årligt", ["MØDES"], false], // words come folded from searchWords
    ["Styregruppen MÖDES", ["mødes"], true],
    ["Budgettet for 2025", ["budget"], true], // substring
    ["Budgettet for 2025", ["budget", "2026"], false],
    ["Anything", [], true],
    ["Årsrapport", ["arsrapport"], false],
    ["Café", ["cafe"], true],
  ])("%j contains %j: %s", (text, words, expected) => {
    expect(containsAllWords(text, words)).toBe(expected);
  });

  it("finds what searchWords makes of a typed query", () => {
    expect(containsAllWords("Ledamöterna i styrelsen", searchWords("LEDAMØTER styrelsen"))).toBe(true);
  });
});

describe("matchCommittees", () => {
  const committee = (slug: string, names: Matchable["mandate"]["names"], short_name?: string): Matchable => ({
    slug,
    mandate: { names, ...(short_name === undefined ? {} : { short_name }) },
  });
  const norprem = committee(
    "norprem",
    { nb: "Norsk nettverk for presisjonsmedisin", en: "Norwegian Precision Medicine Network" },
    "NorPreM",
  );
  const dk = committee(
    "dk-personlig-medicin",
    { da: "Styregruppen for personlig medicin", en: "Steering group for personalised medicine" },
    "Styregruppe for personlig medicin",
  );
  const gms2024 = committee("gms-2024", { sv: "Genomic Medicine Sweden – uppdrag 2024" }, "GMS-uppdrag 2024");
  const gms2022 = committee("gms-2022", { sv: "Genomic Medicine Sweden – uppdrag 2022" }, "GMS-uppdrag 2022");
  const möte = committee("mote-gruppen", { sv: "Mötesgruppen" });
  const all = [norprem, dk, gms2024, gms2022, möte];
  const slugs = (query: string, candidates: readonly Matchable[] = all) => matchCommittees(query, candidates).map((c) => c.slug);

  it.each([
    ["norprem", ["norprem"]], // exact slug
    ["NORPREM", ["norprem"]], // case-insensitive
    ["gms-2024", ["gms-2024"]],
    ["GMS-uppdrag 2022", ["gms-2022"]], // exact short name
    ["gms", ["gms-2024", "gms-2022"]], // substring of both slugs
    ["genomic medicine", ["gms-2024", "gms-2022"]], // name
    ["2022", ["gms-2022"]],
    ["personlig", ["dk-personlig-medicin"]],
    ["personalised", ["dk-personlig-medicin"]], // the English name
    ["presisjonsmedisin", ["norprem"]],
    ["medicin", ["norprem", "dk-personlig-medicin", "gms-2024", "gms-2022"]], // "Medicine" contains "medicin"
    ["medisin", ["norprem"]], // only the Norwegian name
    ["møtesgruppen", ["mote-gruppen"]], // ø typed for the Swedish ö
    ["  Norprem  ", ["norprem"]],
    ["unknown", []],
    ["", []],
    ["   ", []],
  ] as const)("%j → %j", (query, expected) => {
    expect(slugs(query)).toEqual(expected);
  });

  it("lets an exact slug win over committees that merely contain it", () => {
    const a = committee("gms", { sv: "GMS" });
    expect(slugs("gms", [gms2024, a, gms2022])).toEqual(["gms"]);
  });

  it("lets an exact short name win over a substring of other names", () => {
    const short = committee("styregruppe-a", { da: "Styregruppe A" }, "SG");
    const other = committee("sg-plus", { da: "SG Plus" });
    expect(slugs("sg", [other, short])).toEqual(["styregruppe-a"]);
  });

  it("lets an exact slug win over another committee's identical short name, whichever comes first", () => {
    const alfa = committee("alfa", { da: "Udvalget alfa" });
    const beta = committee("beta", { da: "Udvalget beta" }, "Alfa");
    expect(slugs("alfa", [beta, alfa])).toEqual(["alfa"]);
    expect(slugs("ALFA", [alfa, beta])).toEqual(["alfa"]);
    expect(slugs("beta", [alfa, beta])).toEqual(["beta"]);
    // Without the slug among the candidates (alfa members-only, say) the short name finds beta.
    expect(slugs("alfa", [beta])).toEqual(["beta"]);
  });

  it("keeps the candidates' order and returns the same objects", () => {
    const result = matchCommittees("gms", [gms2022, gms2024]);
    expect(result[0]).toBe(gms2022);
    expect(result[1]).toBe(gms2024);
  });
});

describe("nameClashes", () => {
  const committee = (slug: string, short_name?: string): Matchable => ({
    slug,
    mandate: { names: { da: slug }, ...(short_name === undefined ? {} : { short_name }) },
  });
  const others = [committee("alfa"), committee("beta", "Alfa"), committee("gamma", "GMS"), committee("ælv")];
  const clashes = (c: Matchable) => nameClashes(c, others).map((x) => [x.other.slug, x.field]);

  it.each([
    ["a short name that is another's slug", committee("ny", "ALFA"), [["alfa", "short_name"]]],
    ["a slug that is another's short name", committee("gms"), [["gamma", "slug"]]],
    ["a short name that folds to another's slug (ä for æ)", committee("ny", "Älv"), [["ælv", "short_name"]]],
    ["itself, re-imported", committee("beta", "Alfa"), [["alfa", "short_name"]]],
    ["nothing shared", committee("delta", "Delta"), []],
    ["a short name equal to its own slug", committee("delta", "DELTA"), []],
    ["a short name shared with another's short name (ambiguous, not shadowed)", committee("ny", "GMS"), []],
  ] as const)("%s", (_, c, expected) => {
    expect(clashes(c)).toEqual(expected);
  });
});

describe("mandatePassages and searchMandate", () => {
  const m = Mandate.parse({
    format: "mandat/v1",
    slug: "test-udvalg",
    names: { da: "Udvalget for økonomi", en: "The Finance Committee" },
    language: "da",
    time_zone: "Europe/Copenhagen",
    country: "DK",
    visibility: "public",
    valid: { from: "2025-01-01" },
    source: { title: "Kommissorium", document: "seeds/test.txt" },
    purpose: "Udvalget rådgiver om budgettet.",
    tasks: [
      { id: "budget", text: "Godkende budgettet for næste år." },
      { id: "regnskab", text: "Følge regnskabet." },
    ],
    members: [
      { seat: "formand", role: "chair", title: "Formand", organisation: "Ministeriet", name: "Ane Ås", groups: ["Forretningsudvalget"] },
      { seat: "medlem", role: "member", title: "Medlem" },
    ],
    meetings: { min_per_year: 4, text: "Udvalget mødes mindst fire gange årligt." },
    decisions: { rule: "consensus", text: "Beslutninger træffes ved konsensus." },
    obligations: [
      {
        id: "status",
        title: "Statusrapport",
        owner: { role: "chair" },
        to: "Ministeriet",
        every: { at_least: 2, per: "year" },
        clause: "§ 4",
      },
    ],
    deadlines: [{ id: "slut", title: "Slutrapport", due: "2026-06-30", owner: { role: "chair" } }],
    funding: {
      currency: "DKK",
      total: 1000,
      source: "Finansloven",
      allocations: [{ id: "drift", amount: 600, purpose: "Drift af sekretariatet" }],
      other_amounts: [{ id: "ramme", amount: 5000, text: "Den samlede ramme" }],
    },
    provisions: [{ id: "habilitet", section: "members", text: "Medlemmer erklærer sig inhabile ved interessekonflikt." }],
    history: [{ date: "2024", text: "Udvalget blev nedsat." }],
  });

  it("lists every passage with the section a reader would open", () => {
    expect(mandatePassages(m)).toEqual([
      { section: "purpose", text: "Udvalget for økonomi" },
      { section: "purpose", text: "The Finance Committee" },
      { section: "purpose", text: "Udvalget rådgiver om budgettet." },
      { section: "tasks", text: "Godkende budgettet for næste år." },
      { section: "tasks", text: "Følge regnskabet." },
      { section: "members", text: "Formand, Ministeriet, Ane Ås, Forretningsudvalget" },
      { section: "members", text: "Medlem" },
      { section: "meetings", text: "Udvalget mødes mindst fire gange årligt." },
      { section: "decisions", text: "Beslutninger træffes ved konsensus." },
      { section: "obligations", text: "Statusrapport — Ministeriet — § 4" },
      { section: "obligations", text: "Slutrapport" },
      { section: "funding", text: "Finansloven" },
      { section: "funding", text: "Drift af sekretariatet" },
      { section: "funding", text: "Den samlede ramme" },
      { section: "members", text: "Medlemmer erklærer sig inhabile ved interessekonflikt." },
      { section: "history", text: "Udvalget blev nedsat." },
    ]);
  });

  it.each([
    [
      "budget",
      [
        ["purpose", "Udvalget rådgiver om budgettet."],
        ["tasks", "Godkende budgettet for næste år."],
      ],
    ],
    ["budgettet år", [["tasks", "Godkende budgettet for næste år."]]],
    [
      "ministeriet",
      [
        ["members", "Formand, Ministeriet, Ane Ås, Forretningsudvalget"],
        ["obligations", "Statusrapport — Ministeriet — § 4"],
      ],
    ],
    ["FINANCE", [["purpose", "The Finance Committee"]]],
    ["ökonomi", [["purpose", "Udvalget for økonomi"]]], // Swedish spelling finds the Danish word
    ["årligt", [["meetings", "Udvalget mødes mindst fire gange årligt."]]],
    ["arligt", []], // å is not a
    ["inhabile", [["members", "Medlemmer erklærer sig inhabile ved interessekonflikt."]]],
    ["ramme", [["funding", "Den samlede ramme"]]],
    ["nedsat", [["history", "Udvalget blev nedsat."]]],
    ["budget nedsat", []], // every word in one passage
    ["", []],
  ] as const)("%j finds %j", (query, hits) => {
    expect(searchMandate(m, searchWords(query)).map((h) => [h.section, h.text])).toEqual(hits);
  });

  it("finds nothing for no words, though every passage contains the empty set", () => {
    expect(searchMandate(m, [])).toEqual([]);
  });

  it("lists the names in the mandate's own language first, then da, nb, sv, en, whatever the order of the keys", () => {
    // Stored as jsonb, an object's keys come back in another order: the passages must not follow them.
    const names = (mandate: Mandate) =>
      mandatePassages(mandate)
        .slice(0, 3)
        .map((p) => p.text);
    const english = { en: "The Committee", sv: "Kommittén", da: "Udvalget" };
    expect(names(Mandate.parse({ ...m, language: "sv", names: english }))).toEqual(["Kommittén", "Udvalget", "The Committee"]);
    expect(names(Mandate.parse({ ...m, language: "en", names: english }))).toEqual(["The Committee", "Udvalget", "Kommittén"]);
  });

  it("indexes each passage with its text folded once, as the words of a search are", () => {
    const indexed = indexedPassages(m);
    expect(indexed.map(({ section, text }) => ({ section, text }))).toEqual(mandatePassages(m));
    expect(indexed.map((p) => p.folded)).toEqual(mandatePassages(m).map((p) => foldForSearch(p.text)));
    expect(indexed[0]?.folded).toBe("udvalget for økonomi");
  });
});
