import { describe, expect, it } from "vitest";
import type { Language } from "../../src/domain/language.js";
import { MandateSection } from "../../src/domain/mandate.js";
import { messages } from "../../src/i18n/index.js";
import { databaseKinds } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import {
  CHAIR,
  expectError,
  expectKind,
  importAll,
  MEMBER,
  mrkdwnTexts,
  OUTSIDER,
  PUBLIC_SLUGS,
  run,
  SAERUDVALG_V1,
  SECRETARIAT,
  TEAM,
  useDatabase,
} from "./helpers.js";

/** Anything that would give the members-only committee away. */
const SECRET = [
  /saerudvalg/i,
  /særudvalg/i,
  /fortrolig medicin|confidential|fortrolighedsprotokol/i,
  /U0CHAIR|U0SEC|U0MEMBER/,
  /example\.org/,
];

function expectNoSecret(label: string, value: unknown): void {
  const json = typeof value === "string" ? value : JSON.stringify(value);
  for (const pattern of SECRET) expect(json, `${label} gives away the members-only committee (${pattern})`).not.toMatch(pattern);
}

describe.each(databaseKinds())("/mandat on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("/mandat", () => {
    const harness = useDatabase(kind, async (services) => {
      await importAll(services, MANDATES_DIR);
      await importAll(services, SAERUDVALG_V1);
    });
    const mandat = (text: string, caller = OUTSIDER, options: Parameters<typeof run>[4] = {}) =>
      run(harness().services, "/mandat", text, caller, options);

    describe("without an argument", () => {
      it("lists the public committees for someone on no roster, and nothing of the members-only one", async () => {
        const answer = await mandat("");
        const reply = expectKind(answer.reply, "committees");
        expect(reply.mine).toEqual([]);
        expect(reply.others.map((v) => v.committee.slug)).toEqual(PUBLIC_SLUGS);
        expect(reply.language).toBe("en");
        expect(answer.text).toContain("You are not on the roster of any committee. These committees are public:");
        expect(answer.text).toContain("National competence network for personalised medicine");
        expectNoSecret("the reply", answer.reply);
        expectNoSecret("the message", answer.message);
      });

      it("puts a member's own committee first, with their role, then the public ones", async () => {
        const answer = await mandat("", MEMBER);
        const reply = expectKind(answer.reply, "committees");
        expect(reply.mine.map((v) => [v.committee.slug, v.roles])).toEqual([["saerudvalg", ["member"]]]);
        expect(reply.others.map((v) => v.committee.slug)).toEqual(PUBLIC_SLUGS);
        // The caller's committees are Danish, so the list is.
        expect(reply.language).toBe("da");
        const lines = answer.text.split("\n");
        const yours = lines.indexOf("Dine udvalg");
        const own = lines.indexOf("Særudvalget for fortrolig medicin");
        const publicOnes = lines.indexOf("Offentlige udvalg");
        expect(yours).toBeGreaterThanOrEqual(0);
        expect(own).toBeGreaterThan(yours);
        expect(publicOnes).toBeGreaterThan(own);
        expect(lines[own + 1]).toContain("Du: Medlem");
      });

      it.each([
        ["the chair", CHAIR, "chair", "Du: Formand"],
        ["the secretariat", SECRETARIAT, "secretariat", "Du: Sekretariat"],
        [
          "the secretariat by e-mail, in any case",
          { workspaceId: TEAM, email: "Secretariat@Example.ORG" },
          "secretariat",
          "Du: Sekretariat",
        ],
      ] as const)("recognises %s", async (_label, caller, role, words) => {
        const answer = await mandat("", caller);
        const reply = expectKind(answer.reply, "committees");
        expect(reply.mine.map((v) => [v.committee.slug, v.roles])).toEqual([["saerudvalg", [role]]]);
        expect(answer.text).toContain(words);
      });
    });

    describe("<committee>", () => {
      it.each([
        ["norprem", "norprem"],
        ["NORPREM", "norprem"],
        ["NorPreM", "norprem"],
        ["GMS-2024", "gms-2024"],
        ["gms-2022", "gms-2022"],
        ["personlig", "dk-personlig-medicin"],
        ["Styregruppen for udvikling", "dk-personlig-medicin"],
        ["national infrastructure", "dk-personlig-medicin"],
        ["kompetansenettverk", "norprem"],
        ["PERSONTILPASSET", "norprem"],
        ["Genomic Medicine Sweden 2024", "gms-2024"],
        ["sweden, 2022", "gms-2022"],
        ["för piloter", "gms-2022"],
        // The Danish/Norwegian spelling of the Swedish ö.
        ["FØR PILOTER", "gms-2022"],
      ])("finds %j", async (query, slug) => {
        const reply = expectKind((await mandat(query)).reply, "mandate");
        expect(reply.target.committee.slug).toBe(slug);
        expect(reply.section).toBe("summary");
      });

      it.each([["særudvalget"], ["SÆRUDVALGET"], ["särudvalget"], ["Särudvalget for fortrolig"], ["confidential"]])(
        "finds the members-only committee by %j for a member (æ and ä alike)",
        async (query) => {
          const reply = expectKind((await mandat(query, MEMBER)).reply, "mandate");
          expect(reply.target.committee.slug).toBe("saerudvalg");
          expect(reply.target.roles).toEqual(["member"]);
        },
      );

      it("lists the candidates when a fragment fits several committees", async () => {
        const answer = await mandat("GENOMIC");
        const error = expectError(answer.reply, "ambiguous_committee");
        expect(error.params.candidates).toEqual(["gms-2022", "gms-2024"]);
        expect(answer.text).toContain("“GENOMIC” fits several committees: `gms-2022`, `gms-2024`.");
      });

      it("lists only the candidates the caller may see", async () => {
        const outsider = expectError((await mandat("medicin")).reply, "ambiguous_committee");
        expect(outsider.params.candidates).toEqual(PUBLIC_SLUGS);
        const member = expectError((await mandat("medicin", MEMBER)).reply, "ambiguous_committee");
        expect(member.params.candidates).toEqual(["saerudvalg", ...PUBLIC_SLUGS]);
      });

      it("answers a members-only committee to a non-member exactly as a committee that does not exist", async () => {
        const hidden = await mandat("saerudvalg");
        const missing = await mandat("ingenting");
        expect(expectError(hidden.reply).code).toBe("unknown_committee");
        expect(expectError(missing.reply).code).toBe("unknown_committee");
        expect(hidden.text).toBe(missing.text.replace("ingenting", "saerudvalg"));
        expect(hidden.message.text).toBe(missing.message.text.replace("ingenting", "saerudvalg"));
      });

      it.each([["saerudvalg opgaver"], ["saerudvalg budjet"], ["Særudvalget"], ["fortrolig medicin"], ["saerudvalg historik"]])(
        "gives nothing away to a non-member asking %j",
        async (text) => {
          const answer = await mandat(text);
          expect(expectError(answer.reply).code).toBe("unknown_committee");
          // Word for word what a committee that does not exist gets.
          const [first = ""] = text.split(" ");
          const twin = await mandat(text.replace(first, "ingenting"));
          expect(answer.text).toBe(twin.text.replace("ingenting", first));
        },
      );
    });

    describe("<committee> <section>", () => {
      it.each<[string, string, MandateSection, Language, string]>([
        ["dk-personlig-medicin opgaver", "dk-personlig-medicin", "tasks", "da", "Videreudvikling og ibrugtagning af infrastrukturen"],
        ["personlig opgaver", "dk-personlig-medicin", "tasks", "da", "Godkende model for fordeling af 60.000 helgenomsekventeringer"],
        ["norprem oppgaver", "norprem", "tasks", "nb", "Styrke samarbeidet mellom klinisk og basalmedisinsk forskning."],
        ["gms-2024 uppgifter", "gms-2024", "tasks", "sv", "innovationsprojektet Brainchild"],
        ["norprem tasks", "norprem", "tasks", "nb", "Bygge strukturer som fremmer samarbeid."],
        [
          "dk-personlig-medicin medlemmer",
          "dk-personlig-medicin",
          "members",
          "da",
          "Formand: Afdelingschef, formand, Sundheds- og Ældreministeriet",
        ],
        ["gms-2024 ledamöter", "gms-2024", "members", "sv", "Ordförande: Ordförande i styrgruppen för GMS"],
        ["gms-2024 LEDAMØTER", "gms-2024", "members", "sv", "Sekretariat: Värdregion för GMS"],
        ["norprem members", "norprem", "members", "nb", "Brukerrepresentant, Kreftforeningen"],
        ["dk-personlig-medicin økonomi", "dk-personlig-medicin", "funding", "da", "Novo Nordisk Fonden"],
        ["norprem budsjett", "norprem", "funding", "nb", "51 500 000 NOK"],
        ["gms-2024 finansiering", "gms-2024", "funding", "sv", "14 500 000 SEK"],
        ["gms-2022 historik", "gms-2022", "history", "sv", "Version 1"],
        ["norprem history", "norprem", "history", "nb", "Revidert mandat godkjent i det interregionale fagdirektørmøtet."],
        ["dk-personlig-medicin møder", "dk-personlig-medicin", "meetings", "da", "4–6 gange om året"],
        ["gms-2024 möten", "gms-2024", "meetings", "sv", "Uppdraget anger inte hur ofta möten hålls"],
        ["norprem rapportering", "norprem", "obligations", "nb", "Rapport om status og budsjett til interregionalt fagdirektørmøte"],
        ["dk-personlig-medicin beslutninger", "dk-personlig-medicin", "decisions", "da", "Ved konsensus"],
        ["gms-2024 beslut", "gms-2024", "decisions", "sv", "Region Skåne fördelar medlen"],
        ["norprem formål", "norprem", "purpose", "nb", "arena for informasjonsutveksling"],
        ["gms-2024 syfte", "gms-2024", "purpose", "sv", "49 500 000 kronor"],
        // Stored fields that the view shows since the view fixes.
        ["gms-2024 budget", "gms-2024", "funding", "sv", "\nFördelat: 49 500 000 SEK av 49 500 000 SEK\nOfördelat: 0 SEK\n"],
        ["gms-2022 medel", "gms-2022", "funding", "sv", "\nFördelat: 15 750 000 SEK av 15 750 000 SEK\nOfördelat: 0 SEK\n"],
        ["dk-personlig-medicin versioner", "dk-personlig-medicin", "history", "da", "\n• december 2016: Regeringen og Danske Regioner"],
        ["gms-2022 versioner", "gms-2022", "history", "sv", "medicin, utfärdat av Regeringen (Socialdepartementet)"],
        [
          "norprem reporting",
          "norprem",
          "obligations",
          "nb",
          "Rapportering og frister\nRapporterer til: Interregionalt fagdirektørmøte og Regionale fagdirektørmøter\n",
        ],
      ])("%j shows that section in the committee's language", async (text, slug, section, language, content) => {
        const answer = await mandat(text);
        const reply = expectKind(answer.reply, "mandate");
        expect(reply.target.committee.slug).toBe(slug);
        expect(reply.section).toBe(section);
        expect(reply.language).toBe(language);
        expect(answer.text).toContain(`\n${messages(language).sections[section]}\n`);
        // Amounts are grouped with (narrow) no-break spaces; compare them as plain spaces.
        expect(answer.text.replace(/[\u00a0\u202f]/g, " ")).toContain(content);
      });

      // Someone on no roster is answered in the language of the committee they asked about.
      it.each<[string, Language]>([
        ["norprem budjet", "nb"],
        ["dk-personlig-medicin opgavr", "da"],
        ["GMS-2024 ekonomi", "sv"],
        ["personlig xyz", "da"],
      ])("%j names an unknown section, not an unknown committee", async (text, language) => {
        const answer = await mandat(text);
        const error = expectError(answer.reply, "unknown_section");
        const word = text.split(" ").at(-1) ?? "";
        expect(error.params.word).toBe(word);
        expect(answer.text).toContain(messages(language).errors.unknown_section({ word }));
      });

      it("names an unknown section of the members-only committee to a member", async () => {
        const error = expectError((await mandat("saerudvalg budjet", MEMBER)).reply);
        expect(error.code).toBe("unknown_section");
      });

      it("shows the members-only committee's sections to a member, with Slack mentions for named seats", async () => {
        const answer = await mandat("saerudvalg medlemmer", MEMBER);
        const reply = expectKind(answer.reply, "mandate");
        expect(reply.section).toBe("members");
        expect(answer.message.blocks.some((b) => JSON.stringify(b).includes("<@U0CHAIR>"))).toBe(true);
        expect(answer.text).toContain("Medlem: Medlem (e-mail): Mette Medlem");
      });
    });

    describe("search", () => {
      it.each([["søg"], ["søk"], ["sök"], ["search"], ["SÖK"]])("%s finds passages in the committees the caller may see", async (word) => {
        const answer = await mandat(`${word} helgenomsekvensering`);
        const reply = expectKind(answer.reply, "search");
        expect(reply.query).toBe("helgenomsekvensering");
        expect(reply.results.map((r) => r.committee.slug)).toEqual(["gms-2022", "gms-2024"]);
        for (const result of reply.results) {
          expect(result.hits.length).toBeGreaterThan(0);
          for (const hit of result.hits) expect(hit.text.toLowerCase()).toContain("helgenomsekvensering");
        }
        expect(answer.text).toContain("`gms-2024`");
      });

      it("finds a word inside longer words and compounds", async () => {
        const reply = expectKind((await mandat("søg genom")).reply, "search");
        const found = new Map(reply.results.map((r) => [r.committee.slug, r.hitCount]));
        for (const word of ["helgenomsekvensering", "genomisk", "genomikplattformen"]) {
          const longer = expectKind((await mandat(`søg ${word}`)).reply, "search").results;
          expect(longer.length, word).toBeGreaterThan(0);
          for (const r of longer) expect(found.get(r.committee.slug), `${word} in ${r.committee.slug}`).toBeGreaterThanOrEqual(r.hitCount);
        }
      });

      it("treats ä and æ alike and needs every word", async () => {
        const swedish = expectKind((await mandat("sök sällsynta barn")).reply, "search");
        const danish = expectKind((await mandat("søg SÆLLSYNTA barn")).reply, "search");
        expect(swedish.results.length).toBeGreaterThan(0);
        expect(danish.results).toEqual(swedish.results);
        const none = expectKind((await mandat("search sällsynta kvantdator")).reply, "search");
        expect(none.results).toEqual([]);
      });

      it("never finds passages of the members-only committee for a non-member", async () => {
        const outsider = await mandat("søg fortrolighedsprotokollen");
        expect(expectKind(outsider.reply, "search").results).toEqual([]);
        expect(outsider.text).toContain("Nothing in the mandates you can see matches “fortrolighedsprotokollen”.");

        const broad = await mandat("search medicin");
        const slugs = expectKind(broad.reply, "search").results.map((r) => r.committee.slug);
        expect(slugs.length).toBeGreaterThan(0);
        expect(slugs).not.toContain("saerudvalg");
        for (const pattern of SECRET.slice(0, 3)) expect(broad.text).not.toMatch(pattern);
      });

      it("finds the members-only committee's passages for a member", async () => {
        const answer = await mandat("søg fortrolighedsprotokollen", MEMBER);
        const reply = expectKind(answer.reply, "search");
        expect(reply.results.map((r) => [r.committee.slug, r.hits.map((h) => h.section)])).toEqual([["saerudvalg", ["purpose", "tasks"]]]);
        expect(reply.language).toBe("da");
        expect(answer.text).toContain("Søgning: fortrolighedsprotokollen");
      });

      it("asks for words when there are none", async () => {
        expect(expectError((await mandat("search")).reply).code).toBe("search_needs_words");
      });

      it("echoes a query with mrkdwn control characters escaped", async () => {
        const answer = await mandat("search <b>");
        expect(expectKind(answer.reply, "search").query).toBe("<b>");
        const mrkdwn = mrkdwnTexts(answer.message.blocks);
        expect(mrkdwn.join("\n")).toContain("&lt;b&gt;");
        for (const text of mrkdwn) expect(text).not.toContain("<b>");
        expect(answer.text).toContain("matches “<b>”");
      });

      it("keeps the query escaped in the notification text too (Slack reads it as mrkdwn)", async () => {
        const answer = await mandat("search <!channel>");
        expect(answer.message.text).not.toContain("<!channel>");
      });
    });

    describe("help", () => {
      it.each<[string, Language]>([
        ["hjælp", "da"],
        ["hjelp", "nb"],
        ["hjälp", "sv"],
        ["help", "en"],
      ])("%s answers the help", async (word, language) => {
        // Any language's word works; the answer is in the caller's language.
        const answer = await mandat(word, OUTSIDER, { defaultLanguage: language });
        const reply = expectKind(answer.reply, "help");
        expect(reply.command).toBe("mandat");
        expect(reply.language).toBe(language);
        expect(answer.text).toContain(messages(language).help.mandat.title);
        expect(answer.text).toContain("/mandat");
      });

      it("answers a member in their committee's language", async () => {
        const answer = await mandat("help", MEMBER);
        expect(expectKind(answer.reply, "help").language).toBe("da");
        expect(answer.text).toContain("/mandat: et udvalgs kommissorium");
      });
    });

    describe("languages", () => {
      it.each<[string, Language, string]>([
        ["dk-personlig-medicin", "da", "Næste frist"],
        ["norprem", "nb", "Neste frist"],
        ["gms-2024", "sv", "Nästa tidsfrist"],
        ["gms-2022", "sv", "Nästa tidsfrist"],
      ])("answers %s in its own language by default", async (slug, language, words) => {
        const answer = await mandat(slug);
        expect(expectKind(answer.reply, "mandate").language).toBe(language);
        expect(answer.text).toContain(`${words}: `);
      });

      it("answers in the language asked for", async () => {
        const answer = await mandat("norprem", OUTSIDER, { language: "en" });
        expect(expectKind(answer.reply, "mandate").language).toBe("en");
        expect(answer.text).toContain("== National competence network for personalised medicine ==");
        expect(answer.text).toContain("Next deadline: ");
      });

      it.each<[string, Parameters<typeof run>[3], Parameters<typeof run>[4], Language, string]>([
        ["a member of a Danish committee", MEMBER, {}, "da", "Intet udvalg, du kan se, hedder “ingenting”."],
        ["someone on no roster, by the default", OUTSIDER, { defaultLanguage: "sv" }, "sv", "Ingen grupp som du kan se heter ”ingenting”."],
        ["anyone who asked for a language", MEMBER, { language: "nb" }, "nb", "Ingen utvalg du kan se, heter “ingenting”."],
      ])("tells %s about errors in their language", async (_label, caller, options, language, words) => {
        const answer = await mandat("ingenting", caller, options);
        expect(expectKind(answer.reply, "error").language).toBe(language);
        expect(answer.text).toContain(words);
      });
    });

    describe("the summary", () => {
      it.each([
        ["dk-personlig-medicin", new Date("2026-11-23T09:00:00Z"), "2025-12-31"],
        ["norprem", new Date("2026-11-23T09:00:00Z"), "2026-06-30"],
        ["gms-2024", new Date("2024-10-01T08:00:00Z"), "2024-11-01"],
        ["gms-2022", new Date("2022-10-01T08:00:00Z"), "2022-12-01"],
      ])("of %s fits a phone, has the eight section buttons and shows the next deadline", async (slug, now, due) => {
        const answer = await mandat(slug, OUTSIDER, { now });
        const reply = expectKind(answer.reply, "mandate");
        const { blocks } = answer.message;
        expect(blocks.length).toBeLessThanOrEqual(12);

        const actions = blocks.filter((b) => b.type === "actions");
        expect(actions).toHaveLength(1);
        const labels = actions[0]?.type === "actions" ? actions[0].elements.map((e) => (e.type === "button" ? e.text.text : "")) : [];
        expect(labels).toEqual(MandateSection.options.map((s) => messages(reply.language).sections[s]));

        // The next deadline is the first of what /frist lists for the committee at that moment.
        const next = reply.nextDeadline;
        expect(next?.deadline.dueDate).toBe(due);
        const listing = expectKind((await run(harness().services, "/frist", slug, OUTSIDER, { now })).reply, "deadlines");
        expect(next?.deadline.id).toBe(listing.items[0]?.deadline.id);
        expect(answer.text).toContain(`${messages(reply.language).summary.nextDeadline}: #${next?.deadline.id} ${next?.deadline.title}`);
      });

      it("says so when nothing is due", async () => {
        const answer = await mandat("gms-2024");
        expect(expectKind(answer.reply, "mandate").nextDeadline).toBeUndefined();
        expect(answer.text).toContain("Inget förfaller de närmaste 90 dagarna");
        expect(answer.message.blocks.length).toBeLessThanOrEqual(12);
      });

      it("shows whom the committee reports to and who issued its mandate", async () => {
        const answer = await mandat("gms-2024");
        expect(answer.text).toContain("\nRedovisar till: Socialstyrelsen och Regeringskansliet (Socialdepartementet)\n");
        expect(answer.text).toContain(
          "\nKälla: Uppdrag att betala ut medel till Genomic Medicine Sweden, utfärdat av Regeringen (Socialdepartementet)",
        );
        const english = await mandat("gms-2024", OUTSIDER, { language: "en" });
        expect(english.text).toContain("\nReports to: Socialstyrelsen and Regeringskansliet (Socialdepartementet)\n");
        expect(english.text).toContain(", issued by Regeringen (Socialdepartementet)");
      });

      it("shows a member their role on the members-only committee", async () => {
        const answer = await mandat("saerudvalg", CHAIR);
        expect(expectKind(answer.reply, "mandate").target.roles).toEqual(["chair"]);
        expect(answer.text).toContain("Du: Formand");
        expect(answer.text).toContain("Budgetopfølgning");
      });
    });
  });
});
