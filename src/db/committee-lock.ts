import type { WorkspaceId } from "../domain/workspace.js";
import type { Client } from "./client.js";

/** The advisory lock of one committee, the same in every process and replica. */
export function committeeLockKey(workspaceId: WorkspaceId, slug: string): string {
  return `committee:${workspaceId}:${slug}`;
}

/**
 * Holds the lock of one committee until the transaction of `tx` ends, as the store's
 * `lockCommittee` does: for work on a committee outside the services (the search index
 * catching up on a committee, src/db/search-repository.ts).
 */
export async function lockCommittee(tx: Client, workspaceId: WorkspaceId, slug: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${committeeLockKey(workspaceId, slug)}))`;
}
