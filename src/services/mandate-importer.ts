import { channelIdAfterImport } from "../domain/channel.js";
import type { Committee } from "../domain/committee.js";
import { nameClashes } from "../domain/committee-match.js";
import type { Mandate } from "../domain/mandate.js";
import { rosterForVersion } from "../domain/roster.js";
import type { WorkspaceId } from "../domain/workspace.js";
import { contentHash } from "../mandates/content-hash.js";
import { listMandateFiles, loadMandateFile, type MandateProblem } from "../mandates/load-mandate-file.js";
import { planCommittee } from "./deadline-planner.js";
import type { CommitteeColumns, Store } from "./ports.js";

export type ImportOutcome =
  | {
      file: string;
      status: "created" | "new_version" | "unchanged";
      slug: string;
      workspaceId: WorkspaceId;
      version: number;
      /** Taken, but worth a look: a short name that another committee's slug shadows, and the like. */
      warnings?: MandateProblem[];
    }
  | { file: string; status: "refused"; problems: MandateProblem[] };

export interface ImportOptions {
  now: Date;
  /**
   * The workspace of files that name none (`workspace:`): the bot's own in single-workspace
   * mode. Unset (a distributed app), such files are refused: nobody could reach them.
   */
  defaultWorkspace: WorkspaceId | undefined;
}

function columnsOf(mandate: Mandate, slackChannelId: string | null): CommitteeColumns {
  return {
    language: mandate.language,
    timeZone: mandate.time_zone,
    country: mandate.country,
    visibility: mandate.visibility,
    slackChannel: mandate.slack_channel ?? null,
    slackChannelId,
    names: Object.fromEntries(Object.entries(mandate.names).filter((e): e is [string, string] => e[1] !== undefined)),
    shortName: mandate.short_name ?? null,
  };
}

/**
 * A short name equal to another committee's slug cannot be typed to reach this committee: the
 * slug wins (src/domain/committee-match.ts). Taken anyway, with a warning naming the other one.
 */
function nameWarnings(mandate: Mandate, others: readonly Committee[]): MandateProblem[] {
  return nameClashes({ slug: mandate.slug, mandate }, others).map(({ other, field }) =>
    field === "short_name"
      ? {
          path: "short_name",
          message: `"${mandate.short_name}" is the slug of another committee (${other.version.sourceFile}): typing it opens that one; this committee is found by its slug "${mandate.slug}"`,
        }
      : {
          path: "slug",
          message: `committee "${other.slug}" (${other.version.sourceFile}) has "${other.mandate.short_name}" as its short name: typing it now opens this committee, not that one`,
        },
  );
}

/**
 * A file that passed every check and still could not be stored (the database refused it, or is
 * gone): refused like any other, so one file never stops the others or the bot's start. The
 * database's last line says why; the transaction stored nothing of it.
 */
function storeFailure(file: string, error: unknown): ImportOutcome {
  // Prisma's message starts with where it was called and ends with what the database said.
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((l) => l.trim());
  const reason = lines.filter((l) => l !== "").at(-1) ?? "unknown error";
  return { file, status: "refused", problems: [{ path: "(database)", message: `could not be stored: ${reason}` }] };
}

/**
 * Mandate files → committees. A file is taken whole or refused whole: a refused file stores
 * nothing. A changed file adds a mandate version (older versions stay readable), replaces the
 * roster and re-plans the committee's deadlines, all in one transaction under the committee's
 * lock; an unchanged file is a no-op.
 */
export class MandateImporter {
  constructor(private readonly store: Store) {}

  /** Imports a file, or every *.yaml / *.yml file of a directory. */
  async importPath(target: string, options: ImportOptions): Promise<ImportOutcome[]> {
    const listed = await listMandateFiles(target);
    if (!listed.ok) return [{ file: target, status: "refused", problems: [listed.problem] }];
    const files = listed.files;
    const outcomes: ImportOutcome[] = [];
    const seen = new Map<string, string>();
    for (const file of files) {
      const loaded = await loadMandateFile(file);
      if (!loaded.ok) {
        outcomes.push({ file, status: "refused", problems: loaded.problems });
        continue;
      }
      const workspaceId = loaded.mandate.workspace ?? options.defaultWorkspace;
      if (workspaceId === undefined) {
        outcomes.push({
          file,
          status: "refused",
          problems: [
            { path: "workspace", message: "name the Slack workspace (team id) this committee lives in, e.g. workspace: T012ABCDEF" },
          ],
        });
        continue;
      }
      const key = `${workspaceId}/${loaded.mandate.slug}`;
      const other = seen.get(key);
      if (other) {
        outcomes.push({
          file,
          status: "refused",
          problems: [{ path: "slug", message: `"${loaded.mandate.slug}" is already the slug of ${other}` }],
        });
        continue;
      }
      seen.set(key, file);
      outcomes.push(
        await this.importMandate(file, loaded.mandate, workspaceId, options.now).catch((error: unknown) => storeFailure(file, error)),
      );
    }
    return outcomes;
  }

  async importMandate(file: string, mandate: Mandate, workspaceId: WorkspaceId, now: Date): Promise<ImportOutcome> {
    const warnings = nameWarnings(mandate, await this.store.committees.inWorkspace(workspaceId));
    const hash = contentHash(mandate);
    const saved = await this.store.transaction(async (repos) => {
      // One import (or planning) of a committee at a time, across processes and replicas.
      await repos.lockCommittee(workspaceId, mandate.slug);
      const existing = await repos.mandates.findForImport(workspaceId, mandate.slug);
      const latest = existing?.latestVersion;
      if (existing && latest?.contentHash === hash) return { status: "unchanged" as const, version: latest.number };
      const columns = columnsOf(mandate, channelIdAfterImport(existing?.channel, mandate.slack_channel ?? null));
      let committeeId: number;
      if (existing) {
        committeeId = existing.id;
        await repos.mandates.updateCommittee(committeeId, columns);
      } else {
        committeeId = await repos.mandates.createCommittee({ workspaceId, slug: mandate.slug, createdAt: now, columns });
      }
      const number = (latest?.number ?? 0) + 1;
      await repos.mandates.addVersion({ committeeId, number, contentHash: hash, mandate, sourceFile: file, importedAt: now });
      await repos.search.indexLatestVersion(committeeId, mandate);
      await repos.mandates.replaceRoster(committeeId, rosterForVersion(mandate, existing?.roster ?? []));
      await planCommittee(repos, committeeId, now, { force: true });
      return { status: existing ? ("new_version" as const) : ("created" as const), version: number };
    });
    return {
      file,
      status: saved.status,
      slug: mandate.slug,
      workspaceId,
      version: saved.version,
      ...(warnings.length ? { warnings } : {}),
    };
  }
}
