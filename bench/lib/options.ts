// The flags of `npm run bench -- …` (bench/at-scale.ts).
import { parseArgs } from "node:util";
import type { DatabaseKind } from "./databases.js";

export const PARTS = ["latency", "concurrency", "start", "rss"] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  committees: number;
  parts: Set<Part>;
  databases: DatabaseKind[];
  postgresUrl: string | undefined;
  rounds: number;
  warmup: number;
  caseSeconds: number;
  clients: number;
  seconds: number;
  sizes: number[];
  restarts: number;
  idleSeconds: number;
}

export const USAGE = `npm run bench -- [flags]        (no flags: the four shipped mandates, bench/frist-http.ts)

  --committees N       generated committees (bench/generate-committees.ts) for latency, concurrency and rss (1000)
  --only PARTS         any of ${PARTS.join(",")} (all)
  --databases KINDS    pglite,postgresql (pglite, and postgresql when BENCH_DATABASE_URL is set)
  --rounds N           requests per case and app, alternating bare Bolt and Mandat (30)
  --warmup N           unmeasured rounds per case first (3)
  --case-seconds S     a case stops after S seconds once it has 5 rounds (120)
  --clients N          concurrent clients (20)
  --seconds S          how long they send (10)
  --sizes N,N,…        committees for the start-up part (100,300,1000)
  --restarts N         restarts timed per size after the first import (2)
  --idle-seconds S     idle time after the load before RSS is read (10)

BENCH_DATABASE_URL=postgresql://user@host:5432/postgres adds PostgreSQL: each use gets a fresh
database (mandat_bench_<random>) on that server, dropped afterwards.`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not ${value}`);
  return n;
}

function list<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T[]): T[] {
  if (value === undefined) return fallback;
  const items = value.split(",").map((v) => v.trim());
  const unknown = items.filter((v) => !(allowed as readonly string[]).includes(v));
  if (unknown.length > 0) throw new Error(`--${name}: unknown ${unknown.join(", ")} (choose from ${allowed.join(", ")})`);
  return items as T[];
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      committees: { type: "string" },
      only: { type: "string" },
      databases: { type: "string" },
      rounds: { type: "string" },
      warmup: { type: "string" },
      "case-seconds": { type: "string" },
      clients: { type: "string" },
      seconds: { type: "string" },
      sizes: { type: "string" },
      restarts: { type: "string" },
      "idle-seconds": { type: "string" },
    },
  });
  const postgresUrl = env.BENCH_DATABASE_URL || undefined;
  const databases = list<DatabaseKind>(
    "databases",
    values.databases,
    ["pglite", "postgresql"],
    postgresUrl ? ["pglite", "postgresql"] : ["pglite"],
  );
  if (databases.includes("postgresql") && !postgresUrl) throw new Error("--databases postgresql needs BENCH_DATABASE_URL");
  const committees = positive("committees", values.committees, 1000);
  if (committees < 8) throw new Error("--committees must be at least 8 (the cases need the member of three and a public committee beyond)");
  return {
    committees,
    parts: new Set(list("only", values.only, PARTS, [...PARTS])),
    databases,
    postgresUrl,
    rounds: positive("rounds", values.rounds, 30),
    warmup: positive("warmup", values.warmup, 3),
    caseSeconds: positive("case-seconds", values["case-seconds"], 120),
    clients: positive("clients", values.clients, 20),
    seconds: positive("seconds", values.seconds, 10),
    sizes: (values.sizes ?? "100,300,1000").split(",").map((s) => positive("sizes", s.trim(), 0)),
    restarts: positive("restarts", values.restarts, 2),
    idleSeconds: positive("idle-seconds", values["idle-seconds"], 10),
  };
}
