import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestIn(full) : entry.name.endsWith(".ts") ? statSync(full).mtimeMs : 0;
    if (time > newest) newest = time;
  }
  return newest;
}

/**
 * When the running code is the compiled dist/ and a source file is newer than the last build,
 * says so: `npm start` would otherwise run yesterday's code without a word. Undefined when the
 * build is current, or when running from source (tsx).
 */
export function staleBuildWarning(moduleUrl: string): string | undefined {
  const file = fileURLToPath(moduleUrl);
  const marker = `${path.sep}dist${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const root = file.slice(0, at);
  try {
    const built = statSync(path.join(root, "dist", ".tsbuildinfo")).mtimeMs;
    const sources = Math.max(newestIn(path.join(root, "src")), newestIn(path.join(root, "commands")));
    return sources > built
      ? "dist/ is older than the sources: run `npm run build` (npm install does it too) to run the current code."
      : undefined;
  } catch {
    return undefined;
  }
}
