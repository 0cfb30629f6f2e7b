import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { MANDATE_LIMITS } from "../../src/domain/mandate.js";
import {
  fileErrorMessage,
  listMandateFiles,
  loadMandateFile,
  MAX_FILE_BYTES,
  MAX_PROBLEMS,
  mandateFilesAt,
  parseMandateText,
} from "../../src/mandates/load-mandate-file.js";
import { largestMandateData } from "../support/largest-mandate.js";
import { ROOT } from "../support/paths.js";

/**
 * Hostile, broken and unreadable mandate files, written for real to a temporary directory: each
 * is refused with the file, the place and the problem, and nothing throws. (Tests run as root,
 * where a file with permissions 000 still reads: unreadable files here are a directory named
 * *.yaml, a dangling link, a pipe and a loop of links, and permissions 000 are tried by a child
 * process running as "nobody".)
 */

/** A small valid mandate, one field per line, so a test can change one line. */
const good = [
  "format: mandat/v1",
  "slug: filprove",
  "names: { da: Udvalget for filprøver }",
  "language: da",
  "time_zone: Europe/Copenhagen",
  "country: DK",
  "visibility: public",
  'valid: { from: "2025-01-01" }',
  "source: { title: Kommissorium, document: intet }",
  "purpose: At prøve filer.",
  "tasks:",
  "  - id: proeve",
  "    text: Prøve filer af.",
  "members:",
  "  - seat: formand",
  "    role: chair",
  "    title: Formand",
  "obligations:",
  "  - id: rapport",
  "    title: Rapport",
  "    owner: { seats: [formand] }",
  "    every: { at_least: 1, per: year }",
  "decisions: { rule: consensus }",
  "",
].join("\n");
const PURPOSE_LINE = good.split("\n").findIndex((l) => l.startsWith("purpose:")) + 1;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mandat-files-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function refusal(file: string) {
  const result = await loadMandateFile(file);
  if (result.ok) return expect.fail(`${file} was accepted`);
  expect(result.file).toBe(file);
  return result.problems;
}

/** Seven levels of nine aliases each: 9^7 ≈ 4.8 million strings from 400 bytes. */
const BILLION_LAUGHS = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ..."bcdefg".split("").map((name, i) => {
    const prev = "abcdefg"[i];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`;
  }),
  "format: mandat/v1",
  "",
].join("\n");

describe("loadMandateFile: hostile files are refused with the place and the problem", () => {
  it("the good fixture loads (so the refusals below are the change's doing)", async () => {
    const result = await loadMandateFile(await write("good.yaml", good));
    expect(result.ok).toBe(true);
  });

  it("a YAML alias bomb (billion laughs): refused at once, nothing expanded", async () => {
    const file = await write("bomb.yaml", BILLION_LAUGHS);
    const started = performance.now();
    const problems = await refusal(file);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([{ path: "(YAML)", message: expect.stringMatching(/aliases.*more than 100 times.*billion laughs/) }]);
  });

  it("a few aliases are fine: a mandate may share a block", async () => {
    const shared = good.replace("owner: { seats: [formand] }", "owner: &formand { seats: [formand] }");
    expect(shared).not.toBe(good);
    const result = parseMandateText("shared.yaml", `${shared}\nx-unused: *formand\n`);
    // The alias resolves; the schema then refuses the unknown key, not the alias.
    expect(result).toMatchObject({ ok: false, problems: [{ path: "(top level)", message: expect.stringMatching(/x-unused/) }] });
  });

  it("a file over 1 MB: refused by its size, before it is read (a 20 GB sparse file costs nothing)", async () => {
    const over = await write("large.yaml", `${good}\n# ${"x".repeat(MAX_FILE_BYTES)}\n`);
    expect(await refusal(over)).toEqual([
      { path: "(file)", message: expect.stringMatching(/^is \d+ bytes; a mandate file may hold at most 1048576 bytes \(1 MB\)$/) },
    ]);
    const huge = await write("huge.yaml", "");
    await truncate(huge, 20 * 1024 ** 3);
    const started = performance.now();
    expect(await refusal(huge)).toEqual([
      { path: "(file)", message: `is ${20 * 1024 ** 3} bytes; a mandate file may hold at most 1048576 bytes (1 MB)` },
    ]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("exactly 1 MB is still read", async () => {
    const padded = `${good}\n# `;
    const file = await write("exact.yaml", `${padded}${"x".repeat(MAX_FILE_BYTES - Buffer.byteLength(padded) - 1)}\n`);
    expect((await loadMandateFile(file)).ok).toBe(true);
  });

  it("bytes that are not UTF-8 (a Latin-1 'æ'): refused with the line, column and byte", async () => {
    // ASCII but for one "æ", written as Latin-1 (one byte, 0xE6) where UTF-8 needs two.
    const text = good.replaceAll("ø", "o").replace("purpose: ", "purpose: S\u00e6rlig ");
    const file = await write("latin1.yaml", Buffer.from(text, "latin1"));
    const byte = text.indexOf("\u00e6") + 1;
    expect(await refusal(file)).toEqual([
      { path: `line ${PURPOSE_LINE}, column 11 (byte ${byte})`, message: "is not UTF-8 text: save it as UTF-8" },
    ]);
  });

  it("the largest mandate the schema accepts is a file under 1 MB, and loads", async () => {
    const text = stringify(largestMandateData());
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_FILE_BYTES);
    const result = await loadMandateFile(await write("largest.yaml", text));
    expect(result.ok && result.mandate.tasks).toHaveLength(MANDATE_LIMITS.tasks);
  });

  it("a UTF-8 byte-order mark is fine", async () => {
    const file = await write("bom.yaml", `\ufeff${good}`);
    expect((await loadMandateFile(file)).ok).toBe(true);
  });

  it("a NUL byte in the text: refused with its line and column", async () => {
    const file = await write("nul.yaml", good.replace("purpose: ", "purpose: a\0b "));
    expect(await refusal(file)).toEqual([
      { path: `line ${PURPOSE_LINE}, column 11`, message: "a NUL character (\\0): this is not a text file" },
    ]);
  });

  it('a NUL written as an escape ("\\0") in a double-quoted string: refused at the field', async () => {
    const file = await write("nul-escape.yaml", good.replace(/^purpose: .*$/m, 'purpose: "Formål\\0med NUL"'));
    expect(await refusal(file)).toEqual([{ path: "purpose", message: "contains a NUL character (\\0), which a mandate cannot hold" }]);
  });

  it('a lone surrogate written as an escape ("\\ud800"): refused at the field', async () => {
    const text = good.replace("text: Prøve filer af.", 'text: "halv \\ud800 surrogat"');
    expect(text).not.toBe(good);
    const file = await write("surrogate.yaml", text);
    expect(await refusal(file)).toEqual([
      { path: "tasks[0].text", message: "contains a lone surrogate (\\ud800), which is not a Unicode character" },
    ]);
  });

  it('a surrogate pair written as escapes ("\\ud83d\\ude00") is one character and fine', async () => {
    const file = await write("emoji.yaml", good.replace(/^purpose: .*$/m, 'purpose: "Smil \\ud83d\\ude00"'));
    expect((await loadMandateFile(file)).ok).toBe(true);
  });

  it("nesting too deep to follow: refused, not a crash", () => {
    const result = parseMandateText("deep.yaml", `format: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n`);
    expect(result).toMatchObject({ ok: false, problems: [{ message: "nests too deeply to be read" }] });
  });

  it("45 bad entries: at most MAX_PROBLEMS problems, the last one counting the rest", () => {
    const tasks = Array.from({ length: 45 }, (_, i) => `  - { id: "Bad Id ${i}", text: x }`).join("\n");
    const result = parseMandateText("many.yaml", good.replace("tasks:\n  - id: proeve\n    text: Prøve filer af.\n", `tasks:\n${tasks}\n`));
    if (result.ok) return expect.fail("accepted");
    expect(result.problems).toHaveLength(MAX_PROBLEMS);
    expect(result.problems.at(-1)).toEqual({ path: "(file)", message: "and 26 more problems" });
  });

  it("a list longer than its limit: one problem, not one per item", () => {
    const tasks = Array.from({ length: 5000 }, (_, i) => `  - { id: "Bad Id ${i}", text: x }`).join("\n");
    const result = parseMandateText("long.yaml", good.replace("tasks:\n  - id: proeve\n    text: Prøve filer af.\n", `tasks:\n${tasks}\n`));
    expect(result).toEqual({ ok: false, file: "long.yaml", problems: [{ path: "tasks", message: "may hold at most 50 items" }] });
  });

  it("a directory named *.yaml", async () => {
    const sub = path.join(dir, "folder.yaml");
    await mkdir(sub);
    expect(await refusal(sub)).toEqual([{ path: "(file)", message: "is a directory, not a mandate file" }]);
  });

  it("a dangling symbolic link", async () => {
    const link = path.join(dir, "dangling.yaml");
    await symlink(path.join(dir, "gone.yaml"), link);
    expect(await refusal(link)).toEqual([{ path: "(file)", message: "is a symbolic link to a file that does not exist" }]);
  });

  it("a named pipe (reading it would wait forever)", async () => {
    const fifo = path.join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    expect(await refusal(fifo)).toEqual([{ path: "(file)", message: "is not a regular file (a pipe, socket or device)" }]);
  });

  it("a loop of symbolic links", async () => {
    const a = path.join(dir, "loop-a.yaml");
    const b = path.join(dir, "loop-b.yaml");
    await symlink(b, a);
    await symlink(a, b);
    expect(await refusal(a)).toEqual([{ path: "(file)", message: "is a loop of symbolic links" }]);
  });

  it("a file that does not exist", async () => {
    expect(await refusal(path.join(dir, "never.yaml"))).toEqual([{ path: "(file)", message: "the file does not exist" }]);
  });
});

describe("listMandateFiles and fileErrorMessage: a path that cannot be found or listed says why", () => {
  it("a loop of directory links: ELOOP", async () => {
    const a = path.join(dir, "dir-loop-a");
    const b = path.join(dir, "dir-loop-b");
    await symlink(b, a);
    await symlink(a, b);
    expect(await listMandateFiles(a)).toEqual({ ok: false, problem: { path: "(file)", message: "is a loop of symbolic links" } });
    await expect(mandateFilesAt(a)).rejects.toThrow(`${a}: is a loop of symbolic links`);
  });

  it("a directory lists its *.yaml and *.yml entries, sorted; a file lists itself", async () => {
    const sub = path.join(dir, "listing");
    await mkdir(sub);
    for (const name of ["b.yml", "a.yaml", "c.YAML", "notes.txt", "d.yaml.bak"]) await writeFile(path.join(sub, name), "");
    expect(await listMandateFiles(sub)).toEqual({ ok: true, files: ["a.yaml", "b.yml", "c.YAML"].map((n) => path.join(sub, n)) });
    expect(await listMandateFiles(path.join(sub, "notes.txt"))).toEqual({ ok: true, files: [path.join(sub, "notes.txt")] });
  });

  it("permissions 000 on a file and on a directory, read by an unprivileged user (as root, 000 still reads)", async () => {
    const place = path.join(dir, "locked");
    await mkdir(place);
    await chmod(dir, 0o755);
    await chmod(place, 0o755);
    const lockedFile = path.join(place, "locked.yaml");
    await writeFile(lockedFile, good);
    await chmod(lockedFile, 0o000);
    const lockedDir = path.join(place, "locked-dir");
    await mkdir(lockedDir);
    await chmod(lockedDir, 0o000);
    const probe = path.join(place, "probe.mts");
    const source = pathToFileURL(path.join(ROOT, "src", "mandates", "load-mandate-file.ts")).href;
    await writeFile(
      probe,
      [
        `import { listMandateFiles, loadMandateFile } from ${JSON.stringify(source)};`,
        "const [file, directory] = process.argv.slice(2);",
        "console.log(JSON.stringify({ file: await loadMandateFile(file), directory: await listMandateFiles(directory) }));",
      ].join("\n"),
    );
    await chmod(probe, 0o644);
    // "nobody" when the tests run as root; as anyone else, 000 already keeps them out.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = execFileSync(process.execPath, ["--import", "tsx", probe, lockedFile, lockedDir], {
      cwd: ROOT,
      encoding: "utf8",
      ...asNobody,
    });
    expect(JSON.parse(out)).toEqual({
      file: { ok: false, file: lockedFile, problems: [{ path: "(file)", message: "the file cannot be read: permission denied" }] },
      directory: { ok: false, problem: { path: "(directory)", message: "the directory cannot be listed: permission denied" } },
    });
  });

  it.each([
    ["ENOENT", "file", "the file does not exist"],
    ["ENOENT", "directory", "no such file or directory"],
    ["EACCES", "file", "the file cannot be read: permission denied"],
    ["EACCES", "directory", "the directory cannot be listed: permission denied"],
    ["EPERM", "directory", "the directory cannot be listed: permission denied"],
    ["EISDIR", "file", "is a directory, not a mandate file"],
    ["ENOTDIR", "directory", "a part of the path is not a directory"],
    ["ELOOP", "directory", "is a loop of symbolic links"],
    ["EIO", "file", "the file cannot be read (EIO)"],
    ["EMFILE", "directory", "the directory cannot be listed (EMFILE)"],
  ] as const)("%s reading a %s: %s", (code, what, words) => {
    const error = Object.assign(new Error(`${code}: at /some/path`), { code });
    expect(fileErrorMessage(error, what)).toBe(words);
  });
});
