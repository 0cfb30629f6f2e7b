import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * PGlite is PostgreSQL in this process; two processes writing one data directory corrupt it.
 * A lock file (DATA_DIR/mandat.lock, holding pid and host) keeps a second process out with a
 * clear message. A lock left by a process that no longer runs is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: { pid: number; host: string },
    readonly lockFile: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${owner.pid} on ${owner.host}), probably \`npm start\`.\n` +
        "Only one process at a time can open it. Stop that process first, or set DATABASE_URL to a\n" +
        "PostgreSQL server, which any number of processes can share.\n" +
        `If that process is gone (say its container was replaced), delete ${lockFile} and try again.`,
    );
    this.name = "DataDirInUseError";
  }

  get pid(): number {
    return this.owner.pid;
  }
}

export interface DataDirLock {
  release(): void;
}

const LockOwner = z.object({ pid: z.int().positive(), host: z.string() });
type LockOwner = z.infer<typeof LockOwner>;

/** Who holds the lock; undefined for an unreadable or half-written file (treated as stale). */
function readOwner(file: string): LockOwner | undefined {
  try {
    return LockOwner.safeParse(JSON.parse(readFileSync(file, "utf8"))).data;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "mandat.lock");
  const me: LockOwner = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return {
        release() {
          if (readOwner(file)?.pid === me.pid) unlinkSync(file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(file);
      if (owner && owner.host === me.host && owner.pid !== me.pid && isRunning(owner.pid)) {
        throw new DataDirInUseError(dataDir, owner, file);
      }
      // Another host's process cannot be checked from here (a shared volume): never guess.
      if (owner && owner.host !== me.host) throw new DataDirInUseError(dataDir, owner, file);
      unlinkSync(file); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
