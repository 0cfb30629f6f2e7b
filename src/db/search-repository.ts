import { Language } from "../domain/language.js";
import { Mandate, MandateSection, MemberRole } from "../domain/mandate.js";
import { indexedPassages } from "../domain/mandate-search.js";
import type { Logger } from "../logging/logger.js";
import type { CommitteeMatch, CommitteeRef, PassageMatches, PassageQuery, SearchIndex } from "../services/ports.js";
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
  roles: string[];
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
    const { caller } = query;
    const patterns = query.words.map(containsPattern);
    const everyWord = Prisma.join(
      patterns.map((pattern) => Prisma.sql`p."folded" LIKE ${pattern}`),
      " AND ",
    );
    // The same test where it must not use the trigram index: `|| ''` hides the column from it.
    const everyWordUnindexed = Prisma.join(
      patterns.map((pattern) => Prisma.sql`(p."folded" || '') LIKE ${pattern}`),
      " AND ",
    );
    // One round trip, in a shape that does not depend on the planner's statistics (PGlite never
    // gathers any by itself, and without them a plain join scanned the trigram index once per
    // committee: seconds at a thousand committees). Measured in docs/decisions/2026-11-23-search-index.md.
    //  1. mine: the caller's seats, found as rolesOf (src/db/committee-repository.ts) finds them;
    //  2. found: the passages containing every word, through the trigram index, counted per
    //     committee (integers only; the text is read again only for what is shown);
    //  3. ranked: those committees of the caller's workspace the caller may see, each looked up by
    //     primary key (LATERAL … LIMIT 1 keeps it a lookup), ranked as the committee list ranks
    //     them (the caller's own first, then by slug) and counted;
    //  4. the first few committees' first few matching passages, read through the committee's
    //     index (a handful of rows each), not through the trigram index again.
    const rows = await this.db.$queryRaw<MatchRow[]>`
      WITH mine AS MATERIALIZED (
        SELECT m."committeeId", array_agg(m."role"::text ORDER BY m."role") AS "roles"
        FROM "Member" m
        WHERE m."slackUserId" = ${caller.slackUserId ?? null} OR m."email" = ${caller.email?.toLowerCase() ?? null}
        GROUP BY m."committeeId"
      ),
      found AS MATERIALIZED (
        SELECT p."committeeId", count(*) AS "hitCount"
        FROM "MandatePassage" p
        WHERE ${everyWord}
        GROUP BY p."committeeId"
      ),
      ranked AS MATERIALIZED (
        SELECT c."id", c."workspaceId", c."slug", c."visibility", c."language", c."names", f."hitCount",
               coalesce(mine."roles", '{}') AS "roles",
               row_number() OVER (ORDER BY (mine."committeeId" IS NOT NULL) DESC, c."slug", c."workspaceId") AS "rank",
               count(*) OVER () AS "total"
        FROM found f
        CROSS JOIN LATERAL (
          SELECT c."id", c."workspaceId", c."slug", c."visibility"::text AS "visibility", c."language", c."names"
          FROM "Committee" c
          WHERE c."id" = f."committeeId"
          LIMIT 1
        ) c
        LEFT JOIN mine ON mine."committeeId" = c."id"
        WHERE c."workspaceId" = ${caller.workspaceId}
          AND (c."visibility" = 'public' OR mine."committeeId" IS NOT NULL)
      )
      SELECT r."id", r."workspaceId", r."slug", r."visibility", r."language", r."names", r."roles", r."total"::int AS "total",
             r."hitCount"::int AS "hitCount", s."section", s."text"
      FROM ranked r
      CROSS JOIN LATERAL (
        SELECT p."position", p."section", p."text"
        FROM "MandatePassage" p
        WHERE p."committeeId" = r."id" AND ${everyWordUnindexed}
        ORDER BY p."position"
        LIMIT ${query.hits}
      ) s
      WHERE r."rank" <= ${query.committees}
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
      committees.push({ committee, roles: row.roles.map((role) => MemberRole.parse(role)), hits: [hit], hitCount: row.hitCount });
    }
    return { committees, total: rows[0]?.total ?? 0 };
  }

  async indexLatestVersions(committees: readonly (CommitteeRef & { mandate: Mandate })[]): Promise<void> {
    if (committees.length === 0) return;
    const refs = committees.map(({ workspaceId, slug }) => ({ workspaceId, slug }));
    const rows = committees.flatMap(({ workspaceId, slug, mandate }) =>
      indexedPassages(mandate).map((p, position) => ({ workspaceId, slug, position, ...p })),
    );
    // Two statements for a whole batch of an import, the rows as one JSON parameter (as the
    // import's own batch writes them: src/db/mandate-writer.ts).
    await this.db.$executeRaw`
      DELETE FROM "MandatePassage" p
      USING "Committee" c, jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) AS r("workspaceId" text, "slug" text)
      WHERE c."workspaceId" = r."workspaceId" AND c."slug" = r."slug" AND p."committeeId" = c."id"`;
    await this.db.$executeRaw`
      INSERT INTO "MandatePassage" ("versionId", "position", "committeeId", "section", "text", "folded")
      SELECT latest."id", r."position", c."id", r."section", r."text", r."folded"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r("workspaceId" text, "slug" text, "position" int, "section" text, "text" text, "folded" text)
      JOIN "Committee" c ON c."workspaceId" = r."workspaceId" AND c."slug" = r."slug"
      CROSS JOIN LATERAL (
        SELECT v."id" FROM "MandateVersion" v WHERE v."committeeId" = c."id" ORDER BY v."number" DESC LIMIT 1
      ) latest`;
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
