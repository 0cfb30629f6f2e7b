import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.js";
import { freePort } from "../support/free-port.js";
import { ROOT } from "../support/paths.js";
import { SIGNING_SECRET } from "../support/slack-request.js";

/**
 * The command line and the bot's entry point as a user runs them: real processes, a data
 * directory of their own, the shipped mandates. Each process costs seconds (PGlite, migrations,
 * import), so each test runs one and checks all it can in it.
 */

const TIMEOUT = 60_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** An environment with no Slack and no DATABASE_URL: only what the test gives. */
function cleanEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", MANDATES_DIR: "mandates", ...vars };
  for (const key of Object.keys(env)) if (key.startsWith("SLACK_") || key === "DATABASE_URL" || key === "DEFAULT_LANGUAGE") delete env[key];
  return env;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd: ROOT, env, timeout: TIMEOUT - 5_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

let scratch: string;
let dataDir: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "mandat-cli-"));
  dataDir = path.join(scratch, "data");
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const cli = (...args: string[]) => run("src/cli/main.ts", args, cleanEnv({ DATA_DIR: dataDir }));

describe("npm run cli", () => {
  it("answers `/frist gms-2024 alla` as of 2024-10-01 in Swedish: the requisition is due 1 November, in 31 days", {
    timeout: TIMEOUT,
  }, async () => {
    const { code, stdout, stderr } = await cli("/frist gms-2024 alla", "--now", "2024-10-01T09:00:00Z", "--lang", "sv");
    expect(stderr).not.toContain("refused");
    expect(code).toBe(0);
    expect(stdout).toContain("== Alla tidsfrister för Uppdrag att betala ut medel till Genomic Medicine Sweden 2024 ==");
    expect(stdout).toContain("Per 1 oktober 2024");
    const lines = stdout.split("\n");
    const requisition = lines.findIndex((l) => l.includes("Rekvisition av 49 500 000 kronor till Kammarkollegiet"));
    expect(requisition).toBeGreaterThanOrEqual(0);
    expect(lines[requisition + 1]).toMatch(/^1 november 2024 · om 31 dagar · .*Till: Kammarkollegiet/);
    const report = lines.findIndex((l) => l.includes("Redovisning av uppdraget till Regeringskansliet"));
    expect(lines[report + 1]).toMatch(/^31 mars 2025 · om 181 dagar/);
    // Soonest first.
    expect(requisition).toBeLessThan(report);
    // Plain text: no mrkdwn entities left for the terminal.
    expect(stdout).not.toMatch(/&(amp|lt|gt);/);
  });

  it("prints `/mandat norprem oppgaver`: the tasks of NorPreM, in Norwegian", { timeout: TIMEOUT }, async () => {
    const { code, stdout } = await cli("/mandat norprem oppgaver");
    expect(code).toBe(0);
    expect(stdout).toContain("== Nasjonalt kompetansenettverk for persontilpasset medisin ==");
    expect(stdout).toContain("Oppgaver");
    expect(stdout).toContain("1. Fremme bedre og mer ensartet diagnostikk, behandling og oppfølging av pasienter.");
    expect(stdout).toContain("10. Legge til rette for deling av god og relevant informasjon om persontilpasset medisin");
    // The buttons to the other sections, as text.
    expect(stdout).toContain("[Formål]");
    expect(stdout).not.toContain("[Oppgaver]");
  });

  it("`import` refuses bad files with the file, the path inside it and the problem, and exits 1", { timeout: TIMEOUT }, async () => {
    const dir = path.join(scratch, "bad");
    await mkdir(dir, { recursive: true });
    const badSchema = path.join(dir, "bad-schema.yaml");
    await writeFile(
      badSchema,
      [
        "format: mandat/v1",
        "slug: cli-bad",
        "names: { en: A bad committee }",
        "language: en",
        "time_zone: Mars/Olympus_Mons",
        "country: DK",
        "visibility: public",
        'valid: { from: "2025-01-01" }',
        "source: { title: Nothing, document: nowhere }",
        "purpose: To be refused.",
        "tasks: [{ id: one, text: One task }]",
        "members: [{ seat: chair, role: chair, title: Chair }]",
        "decisions: { rule: consensus }",
        "obligations:",
        "  - id: report",
        "    title: Report",
        "    owner: { role: chair }",
        "    every: { at_least: 0, per: year }",
        "",
      ].join("\n"),
    );
    const badYaml = path.join(dir, "bad-yaml.yaml");
    await writeFile(badYaml, "format: mandat/v1\nslug: [unclosed\n");

    const { code, stdout } = await cli("import", badSchema, badYaml);
    expect(code).toBe(1);
    expect(stdout).toContain(`${badSchema}: refused, nothing of it was stored`);
    expect(stdout).toMatch(/^ {2}obligations\[0\]\.every\.at_least: .+/m);
    expect(stdout).toMatch(/^ {2}time_zone: must be an IANA time zone/m);
    expect(stdout).toContain(`${badYaml}: refused, nothing of it was stored`);
    expect(stdout).toMatch(/^ {2}line \d+, column \d+: .+/m);
  });

  it("refuses `--as` with something that is neither an e-mail nor a Slack id: exit 2 and the usage", { timeout: TIMEOUT }, async () => {
    const { code, stdout, stderr } = await cli("/mandat", "--as", "not-a-person");
    expect(code).toBe(2);
    expect(stderr).toContain('--as takes an e-mail address or a Slack user id (U…), not "not-a-person"');
    expect(stderr).toContain("Usage:");
    expect(stdout).not.toContain("==");
  });

  it("refuses `--lang xx`: exit 2, naming the languages", { timeout: TIMEOUT }, async () => {
    const { code, stdout, stderr } = await cli("/mandat", "--lang", "xx");
    expect(code).toBe(2);
    expect(stderr).toContain('--lang takes da, nb, sv or en, not "xx"');
    expect(stderr).toContain("Usage:");
    expect(stdout).not.toContain("==");
  });

  it("`--team` picks the workspace: files naming it are its committees, and `--team` with no team id is refused", {
    timeout: TIMEOUT,
  }, async () => {
    const dir = path.join(scratch, "teams");
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, "team-committee.yaml");
    await writeFile(
      file,
      [
        "format: mandat/v1",
        "workspace: T0CLITEAM",
        "slug: cli-team",
        "names: { en: The CLI team committee }",
        "language: en",
        "time_zone: Europe/Oslo",
        'country: "NO"',
        "visibility: public",
        'valid: { from: "2025-01-01" }',
        "source: { title: A test, document: none }",
        "purpose: To belong to one workspace.",
        "tasks: [{ id: one, text: One task }]",
        "members: [{ seat: chair, role: chair, title: Chair }]",
        "decisions: { rule: consensus }",
        "",
      ].join("\n"),
    );
    const ownData = { DATA_DIR: path.join(scratch, "team-data") };
    const imported = await run("src/cli/main.ts", ["import", file], cleanEnv(ownData));
    expect(imported.stdout).toContain("created cli-team, version 1");
    // Another workspace's committee is not there for the local one …
    const local = await run("src/cli/main.ts", ["/mandat", "cli-team"], cleanEnv(ownData));
    expect(local.code).toBe(1);
    expect(local.stdout).not.toContain("The CLI team committee");
    // … but is for its own.
    const own = await run("src/cli/main.ts", ["/mandat", "cli-team", "--team", "T0CLITEAM"], cleanEnv(ownData));
    expect(own.stdout).toContain("== The CLI team committee ==");
    const refused = await run("src/cli/main.ts", ["/mandat", "--team", "acme"], cleanEnv(ownData));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--team takes a Slack workspace id such as T012ABCDEF, not "acme"');
  });

  it("without arguments prints the usage and exits 2", { timeout: TIMEOUT }, async () => {
    const { code, stdout } = await cli();
    expect(code).toBe(2);
    expect(stdout).toContain("Usage:");
    expect(stdout).toContain('npm run cli -- "/frist gms-2024 alla" --now 2024-10-01T09:00:00Z');
  });
});

describe("npm run cli: manners", () => {
  it("does not re-import MANDATES_DIR over what `import` just stored: the newer version stays", { timeout: TIMEOUT }, async () => {
    const ownData = cleanEnv({ DATA_DIR: path.join(scratch, "manners-data") });
    // First use: an empty database gets the shipped mandates, so there is something to see.
    const first = await run("src/cli/main.ts", ["/mandat", "norprem"], ownData);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Versjon 1");

    const changed = path.join(scratch, "norprem-changed.yaml");
    const shipped = await readFile(path.join(ROOT, "mandates", "norprem.yaml"), "utf8");
    await writeFile(changed, shipped.replace(/^purpose: .*$/m, "purpose: Et endret formål fra CLI-testen."));
    const imported = await run("src/cli/main.ts", ["import", changed], ownData);
    expect(imported.stdout).toContain("norprem changed, stored as version 2");

    const after = await run("src/cli/main.ts", ["/mandat", "norprem"], ownData);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain("Versjon 2");
    expect(after.stdout).toContain("Et endret formål fra CLI-testen.");
    expect(after.stderr).not.toContain("norprem");
  });

  it.each([
    ["an unknown option", ["/mandat", "--frobnicate"], "Unknown option '--frobnicate'."],
    ["an unknown short option", ["/mandat", "-x"], "Unknown option '-x'."],
    ["an option without its value", ["/mandat", "--now"], "Option '--now <value>' argument missing."],
    ["--as without its value", ["/frist", "--as"], "Option '--as <value>' argument missing."],
    [
      "a day that does not exist",
      ["/frist", "--now", "2024-02-30"],
      '--now takes an ISO date or date-time such as 2024-10-01T09:00:00Z, not "2024-02-30".',
    ],
    ["a time that does not exist", ["/frist", "--now", "2024-10-01T25:00:00Z"], 'not "2024-10-01T25:00:00Z"'],
    [
      "year 99999",
      ["/frist", "--now", "+099999-01-01T00:00:00Z"],
      '--now must fall in the years 1900–2200, not "+099999-01-01T00:00:00Z".',
    ],
    ["year 1", ["/frist", "--now", "0001-01-01"], '--now must fall in the years 1900–2200, not "0001-01-01".'],
    ["not a date at all", ["/frist", "--now", "tomorrow"], 'not "tomorrow"'],
  ])("refuses %s: exit 2, one line and the usage, no stack", { timeout: TIMEOUT }, async (_label, args, words) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(words);
    expect(stderr).toContain("Usage:");
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain("TypeError");
    expect(stdout).toBe("");
  });

  it("`import` of an empty directory says there was nothing to import, and exits 1", { timeout: TIMEOUT }, async () => {
    const empty = path.join(scratch, "empty");
    await mkdir(empty, { recursive: true });
    const { code, stdout, stderr } = await cli("import", empty);
    expect(code).toBe(1);
    expect(stderr).toContain(`${empty}: no mandate files (*.yaml, *.yml) found there; nothing was imported.`);
    expect(stdout).toBe("");
  });
});

describe("npm start: the compiled bot", () => {
  it("runs dist/src/main.js: healthy on /healthz, and SIGTERM stops it cleanly, releasing the data directory", {
    timeout: TIMEOUT,
  }, async () => {
    const fake = new FakeSlack();
    await fake.start();
    const ownDataDir = path.join(scratch, "compiled-data");
    const port = await freePort();
    const child = spawn(process.execPath, ["dist/src/main.js"], {
      cwd: ROOT,
      env: {
        ...cleanEnv({ DATA_DIR: ownDataDir }),
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      let status = 0;
      for (let i = 0; i < 400 && status !== 200 && child.exitCode === null; i++) {
        status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (res) => res.status,
          () => 0,
        );
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(200);
      // Compiled, not TypeScript compiled at run time: no tsx in the process.
      expect(child.spawnargs).toEqual([process.execPath, "dist/src/main.js"]);
      expect(stdout).toContain("created norprem, version 1");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exit).toBe(0);
    expect(stdout).toContain('"msg":"stopping');
    expect(existsSync(path.join(ownDataDir, "mandat.lock"))).toBe(false);
    await fake.stop();
  });
});

describe("npm start without Slack credentials", () => {
  it("imports the shipped mandates, then exits non-zero saying what is missing and how to try the CLI", { timeout: TIMEOUT }, async () => {
    const ownDataDir = path.join(scratch, "start-data");
    const { code, stdout, stderr } = await run("src/main.ts", [], cleanEnv({ DATA_DIR: ownDataDir }));
    expect(code).not.toBe(0);
    expect(stdout).toContain(`Database: embedded (PGlite) in ${ownDataDir}`);
    expect(stdout).toContain("Mandates from mandates:");
    for (const slug of ["dk-personlig-medicin", "gms-2022", "gms-2024", "norprem"]) expect(stdout).toContain(`created ${slug}, version 1`);
    expect(stderr).toContain(
      "Slack is not configured: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) are missing.",
    );
    expect(stderr).toContain('npm run cli -- "/mandat"');
    expect(stderr).toContain("README.md");
    // It closed the embedded database on the way out.
    expect(existsSync(path.join(ownDataDir, "mandat.lock"))).toBe(false);
  });
});
