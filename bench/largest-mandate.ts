// `npm run bench:largest`: reply times with the largest mandate the schema accepts, on the
// embedded database (PGlite, in memory), over the real signed-HTTP path.
// The bot starts with the shipped mandates; the largest mandate (tests/support/largest-mandate.ts:
// every text and list at its limit, twenty weekly duties since 1980, so some 3 300 deadline rows)
// is imported in two versions beside them, with hand-added deadlines. Then every command is sent,
// one at a time as Slack would, as the committee's chair and as an outsider, and p50, p99 and max
// are printed per command. Exits 1 when any reply took 300 ms or more. Not a test: run it by hand.
import { openInMemory } from "../src/db/connect.js";
import { MANDATE_LIMITS, MandateSection } from "../src/domain/mandate.js";
import { startTestBot } from "../tests/support/bot.js";
import { filler, largestMandate } from "../tests/support/largest-mandate.js";
import { MANDATES_DIR, MIGRATIONS_DIR } from "../tests/support/paths.js";
import { postSigned, slashCommandForm } from "../tests/support/slack-request.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const WARMUP = 5;
const LIMIT_MS = 300;
const CHAIR = "U0BENCHCHAIR";
const OUTSIDER = "U0OUTSIDER";
const NOW = new Date("2026-11-23T09:00:00Z");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const db = await openInMemory({ migrationsDir: MIGRATIONS_DIR });
const bot = await startTestBot(db, { env: { MANDATES_DIR }, clock: () => NOW });
const importStarted = performance.now();
const v1 = largestMandate({ chairSlackId: CHAIR });
await bot.services.importer.importMandate("largest-v1.yaml", v1, bot.workspaceId, NOW);
const v2 = largestMandate({ chairSlackId: CHAIR });
v2.purpose = filler("Nyt formål", MANDATE_LIMITS.longText);
await bot.services.importer.importMandate("largest-v2.yaml", v2, bot.workspaceId, NOW);
const importMs = performance.now() - importStarted;
const slug = v1.slug;

const send = (command: string, text: string, user: string) =>
  postSigned(bot.eventsUrl, slashCommandForm({ command, text, user_id: user, response_url: bot.fake.responseUrl("bench") }));
for (let i = 0; i < 5; i++) {
  await send("/frist", `${slug} ny 1.12.2026 ${filler("Håndfrist", MANDATE_LIMITS.title)}`, CHAIR);
}
const rows = await db.store.deadlines.forCommittees([
  (await db.store.committees.inWorkspace(bot.workspaceId)).find((c) => c.slug === slug)?.id ?? -1,
]);

const CASES: [string, string, string][] = [
  ["/mandat", "", CHAIR],
  ["/mandat", "", OUTSIDER],
  ["/mandat", slug, CHAIR],
  ["/mandat", slug, OUTSIDER],
  ...MandateSection.options.map((s): [string, string, string] => ["/mandat", `${slug} ${s}`, OUTSIDER]),
  ["/mandat", `${slug} v1`, CHAIR],
  ["/mandat", `${slug} v1 history`, OUTSIDER],
  ["/mandat", "search opgaver ansvar", OUTSIDER],
  ["/mandat", "search genom", OUTSIDER],
  ["/frist", "", CHAIR],
  ["/frist", "alle", CHAIR],
  ["/frist", "", OUTSIDER],
  ["/frist", "alle", OUTSIDER],
  ["/frist", slug, OUTSIDER],
  ["/frist", `${slug} alle`, CHAIR],
];

console.log(
  `Node ${process.version}; largest mandate imported twice in ${importMs.toFixed(0)} ms; ${rows.length} deadline rows; ` +
    `${ROUNDS} signed requests per command after ${WARMUP} warm-up, one at a time (ms)`,
);
console.log(["command".padEnd(44), "as      ", "   p50", "   p99", "   max"].join("  "));
let slowest = 0;
for (const [command, text, user] of CASES) {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const res = await send(command, text, user);
    if (res.status !== 200 || !res.json?.blocks) throw new Error(`${command} ${text}: HTTP ${res.status}`);
    if (i >= WARMUP) times.push(res.ms);
  }
  times.sort((a, b) => a - b);
  const max = times.at(-1) ?? Number.NaN;
  slowest = Math.max(slowest, max);
  const label = `${command} ${text.replace(slug, "<largest>")}`.slice(0, 44).padEnd(44);
  console.log(
    [
      label,
      (user === CHAIR ? "chair" : "outsider").padEnd(8),
      ...[50, 99].map((p) => percentile(times, p).toFixed(1).padStart(6)),
      max.toFixed(1).padStart(6),
    ].join("  "),
  );
}
console.log(
  slowest < LIMIT_MS
    ? `slowest reply ${slowest.toFixed(1)} ms: under ${LIMIT_MS} ms`
    : `slowest reply ${slowest.toFixed(1)} ms: OVER ${LIMIT_MS} ms`,
);
await bot.stop();
await db.close();
process.exitCode = slowest < LIMIT_MS ? 0 : 1;
