import type { WorkspaceId } from "../domain/workspace.js";
import type { CommitteeNameRecord, ImportedFileRecord, ImportRepository } from "../services/ports.js";
import type { Client } from "./client.js";
import { Prisma } from "./generated/client.js";

const KEYS_PER_QUERY = 10_000;

/** An import's reads before it locks anything: one query each, however many files or committees. */
export class PrismaImportRepository implements ImportRepository {
  constructor(private readonly db: Client) {}

  async stillCurrent(keys: readonly string[]): Promise<Map<string, ImportedFileRecord>> {
    const found = new Map<string, ImportedFileRecord>();
    // A statement takes at most 65 535 parameters.
    for (let from = 0; from < keys.length; from += KEYS_PER_QUERY) {
      for (const { key, ...record } of await this.current(keys.slice(from, from + KEYS_PER_QUERY))) found.set(key, record);
    }
    return found;
  }

  private current(keys: readonly string[]) {
    // A committee moved to another workspace (adopted from "local"), or given a newer version
    // since (from another file, or by the CLI), is not what the file gave: it is read again.
    return this.db.$queryRaw<({ key: string } & ImportedFileRecord)[]>`
      SELECT f."key", c."workspaceId", c."slug", v."number" AS "version"
      FROM "ImportedFile" AS f
      JOIN "Committee" AS c ON c."id" = f."committeeId" AND c."workspaceId" = f."workspaceId"
      JOIN LATERAL (
        SELECT m."number", m."contentHash" FROM "MandateVersion" AS m
        WHERE m."committeeId" = c."id" ORDER BY m."number" DESC LIMIT 1
      ) AS v ON v."contentHash" = f."contentHash"
      WHERE f."key" IN (${Prisma.join(keys)})`;
  }

  async namesIn(workspaceId: WorkspaceId): Promise<CommitteeNameRecord[]> {
    return this.db.$queryRaw<CommitteeNameRecord[]>`
      SELECT DISTINCT ON (c."id") c."workspaceId", c."slug", c."shortName", v."sourceFile"
      FROM "Committee" AS c JOIN "MandateVersion" AS v ON v."committeeId" = c."id"
      WHERE c."workspaceId" = ${workspaceId}
      ORDER BY c."id", v."number" DESC`;
  }
}
