import type { WorkspaceId } from "../domain/workspace.js";
import type { Logger } from "../logging/logger.js";
import type { Repositories, Store, TransactionRepositories } from "../services/ports.js";
import { PrismaChannelRepository } from "./channel-repository.js";
import type { Client } from "./client.js";
import { committeeLockKey } from "./committee-lock.js";
import { PrismaCommitteeRepository } from "./committee-repository.js";
import { PrismaDeadlineRepository } from "./deadline-repository.js";
import { Prisma, type PrismaClient } from "./generated/client.js";
import { PrismaImportRepository } from "./import-repository.js";
import { PrismaInstallationRepository } from "./installation-repository.js";
import { MandateCache } from "./mandate-cache.js";
import { PrismaMandateWriter } from "./mandate-writer.js";
import { PrismaRosterRepository } from "./roster-repository.js";
import { PrismaSearchIndex } from "./search-repository.js";
import { PrismaWorkspaceRepository } from "./workspace-repository.js";

/**
 * Long enough for an import to wait behind another import of the same committee (they queue on
 * its lock) on a busy server; Prisma's default of 5 s is not.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

function repositoriesOver(db: Client, cache: MandateCache): Repositories {
  return {
    committees: new PrismaCommitteeRepository(db, cache),
    imports: new PrismaImportRepository(db),
    deadlines: new PrismaDeadlineRepository(db),
    roster: new PrismaRosterRepository(db),
    channels: new PrismaChannelRepository(db),
    workspaces: new PrismaWorkspaceRepository(db),
    installations: new PrismaInstallationRepository(db),
    search: new PrismaSearchIndex(db),
  };
}

/** The services' view of one database: repositories, and `transaction(repos => …)` as the one unit of work. */
export function createStore(prisma: PrismaClient, logger?: Logger): Store {
  const cache = new MandateCache((versionId, error) =>
    logger?.error(
      { err: error, mandateVersion: versionId },
      "a stored mandate version does not pass the mandate schema: its committee is left out until a valid version is imported",
    ),
  );
  return {
    ...repositoriesOver(prisma, cache),
    transaction<T>(work: (repos: TransactionRepositories) => Promise<T>): Promise<T> {
      return prisma.$transaction(
        (tx) =>
          work({
            ...repositoriesOver(tx, cache),
            mandates: new PrismaMandateWriter(tx, cache),
            async lockCommittee(workspaceId: WorkspaceId, slug: string) {
              // Held until the transaction ends; one key per committee across processes and replicas.
              await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${committeeLockKey(workspaceId, slug)}))`;
            },
            async lockCommittees(committees) {
              if (committees.length === 0) return;
              const keys = committees.map((c) => committeeLockKey(c.workspaceId, c.slug));
              // ORDER BY is applied before a volatile function of the select list is evaluated, so
              // the locks are taken in the order of their ids (equal ids: one lock, taken twice).
              await tx.$executeRaw`
                SELECT pg_advisory_xact_lock(k.id)
                FROM (SELECT hashtext(key) AS id FROM unnest(ARRAY[${Prisma.join(keys)}]::text[]) AS key) AS k
                ORDER BY k.id`;
            },
          }),
        TRANSACTION_OPTIONS,
      );
    },
    async refreshStatistics() {
      // The tables lists and lookups read; ANALYZE samples, so its cost stays bounded as they grow.
      await prisma.$executeRaw`ANALYZE "Committee", "MandateVersion", "Member", "Deadline"`;
    },
  };
}
