import type { CommitteeStore } from "../db/committee-store.js";
import type { DeadlineStore } from "../db/deadline-store.js";
import { dateInZone } from "../domain/calendar-date.js";
import { plannedDeadlines, planningHorizon, reconcileDeadlines } from "../domain/deadline.js";
import type { Mandate } from "../domain/mandate.js";
import { contentHash } from "../mandates/content-hash.js";
import { loadMandateFile, type MandateProblem, mandateFilesAt } from "../mandates/load-mandate-file.js";

export type ImportOutcome =
  | { file: string; status: "created" | "new_version" | "unchanged"; slug: string; version: number }
  | { file: string; status: "refused"; problems: MandateProblem[] };

/**
 * Mandate files → committees. A file is taken whole or refused whole: a refused file stores
 * nothing. A changed file adds a mandate version (older versions stay readable) and brings the
 * committee's planned deadlines in line; an unchanged file is a no-op.
 */
export class MandateImporter {
  constructor(
    private readonly committees: CommitteeStore,
    private readonly deadlines: DeadlineStore,
  ) {}

  /** Imports a file, or every *.yaml / *.yml file of a directory. */
  async importPath(target: string, now: Date): Promise<ImportOutcome[]> {
    let files: string[];
    try {
      files = await mandateFilesAt(target);
    } catch {
      return [{ file: target, status: "refused", problems: [{ path: "(file)", message: "no such file or directory" }] }];
    }
    const outcomes: ImportOutcome[] = [];
    const slugs = new Map<string, string>();
    for (const file of files) {
      const loaded = await loadMandateFile(file);
      if (!loaded.ok) {
        outcomes.push({ file, status: "refused", problems: loaded.problems });
        continue;
      }
      const other = slugs.get(loaded.mandate.slug);
      if (other) {
        outcomes.push({
          file,
          status: "refused",
          problems: [{ path: "slug", message: `"${loaded.mandate.slug}" is already the slug of ${other}` }],
        });
        continue;
      }
      slugs.set(loaded.mandate.slug, file);
      outcomes.push(await this.importMandate(file, loaded.mandate, now));
    }
    return outcomes;
  }

  async importMandate(file: string, mandate: Mandate, now: Date): Promise<ImportOutcome> {
    const saved = await this.committees.saveVersion(
      { mandate, contentHash: contentHash(mandate), sourceFile: file, now },
      async (tx, committeeId) => {
        const stored = await this.deadlines.plannedOf(committeeId, tx);
        const horizon = planningHorizon(dateInZone(now, mandate.time_zone));
        const lastStored = stored.reduce((last, d) => (d.dueDate > last ? d.dueDate : last), horizon);
        const plan = reconcileDeadlines(plannedDeadlines(mandate, lastStored), stored);
        await this.deadlines.applyReconciliation(committeeId, plan, now, tx);
        await this.committees.setPlannedThrough(committeeId, lastStored, tx);
      },
    );
    return { file, status: saved.status, slug: mandate.slug, version: saved.version };
  }
}
