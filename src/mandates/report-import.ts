import type { Logger } from "../logging/logger.js";
import type { ImportOutcome } from "../services/mandate-importer.js";

function warningLines(o: ImportOutcome): string[] {
  return o.status === "refused" ? [] : (o.warnings ?? []).map((w) => `  warning: ${w.path}: ${w.message}`);
}

function outcomeLine(o: ImportOutcome): string {
  return [statusLine(o), ...warningLines(o)].join("\n");
}

function statusLine(o: ImportOutcome): string {
  switch (o.status) {
    case "created":
      return `${o.file}: created ${o.slug}, version ${o.version}`;
    case "new_version":
      return `${o.file}: ${o.slug} changed, stored as version ${o.version}`;
    case "unchanged":
      return `${o.file}: ${o.slug} unchanged (version ${o.version})`;
    case "refused":
      return [`${o.file}: refused, nothing of it was stored`, ...o.problems.map((p) => `  ${p.path}: ${p.message}`)].join("\n");
  }
}

/** One line per file for the operator (start-up log, CLI). */
export function importReport(outcomes: ImportOutcome[]): string {
  return outcomes.map(outcomeLine).join("\n");
}

/** How many files of an import came to what; `skipped` of the unchanged ones were not even parsed (same bytes as before). */
export function importCounts(outcomes: readonly ImportOutcome[]) {
  const counts = { files: outcomes.length, created: 0, changed: 0, unchanged: 0, skipped: 0, refused: 0 };
  for (const o of outcomes) {
    if (o.status === "new_version") counts.changed++;
    else counts[o.status]++;
    if (o.status === "unchanged" && o.skipped) counts.skipped++;
  }
  return counts;
}

/** "1000 files: 2 created, 1 changed, 996 unchanged (990 of them skipped unparsed: the same bytes as before), 1 refused". */
export function importSummary(outcomes: readonly ImportOutcome[]): string {
  const c = importCounts(outcomes);
  const skipped = c.skipped > 0 ? ` (${c.skipped} of them skipped unparsed: the same bytes as before)` : "";
  return `${c.files} ${c.files === 1 ? "file" : "files"}: ${c.created} created, ${c.changed} changed, ${c.unchanged} unchanged${skipped}, ${c.refused} refused`;
}

/** The same, as log lines: one per file, a refused file as a warning with its problems; then the counts. */
export function logImport(logger: Logger, source: string, outcomes: ImportOutcome[]): void {
  if (outcomes.length === 0) {
    logger.info({ source }, `Mandates from ${source}: no mandate files (*.yaml, *.yml) found`);
    return;
  }
  for (const o of outcomes) {
    const fields =
      o.status === "refused"
        ? { file: o.file, status: o.status, problems: o.problems }
        : { file: o.file, status: o.status, committee: o.slug, workspace: o.workspaceId, version: o.version, warnings: o.warnings };
    if (o.status === "refused" || o.warnings?.length) logger.warn(fields, `Mandates from ${source}: ${outcomeLine(o)}`);
    else logger.info(fields, `Mandates from ${source}: ${outcomeLine(o)}`);
  }
  logger.info({ source, ...importCounts(outcomes) }, `Mandates from ${source}: ${importSummary(outcomes)}`);
}
