import type { ImportOutcome } from "../services/mandate-importer.js";

function outcomeLine(o: ImportOutcome): string {
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
