import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/paths.js";
import {
  checkArchitecture,
  checkModules,
  findImports,
  isScannedSource,
  matchesAny,
  matchesGlob,
  NEVER_SCANNED,
  type ParsedModule,
  parseModules,
  parseSource,
  resolveImport,
  type SourceFiles,
  type Violation,
} from "./import-graph.js";
import { ARCHITECTURE } from "./rules.js";

/** Folders that hold no sources of ours. */
const SKIPPED_FOLDERS = new Set(["node_modules", "data", "dist", "coverage"]);

/** The repository's sources, as the checker wants them; the only I/O of the architecture test. */
function readSourceTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const file = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !SKIPPED_FOLDERS.has(entry.name) && !matchesAny(file, NEVER_SCANNED)) walk(file);
      } else if (entry.isFile() && isScannedSource(file)) {
        files[file] = readFileSync(path.join(root, file), "utf8");
      }
    }
  };
  walk("");
  return files;
}

describe("the architecture of this repository", () => {
  let files: Record<string, string>;
  let modules: ParsedModule[];
  let violations: Violation[];
  beforeAll(() => {
    files = readSourceTree(ROOT);
    modules = parseModules(files);
    violations = checkModules(modules, ARCHITECTURE);
  });

  it("is read whole, and every relative import resolves to a file the checker has read", () => {
    for (const file of [
      "src/main.ts",
      "commands/index.ts",
      "src/domain/deadline.ts",
      "prisma.config.ts",
      "tests/architecture/architecture.test.ts",
    ]) {
      expect(Object.keys(files)).toContain(file);
    }
    expect(Object.keys(files).filter((file) => matchesAny(file, NEVER_SCANNED))).toEqual([]);
    // Otherwise a resolver bug could let every rule pass without looking.
    const unresolved = modules
      .flatMap((module) => module.imports)
      .filter((edge) => edge.specifier.startsWith("."))
      .filter(
        (edge) => edge.target.kind !== "file" || !(Object.hasOwn(files, edge.target.path) || matchesAny(edge.target.path, NEVER_SCANNED)),
      )
      .map((edge) => `${edge.from}:${edge.line} ${edge.specifier}`);
    expect(unresolved).toEqual([]);
  });

  it("crosses no seam", () => {
    expect(
      violations.map((v) => v.message),
      "architecture violations: fix them (tests/architecture/rules.ts says why each seam exists)",
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// The checker itself, on small synthetic trees: each rule is shown to catch what it forbids and to let
// through what it allows.

const lines = (...text: string[]) => text.join("\n");

function because(ruleName: string): string {
  const rule = [...ARCHITECTURE.imports, ...ARCHITECTURE.ambient, ...ARCHITECTURE.cycles].find((r) => r.name === ruleName);
  if (!rule) throw new Error(`no rule named ${ruleName}`);
  return rule.because;
}

const DOMAIN = "domain is pure";
const COMMANDS = "commands are plain data + functions";
const SERVICES = "services go through ports";
const JOBS = "jobs only call services";
const DATABASE = "only src/db talks to the database";
const SLACK = "only src/slack talks to Slack";
const CLOCK = "no clock in domain or services";
const AMBIENT = "no I/O or ambient state in the domain";
const CYCLES = "no import cycles";

const imports = (file: string, target: string, rule: string) => `${file} imports ${target}: ${because(rule)}`;
const uses = (fileLine: string, what: string, rule: string) => `${fileLine} uses ${what}: ${because(rule)}`;
const cycle = (modules: string, rule = CYCLES) => `import cycle ${modules}: ${because(rule)}`;

interface Case {
  title: string;
  files: SourceFiles;
  /** Every violation the whole rule table reports for these files. */
  expected: string[];
}

const CASES: Case[] = [
  {
    title: "the domain imports only src/domain, luxon, zod and date-holidays",
    files: {
      "src/domain/a.ts": lines(
        'import { readFileSync } from "node:fs";',
        'import path from "path";',
        'import { DateTime } from "luxon";',
        'import { z } from "zod";',
        'import Holidays from "date-holidays";',
        'import { b } from "./b.js";',
        'import type { Store } from "../db/store.js";',
        'import { service } from "../services/service.js";',
        'import { command } from "../../commands/command.js";',
        'import { messages } from "../i18n/index.js";',
        'import type { App } from "@slack/bolt";',
      ),
      "src/domain/b.ts": "export const b = 1;",
    },
    expected: [
      imports("src/domain/a.ts", "node:fs", DOMAIN),
      imports("src/domain/a.ts", "path", DOMAIN),
      imports("src/domain/a.ts", "src/db/store.ts", DOMAIN),
      imports("src/domain/a.ts", "src/services/service.ts", DOMAIN),
      imports("src/domain/a.ts", "commands/command.ts", DOMAIN),
      imports("src/domain/a.ts", "src/i18n/index.ts", DOMAIN),
      imports("src/domain/a.ts", "@slack/bolt", DOMAIN),
    ],
  },
  {
    title: "commands import neither Prisma nor Slack, nor src/db nor src/slack",
    files: {
      "commands/x.ts": lines(
        'import { PrismaClient } from "@prisma/client";',
        'import type { App } from "@slack/bolt";',
        'import type { CommitteeStore } from "../src/db/committee-store.js";',
        'import { buttonValue } from "../src/slack/ids.js";',
        'import type { Mandate } from "../src/domain/mandate.js";',
        'import type { DeadlineService } from "../src/services/deadline-service.js";',
        'import { messages } from "../src/i18n/index.js";',
      ),
    },
    expected: [
      imports("commands/x.ts", "@prisma/client", COMMANDS),
      imports("commands/x.ts", "@slack/bolt", COMMANDS),
      imports("commands/x.ts", "src/db/committee-store.ts", COMMANDS),
      imports("commands/x.ts", "src/slack/ids.ts", COMMANDS),
    ],
  },
  {
    title: "services import neither Prisma nor Slack, nor src/db nor src/slack (each import reported once)",
    files: {
      "src/services/x.ts": lines(
        'import type { CommitteeStore } from "../db/committee-store.js";',
        'import type { PrismaClient } from "../db/generated/client.js";',
        'import pg from "pg";',
        'import { WebClient } from "@slack/web-api";',
        'import { replyMessage } from "../slack/blocks/reply-blocks.js";',
        'import { canSeeCommittee } from "../domain/access.js";',
        'import type { CommandServices } from "../../commands/context.js";',
        'import { readFile } from "node:fs/promises";',
      ),
    },
    expected: [
      imports("src/services/x.ts", "src/db/committee-store.ts", SERVICES),
      imports("src/services/x.ts", "src/db/generated/client.ts", SERVICES),
      imports("src/services/x.ts", "pg", SERVICES),
      imports("src/services/x.ts", "@slack/web-api", SERVICES),
      imports("src/services/x.ts", "src/slack/blocks/reply-blocks.ts", SERVICES),
      imports("src/services/x.ts", "commands/context.ts", SERVICES),
    ],
  },
  {
    title: "jobs hand `now` to services: no Prisma, no Slack, nothing from src/db, src/slack or commands",
    files: {
      "src/jobs/j.ts": lines(
        'import type { DeadlinePlanner } from "../services/deadline-planner.js";',
        'import type { Store } from "../services/ports.js";',
        'import { createStore } from "../db/store.js";',
        'import { webApi } from "@slack/bolt";',
        'import { frist } from "../../commands/frist.js";',
      ),
    },
    expected: [
      imports("src/jobs/j.ts", "src/db/store.ts", JOBS),
      imports("src/jobs/j.ts", "@slack/bolt", JOBS),
      imports("src/jobs/j.ts", "commands/frist.ts", JOBS),
    ],
  },
  {
    title: "Prisma, its generated client and the drivers only in src/db, prisma.config.ts, tests/support and tests/db",
    files: {
      "src/cli/main.ts": lines(
        'import type { PrismaClient } from "../db/generated/client.js";',
        'import { openDatabase } from "../db/connect.js";',
      ),
      "src/config/env.ts": 'const { Decimal } = await import("@prisma/client/runtime/client");',
      "bench/b.ts": 'import { PGlite } from "@electric-sql/pglite";',
      "tests/integration/t.test.ts": 'import pg = require("pg");',
      "vitest.config.ts": 'import { defineConfig } from "prisma/config";',
      "src/main.ts": 'const adapter = require("pglite-prisma-adapter");',
      "src/db/connect.ts": lines(
        'import pg from "pg";',
        'import { PrismaPg } from "@prisma/adapter-pg";',
        'import { PrismaPGlite } from "pglite-prisma-adapter";',
        'import { PrismaClient } from "./generated/client.js";',
      ),
      "prisma.config.ts": lines('import { defineConfig } from "prisma/config";', 'import { PGlite } from "@electric-sql/pglite";'),
      "tests/support/database.ts": 'import { PGlite } from "@electric-sql/pglite";',
      "tests/db/m.test.ts": 'import { PrismaPg } from "@prisma/adapter-pg";',
    },
    expected: [
      imports("src/cli/main.ts", "src/db/generated/client.ts", DATABASE),
      imports("src/config/env.ts", "@prisma/client/runtime/client", DATABASE),
      imports("bench/b.ts", "@electric-sql/pglite", DATABASE),
      imports("tests/integration/t.test.ts", "pg", DATABASE),
      imports("vitest.config.ts", "prisma/config", DATABASE),
      imports("src/main.ts", "pglite-prisma-adapter", DATABASE),
    ],
  },
  {
    title: "Slack libraries only in src/slack and src/main.ts, and tests/slack, tests/support and bench",
    files: {
      "src/config/env.ts": 'import type { LogLevel } from "@slack/bolt";',
      "src/cli/main.ts": 'const { WebClient } = require("@slack/web-api");',
      "tests/domain/t.test.ts": 'export { App } from "@slack/bolt";',
      "src/slack/app.ts": 'import { App } from "@slack/bolt";',
      "src/main.ts": 'import { LogLevel } from "@slack/bolt";',
      "tests/slack/x.test.ts": 'import { LogLevel } from "@slack/bolt";',
      "tests/support/bot.ts": 'import type { App } from "@slack/bolt";',
      "bench/frist-http.ts": 'import { LogLevel } from "@slack/bolt";',
    },
    expected: [
      imports("src/config/env.ts", "@slack/bolt", SLACK),
      imports("src/cli/main.ts", "@slack/web-api", SLACK),
      imports("tests/domain/t.test.ts", "@slack/bolt", SLACK),
    ],
  },
  {
    title: "no clock reads in src/domain or src/services; the composition root may read it",
    files: {
      "src/services/clock.ts": lines(
        'import { DateTime, Settings } from "luxon";',
        "export function reads(at: Date) {",
        "  const a = Date.now();",
        "  const b = new Date();",
        "  const c = new Date(at.getTime());",
        "  const d = DateTime.now();",
        "  const e = DateTime.local();",
        "  const f = DateTime.local(2024, 1, 1);",
        "  const g = DateTime.utc();",
        "  const h = DateTime.utc(2024, 6, 30);",
        "  const i = performance.now();",
        "  const j = process.hrtime.bigint();",
        "  Settings.now = () => 0;",
        "  const k = globalThis.Date.now();",
        "  const l = new Date;",
        "  const zone = process.env.TZ;",
        "  // Date.now() in a comment is no clock read, nor is one in a string:",
        '  const m = "new Date()";',
        "  return [a, b, c, d, e, f, g, h, i, j, k, l, m, zone];",
        "}",
      ),
      "src/domain/today.ts": lines('import { DateTime } from "luxon";', "export const today = () => DateTime.now().toISODate();"),
      "src/main.ts": "const clock = () => new Date();",
    },
    expected: [
      uses("src/services/clock.ts:3", "Date.now()", CLOCK),
      uses("src/services/clock.ts:4", "new Date()", CLOCK),
      uses("src/services/clock.ts:6", "DateTime.now()", CLOCK),
      uses("src/services/clock.ts:7", "DateTime.local()", CLOCK),
      uses("src/services/clock.ts:9", "DateTime.utc()", CLOCK),
      uses("src/services/clock.ts:11", "performance.now()", CLOCK),
      uses("src/services/clock.ts:12", "process.hrtime", CLOCK),
      uses("src/services/clock.ts:13", "Settings.now", CLOCK),
      uses("src/services/clock.ts:14", "Date.now()", CLOCK),
      uses("src/services/clock.ts:15", "new Date()", CLOCK),
      uses("src/domain/today.ts:2", "DateTime.now()", CLOCK),
    ],
  },
  {
    title: "no I/O or ambient state in src/domain (services may log and read the environment)",
    files: {
      "src/domain/io.ts": lines(
        "export async function io(x: { console: { log(s: string): void } }) {",
        "  const zone = process.env.TZ;",
        "  process.exit(1);",
        "  console.log(zone);",
        '  await fetch("https://example.org");',
        "  setTimeout(() => undefined, 1);",
        "  setInterval(() => undefined, 1);",
        '  const argv = process["argv"];',
        "  const started = process.hrtime();",
        '  x.console.log("a parameter called console is no console");',
        "  return [argv, started];",
        "}",
      ),
      "src/services/log.ts": lines('console.log("fine");', "setTimeout(() => undefined, 1);", "export const zone = process.env.TZ;"),
    },
    expected: [
      uses("src/domain/io.ts:2", "process.env", AMBIENT),
      uses("src/domain/io.ts:3", "process.exit", AMBIENT),
      uses("src/domain/io.ts:4", "console.log", AMBIENT),
      uses("src/domain/io.ts:5", "fetch()", AMBIENT),
      uses("src/domain/io.ts:6", "setTimeout()", AMBIENT),
      uses("src/domain/io.ts:7", "setInterval()", AMBIENT),
      uses("src/domain/io.ts:8", "process.argv", AMBIENT),
      // Matched by both rules; the first in the table reports it.
      uses("src/domain/io.ts:9", "process.hrtime", CLOCK),
    ],
  },
  {
    title: "no import cycles among src/ and commands/, type-only and dynamic imports included",
    files: {
      "src/a.ts": lines('import type { B } from "./b.js";', "export type A = 1;"),
      "src/b.ts": lines('import type { A } from "./a.js";', "export type B = A;"),
      "src/c.ts": 'import { d } from "../commands/d.js";',
      "commands/d.ts": 'export { e as d } from "../src/e.js";',
      "src/e.ts": 'export const e = async () => import("./c.js");',
      "src/self.ts": 'import "./self.js";',
      "src/f.ts": 'import "./a.js";',
      "tests/x.ts": 'import "./y.js";',
      "tests/y.ts": 'import "./x.js";',
    },
    expected: [
      cycle("commands/d.ts → src/e.ts → src/c.ts → commands/d.ts"),
      cycle("src/a.ts → src/b.ts → src/a.ts"),
      cycle("src/self.ts → src/self.ts"),
    ],
  },
];

describe("the architecture checker", () => {
  for (const c of CASES) {
    it(c.title, () => {
      expect(
        checkArchitecture(c.files, ARCHITECTURE)
          .map((v) => v.message)
          .sort(),
      ).toEqual([...c.expected].sort());
    });
  }

  it("has a case above that breaks each rule of the table", () => {
    const broken = new Set(CASES.flatMap((c) => checkArchitecture(c.files, ARCHITECTURE).map((v) => v.rule)));
    const rules = [...ARCHITECTURE.imports, ...ARCHITECTURE.ambient, ...ARCHITECTURE.cycles].map((rule) => rule.name);
    expect(rules.filter((name) => !broken.has(name))).toEqual([]);
  });

  it("never scans generated code", () => {
    const files = { "src/db/generated/client.ts": lines('import { App } from "@slack/bolt";', "export const at = Date.now();") };
    expect(checkArchitecture(files, ARCHITECTURE)).toEqual([]);
  });

  it("reports every cycle of a component, each once and written from its first module", () => {
    const files = {
      "src/a.ts": lines('import "./b.js";', 'import "./c.js";'),
      "src/b.ts": 'import "./a.js";',
      "src/c.ts": 'import "./a.js";',
    };
    expect(checkArchitecture(files, ARCHITECTURE).map((v) => v.subject)).toEqual([
      "import cycle src/a.ts → src/b.ts → src/a.ts",
      "import cycle src/a.ts → src/c.ts → src/a.ts",
    ]);
  });

  it("reports a tangle with too many cycles to list as one line", () => {
    const names = ["a", "b", "c", "d", "e", "f"];
    const files = Object.fromEntries(
      names.map((name) => [
        `src/${name}.ts`,
        names
          .filter((other) => other !== name)
          .map((other) => `import "./${other}.js";`)
          .join("\n"),
      ]),
    );
    const subjects = checkArchitecture(files, ARCHITECTURE).map((v) => v.subject);
    expect(subjects).toHaveLength(21);
    expect(subjects.at(-1)).toBe("import tangle of 6 modules (over 20 cycles): src/a.ts, src/b.ts, src/c.ts, src/d.ts, src/e.ts, src/f.ts");
  });

  it("finds every kind of import, with its line, and nothing in comments or strings", () => {
    const text = lines(
      'import a from "./a.js";',
      'import type { B } from "./b.js";',
      'import { type C, type D } from "./c.js";',
      'import { type E, f } from "./e.js";',
      'export { g } from "./g/index.js";',
      'export type { H } from "./h.js";',
      'export * from "@slack/bolt";',
      'import fs = require("node:fs");',
      'const lazy = () => import("./lazy.js");',
      'const pg = require("pg");',
      'let server: import("node:http").Server;',
      'import "./side-effect.js";',
      '// import x from "./comment.js";',
      "const s = \"import y from './string.js'\";",
      'const t = `require("./template.js")`;',
    );
    const edges = findImports(parseSource("src/x.ts", text), {}).map(({ specifier, syntax, typeOnly, line }) => ({
      specifier,
      syntax,
      typeOnly,
      line,
    }));
    expect(edges).toEqual([
      { specifier: "./a.js", syntax: "import", typeOnly: false, line: 1 },
      { specifier: "./b.js", syntax: "import type", typeOnly: true, line: 2 },
      { specifier: "./c.js", syntax: "import type", typeOnly: true, line: 3 },
      { specifier: "./e.js", syntax: "import", typeOnly: false, line: 4 },
      { specifier: "./g/index.js", syntax: "export from", typeOnly: false, line: 5 },
      { specifier: "./h.js", syntax: "export from", typeOnly: true, line: 6 },
      { specifier: "@slack/bolt", syntax: "export from", typeOnly: false, line: 7 },
      { specifier: "node:fs", syntax: "import require", typeOnly: false, line: 8 },
      { specifier: "./lazy.js", syntax: "dynamic import", typeOnly: false, line: 9 },
      { specifier: "pg", syntax: "require", typeOnly: false, line: 10 },
      { specifier: "node:http", syntax: "type import()", typeOnly: true, line: 11 },
      { specifier: "./side-effect.js", syntax: "import", typeOnly: false, line: 12 },
    ]);
  });

  it("resolves relative specifiers to repository files: .js is the .ts source, a folder its index", () => {
    const files = { "src/db/store.ts": "", "src/services/dir/index.ts": "", "src/x.mts": "" };
    expect(resolveImport("src/services/a.ts", "../db/store.js", files)).toEqual({ kind: "file", path: "src/db/store.ts" });
    expect(resolveImport("src/services/a.ts", "./dir/index.js", files)).toEqual({ kind: "file", path: "src/services/dir/index.ts" });
    expect(resolveImport("src/services/a.ts", "./dir", files)).toEqual({ kind: "file", path: "src/services/dir/index.ts" });
    expect(resolveImport("src/a.ts", "./x.mjs", files)).toEqual({ kind: "file", path: "src/x.mts" });
    // Not scanned, still named by its source path so rules about src/db/generated see it.
    expect(resolveImport("src/db/convert.ts", "./generated/client.js", files)).toEqual({
      kind: "file",
      path: "src/db/generated/client.ts",
    });
    expect(resolveImport("bench/b.ts", "../../elsewhere.js", files)).toEqual({ kind: "outside", specifier: "../../elsewhere.js" });
  });

  it("treats bare specifiers as packages, Node's built-ins with or without node:", () => {
    const pkg = (specifier: string) => resolveImport("src/a.ts", specifier, {});
    expect(pkg("@prisma/client/runtime/client")).toMatchObject({ kind: "package", name: "@prisma/client", builtin: false });
    expect(pkg("prisma/config")).toMatchObject({ kind: "package", name: "prisma", builtin: false });
    expect(pkg("@slack/bolt")).toMatchObject({ kind: "package", name: "@slack/bolt", builtin: false });
    for (const builtin of ["node:fs", "node:fs/promises", "fs", "fs/promises"]) {
      expect(pkg(builtin)).toMatchObject({ kind: "package", specifier: builtin, name: "node:fs", builtin: true });
    }
    expect(pkg("path")).toMatchObject({ name: "node:path", builtin: true });
  });

  it("matches globs by path segment", () => {
    expect(matchesGlob("src/db/a/b.ts", "src/db/**")).toBe(true);
    expect(matchesGlob("src/dbx/a.ts", "src/db/**")).toBe(false);
    expect(matchesGlob("tests/supportive/a.ts", "tests/support/**")).toBe(false);
    expect(matchesGlob("@prisma/client", "@prisma/*")).toBe(true);
    expect(matchesGlob("@prisma-x/client", "@prisma/*")).toBe(false);
    expect(matchesGlob("prisma.config.ts", "**")).toBe(true);
    expect(matchesGlob("prismaxconfig.ts", "prisma.config.ts")).toBe(false);
  });
});
