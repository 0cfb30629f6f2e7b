import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What reads a mandate file: the schema and rules of src/domain and the reading of
 * src/mandates, as the sha256 of the text of the modules running now (compiled .js in dist/,
 * .ts under tsx or vitest). A new release that changes any of them changes every file's key,
 * so the first start after it parses every file again: a file a stricter rule now refuses is
 * refused, a file a new default reads differently gives a new version. Without the sources
 * (a bundle, an unreadable directory) the fingerprint is random: nothing is ever skipped.
 */
async function readerFingerprint(): Promise<string> {
  const self = fileURLToPath(import.meta.url);
  const extension = path.extname(self);
  const hash = createHash("sha256");
  try {
    for (const dir of [path.join(path.dirname(self), "..", "domain"), path.dirname(self)]) {
      const names = (await readdir(dir)).filter((n) => n.endsWith(extension) && !n.endsWith(`.d${extension}`)).sort();
      if (names.length === 0) return randomUUID();
      for (const name of names)
        hash
          .update(name)
          .update("\0")
          .update(await readFile(path.join(dir, name)))
          .update("\0");
    }
  } catch {
    return randomUUID();
  }
  return hash.digest("hex");
}

let fingerprint: Promise<string> | undefined;

/**
 * How an import knows a file it has imported before, before it parses it: the sha256 of the
 * file's bytes, of the workspace that files naming none go to (a file without `workspace:` is
 * another committee when that changes, say when "local" becomes the bot's own workspace), and
 * of the code that reads it. Equal keys mean the file would be read into the same mandate for
 * the same workspace.
 */
export async function fileKeyer(defaultWorkspace: string | undefined): Promise<(bytes: Uint8Array) => string> {
  fingerprint ??= readerFingerprint();
  const prefix = `mandat-file/1\0${await fingerprint}\0${defaultWorkspace ?? ""}\0`;
  return (bytes) => createHash("sha256").update(prefix).update(bytes).digest("hex");
}
