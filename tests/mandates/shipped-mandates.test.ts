import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type Mandate, votingSeats } from "../../src/domain/mandate.js";
import { loadMandateFile, mandateFilesAt } from "../../src/mandates/load-mandate-file.js";
import { importReport } from "../../src/mandates/report-import.js";

const MANDATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../mandates");
const SHIPPED = ["dk-personlig-medicin", "norprem", "gms-2024", "gms-2022"] as const;

const loaded = new Map<string, Mandate>();
let files: string[] = [];

beforeAll(async () => {
  files = await mandateFilesAt(MANDATES_DIR);
  for (const file of files) {
    const result = await loadMandateFile(file);
    if (result.ok) loaded.set(path.basename(file), result.mandate);
  }
});

function mandate(slug: string): Mandate {
  const m = loaded.get(`${slug}.yaml`);
  if (!m) throw new Error(`mandates/${slug}.yaml did not load (see the validity test)`);
  return m;
}

function deadline(m: Mandate, id: string) {
  const d = m.deadlines?.find((x) => x.id === id);
  if (!d) throw new Error(`${m.slug}: no deadline "${id}"`);
  return d;
}

function allocationSum(m: Mandate): number {
  return (m.funding?.allocations ?? []).reduce((sum, a) => sum + a.amount, 0);
}

describe("shipped mandate files", () => {
  it("ships the four mandates", () => {
    const names = files.map((f) => path.basename(f));
    for (const slug of SHIPPED) expect(names).toContain(`${slug}.yaml`);
  });

  it("every file in mandates/ is a valid mandate", async () => {
    expect(files.length).toBeGreaterThan(0);
    const refusals: string[] = [];
    for (const file of files) {
      const result = await loadMandateFile(file);
      if (!result.ok) refusals.push(importReport([{ file, status: "refused", problems: result.problems }]));
    }
    if (refusals.length > 0) expect.fail(refusals.join("\n\n"));
  });

  it("every slug is unique and every file is named <slug>.yaml", () => {
    const slugs = [...loaded.values()].map((m) => m.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const [name, m] of loaded) expect(name).toBe(`${m.slug}.yaml`);
  });

  it("every file starts with the schema comment and declares format mandat/v1", async () => {
    for (const file of files) {
      const text = await readFile(file, "utf8");
      expect(text.startsWith("# yaml-language-server: $schema=./mandate.schema.json"), file).toBe(true);
      expect(text).toMatch(/^format: mandat\/v1$/m);
    }
  });
});

describe("GMS 2024", () => {
  it("has the requisition, repayment, financial statement and report deadlines", () => {
    const m = mandate("gms-2024");
    expect(deadline(m, "rekvisition-49-5-mkr").due).toBe("2024-11-01");
    expect(deadline(m, "rekvisition-49-5-mkr").to).toBe("Kammarkollegiet");
    expect(deadline(m, "rekvisition-500-tkr").due).toBe("2024-11-01");
    expect(deadline(m, "aterbetalning").due).toBe("2025-03-31");
    expect(deadline(m, "ekonomisk-redovisning").due).toBe("2025-03-31");
    const report = deadline(m, "redovisning-av-uppdraget");
    expect(report.due).toBe("2025-03-31");
    expect(report.to).toBe("Regeringskansliet (Socialdepartementet)");
  });

  it("allocates 10 + 15 + 10 + 14.5 MSEK = 49.5 MSEK for 2024", () => {
    const m = mandate("gms-2024");
    expect(m.funding?.currency).toBe("SEK");
    expect(m.funding?.total).toBe(49_500_000);
    expect(m.funding?.years).toEqual({ from: 2024, to: 2024 });
    expect(m.funding?.allocations?.map((a) => a.amount)).toEqual([10_000_000, 15_000_000, 10_000_000, 14_500_000]);
    expect(allocationSum(m)).toBe(49_500_000);
    const other = new Map(m.funding?.other_amounts?.map((o) => [o.id, o.amount]));
    expect(other.get("socialstyrelsens-ram")).toBe(50_000_000);
    expect(other.get("socialstyrelsens-eget-arbete")).toBe(500_000);
    expect(other.get("tidigare-stod-2021-2023")).toBe(54_750_000);
  });

  it("is valid from 2024-01-01 to 2025-03-31 in Swedish", () => {
    const m = mandate("gms-2024");
    expect(m.valid).toEqual({ from: "2024-01-01", until: "2025-03-31" });
    expect(m.language).toBe("sv");
    expect(m.country).toBe("SE");
    expect(m.decisions.rule).toBe("unspecified");
  });
});

describe("GMS 2022", () => {
  it("has the requisition, repayment, financial statement and report deadlines", () => {
    const m = mandate("gms-2022");
    expect(deadline(m, "rekvisition").due).toBe("2022-12-01");
    expect(deadline(m, "aterbetalning").due).toBe("2023-03-31");
    expect(deadline(m, "ekonomisk-redovisning").due).toBe("2023-03-31");
    const report = deadline(m, "redovisning-av-uppdraget");
    expect(report.due).toBe("2023-04-30");
    expect(report.to).toBe("Regeringskansliet (Socialdepartementet)");
    expect(report.clause).toContain("diarienumret");
  });

  it("allocates two × 7.875 MSEK = 15.75 MSEK for 2022", () => {
    const m = mandate("gms-2022");
    expect(m.funding?.currency).toBe("SEK");
    expect(m.funding?.total).toBe(15_750_000);
    expect(m.funding?.years).toEqual({ from: 2022, to: 2022 });
    expect(m.funding?.allocations?.map((a) => a.amount)).toEqual([7_875_000, 7_875_000]);
    expect(allocationSum(m)).toBe(15_750_000);
    const other = new Map(m.funding?.other_amounts?.map((o) => [o.id, o.amount]));
    expect(other.get("socialstyrelsens-ram")).toBe(16_000_000);
    expect(other.get("anslagspost-16")).toBe(10_000_000);
    expect(other.get("socialstyrelsens-eget-arbete")).toBe(250_000);
    expect(other.get("anslagspost-33")).toBe(6_000_000);
    expect(m.valid).toEqual({ from: "2022-01-01", until: "2023-04-30" });
  });
});

describe("Danish steering group for personalised medicine", () => {
  it("has nine members besides the secretariat, one chair and two vice chairs", () => {
    const m = mandate("dk-personlig-medicin");
    const voting = votingSeats(m);
    expect(voting).toHaveLength(9);
    expect(voting.filter((s) => s.role === "chair")).toHaveLength(1);
    expect(voting.filter((s) => s.role === "vice_chair")).toHaveLength(2);
    expect(voting.filter((s) => s.title.startsWith("Sundhedsdirektør"))).toHaveLength(5);
    expect(m.members.filter((s) => s.role === "secretariat").map((s) => s.organisation)).toEqual([
      "Nationalt Genom Center",
      "Danske Regioner",
      "Sundheds- og Ældreministeriet",
    ]);
    expect(m.members.every((s) => s.name === undefined && s.slack_id === undefined && s.email === undefined)).toBe(true);
  });

  it("meets 4–6 times a year, decides by consensus and evaluates itself at least once a year", () => {
    const m = mandate("dk-personlig-medicin");
    expect(m.meetings?.min_per_year).toBe(4);
    expect(m.meetings?.max_per_year).toBe(6);
    expect(m.decisions.rule).toBe("consensus");
    const evaluation = m.obligations?.find((o) => o.id === "evaluering");
    expect(evaluation?.every).toEqual({ at_least: 1, per: "year" });
    expect(m.valid.from).toBe("2021-01-01");
    expect(m.valid.until).toBeUndefined();
    expect(m.language).toBe("da");
    expect(m.visibility).toBe("public");
  });

  it("records the Novo Nordisk Fonden grant as approximate and the state's 100 mio. kr.", () => {
    const m = mandate("dk-personlig-medicin");
    const nnf = m.funding?.other_amounts?.find((o) => o.id === "novo-nordisk-fonden");
    expect(nnf?.amount).toBe(1_000_000_000);
    expect(nnf?.approximate).toBe(true);
    const state = m.funding?.other_amounts?.find((o) => o.id === "staten-2017-2020");
    expect(state?.amount).toBe(100_000_000);
    expect(state?.years).toEqual({ from: 2017, to: 2020 });
    expect(m.tasks.some((t) => t.text.includes("60.000"))).toBe(true);
    expect(m.history?.some((h) => h.date === "2019-05-01")).toBe(true);
  });
});

describe("NorPreM", () => {
  it("reports status and budget at least twice a year and orients the regions at least four times a year", () => {
    const m = mandate("norprem");
    const status = m.obligations?.find((o) => o.id === "status-og-budsjett");
    expect(status?.every).toEqual({ at_least: 2, per: "year" });
    expect(status?.owner).toEqual({ seats: ["nasjonal-leder"] });
    expect(status?.to).toBe("Interregionalt fagdirektørmøte");
    expect(status?.due).toBeUndefined();
    const regional = m.obligations?.find((o) => o.id === "regional-orientering");
    expect(regional?.every).toEqual({ at_least: 4, per: "year" });
    expect(regional?.owner).toEqual({
      seats: ["regional-leder-helse-sor-ost", "regional-leder-helse-vest", "regional-leder-helse-midt-norge", "regional-leder-helse-nord"],
    });
    expect(regional?.due).toBeUndefined();
  });

  it("was approved 2024-03-18 and is funded with 51.5 MNOK for 2024–2027", () => {
    const m = mandate("norprem");
    expect(m.source.approved_on).toBe("2024-03-18");
    expect(m.valid.from).toBe("2024-03-18");
    expect(m.funding?.currency).toBe("NOK");
    expect(m.funding?.total).toBe(51_500_000);
    expect(m.funding?.years).toEqual({ from: 2024, to: 2027 });
    expect(m.funding?.managed_by).toBe("Helse Sør-Øst");
    expect(m.short_name).toBe("NorPreM");
    expect(m.members.filter((s) => s.role === "chair")).toHaveLength(1);
    expect(m.members.filter((s) => s.groups?.includes("Arbeidsutvalget"))).toHaveLength(6);
    expect(m.members.filter((s) => s.groups?.includes("Referansegruppen"))).toHaveLength(10);
  });

  it("has no leftover OCR damage in its texts", async () => {
    const text = await readFile(path.join(MANDATES_DIR, "norprem.yaml"), "utf8");
    const body = text
      .split("\n")
      .filter((line) => !line.trimStart().startsWith("#"))
      .join("\n");
    for (const damaged of ["gremerkede", "fagdirektgr", "Sgr-@st", " pd ", "arlig", "rdd"]) {
      expect(body).not.toContain(damaged);
    }
  });
});
