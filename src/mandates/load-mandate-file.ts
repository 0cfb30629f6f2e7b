import { readdir, readFile, stat } from "node:fs/promises";
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

/** `obligations[2].every.at_least` from zod's ["obligations", 2, "every", "at_least"]. */
export function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  return issuePath.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");
}

function problemsFromZod(error: z.ZodError): MandateProblem[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(issue.path) || "(top level)",
    message: issue.message,
  }));
}

/** Parses and validates one mandate file's text. Nothing is stored here. */
export function parseMandateText(file: string, text: string): MandateFileResult {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      file,
      problems: doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "(YAML)",
        // The first line, without its own " at line L, column C:" (the path already says where).
        message: (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ""),
      })),
    };
  }
  if (!isMap(doc.contents)) {
    return { ok: false, file, problems: [{ path: "(top level)", message: "the file must be a YAML mapping of mandate fields" }] };
  }
  const parsed = Mandate.safeParse(doc.toJS());
  if (!parsed.success) return { ok: false, file, problems: problemsFromZod(parsed.error) };
  return { ok: true, file, mandate: parsed.data };
}

export async function loadMandateFile(file: string): Promise<MandateFileResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "the file does not exist" : String(error);
    return { ok: false, file, problems: [{ path: "(file)", message: reason }] };
  }
  return parseMandateText(file, text);
}

const MANDATE_FILE = /\.ya?ml$/i;

/** The mandate files at `target`: the file itself, or the *.yaml / *.yml files of a directory, sorted. */
export async function mandateFilesAt(target: string): Promise<string[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [target];
  const names = (await readdir(target)).filter((name) => MANDATE_FILE.test(name)).sort();
  return names.map((name) => path.join(target, name));
}
