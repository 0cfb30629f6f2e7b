import { Language } from "../domain/language.js";
import { Mandate, MandateSection } from "../domain/mandate.js";
import { indexedPassages } from "../domain/mandate-search.js";
import type { Logger } from "../logging/logger.js";
import type { CommitteeMatch, PassageMatches, PassageQuery, SearchIndex } from "../services/ports.js";
import type { Client } from "./client.js";
import { lockCommittee } from "./committee-lock.js";
import { Prisma, type PrismaClient } from "./generated/client.js";

/** A folded word as a LIKE pattern that finds it anywhere: `%` and `_` (and the escape `\`) typed in it mean themselves. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, "\\$&")}%`;
}

interface MatchRow {
  id: number;
  workspaceId: string;
  slug: string;
  visibility: "public" | "members";
  language: string;
  names: unknown;
  total: number;
  hitCount: number;
  section: string;
  text: string;
}

/**
 * The search index: each committee's current mandate version as passages, folded when the version
 * is written, found with `folded LIKE '%word%'` through a trigram index (pg_trgm), so a search
 * reads the passages that can match, not every mandate. See docs/decisions/2026-11-23-search-index.md.
 */
export class PrismaSearchIndex implements SearchIndex {
  constructor(private readonly db: Client) {}

  async search(query: PassageQuery): Promise<PassageMatches> {
    if (query.words.length === 0) return { committees: [], total: 0 };
    const memberOf = [...query.memberOf];
    const everyWord = Prisma.join(
      query.words.map((word) => Prisma.sql`p."folded" LIKE ${containsPattern(word)}`),
      " AND ",
    );
    // One round trip: the matching passages of the committees the caller may see; those
    // committees ranked as the committee list ranks them (the caller's own first, then by slug)
    // and counted; the first few of them with their first few passages and their passage counts.
    const rows = await this.db.$queryRaw<MatchRow[]>`
      WITH hit AS (
        SELECT p."committeeId", p."position", p."section", p."text"
        FROM "MandatePassage" p
        JOIN "Committee" c ON c."id" = p."committeeId"
        WHERE c."workspaceId" = ${query.workspaceId}
          AND (c."visibility" = 'public' OR c."id" = ANY(${memberOf}::int[]))
          AND ${everyWord}
      ),
      ranked AS (
        SELECT c."id", c."workspaceId", c."slug", c."visibility"::text AS "visibility", c."language", c."names",
               row_number() OVER (ORDER BY (c."id" = ANY(${memberOf}::int[])) DESC, c."slug", c."workspaceId") AS "rank",
               count(*) OVER () AS "total"
        FROM "Committee" c
        WHERE c."id" IN (SELECT "committeeId" FROM hit)
      ),
      shown AS (
        SELECT h.*,
               row_number() OVER (PARTITION BY h."committeeId" ORDER BY h."position") AS "nth",
               count(*) OVER (PARTITION BY h."committeeId") AS "hitCount"
        FROM hit h
        WHERE h."committeeId" IN (SELECT "id" FROM ranked WHERE "rank" <= ${query.committees})
      )
      SELECT r."id", r."workspaceId", r."slug", r."visibility", r."language", r."names", r."total"::int AS "total",
             s."hitCount"::int AS "hitCount", s."section", s."text"
      FROM ranked r
      JOIN shown s ON s."committeeId" = r."id"
      WHERE r."rank" <= ${query.committees} AND s."nth" <= ${query.hits}
      ORDER BY r."rank", s."position"`;
    const committees: CommitteeMatch[] = [];
    for (const row of rows) {
      const hit = { section: MandateSection.parse(row.section), text: row.text };
      const last = committees.at(-1);
      if (last?.committee.id === row.id) {
        last.hits.push(hit);
        continue;
      }
      const committee = {
        id: row.id,
        workspaceId: row.workspaceId,
        slug: row.slug,
        visibility: row.visibility,
        language: Language.parse(row.language),
        names: Mandate.shape.names.parse(row.names),
      };
      committees.push({ committee, hits: [hit], hitCount: row.hitCount });
    }
    return { committees, total: rows[0]?.total ?? 0 };
  }

  async indexLatestVersion(committeeId: number, mandate: Mandate): Promise<void> {
    const latest = await this.db.mandateVersion.findFirst({
      where: { committeeId },
      orderBy: { number: "desc" },
      select: { id: true },
    });
    if (!latest) throw new Error(`committee ${committeeId} has no mandate version to index`);
    await writePassages(this.db, committeeId, latest.id, mandate);
  }
}

/** The committee's passages become those of `mandate`, its version `versionId`; earlier versions' go. */
async function writePassages(db: Client, committeeId: number, versionId: number, mandate: Mandate): Promise<void> {
  await db.mandatePassage.deleteMany({ where: { committeeId } });
  await db.mandatePassage.createMany({
    data: indexedPassages(mandate).map((p, position) => ({ versionId, position, committeeId, ...p })),
  });
}

/**
 * Indexes the committees whose current version has no passages: all of them in a database from
 * before the index (its migration cannot fold: folding is TypeScript), and any whose version an
 * older release of the bot wrote. Run when a database is opened; afterwards each import keeps the
 * index current. One committee at a time under its lock, so an import of the same committee on
 * another replica either comes first (and this one indexes the new version) or waits.
 * Returns how many committees were indexed.
 */
export async function indexUnindexedCommittees(prisma: PrismaClient, logger?: Logger): Promise<number> {
  const pending = await prisma.$queryRaw<{ id: number; workspaceId: string; slug: string }[]>`
    SELECT c."id", c."workspaceId", c."slug"
    FROM "Committee" c
    JOIN LATERAL (
      SELECT v."id" FROM "MandateVersion" v WHERE v."committeeId" = c."id" ORDER BY v."number" DESC LIMIT 1
    ) latest ON true
    WHERE NOT EXISTS (SELECT 1 FROM "MandatePassage" p WHERE p."versionId" = latest."id")
    ORDER BY c."id"`;
  let indexed = 0;
  for (const committee of pending) {
    await prisma.$transaction(async (tx) => {
      await lockCommittee(tx, committee.workspaceId, committee.slug);
      const latest = await tx.mandateVersion.findFirst({
        where: { committeeId: committee.id },
        orderBy: { number: "desc" },
        select: { id: true, content: true },
      });
      if (!latest) return;
      const parsed = Mandate.safeParse(latest.content);
      if (parsed.success) {
        await writePassages(tx, committee.id, latest.id, parsed.data);
        indexed++;
      } else {
        // The read path leaves such a committee out (src/db/mandate-cache.ts); so does search.
        await tx.mandatePassage.deleteMany({ where: { committeeId: committee.id } });
        logger?.error(
          { err: parsed.error, mandateVersion: latest.id },
          "a stored mandate version does not pass the mandate schema: it is not searchable until a valid version is imported",
        );
      }
    });
  }
  return indexed;
}
