import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ROOT } from "./support/paths.js";

const Lockfile = z.object({
  packages: z.record(z.string(), z.object({ optionalDependencies: z.record(z.string(), z.string()).optional() })),
});

/** Where npm would look for `name` when installing the package at `from` (its own node_modules, then upwards). */
function candidates(from: string, name: string): string[] {
  const out: string[] = [];
  let dir = from;
  for (;;) {
    out.push(dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`);
    const up = dir.lastIndexOf("/node_modules/");
    if (up < 0) break;
    dir = dir.slice(0, up);
  }
  if (from) out.push(`node_modules/${name}`);
  return out;
}

/**
 * `npm ci` (what CI runs) refuses a lockfile that lacks an entry for any optional dependency,
 * even one for another platform. The registry these machines reach lacks some platform packages
 * (Biome's for macOS, Windows, musl), so `npm install` leaves them out of the lockfile and CI
 * breaks. See docs/decisions/2026-11-23-lockfile-platform-packages.md for how the entries are kept.
 */
describe("package-lock.json", () => {
  it("has an entry for every optional dependency, so `npm ci` can install from it", async () => {
    const lock = Lockfile.parse(JSON.parse(await readFile(path.join(ROOT, "package-lock.json"), "utf8")));
    const missing = Object.entries(lock.packages).flatMap(([at, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !candidates(at, name).some((place) => place in lock.packages))
        .map((name) => `${at || "(root)"} → ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
