// Issue 8, items 1 and 2: each case one request at a time, alternating the bare Bolt app and
// Mandat, with the event loop's delay of this process (where the bot runs) measured per case.
import type { Target } from "./ask.js";
import { type Case, runCase } from "./cases.js";
import type { LoopDelay, LoopDelayMonitor } from "./loop-delay.js";
import { ms, ratio, type Summary, summarise, table } from "./stats.js";

/** Issue 8: no command by anyone over 300 ms. */
export const SLOW_MS = 300;
/** Each case gets at least this many rounds, whatever its time budget. */
const MIN_ROUNDS = 5;

export interface LatencyOptions {
  rounds: number;
  warmup: number;
  /** A case stops after this long (once it has MIN_ROUNDS), so that a case of seconds a reply cannot take the whole run. */
  caseSeconds: number;
}

export interface LatencyRow {
  label: string;
  mandat: Summary;
  bare: Summary;
  /** Mandat's replies over SLOW_MS. */
  slow: number;
  /** Mandat's replies that came through response_url (past the reply budget). */
  late: number;
  failures: string[];
  loop: LoopDelay;
}

export async function measureLatency(
  mandat: Target,
  bare: Target,
  cases: readonly Case[],
  options: LatencyOptions,
  loop: LoopDelayMonitor,
  progress: (line: string) => void,
): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const c of cases) {
    const constant = { ...c, check: () => undefined };
    const times = { mandat: [] as number[], bare: [] as number[] };
    const failures: string[] = [];
    let late = 0;
    for (let i = 0; i < options.warmup; i++) {
      await runCase(bare, constant);
      await runCase(mandat, c);
    }
    loop.reset();
    const started = performance.now();
    for (let i = 0; i < options.rounds; i++) {
      if (i >= MIN_ROUNDS && performance.now() - started > options.caseSeconds * 1000) break;
      const b = await runCase(bare, constant);
      if (b.ok) times.bare.push(b.ms);
      else failures.push(`bare ${b.reason}`);
      const m = await runCase(mandat, c);
      if (m.ok) {
        times.mandat.push(m.ms);
        if (m.via === "response_url") late++;
      } else failures.push(m.reason);
    }
    const row: LatencyRow = {
      label: c.label,
      mandat: summarise(times.mandat),
      bare: summarise(times.bare),
      slow: times.mandat.filter((t) => t > SLOW_MS).length,
      late,
      failures,
      loop: loop.read(),
    };
    rows.push(row);
    progress(`  ${c.label}: p50 ${ms(row.mandat.p50)} ms (${row.mandat.n} replies${failures.length ? `, ${failures.length} failed` : ""})`);
  }
  return rows;
}

export function latencyTable(rows: readonly LatencyRow[]): string {
  return table(
    ["<case", "n", "p50", "p99", "max", "bare p50", "bare p99", "×p50", "×p99", `>${SLOW_MS}ms`, "loop max", "loop p99", "<notes"],
    rows.map((r) => [
      r.label,
      String(r.mandat.n),
      ms(r.mandat.p50),
      ms(r.mandat.p99),
      ms(r.mandat.max),
      ms(r.bare.p50),
      ms(r.bare.p99),
      ratio(r.mandat.p50, r.bare.p50),
      ratio(r.mandat.p99, r.bare.p99),
      String(r.slow),
      ms(r.loop.max),
      ms(r.loop.p99),
      [
        r.slow > 0 ? `SLOW: ${r.slow} over ${SLOW_MS} ms` : "",
        r.late > 0 ? `${r.late} via response_url` : "",
        r.failures.length > 0 ? `FAILED ${r.failures.length}: ${r.failures[0]}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    ]),
  );
}
