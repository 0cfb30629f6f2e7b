import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { MAX_FILE_BYTES } from "../../src/mandates/load-mandate-file.js";
import { smallMandate } from "./small-mandate.js";

/** What a hostile directory holds, by file name: each bad file's expected problem (path and message). */
export const HOSTILE_FILES: Record<string, { path: string | RegExp; message: string | RegExp }> = {
  "b-bomb.yaml": { path: "(YAML)", message: /billion laughs/ },
  "c-large.yaml": { path: "(file)", message: /a mandate file may hold at most 1048576 bytes/ },
  "d-latin1.yaml": { path: /^line \d+, column \d+ \(byte \d+\)$/, message: "is not UTF-8 text: save it as UTF-8" },
  "e-nul.yaml": { path: /^line \d+, column \d+$/, message: /NUL character/ },
  "f-nul-escape.yaml": { path: "purpose", message: /NUL character/ },
  "g-surrogate.yaml": { path: "purpose", message: /lone surrogate \(\\udc00\)/ },
  "h-folder.yaml": { path: "(file)", message: "is a directory, not a mandate file" },
  "i-dangling.yaml": { path: "(file)", message: "is a symbolic link to a file that does not exist" },
  "j-pipe.yaml": { path: "(file)", message: "is not a regular file (a pipe, socket or device)" },
  "k-loop.yaml": { path: "(file)", message: "is a loop of symbolic links" },
};

/**
 * Fills `dir` with one good mandate (`a-good.yaml`, slug `good`) and every kind of file that
 * must be refused without stopping the others: an alias bomb, a file over 1 MB, Latin-1 bytes,
 * a NUL byte, NUL and lone-surrogate escapes, a directory named *.yaml, a dangling link, a named
 * pipe and a loop of links.
 */
export async function writeHostileDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const put = (name: string, content: string | Uint8Array) => writeFile(path.join(dir, name), content);
  await put("a-good.yaml", smallMandate("good"));
  await put(
    "b-bomb.yaml",
    [
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ..."bcdefg".split("").map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefg"[i]}`).join(", ")}]`),
      "",
    ].join("\n"),
  );
  await put("c-large.yaml", `${smallMandate("large")}# ${"x".repeat(MAX_FILE_BYTES)}\n`);
  await put("d-latin1.yaml", Buffer.from(smallMandate("latin").replaceAll("ø", "\u00f8"), "latin1"));
  await put("e-nul.yaml", smallMandate("nul", { purpose: "Med\0NUL." }));
  await put("f-nul-escape.yaml", smallMandate("nul-escape", { purpose: '"Med\\0NUL."' }));
  await put("g-surrogate.yaml", smallMandate("surrogate", { purpose: '"Halv \\udc00 surrogat."' }));
  await mkdir(path.join(dir, "h-folder.yaml"));
  await symlink(path.join(dir, "gone.yaml"), path.join(dir, "i-dangling.yaml"));
  execFileSync("mkfifo", [path.join(dir, "j-pipe.yaml")]);
  await symlink(path.join(dir, "k-loop-b.yml.off"), path.join(dir, "k-loop.yaml"));
  await symlink(path.join(dir, "k-loop.yaml"), path.join(dir, "k-loop-b.yml.off"));
}
