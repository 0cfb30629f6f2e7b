import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../commands/reply.js";
import { renderText } from "../../src/cli/render-text.js";
import { LANGUAGES, type Language } from "../../src/domain/language.js";
import type { Mandate, MandateSection, MeetingRule } from "../../src/domain/mandate.js";
import { messages } from "../../src/i18n/index.js";
import { loadMandateFile } from "../../src/mandates/load-mandate-file.js";
import { mandateMessage } from "../../src/slack/blocks/mandate-view.js";
import type { SlackMessage } from "../../src/slack/blocks/message.js";
import { meetingRuleText } from "../../src/slack/blocks/phrases.js";
import { mrkdwnTexts } from "../integration/helpers.js";
import { MANDATES_DIR, ROOT } from "../support/paths.js";

/**
 * The /mandat view of fields that are stored in a mandate: reports_to, source.issued_by, a
 * quorum as a head count, the funding balance, month-only history dates and an exact number of
 * meetings a year. Rendered from the shipped mandates and from tests/fixtures/mandate-view.yaml,
 * read the way a reader sees them (renderText), with no database in between.
 */

type MandateReply = Extract<Reply, { kind: "mandate" }>;

const NOW = new Date("2026-11-23T09:00:00Z");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "mandate-view.yaml");
const FIXTURE_SLUG = "visningsraadet";
const SHIPPED = ["dk-personlig-medicin", "gms-2022", "gms-2024", "norprem"] as const;

const mandates = new Map<string, Mandate>();

beforeAll(async () => {
  for (const file of [...SHIPPED.map((slug) => path.join(MANDATES_DIR, `${slug}.yaml`)), FIXTURE]) {
    const result = await loadMandateFile(file);
    if (!result.ok) throw new Error(`${file} did not load: ${JSON.stringify(result.problems)}`);
    mandates.set(result.mandate.slug, result.mandate);
  }
});

function mandate(slug: string): Mandate {
  const found = mandates.get(slug);
  if (!found) throw new Error(`no mandate ${slug}`);
  return found;
}

/** A copy of a loaded mandate with some fields changed. */
function variant(slug: string, change: (m: Mandate) => void): Mandate {
  const copy = structuredClone(mandate(slug));
  change(copy);
  return copy;
}

function view(source: Mandate | string, section: MandateSection | "summary", language?: Language): SlackMessage {
  const m = typeof source === "string" ? mandate(source) : source;
  const version = { number: 1, importedAt: NOW, sourceFile: `mandates/${m.slug}.yaml`, visibility: m.visibility };
  const reply: MandateReply = {
    kind: "mandate",
    language: language ?? m.language,
    section,
    now: NOW,
    versions: [version],
    target: {
      roles: [],
      committee: {
        id: 1,
        workspaceId: "T0001",
        slug: m.slug,
        visibility: m.visibility,
        timeZone: m.time_zone,
        mandate: m,
        version,
        plannedThrough: null,
        channelId: null,
        publicSince: null,
      },
    },
  };
  return mandateMessage(reply);
}

/** What a reader sees, with (narrow) no-break spaces in amounts as plain spaces. */
function seen(message: SlackMessage): string {
  return renderText(message).replace(/[\u00a0\u202f]/g, " ");
}

function lines(message: SlackMessage): string[] {
  return seen(message).split("\n");
}

describe("reports_to", () => {
  it.each<[string, Language, string]>([
    ["gms-2024", "sv", "Redovisar till: Socialstyrelsen och Regeringskansliet (Socialdepartementet)"],
    ["gms-2024", "en", "Reports to: Socialstyrelsen and Regeringskansliet (Socialdepartementet)"],
    ["gms-2024", "da", "Rapporterer til: Socialstyrelsen og Regeringskansliet (Socialdepartementet)"],
    ["gms-2024", "nb", "Rapporterer til: Socialstyrelsen og Regeringskansliet (Socialdepartementet)"],
    ["gms-2022", "sv", "Redovisar till: Socialstyrelsen och Regeringskansliet (Socialdepartementet)"],
    ["norprem", "nb", "Rapporterer til: Interregionalt fagdirektørmøte og Regionale fagdirektørmøter"],
    ["norprem", "en", "Reports to: Interregionalt fagdirektørmøte and Regionale fagdirektørmøter"],
  ])("%s in %s: a field of the summary and the first line of the reporting section", (slug, language, line) => {
    expect(lines(view(slug, "summary", language))).toContain(line);
    const reporting = lines(view(slug, "obligations", language));
    // After the header and the section's title.
    expect(reporting[2]).toBe(line);
  });

  it("is left out where the mandate names no body (dk-personlig-medicin)", () => {
    expect(mandate("dk-personlig-medicin").reports_to).toBeUndefined();
    expect(seen(view("dk-personlig-medicin", "summary"))).not.toContain("Rapporterer til");
    const reporting = lines(view("dk-personlig-medicin", "obligations"));
    expect(reporting[2]).toBe("Tilbagevendende forpligtelser");
  });

  it("stands above the sentence saying there are no duties", () => {
    // Between the title and the buttons.
    expect(lines(view(FIXTURE_SLUG, "obligations")).slice(2, -1)).toEqual([
      "Rapporterer til: Direktionen og <!channel> & Co",
      "Kommissoriet fastsætter ingen rapportering eller frister.",
    ]);
  });
});

describe("source.issued_by", () => {
  it.each<[string, Language, string]>([
    ["gms-2024", "sv", "Källa: Uppdrag att betala ut medel till Genomic Medicine Sweden, utfärdat av Regeringen (Socialdepartementet)"],
    ["gms-2024", "en", "Source: Uppdrag att betala ut medel till Genomic Medicine Sweden, issued by Regeringen (Socialdepartementet)"],
    ["gms-2024", "da", "Kilde: Uppdrag att betala ut medel till Genomic Medicine Sweden, udstedt af Regeringen (Socialdepartementet)"],
    ["gms-2024", "nb", "Kilde: Uppdrag att betala ut medel till Genomic Medicine Sweden, gitt av Regeringen (Socialdepartementet)"],
    [
      "gms-2022",
      "sv",
      "Källa: Uppdrag att betala ut medel för piloter inom precisionsmedicin, utfärdat av Regeringen (Socialdepartementet)",
    ],
  ])("%s in %s: in the summary's source line", (slug, language, start) => {
    const source = lines(view(slug, "summary", language)).find((l) => l.startsWith(start.slice(0, start.indexOf(":") + 1)));
    expect(source?.startsWith(start)).toBe(true);
  });

  it.each<[string, Language, string]>([
    ["gms-2024", "sv", "• Uppdrag att betala ut medel till Genomic Medicine Sweden, utfärdat av Regeringen (Socialdepartementet)"],
    ["gms-2022", "en", "• Uppdrag att betala ut medel för piloter inom precisionsmedicin, issued by Regeringen (Socialdepartementet)"],
  ])("%s in %s: in the history's source document line", (slug, language, start) => {
    const history = lines(view(slug, "history", language));
    const document = history[history.indexOf(messages(language).historySection.document) + 1];
    expect(document?.startsWith(start)).toBe(true);
  });

  it.each<[string, Language, string]>([
    [
      "gms-2024",
      "sv",
      "Källa: Uppdrag att betala ut medel till Genomic Medicine Sweden, utfärdat av Regeringen (Socialdepartementet), fastställt av Regeringen (på regeringens vägnar Acko Ankarberg Johansson; Klara Nilsson Berge)",
    ],
    [
      "gms-2022",
      "en",
      "Source: Uppdrag att betala ut medel för piloter inom precisionsmedicin, issued by Regeringen (Socialdepartementet), approved by Regeringen (på regeringens vägnar Lena Hallengren; Martin Janhäll)",
    ],
    [
      "norprem",
      "nb",
      "Kilde: Revidert mandat - Nasjonalt kompetansenettverk for persontilpasset medisin, godkjent av Interregionalt fagdirektørmøte, 18. mars 2024",
    ],
  ])("%s in %s: the whole source line, with who approved it even without a date", (slug, language, line) => {
    expect(lines(view(slug, "summary", language))).toContain(line);
  });

  it.each<[Language, string]>([
    ["da", "godkendt af Direktionen"],
    ["nb", "godkjent av Direktionen"],
    ["sv", "fastställt av Direktionen"],
    ["en", "approved by Direktionen"],
  ])("in %s: an approver without a date", (language, words) => {
    const undated = variant(FIXTURE_SLUG, (m) => {
      delete m.source.approved_on;
    });
    expect(seen(view(undated, "summary", language))).toContain(`data, ${words}\n`);
  });

  it("comes between the title and the approval", () => {
    expect(lines(view(FIXTURE_SLUG, "summary"))).toContain(
      "Kilde: Kommissorium for Rådet for visningstest (testdata), udstedt af Ministeriet for <test> & data, godkendt af Direktionen, 18. marts 2024",
    );
  });

  it.each(["dk-personlig-medicin", "norprem"])("is left out where the mandate names no issuer (%s)", (slug) => {
    expect(mandate(slug).source.issued_by).toBeUndefined();
    for (const language of LANGUAGES) expect(seen(view(slug, "summary", language))).not.toMatch(/udstedt af|gitt av|utfärdat av|issued by/);
  });
});

describe("user text in the new lines is escaped", () => {
  it.each<MandateSection | "summary">(["summary", "obligations", "history"])("%s", (section) => {
    const all = mrkdwnTexts(view(FIXTURE_SLUG, section).blocks).join("\n");
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<test>");
    if (section !== "history") expect(all).toContain("&lt;!channel&gt; &amp; Co");
    if (section !== "obligations") expect(all).toContain("Ministeriet for &lt;test&gt; &amp; data");
  });
});

describe("meetings: an equal minimum and maximum is an exact number", () => {
  it.each<[MeetingRule | undefined, Language, string]>([
    [{ min_per_year: 4, max_per_year: 4 }, "da", "4 gange om året"],
    [{ min_per_year: 4, max_per_year: 4 }, "nb", "4 ganger i året"],
    [{ min_per_year: 4, max_per_year: 4 }, "sv", "4 gånger per år"],
    [{ min_per_year: 4, max_per_year: 4 }, "en", "4 times a year"],
    [{ min_per_year: 1, max_per_year: 1 }, "da", "Én gang om året"],
    [{ min_per_year: 1, max_per_year: 1 }, "nb", "Én gang i året"],
    [{ min_per_year: 1, max_per_year: 1 }, "sv", "En gång per år"],
    [{ min_per_year: 1, max_per_year: 1 }, "en", "Once a year"],
    [{ min_per_year: 4, max_per_year: 6 }, "da", "4–6 gange om året"],
    [{ min_per_year: 4 }, "en", "At least 4 times a year"],
    [{ min_per_year: 1 }, "sv", "Minst en gång per år"],
    [{ max_per_year: 6 }, "nb", "Høyst 6 ganger i året"],
    [{ regularly: true }, "en", "Regularly"],
    [undefined, "en", "The mandate sets no meeting frequency"],
  ])("%j in %s → %s", (rule, language, text) => {
    expect(meetingRuleText(rule, language)).toBe(text);
  });

  it("shows in the summary and the meetings section", () => {
    expect(lines(view(FIXTURE_SLUG, "summary"))).toContain("Møder: 4 gange om året");
    expect(lines(view(FIXTURE_SLUG, "meetings"))[2]).toBe("4 gange om året");
    expect(lines(view("dk-personlig-medicin", "summary"))).toContain("Møder: 4–6 gange om året");
  });
});

describe("quorum as a head count of the roster", () => {
  it.each<[Language, string]>([
    ["da", "Beslutningsdygtig: 40 % af medlemmerne (mindst 6 af 15)"],
    ["nb", "Beslutningsdyktig: 40 % av medlemmene (minst 6 av 15)"],
    ["sv", "Beslutsför: 40 % av ledamöterna (minst 6 av 15)"],
    ["en", "Quorum: 40% of the members (at least 6 of 15)"],
  ])("in %s: in the decisions section and under the summary's decision rule", (language, line) => {
    const decisions = lines(view(FIXTURE_SLUG, "decisions", language));
    expect(decisions[3]).toBe(line);
    const summary = lines(view(FIXTURE_SLUG, "summary", language));
    const rule = summary.findIndex((l) => l.endsWith(`: ${decisions[2]}`));
    expect(rule).toBeGreaterThan(0);
    expect(summary[rule + 1]).toBe(line);
  });

  it("counts the roster the mandate has now", () => {
    const smaller = variant(FIXTURE_SLUG, (m) => {
      m.members = m.members.filter((s) => !/^medlem-1[0-3]$/.test(s.seat));
    });
    expect(seen(view(smaller, "decisions"))).toContain("Beslutningsdygtig: 40 % af medlemmerne (mindst 5 af 11)");
  });

  it("gives the share alone when no seat counts", () => {
    const noHeads = variant(FIXTURE_SLUG, (m) => {
      m.members = m.members.filter((s) => s.role === "secretariat" || s.role === "observer");
    });
    expect(lines(view(noHeads, "decisions"))[3]).toBe("Beslutningsdygtig: 40 % af medlemmerne");
  });

  it.each(SHIPPED)("is not shown where the mandate gives none (%s)", (slug) => {
    expect(mandate(slug).decisions.quorum).toBeUndefined();
    for (const section of ["summary", "decisions"] as const) {
      expect(seen(view(slug, section, "en"))).not.toContain("Quorum");
    }
  });
});

describe("funding: what is allocated of the total, and what is not", () => {
  it.each<[string, Language, string[]]>([
    ["gms-2024", "sv", ["Fördelat: 49 500 000 SEK av 49 500 000 SEK", "Ofördelat: 0 SEK"]],
    ["gms-2024", "en", ["Allocated: 49,500,000 SEK of 49,500,000 SEK", "Unallocated: 0 SEK"]],
    ["gms-2024", "da", ["Fordelt: 49.500.000 SEK af 49.500.000 SEK", "Ikke fordelt: 0 SEK"]],
    ["gms-2024", "nb", ["Fordelt: 49 500 000 SEK av 49 500 000 SEK", "Ufordelt: 0 SEK"]],
    ["gms-2022", "sv", ["Fördelat: 15 750 000 SEK av 15 750 000 SEK", "Ofördelat: 0 SEK"]],
    [FIXTURE_SLUG, "da", ["Fordelt: 10.275.000,35 DKK af 10.275.000,35 DKK", "Ikke fordelt: 0 DKK"]],
  ])("%s in %s: right after the allocations", (slug, language, balance) => {
    const funding = lines(view(slug, "funding", language));
    const at = funding.indexOf(balance[0] ?? "");
    expect(at).toBeGreaterThan(0);
    expect(funding[at + 1]).toBe(balance[1]);
    // The line before is the last allocation.
    const allocations = mandate(slug).funding?.allocations ?? [];
    expect(funding[at - 1]).toMatch(/^• /);
    expect(funding[at - 1]).toContain(allocations.at(-1)?.purpose);
  });

  it("gms-2024: the four allocations of 10, 15, 10 and 14.5 MSEK are listed before their sum", () => {
    const funding = seen(view("gms-2024", "funding"));
    const amounts = [...funding.matchAll(/^• ([\d ]+) SEK: /gm)].map((m) => m[1]);
    expect(amounts.slice(0, 4)).toEqual(["10 000 000", "15 000 000", "10 000 000", "14 500 000"]);
    expect(funding.indexOf("• 14 500 000 SEK")).toBeLessThan(funding.indexOf("Fördelat: 49 500 000 SEK av 49 500 000 SEK"));
  });

  it("shows a remainder that is left", () => {
    const partly = variant("gms-2024", (m) => {
      m.funding?.allocations?.pop();
    });
    expect(lines(view(partly, "funding", "en"))).toEqual(
      expect.arrayContaining(["Allocated: 35,000,000 SEK of 49,500,000 SEK", "Unallocated: 14,500,000 SEK"]),
    );
  });

  it("without a total, shows the sum and no remainder", () => {
    const noTotal = variant(FIXTURE_SLUG, (m) => {
      if (m.funding) delete m.funding.total;
    });
    const funding = lines(view(noTotal, "funding"));
    expect(funding).toContain("Fordelt: 10.275.000,35 DKK");
    expect(funding.join("\n")).not.toContain("Ikke fordelt");
  });

  it.each(["norprem", "dk-personlig-medicin"])("says nothing of it without allocations (%s)", (slug) => {
    expect(mandate(slug).funding?.allocations).toBeUndefined();
    expect(seen(view(slug, "funding", "en"))).not.toMatch(/Allocated|Unallocated/);
  });
});

describe("history dates as precise as the source", () => {
  it.each<[Language, string]>([
    ["da", "• december 2016: Regeringen og Danske Regioner lancerer National Strategi for Personlig Medicin 2017-2020."],
    ["nb", "• desember 2016: Regeringen og Danske Regioner lancerer National Strategi for Personlig Medicin 2017-2020."],
    ["sv", "• december 2016: Regeringen og Danske Regioner lancerer National Strategi for Personlig Medicin 2017-2020."],
    ["en", "• December 2016: Regeringen og Danske Regioner lancerer National Strategi for Personlig Medicin 2017-2020."],
  ])("dk-personlig-medicin's month-only date in %s", (language, line) => {
    const history = lines(view("dk-personlig-medicin", "history", language));
    const events = history.slice(history.indexOf(messages(language).historySection.events) + 1);
    expect(events[0]).toBe(line);
    expect(events[1]).toMatch(/^• 2017: /);
  });

  it("keeps years as years and full dates as dates, in date order", () => {
    const history = lines(view(FIXTURE_SLUG, "history"));
    expect(history.slice(history.indexOf(messages("da").historySection.events) + 1, -1)).toEqual([
      "• 2021: Ideen opstår.",
      "• marts 2024: Rådet nedsættes.",
      "• 18. marts 2024: Kommissoriet godkendes.",
    ]);
    expect(seen(view("norprem", "history", "en"))).toContain("• 28 August 2023: Etter evaluering");
  });
});

describe("the summary stays within Block Kit's limits", () => {
  it.each([...SHIPPED, FIXTURE_SLUG].flatMap((slug) => LANGUAGES.map((language) => [slug, language] as const)))(
    "%s in %s",
    (slug, language) => {
      const { blocks } = view(slug, "summary", language);
      for (const block of blocks) {
        if (block.type !== "section") continue;
        expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
        for (const f of block.fields ?? []) expect([...f.text].length).toBeLessThanOrEqual(2000);
        if (block.text) expect([...block.text.text].length).toBeLessThanOrEqual(3000);
      }
    },
  );
});
