import type { WorkspaceId } from "../domain/workspace.js";
import type { Client } from "./client.js";

/**
 * Holds the lock of one committee (by workspace and slug) until the transaction of `tx` ends:
 * one key per committee across processes and replicas. Imports, deadline planning and the
 * search index catching up on a committee (src/db/search-repository.ts) take it.
 */
export async function lockCommittee(tx: Client, workspaceId: WorkspaceId, slug: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`committee:${workspaceId}:${slug}`}))`;
}
