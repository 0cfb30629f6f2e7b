import { lstat, open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isMap, parseDocument } from "yaml";
import type { z } from "zod";
import { Mandate } from "../domain/mandate.js";

/** One thing wrong with a mandate file: where (`obligations[2].every.at_least`) and what. */
export interface MandateProblem {
  path: string;
  message: string;
}

export type MandateFileResult = { ok: true; file: string; mandate: Mandate } | { ok: false; file: string; problems: MandateProblem[] };

/**
 * The largest mandate file read: the largest mandate the schema accepts is about half of it. The
 * size is checked before reading, so a huge file (or one that grows) costs nothing.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * YAML aliases (`*name`) a file may resolve. A "billion laughs" file nests aliases of aliases so
 * that a few hundred bytes expand to gigabytes; the yaml library counts and stops it. No shipped
 * mandate uses an alias; a hand-written one might share a block or two.
 */
export const MAX_ALIAS_COUNT = 100;

/** A refusal lists at most this many problems (a file of 10 000 bad tasks is refused in one screen). */
export const MAX_PROBLEMS = 20;

/** `obligations[2].every.at_least` from zod's ["obligations", 2, "every", "at_least"]. */
export function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  return issuePath.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");
}

function capped(problems: MandateProblem[]): MandateProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS - 1);
  return [...kept, { path: "(file)", message: `and ${problems.length - kept.length} more problems` }];
}

function problemsFromZod(error: z.ZodError): MandateProblem[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(issue.path) || "(top level)",
    message: issue.message,
  }));
}

/** "line 3, column 7" of a character offset in `text`. */
function linePosition(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return `line ${line}, column ${column}`;
}

// A UTF-16 code unit of a surrogate pair that has no partner. With the `u` flag a well-formed pair
// is one code point outside this range, so only lone halves match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function badCharacter(text: string): string | undefined {
  if (text.includes("\0")) return "contains a NUL character (\\0), which a mandate cannot hold";
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const code = lone[0].charCodeAt(0).toString(16);
    return `contains a lone surrogate (\\u${code}), which is not a Unicode character`;
  }
  return undefined;
}

/**
 * Strings (keys too) that the database could not store or that are not text at all: NUL and lone
 * surrogates, which a double-quoted YAML string can write as escapes ("\0", "\ud800").
 */
function badStrings(value: unknown, at: (string | number)[] = [], out: MandateProblem[] = []): MandateProblem[] {
  if (typeof value === "string") {
    const problem = badCharacter(value);
    if (problem) out.push({ path: formatIssuePath(at) || "(top level)", message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      badStrings(item, [...at, i], out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const problem = badCharacter(key);
      if (problem) out.push({ path: formatIssuePath(at) || "(top level)", message: `a key ${problem}` });
      else badStrings(item, [...at, key], out);
    }
  }
  return out;
}

/** Parses and validates one mandate file's text. Nothing is stored here; nothing here throws. */
export function parseMandateText(file: string, text: string): MandateFileResult {
  const refused = (problems: MandateProblem[]): MandateFileResult => ({ ok: false, file, problems: capped(problems) });
  const nul = text.indexOf("\0");
  if (nul >= 0) return refused([{ path: linePosition(text, nul), message: "a NUL character (\\0): this is not a text file" }]);
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return refused([{ path: linePosition(text, lone.index), message: badCharacter(lone[0]) ?? "not Unicode text" }]);

  let value: unknown;
  try {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      // Nesting too deep fails once per level: one problem says it.
      const tooDeep = doc.errors.find((e) => /call stack/i.test(e.message));
      if (tooDeep)
        return refused([{ path: tooDeep.linePos ? `line ${tooDeep.linePos[0].line}` : "(YAML)", message: "nests too deeply to be read" }]);
      return refused(
        doc.errors.map((e) => ({
          path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "(YAML)",
          // The first line, without its own " at line L, column C:" (the path already says where).
          message: (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ""),
        })),
      );
    }
    if (!isMap(doc.contents)) return refused([{ path: "(top level)", message: "the file must be a YAML mapping of mandate fields" }]);
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return refused([{ path: "(YAML)", message: yamlFailure(error) }]);
  }
  const characters = badStrings(value);
  if (characters.length > 0) return refused(characters);
  const parsed = Mandate.safeParse(value);
  if (!parsed.success) return refused(problemsFromZod(parsed.error));
  return { ok: true, file, mandate: parsed.data };
}

/** What the yaml library threw, in words: it throws only for resource limits and nesting too deep to follow. */
function yamlFailure(error: unknown): string {
  if (error instanceof ReferenceError && /alias/i.test(error.message)) {
    return `expands YAML aliases (*name) more than ${MAX_ALIAS_COUNT} times: refused as a resource-exhaustion ("billion laughs") attack`;
  }
  if (error instanceof RangeError) return "nests too deeply to be read";
  return `cannot be read as YAML (${error instanceof Error ? error.message : String(error)})`;
}

/** A file-system error as a refusal's words: never a stack, always what to look at. */
export function fileErrorMessage(error: unknown, what: "file" | "directory"): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return what === "file" ? "the file does not exist" : "no such file or directory";
    case "EACCES":
    case "EPERM":
      return what === "file" ? "the file cannot be read: permission denied" : "the directory cannot be listed: permission denied";
    case "EISDIR":
      return "is a directory, not a mandate file";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "ELOOP":
      return "is a loop of symbolic links";
    case "ENAMETOOLONG":
      return "the path is too long";
    default:
      return `${what === "file" ? "the file cannot be read" : "the directory cannot be listed"} (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/** Where the first byte that is not UTF-8 stands, as "line L, column C" of the text before it. */
function firstInvalidUtf8(bytes: Uint8Array): string {
  const lenient = new TextDecoder("utf-8").decode(bytes);
  let from = 0;
  for (;;) {
    const at = lenient.indexOf("\uFFFD", from);
    if (at < 0) return "(file)";
    const offset = Buffer.byteLength(lenient.slice(0, at), "utf8");
    // A real U+FFFD in the file is EF BF BD; a replacement stands for bytes that are not UTF-8.
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      return `${linePosition(lenient, at)} (byte ${offset + 1})`;
    }
    from = at + 1;
  }
}

/** A file's text, and the bytes it was decoded from (what an import recognises a file by). */
type ReadResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; problem: MandateProblem };

/**
 * A mandate file's text, or why it cannot be had: not there, not a regular file (a directory, a
 * pipe that would block forever, a device), a dangling link, too large, not UTF-8.
 */
export async function readMandateText(file: string): Promise<ReadResult> {
  const problem = (message: string, where = "(file)"): ReadResult => ({ ok: false, problem: { path: where, message } });
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      const isLink = await lstat(file).then(
        (l) => l.isSymbolicLink(),
        () => false,
      );
      if (isLink) return problem("is a symbolic link to a file that does not exist");
    }
    return problem(fileErrorMessage(error, "file"));
  }
  if (info.isDirectory()) return problem("is a directory, not a mandate file");
  if (!info.isFile()) return problem("is not a regular file (a pipe, socket or device)");
  const tooLarge = (size: string) => problem(`is ${size}; a mandate file may hold at most ${MAX_FILE_BYTES} bytes (1 MB)`);
  if (info.size > MAX_FILE_BYTES) return tooLarge(`${info.size} bytes`);

  let bytes: Uint8Array;
  try {
    const handle = await open(file, "r");
    try {
      // One byte more than stat said, to notice a file that grew since; then up to one byte more
      // than allowed, so a file that grew too large is caught here.
      let buffer = Buffer.allocUnsafe(info.size + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) {
          if (buffer.length > MAX_FILE_BYTES) break;
          buffer = Buffer.concat([buffer], MAX_FILE_BYTES + 1);
        }
      }
      if (length > MAX_FILE_BYTES) return tooLarge(`over ${MAX_FILE_BYTES} bytes`);
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return problem(fileErrorMessage(error, "file"));
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), bytes };
  } catch {
    return problem("is not UTF-8 text: save it as UTF-8", firstInvalidUtf8(bytes));
  }
}

export async function loadMandateFile(file: string): Promise<MandateFileResult> {
  const read = await readMandateText(file);
  if (!read.ok) return { ok: false, file, problems: [read.problem] };
  return parseMandateText(file, read.text);
}

const MANDATE_FILE = /\.ya?ml$/i;

/**
 * The mandate files at `target`: the file itself, or the *.yaml / *.yml entries of a directory,
 * sorted. Entries are listed by name only; each is checked when it is read. When `target` cannot
 * be found (`(file)`) or listed (`(directory)`), the problem says why.
 */
export async function listMandateFiles(target: string): Promise<{ ok: true; files: string[] } | { ok: false; problem: MandateProblem }> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(target)).isDirectory();
  } catch (error) {
    return { ok: false, problem: { path: "(file)", message: fileErrorMessage(error, "directory") } };
  }
  if (!isDirectory) return { ok: true, files: [target] };
  try {
    const names = (await readdir(target)).filter((name) => MANDATE_FILE.test(name)).sort();
    return { ok: true, files: names.map((name) => path.join(target, name)) };
  } catch (error) {
    return { ok: false, problem: { path: "(directory)", message: fileErrorMessage(error, "directory") } };
  }
}

/** listMandateFiles for callers that only want the names; throws when there are none to be had. */
export async function mandateFilesAt(target: string): Promise<string[]> {
  const listed = await listMandateFiles(target);
  if (!listed.ok) throw new Error(`${target}: ${listed.problem.message}`);
  return listed.files;
}
