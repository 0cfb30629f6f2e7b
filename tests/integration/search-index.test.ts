import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { prismaOf } from "../../src/db/connect.js";
import { canSeeCommittee } from "../../src/domain/access.js";
import type { Caller } from "../../src/domain/caller.js";
import { LANGUAGES } from "../../src/domain/language.js";
import { Mandate } from "../../src/domain/mandate.js";
import { mandatePassages, SEARCH_COMMITTEES_SHOWN, SEARCH_HITS_SHOWN, searchMandate } from "../../src/domain/mandate-search.js";
import { foldForSearch, searchWords } from "../../src/domain/search-text.js";
import { messages } from "../../src/i18n/index.js";
import type { VisibleCommittee } from "../../src/services/committee-directory.js";
import type { Services } from "../../src/services/create-services.js";
import type { Store } from "../../src/services/ports.js";
import { blockKitProblems } from "../support/block-kit.js";
import { databaseKinds } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import { smallMandate } from "../support/small-mandate.js";
import {
  CHAIR,
  committeeId,
  expectKind,
  importAll,
  MEMBER,
  NOW,
  OUTSIDER,
  run,
  SAERUDVALG_V1,
  SAERUDVALG_V2,
  SECRETARIAT_BY_EMAIL,
  TEAM,
  useDatabase,
} from "./helpers.js";

/**
 * `/mandat søg` through the search index (src/db/search-repository.ts) finds what reading every
 * visible mandate with searchMandate finds, the definition of a match: the same committees in
 * the same order, the same passages, and how many committees matched in all.
 */

const OTHER_TEAM = "T0OTHER";
/** Committees sharing a word, more than a search shows. */
const SHARED = SEARCH_COMMITTEES_SHOWN + 4;
const SHARED_WORD = "fællesordet";

function small(slug: string, purpose: string): Mandate {
  return Mandate.parse({ ...parse(smallMandate(slug)), purpose });
}

async function seed(services: Services): Promise<void> {
  await importAll(services, MANDATES_DIR);
  await importAll(services, SAERUDVALG_V1);
  // LIKE's wildcards and its escape character, as text people search for.
  const signs = small("tegn", "Andelen steg til 100% i 2025; filen hed budget_2025.xlsx og lå i C:\\mapper\\udvalg.");
  await services.importer.importMandate("tegn.yaml", signs, TEAM, NOW);
  await services.importer.importMandate(
    "plain.yaml",
    small("plain", "Andelen steg til 1000 i 2025 og budgetx2025 lå i mapper."),
    TEAM,
    NOW,
  );
  for (let i = 0; i < SHARED; i++) {
    const slug = `faelles-${String(i).padStart(2, "0")}`;
    await services.importer.importMandate(`${slug}.yaml`, small(slug, `Et udvalg med ${SHARED_WORD} nummer ${i}.`), TEAM, NOW);
  }
  // The same words in another workspace: never found from this one.
  await services.importer.importMandate(
    "other.yaml",
    small("fremmed", `Et fremmed udvalg med ${SHARED_WORD} og 100% helgenomsekvensering.`),
    OTHER_TEAM,
    NOW,
  );
}

/** The old way, kept as the definition: every committee the caller sees, its mandate searched. */
function reference(visible: VisibleCommittee[], query: string) {
  const words = searchWords(query);
  const all = visible
    .map(({ committee, roles }) => ({
      slug: committee.slug,
      name: committee.mandate.names,
      roles: [...roles].sort(),
      hits: searchMandate(committee.mandate, words),
    }))
    .filter((r) => r.hits.length > 0)
    .map((r) => ({ ...r, hits: r.hits.slice(0, SEARCH_HITS_SHOWN), hitCount: r.hits.length }));
  return { results: all.slice(0, SEARCH_COMMITTEES_SHOWN), committeesFound: all.length };
}

/** Every committee the caller may see, their own first, then by slug: what search used to read. */
async function visibleTo(store: Store, caller: Caller): Promise<VisibleCommittee[]> {
  const [committees, roles] = await Promise.all([store.committees.inWorkspace(caller.workspaceId), store.committees.rolesOf(caller)]);
  const visible = committees
    .map((committee) => ({ committee, roles: roles.get(committee.id) ?? [] }))
    .filter((v) => canSeeCommittee(v.committee.visibility, v.roles));
  return [...visible.filter((v) => v.roles.length > 0), ...visible.filter((v) => v.roles.length === 0)];
}

async function actual(services: Services, caller: Caller, query: string) {
  const found = await services.directory.search(caller, query);
  return {
    results: found.results.map((r) => ({
      slug: r.committee.slug,
      name: r.committee.names,
      roles: [...r.roles].sort(),
      hits: r.hits,
      hitCount: r.hitCount,
    })),
    committeesFound: found.committeesFound,
  };
}

/** A small deterministic generator (mulberry32), so a failing query can be found again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(databaseKinds())("search through the index on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("/mandat søg", () => {
    const harness = useDatabase(kind, seed);
    const services = () => harness().services;

    it.each([
      "helgenomsekvensering",
      "genom", // inside words: genomisk, helgenomsekvensering, Genom Center
      "GENOM sekvens",
      "sällsynta barn",
      "sællsynta BARN",
      "medicin",
      "år",
      "ar",
      "e",
      "personlig medicin",
      "fortrolighedsprotokollen",
      "kvantdator",
      "100%",
      "%",
      "_",
      "\\",
      "budget_2025",
      "c:\\mapper",
      "1000",
      SHARED_WORD,
      `${SHARED_WORD} 7`,
      "nummer 1",
    ])(
      "%j finds what reading every mandate finds, for an outsider, a member, the chair and the secretariat by e-mail (in any case)",
      async (query) => {
        const shouting: Caller = { ...SECRETARIAT_BY_EMAIL, email: SECRETARIAT_BY_EMAIL.email?.toUpperCase() };
        for (const caller of [OUTSIDER, MEMBER, CHAIR, SECRETARIAT_BY_EMAIL, shouting]) {
          expect(await actual(services(), caller, query), `${query} for ${caller.slackUserId ?? caller.email}`).toEqual(
            reference(await visibleTo(harness().db.store, caller), query),
          );
        }
      },
    );

    it("agrees on 300 words and pairs cut from the mandates' own passages, folded or as written", async () => {
      const next = random(8);
      const visible = await visibleTo(harness().db.store, MEMBER);
      const texts = visible.flatMap(({ committee }) => mandatePassages(committee.mandate).map((p) => p.text));
      const cut = () => {
        const text = texts[Math.floor(next() * texts.length)] ?? "";
        const length = 1 + Math.floor(next() * 9);
        const at = Math.floor(next() * Math.max(1, text.length - length));
        const piece = text.slice(at, at + length);
        return next() < 0.5 ? piece : foldForSearch(piece);
      };
      let found = 0;
      for (let i = 0; i < 300; i++) {
        const query = next() < 0.7 ? cut() : `${cut()} ${cut()}`;
        if (searchWords(query).length === 0) continue;
        const want = reference(visible, query);
        expect(await actual(services(), MEMBER, query), JSON.stringify(query)).toEqual(want);
        if (want.committeesFound > 0) found++;
      }
      // Most queries find something; the comparison is not between two empty answers.
      expect(found).toBeGreaterThan(150);
    });

    it("reads %, _ and \\ as the characters they are, not as LIKE's wildcards", async () => {
      for (const query of ["100%", "budget_2025", "c:\\mapper"]) {
        const { results } = await actual(services(), OUTSIDER, query);
        expect(
          results.map((r) => r.slug),
          query,
        ).toEqual(["tegn"]);
      }
    });

    it("shows the first committees and says how many more matched, in every language within Block Kit's limits", async () => {
      const { results, committeesFound } = await actual(services(), OUTSIDER, SHARED_WORD);
      expect(results.map((r) => r.slug)).toEqual(
        Array.from({ length: SEARCH_COMMITTEES_SHOWN }, (_, i) => `faelles-${String(i).padStart(2, "0")}`),
      );
      expect(committeesFound).toBe(SHARED);
      for (const language of LANGUAGES) {
        const answer = await run(services(), "/mandat", `søg ${SHARED_WORD}`, OUTSIDER, { language });
        expect(blockKitProblems(answer.message)).toEqual([]);
        expect(answer.text).toContain(messages(language).search.moreCommittees(SHARED - SEARCH_COMMITTEES_SHOWN));
      }
      const few = await run(services(), "/mandat", "søg 100%", OUTSIDER, { language: "en" });
      expect(expectKind(few.reply, "search").committeesFound).toBe(1);
      expect(few.text).not.toContain("narrow the search");
    });

    it("puts the caller's own committees first", async () => {
      const { results } = await actual(services(), MEMBER, "udvalg");
      expect(results[0]?.slug).toBe("saerudvalg");
      expect(results.length).toBe(SEARCH_COMMITTEES_SHOWN);
    });

    it("finds nothing of another workspace, and another workspace nothing of this one", async () => {
      const stranger: Caller = { workspaceId: OTHER_TEAM, slackUserId: "U0STRANGER" };
      expect((await actual(services(), stranger, SHARED_WORD)).results.map((r) => r.slug)).toEqual(["fremmed"]);
      expect((await actual(services(), stranger, "helgenomsekvensering")).results.map((r) => r.slug)).toEqual(["fremmed"]);
      expect((await actual(services(), OUTSIDER, "fremmed")).results).toEqual([]);
    });

    it("keeps one version's passages per committee in the index", async () => {
      const prisma = prismaOf(harness().db);
      const versions = await prisma.mandatePassage.groupBy({ by: ["committeeId", "versionId"] });
      const committees = new Set(versions.map((v) => v.committeeId));
      expect(versions.length).toBe(committees.size);
      expect(committees.size).toBe(await prisma.committee.count());
    });
  });

  describe.skipIf(!available)("a new mandate version", () => {
    const harness = useDatabase(kind, async (services) => {
      await importAll(services, SAERUDVALG_V1, NOW);
    });
    const found = async (query: string) =>
      (await harness().services.directory.search(CHAIR, query)).results.map((r) => r.hits.map((h) => h.text));

    it("replaces the committee's passages: words only the earlier version had are no longer found", async () => {
      expect(await found("budgetopfølgning")).toEqual([["Budgetopfølgning"]]);
      expect(await found("statusrapport og regnskab")).toEqual([]);
      await importAll(harness().services, SAERUDVALG_V2, new Date(NOW.getTime() + 86_400_000));
      expect(await found("budgetopfølgning")).toEqual([]);
      expect(await found("statusrapport og regnskab")).toEqual([["Statusrapport og regnskab til direktionen — Direktionen"]]);
      const id = await committeeId(harness().db, "saerudvalg");
      const prisma = prismaOf(harness().db);
      const latest = await prisma.mandateVersion.findFirstOrThrow({ where: { committeeId: id }, orderBy: { number: "desc" } });
      const rows = await prisma.mandatePassage.findMany({ where: { committeeId: id }, orderBy: { position: "asc" } });
      expect(rows.every((r) => r.versionId === latest.id)).toBe(true);
      expect(rows.map((r) => r.text)).toEqual(mandatePassages(Mandate.parse(latest.content)).map((p) => p.text));
    });
  });
});
