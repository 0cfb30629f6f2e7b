import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "../../src/db/data-dir-lock.js";
import { ROOT } from "../support/paths.js";

/**
 * One process per embedded (PGlite) data directory. Another live process's lock is respected;
 * a lock left by a process that is gone is taken over.
 */

let scratch: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "mandat-lock-"));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const newDataDir = () => mkdtemp(path.join(scratch, "data-"));
const lockFile = (dir: string) => path.join(dir, "mandat.lock");
const readLock = async (dir: string) => JSON.parse(await readFile(lockFile(dir), "utf8")) as { pid: number; host: string };
const writeLock = (dir: string, owner: unknown) => writeFile(lockFile(dir), typeof owner === "string" ? owner : JSON.stringify(owner));

/** A live process that is not us (it holds nothing itself; the lock file names it). */
function liveProcess(): ChildProcess & { pid: number } {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  children.push(child);
  if (child.pid === undefined) throw new Error("could not start sleep");
  return child as ChildProcess & { pid: number };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** The pid of a process that has finished. */
async function deadPid(): Promise<number> {
  const child = spawn("true", [], { stdio: "ignore" });
  await exited(child);
  if (child.pid === undefined) throw new Error("could not start true");
  return child.pid;
}

function refusal(dir: string): DataDirInUseError | undefined {
  try {
    lockDataDir(dir).release();
  } catch (error) {
    if (error instanceof DataDirInUseError) return error;
    throw error;
  }
  return undefined;
}

describe("lockDataDir", () => {
  it("writes a lock file naming this process and host, and release() removes it", async () => {
    const dir = await newDataDir();
    const lock = lockDataDir(dir);
    expect(await readLock(dir)).toEqual({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(lockFile(dir))).toBe(false);
    // Released means free: it can be taken again.
    lockDataDir(dir).release();
  });

  it("creates a data directory that does not exist yet", async () => {
    const dir = path.join(await newDataDir(), "nested", "data");
    const lock = lockDataDir(dir);
    expect(existsSync(lockFile(dir))).toBe(true);
    lock.release();
  });

  it("refuses a directory locked by another live process, with DataDirInUseError naming its pid", async () => {
    const dir = await newDataDir();
    const holder = liveProcess();
    await writeLock(dir, { pid: holder.pid, host: hostname() });

    const error = refusal(dir);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect(error?.pid).toBe(holder.pid);
    expect(error?.dataDir).toBe(dir);
    expect(error?.message).toContain(`pid ${holder.pid}`);
    expect(error?.message).toContain(dir);
    expect(error?.message).toContain("DATABASE_URL");
    // The holder's lock is left as it was.
    expect(await readLock(dir)).toEqual({ pid: holder.pid, host: hostname() });
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const dir = await newDataDir();
    await writeLock(dir, { pid: await deadPid(), host: hostname() });
    const lock = lockDataDir(dir);
    expect(await readLock(dir)).toEqual({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it.each([
    ["an empty", ""],
    ["a half-written", '{"pid": 12'],
    ["a meaningless", '{"hello": "world"}'],
  ])("takes over %s lock file", async (_label, content) => {
    const dir = await newDataDir();
    await writeLock(dir, content);
    const lock = lockDataDir(dir);
    expect((await readLock(dir)).pid).toBe(process.pid);
    lock.release();
  });

  it("refuses a lock held from another host, whose processes it cannot check", async () => {
    const dir = await newDataDir();
    await writeLock(dir, { pid: 4242, host: `${hostname()}-elsewhere` });
    expect(refusal(dir)?.pid).toBe(4242);
  });

  it("release() does not remove a lock that another process has taken since", async () => {
    const dir = await newDataDir();
    const lock = lockDataDir(dir);
    const holder = liveProcess();
    await writeLock(dir, { pid: holder.pid, host: hostname() });
    lock.release();
    expect((await readLock(dir)).pid).toBe(holder.pid);
  });

  it("keeps out this test while a real second process holds the lock, until that process is killed", async () => {
    const dir = await newDataDir();
    const holder = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        "import { lockDataDir } from './src/db/data-dir-lock.ts'; lockDataDir(process.argv[1]); console.log('locked'); setInterval(() => {}, 1000);",
        dir,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    children.push(holder);
    await new Promise<void>((resolve, reject) => {
      holder.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
      holder.once("exit", (code) => reject(new Error(`the lock holder exited early (${code})`)));
    });
    expect(refusal(dir)?.pid).toBe(holder.pid);

    // Killed without a chance to clean up: its lock file stays, and is stale.
    holder.kill("SIGKILL");
    await exited(holder);
    expect((await readLock(dir)).pid).toBe(holder.pid);
    const lock = lockDataDir(dir);
    expect((await readLock(dir)).pid).toBe(process.pid);
    lock.release();
  });
});

describe("the CLI and a data directory in use", () => {
  function cli(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", DATA_DIR: dataDir, MANDATES_DIR: "mandates" };
    for (const key of Object.keys(env)) if (key.startsWith("SLACK_") || key === "DATABASE_URL") delete env[key];
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", ...args],
        { cwd: ROOT, env, timeout: 60_000 },
        (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
        },
      );
    });
  }

  it("refuses clearly while another process holds the directory, and works once that process is gone", { timeout: 120_000 }, async () => {
    const dir = await newDataDir();
    const holder = liveProcess();
    await writeLock(dir, { pid: holder.pid, host: hostname() });

    const refused = await cli(["/mandat"], dir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`The embedded database in ${dir} is in use by another process (pid ${holder.pid} on `);
    expect(refused.stderr).toContain(`delete ${path.join(dir, "mandat.lock")}`);
    expect(refused.stderr).toContain("DATABASE_URL");
    expect(refused.stdout).not.toContain("Committees");
    // It never opened the database: the directory holds the holder's lock and nothing else.
    expect(await readdir(dir)).toEqual(["mandat.lock"]);
    expect((await readLock(dir)).pid).toBe(holder.pid);

    holder.kill("SIGKILL");
    await exited(holder);
    const ran = await cli(["/mandat"], dir);
    expect(ran.stderr).not.toMatch(/in use|Error/);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("== Committees ==");
    expect(ran.stdout).toContain("National competence network for personalised medicine");
    expect(ran.stdout).toContain("Assignment to pay funds to Genomic Medicine Sweden, 2024");
    // The CLI let go of the directory when it finished.
    expect(existsSync(lockFile(dir))).toBe(false);
    expect((await readdir(dir)).length).toBeGreaterThan(1);
  });
});
