import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { replyLanguage } from "../../commands/language.js";
import type { Committee } from "../../src/domain/committee.js";
import type { Language } from "../../src/domain/language.js";
import type { Mandate, MemberRole } from "../../src/domain/mandate.js";
import { type Audience, languageFor } from "../../src/domain/reply-language.js";
import { loadMandateFile } from "../../src/mandates/load-mandate-file.js";
import type { VisibleCommittee } from "../../src/services/committee-directory.js";
import { MANDATES_DIR } from "../support/paths.js";

/**
 * The one rule for a reply's language: chosen > the committee it is about > the one language
 * the caller's own committees share > the language of the committee an error is about > the
 * deployment's default.
 */

describe("languageFor", () => {
  it.each<[string, Audience, Language]>([
    ["nothing but the fallback", { fallback: "en" }, "en"],
    ["chosen beats everything", { chosen: "sv", committee: "da", own: ["nb"], about: "da", fallback: "en" }, "sv"],
    ["chosen, with nothing else", { chosen: "nb", fallback: "en" }, "nb"],
    ["the committee beats own, about and fallback", { committee: "da", own: ["nb"], about: "sv", fallback: "en" }, "da"],
    ["one own committee", { own: ["nb"], fallback: "en" }, "nb"],
    ["several own committees sharing one language", { own: ["sv", "sv", "sv"], fallback: "en" }, "sv"],
    ["the one shared own language beats about", { own: ["sv", "sv"], about: "da", fallback: "en" }, "sv"],
    ["own committees of two languages: about decides", { own: ["sv", "nb"], about: "da", fallback: "en" }, "da"],
    ["own committees of two languages, no about: the fallback", { own: ["sv", "nb", "sv"], fallback: "da" }, "da"],
    ["no own committees: about decides", { own: [], about: "nb", fallback: "en" }, "nb"],
    ["no own committees, no about: the fallback", { own: [], fallback: "sv" }, "sv"],
    ["undefined fields are no choice", { chosen: undefined, committee: undefined, about: undefined, fallback: "nb" }, "nb"],
  ])("%s → %s", (_label, audience, expected) => {
    expect(languageFor(audience)).toBe(expected);
  });
});

describe("replyLanguage: the rule as the commands apply it", () => {
  const mandates = new Map<string, Mandate>();
  beforeAll(async () => {
    for (const slug of ["dk-personlig-medicin", "gms-2024", "gms-2022", "norprem"]) {
      const loaded = await loadMandateFile(path.join(MANDATES_DIR, `${slug}.yaml`));
      if (!loaded.ok) throw new Error(`${slug}: ${JSON.stringify(loaded.problems)}`);
      mandates.set(slug, loaded.mandate);
    }
  });

  const committee = (slug: string, id: number): Committee => {
    const mandate = mandates.get(slug);
    if (!mandate) throw new Error(`no mandate ${slug}`);
    return {
      id,
      workspaceId: "T0001",
      slug,
      visibility: mandate.visibility,
      timeZone: mandate.time_zone,
      mandate,
      version: { number: 1, importedAt: new Date("2026-01-01T00:00:00Z"), sourceFile: `${slug}.yaml`, visibility: mandate.visibility },
      plannedThrough: null,
      channelId: null,
      publicSince: null,
    };
  };
  const visible = (slug: string, id: number, roles: MemberRole[]): VisibleCommittee => ({ committee: committee(slug, id), roles });
  const context = (language?: Language) => ({ language, defaultLanguage: "en" as const });

  it("checks the languages of the shipped mandates the cases rely on", () => {
    expect([...mandates].map(([slug, m]) => [slug, m.language])).toEqual([
      ["dk-personlig-medicin", "da"],
      ["gms-2024", "sv"],
      ["gms-2022", "sv"],
      ["norprem", "nb"],
    ]);
  });

  it("a reply about one committee is in its language, unless one was chosen", () => {
    expect(replyLanguage(context(), { committee: committee("norprem", 1) })).toBe("nb");
    expect(replyLanguage(context("da"), { committee: committee("norprem", 1) })).toBe("da");
  });

  it("a caller on committees of one language gets that language; committees they merely see do not count", () => {
    const list = [visible("gms-2024", 1, ["chair"]), visible("gms-2022", 2, ["member"]), visible("norprem", 3, [])];
    expect(replyLanguage(context(), { visible: list })).toBe("sv");
  });

  it("a caller on committees of two languages falls back to the default, or the language the error is about", () => {
    const list = [visible("gms-2024", 1, ["chair"]), visible("norprem", 2, ["member"])];
    expect(replyLanguage(context(), { visible: list })).toBe("en");
    expect(replyLanguage(context(), { visible: list, errorAbout: "da" })).toBe("da");
    expect(replyLanguage(context("sv"), { visible: list, errorAbout: "da" })).toBe("sv");
  });

  it("an outsider (on no committee) gets the default, or the language the error is about", () => {
    const list = [visible("gms-2024", 1, []), visible("dk-personlig-medicin", 2, [])];
    expect(replyLanguage(context(), { visible: list })).toBe("en");
    expect(replyLanguage(context(), { visible: list, errorAbout: "nb" })).toBe("nb");
    expect(replyLanguage(context(), { visible: [] })).toBe("en");
  });
});
