// The seams of the architecture (README, "Layout"), as data. To add a rule, add a row here and a
// synthetic case in architecture.test.ts that breaks it; a test checks that every rule has one.
import type { Architecture, TargetPattern } from "./import-graph.js";

const pkg = (name: string): TargetPattern => ({ package: name });
const file = (glob: string): TargetPattern => ({ file: glob });

/** Prisma, its generated client and the database drivers. */
export const DATABASE: TargetPattern[] = [
  pkg("@prisma/*"),
  pkg("prisma"),
  pkg("pglite-prisma-adapter"),
  pkg("@electric-sql/pglite"),
  pkg("pg"),
  file("src/db/generated/**"),
];

export const SLACK: TargetPattern[] = [pkg("@slack/*")];

/** Libraries without I/O that the domain may use. */
export const PURE_LIBRARIES: TargetPattern[] = [pkg("luxon"), pkg("zod"), pkg("date-holidays")];

export const ARCHITECTURE: Architecture = {
  // The first rule that forbids an import reports it: the layer rules come first, as they say more.
  imports: [
    {
      name: "domain is pure",
      files: ["src/domain/**"],
      allowOnly: [file("src/domain/**"), ...PURE_LIBRARIES],
      because: "the domain is pure: it imports only src/domain, luxon, zod and date-holidays",
    },
    {
      name: "commands are plain data + functions",
      files: ["commands/**"],
      forbid: [...DATABASE, ...SLACK, file("src/db/**"), file("src/slack/**")],
      because: "commands are plain data + functions: no Prisma, no Slack, nothing from src/db or src/slack",
    },
    {
      name: "services go through ports",
      files: ["src/services/**"],
      forbid: [...DATABASE, ...SLACK, file("src/db/**"), file("src/slack/**"), file("commands/**")],
      because: "services go through ports, not src/db, Prisma or Slack; commands use services, never the other way round",
    },
    {
      name: "jobs only call services",
      files: ["src/jobs/**"],
      forbid: [...DATABASE, ...SLACK, file("src/db/**"), file("src/slack/**"), file("commands/**")],
      because: "a job is a tick that hands `now` to a service: no Prisma, no Slack, nothing from src/db or src/slack",
    },
    {
      name: "only src/db talks to the database",
      files: ["**"],
      except: ["src/db/**", "prisma.config.ts", "tests/support/**", "tests/db/**"],
      forbid: DATABASE,
      because: "only src/db imports Prisma and the database drivers (and prisma.config.ts, tests/support, tests/db)",
    },
    {
      name: "only src/slack talks to Slack",
      files: ["**"],
      except: ["src/slack/**", "src/main.ts", "tests/slack/**", "tests/support/**", "bench/**"],
      forbid: SLACK,
      because: "only src/slack and the composition root src/main.ts import Slack libraries (and tests/slack, tests/support, bench)",
    },
  ],
  ambient: [
    {
      name: "no clock in domain or services",
      files: ["src/domain/**", "src/services/**", "commands/**"],
      forbid: [
        { call: "Date.now" },
        { construct: "Date", withoutArguments: true },
        { call: "DateTime.now" },
        { call: "DateTime.local", withoutArguments: true },
        { call: "DateTime.utc", withoutArguments: true },
        { call: "performance.now" },
        { member: "process.hrtime" },
        { member: "Settings.now" },
      ],
      because: "no clock reads here: `now` is a parameter (the bot reads its clock at the edges: a request, a tick)",
    },
    {
      name: "no I/O or ambient state in the domain",
      files: ["src/domain/**"],
      forbid: [
        { member: "process.*" },
        { call: "fetch" },
        { member: "console.*" },
        { call: "setTimeout" },
        { call: "setInterval" },
        { call: "setImmediate" },
      ],
      because: "the domain does no I/O and reads no ambient state: pass it in",
    },
  ],
  cycles: [
    {
      name: "no import cycles",
      files: ["src/**", "commands/**"],
      because: "modules form a hierarchy (type-only imports count: a cycle of types is still a cycle of design)",
    },
  ],
};
