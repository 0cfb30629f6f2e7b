// Issue 8, item 3: `clients` clients, each sending its next command as soon as it has the reply
// to its last, for `seconds`; the commands are the cases in turn, each client starting at
// another one. Replies still coming when the time is up are waited for and counted.
import type { Target } from "./ask.js";
import { type Case, runCase } from "./cases.js";
import type { LoopDelay, LoopDelayMonitor } from "./loop-delay.js";
import { ms, type Summary, summarise, table } from "./stats.js";

/** Slack shows "operation_timeout" to the user when the HTTP answer takes longer. */
export const SLACK_TIMEOUT_MS = 3000;

export interface ConcurrencyOptions {
  clients: number;
  seconds: number;
}

export interface ConcurrencyResult {
  replies: Summary;
  /** Replies per second over the time from the first request to the last reply. */
  perSecond: number;
  wallSeconds: number;
  /** Replies that came after SLACK_TIMEOUT_MS, and HTTP answers (acks) that did: Slack shows those as failed. */
  overSlackTimeout: number;
  acksOverSlackTimeout: number;
  late: number;
  failures: string[];
  loop: LoopDelay;
}

export async function measureConcurrency(
  target: Target,
  cases: readonly Case[],
  options: ConcurrencyOptions,
  /** The event loop of this process, when the bot runs in it. */
  loop?: LoopDelayMonitor,
): Promise<ConcurrencyResult> {
  const times: number[] = [];
  const acks: number[] = [];
  const failures: string[] = [];
  let late = 0;
  loop?.reset();
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const client = async (index: number) => {
    for (let next = index; performance.now() < until; next++) {
      const c = cases[next % cases.length];
      if (!c) throw new Error("no cases");
      const outcome = await runCase(target, c);
      if (!outcome.ok) failures.push(outcome.reason);
      else {
        times.push(outcome.ms);
        acks.push(outcome.ackMs);
        if (outcome.via === "response_url") late++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    replies: summarise(times),
    perSecond: times.length / wallSeconds,
    wallSeconds,
    overSlackTimeout: times.filter((t) => t > SLACK_TIMEOUT_MS).length,
    acksOverSlackTimeout: acks.filter((t) => t > SLACK_TIMEOUT_MS).length,
    late,
    failures,
    loop: loop?.read() ?? { max: Number.NaN, p99: Number.NaN },
  };
}

export function concurrencyTable(rows: readonly { database: string; result: ConcurrencyResult }[]): string {
  return table(
    [
      "<database",
      "replies",
      "wall s",
      "req/s",
      "p50",
      "p99",
      "max",
      `>${SLACK_TIMEOUT_MS / 1000}s`,
      `acks >${SLACK_TIMEOUT_MS / 1000}s`,
      "via response_url",
      "failed",
      "loop max",
    ],
    rows.map(({ database, result: r }) => [
      database,
      String(r.replies.n),
      r.wallSeconds.toFixed(1),
      r.perSecond.toFixed(1),
      ms(r.replies.p50),
      ms(r.replies.p99),
      ms(r.replies.max),
      String(r.overSlackTimeout),
      String(r.acksOverSlackTimeout),
      String(r.late),
      r.failures.length > 0 ? `${r.failures.length}: ${r.failures[0]}` : "0",
      ms(r.loop.max),
    ]),
  );
}
