// The architecture checker: pure functions from a map of repository-relative path → source text to a
// list of violations. Imports and ambient calls are found with the TypeScript parser, not with regexes,
// so comments, strings and template literals never count. The rules themselves live in rules.ts.
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

/** Source files as the checker sees them: repository-relative POSIX path → text. */
export type SourceFiles = Readonly<Record<string, string>>;

/** Generated code is not ours to shape; it is never scanned as a source (it can still be imported). */
export const NEVER_SCANNED = ["src/db/generated/**"];

const SCANNED_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** A file the checker reads as a module: JavaScript or TypeScript, no declaration file, nothing generated. */
export function isScannedSource(file: string): boolean {
  return SCANNED_EXTENSIONS.some((ext) => file.endsWith(ext)) && !file.endsWith(".d.ts") && !matchesAny(file, NEVER_SCANNED);
}

// ---------------------------------------------------------------------------------------------------
// Globs: `**` spans folders, `*` stays inside one path segment (so `@prisma/*` matches a scope).

const globCache = new Map<string, RegExp>();

export function matchesGlob(subject: string, glob: string): boolean {
  let re = globCache.get(glob);
  if (!re) {
    let source = "";
    for (let i = 0; i < glob.length; i++) {
      const c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        source += "(?:.*/)?";
        i += 2;
      } else if (glob.startsWith("**", i)) {
        source += ".*";
        i += 1;
      } else if (c === "*") source += "[^/]*";
      else source += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    }
    re = new RegExp(`^${source}$`);
    globCache.set(glob, re);
  }
  return re.test(subject);
}

export function matchesAny(subject: string, globs: readonly string[] | undefined): boolean {
  return (globs ?? []).some((glob) => matchesGlob(subject, glob));
}

// ---------------------------------------------------------------------------------------------------
// Imports

export type ImportSyntax = "import" | "import type" | "export from" | "import require" | "dynamic import" | "require" | "type import()";

/** What an import points at: a file of this repository, or a package (Node's built-ins are named `node:…`). */
export type ImportTarget =
  | { kind: "file"; path: string }
  | { kind: "package"; specifier: string; name: string; builtin: boolean }
  /** A relative specifier that climbs out of the repository. */
  | { kind: "outside"; specifier: string };

export interface ImportEdge {
  from: string;
  specifier: string;
  target: ImportTarget;
  syntax: ImportSyntax;
  /** Erased at compile time; still a design dependency. */
  typeOnly: boolean;
  line: number;
}

export function targetName(target: ImportTarget): string {
  return target.kind === "file" ? target.path : target.specifier;
}

const BUILTINS = new Set(builtinModules);

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`; a built-in `fs/promises` → `node:fs`. */
export function packageName(specifier: string): string {
  const bare = specifier.replace(/^node:/, "");
  const parts = bare.split("/");
  const name = (bare.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
  return specifier.startsWith("node:") || BUILTINS.has(name) ? `node:${name}` : name;
}

/**
 * Resolves a specifier the way NodeNext does for this repository: relative specifiers name the emitted
 * `.js` file, which is a `.ts` file here; a folder means its index. A relative file that is not in
 * `files` (generated code, a typo) resolves to its most likely source name, so rules about folders
 * still see it.
 */
export function resolveImport(from: string, specifier: string, files: SourceFiles): ImportTarget {
  if (!specifier.startsWith(".") && !specifier.startsWith("/")) {
    const name = packageName(specifier);
    return { kind: "package", specifier, name, builtin: name.startsWith("node:") };
  }
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (joined.startsWith("../") || joined === ".." || path.posix.isAbsolute(joined)) return { kind: "outside", specifier };
  const base = joined.replace(/\/$/, "");
  const candidates = sourceCandidates(base);
  const found = candidates.find((candidate) => Object.hasOwn(files, candidate));
  return { kind: "file", path: found ?? candidates[0] ?? base };
}

function sourceCandidates(base: string): string[] {
  const ext = path.posix.extname(base);
  const stem = base.slice(0, base.length - ext.length);
  switch (ext) {
    case ".js":
      return [`${stem}.ts`, `${stem}.tsx`, base];
    case ".jsx":
      return [`${stem}.tsx`, base];
    case ".mjs":
      return [`${stem}.mts`, base];
    case ".cjs":
      return [`${stem}.cts`, base];
    case ".ts":
    case ".tsx":
    case ".mts":
    case ".cts":
    case ".json":
      return [base];
    default:
      // Extensionless: NodeNext rejects it for our own files, but say where it would point.
      return [`${base}.ts`, `${base}/index.ts`, `${base}.tsx`, `${base}/index.tsx`, `${base}.js`, `${base}/index.js`];
  }
}

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (file.endsWith(".jsx")) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export function parseSource(file: string, text: string): ts.SourceFile {
  // No parent pointers: nothing here walks upwards, so parsing need not set them.
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(file));
}

function lineOf(sourceFile: ts.SourceFile, node: ts.Node): number {
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

function allTypeOnly(elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>): boolean {
  return elements.length > 0 && elements.every((element) => element.isTypeOnly);
}

/** Every import of one file: static, type-only, re-exports, `import x = require()`, `import()`, `require()`. */
export function findImports(sourceFile: ts.SourceFile, files: SourceFiles): ImportEdge[] {
  const from = sourceFile.fileName;
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, syntax: ImportSyntax, typeOnly: boolean) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    edges.push({
      from,
      specifier: literal.text,
      target: resolveImport(from, literal.text, files),
      syntax,
      typeOnly,
      line: lineOf(sourceFile, node),
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        !!clause && (clause.isTypeOnly || (!clause.name && !!bindings && ts.isNamedImports(bindings) && allTypeOnly(bindings.elements)));
      add(node, node.moduleSpecifier, typeOnly ? "import type" : "import", typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const typeOnly = node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && allTypeOnly(clause.elements));
      add(node, node.moduleSpecifier, "export from", typeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, "import require", node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], "dynamic import", false);
      else if (ts.isIdentifier(node.expression) && node.expression.text === "require") add(node, node.arguments[0], "require", false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, "type import()", true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return edges;
}

export interface ParsedModule {
  path: string;
  sourceFile: ts.SourceFile;
  imports: ImportEdge[];
}

/** Parses every scanned source once. */
export function parseModules(files: SourceFiles): ParsedModule[] {
  return Object.keys(files)
    .filter(isScannedSource)
    .sort()
    .map((file) => {
      const sourceFile = parseSource(file, files[file] ?? "");
      return { path: file, sourceFile, imports: findImports(sourceFile, files) };
    });
}

// ---------------------------------------------------------------------------------------------------
// Rules

/** What an import may point at: packages (a glob over the name; `node:*` is every built-in) or repository files. */
export type TargetPattern = { package: string } | { file: string };

export function matchesTarget(target: ImportTarget, pattern: TargetPattern): boolean {
  if ("package" in pattern) return target.kind === "package" && matchesGlob(target.name, pattern.package);
  return target.kind === "file" && matchesGlob(target.path, pattern.file);
}

interface Scoped {
  /** A short name, shown in test titles and used to check that every rule has a self-test. */
  name: string;
  /** The files the rule is about (globs), minus the exceptions. */
  files: string[];
  except?: string[];
  /** Why, in a few words: the second half of every violation line. */
  because: string;
}

/** An import rule lists either what is forbidden or the only things allowed. */
export type ImportRule = Scoped & ({ forbid: TargetPattern[] } | { allowOnly: TargetPattern[] });

/**
 * A use of ambient state, found in the syntax tree:
 * - `call`: a call to this (dotted) name, e.g. `Date.now` or `fetch`; `withoutArguments` only when called with none;
 * - `construct`: `new` of this name;
 * - `member`: this property, e.g. `process.hrtime`; `console.*` is any property of `console`.
 * A leading `globalThis.` is ignored, so `globalThis.fetch()` is `fetch()`.
 */
export type AmbientPattern =
  | { call: string; withoutArguments?: boolean }
  | { construct: string; withoutArguments?: boolean }
  | { member: string };

export type AmbientRule = Scoped & { forbid: AmbientPattern[] };

/** Import cycles among the files in scope (type-only imports included). */
export type CycleRule = Scoped;

export interface Architecture {
  /** For each import, the first rule that forbids it reports it, so list the specific rules first. */
  imports: ImportRule[];
  /** For each use, the first rule and pattern that forbids it reports it. */
  ambient: AmbientRule[];
  cycles: CycleRule[];
}

export interface Violation {
  rule: string;
  file: string;
  line: number;
  /** What happened, e.g. `src/services/x.ts imports src/db/y.ts`: the key of a known-violations list. */
  subject: string;
  /** The subject and why it is not allowed: one readable line. */
  message: string;
}

function violation(rule: Scoped, file: string, line: number, subject: string): Violation {
  return { rule: rule.name, file, line, subject, message: `${subject}: ${rule.because}` };
}

function inScope(file: string, rule: Scoped): boolean {
  return matchesAny(file, rule.files) && !matchesAny(file, rule.except);
}

function forbids(rule: ImportRule, target: ImportTarget): boolean {
  if ("forbid" in rule) return rule.forbid.some((pattern) => matchesTarget(target, pattern));
  return !rule.allowOnly.some((pattern) => matchesTarget(target, pattern));
}

export function checkImports(modules: readonly ParsedModule[], rules: readonly ImportRule[]): Violation[] {
  const violations: Violation[] = [];
  for (const module of modules) {
    const reported = new Set<string>();
    const applicable = rules.filter((rule) => inScope(module.path, rule));
    if (applicable.length === 0) continue;
    for (const edge of module.imports) {
      const target = targetName(edge.target);
      if (reported.has(target)) continue;
      const rule = applicable.find((candidate) => forbids(candidate, edge.target));
      if (!rule) continue;
      reported.add(target);
      violations.push(violation(rule, module.path, edge.line, `${module.path} imports ${target}`));
    }
  }
  return violations;
}

/** `a.b.c` for a chain of identifiers and property names (`a["b"]` too); undefined for anything else. */
function dottedName(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) {
    const left = dottedName(node.expression);
    return left === undefined ? undefined : `${left}.${node.name.text}`;
  }
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    const left = dottedName(node.expression);
    return left === undefined ? undefined : `${left}.${node.argumentExpression.text}`;
  }
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) return dottedName(node.expression);
  return undefined;
}

function ambientName(node: ts.Node): string | undefined {
  return dottedName(node)?.replace(/^globalThis\./, "");
}

function memberMatches(name: string, pattern: string): boolean {
  if (!pattern.endsWith(".*")) return name === pattern;
  const owner = pattern.slice(0, -2);
  return name.startsWith(`${owner}.`) && !name.slice(owner.length + 1).includes(".");
}

/** The text a violation shows for a match, e.g. `Date.now()`, `new Date()`, `process.env`. */
function matchAmbient(node: ts.Node, pattern: AmbientPattern): string | undefined {
  if ("call" in pattern) {
    if (!ts.isCallExpression(node) || ambientName(node.expression) !== pattern.call) return undefined;
    if (pattern.withoutArguments && node.arguments.length > 0) return undefined;
    return `${pattern.call}()`;
  }
  if ("construct" in pattern) {
    if (!ts.isNewExpression(node) || ambientName(node.expression) !== pattern.construct) return undefined;
    if (pattern.withoutArguments && (node.arguments?.length ?? 0) > 0) return undefined;
    return `new ${pattern.construct}()`;
  }
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return undefined;
  const name = ambientName(node);
  return name !== undefined && memberMatches(name, pattern.member) ? name : undefined;
}

export function checkAmbient(modules: readonly ParsedModule[], rules: readonly AmbientRule[]): Violation[] {
  const violations: Violation[] = [];
  for (const module of modules) {
    const applicable = rules.filter((rule) => inScope(module.path, rule));
    if (applicable.length === 0) continue;
    const { sourceFile } = module;
    const visit = (node: ts.Node): void => {
      for (const rule of applicable) {
        const found = rule.forbid.map((pattern) => matchAmbient(node, pattern)).find((text) => text !== undefined);
        if (found === undefined) continue;
        const line = lineOf(sourceFile, node);
        violations.push(violation(rule, module.path, line, `${module.path}:${line} uses ${found}`));
        break;
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return violations;
}

/** Strongly connected components (Tarjan), each sorted; iterative so deep chains cannot overflow the stack. */
function stronglyConnected(nodes: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; edge: number };
      const successors = next.get(frame.node) ?? [];
      if (frame.edge < successors.length) {
        const successor = successors[frame.edge++] as string;
        if (!index.has(successor)) {
          index.set(successor, counter);
          low.set(successor, counter++);
          stack.push(successor);
          onStack.add(successor);
          work.push({ node: successor, edge: 0 });
        } else if (onStack.has(successor)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(successor) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}

/** Enough to read; a tangle with more cycles than this is reported as one tangle. */
const MAX_CYCLES_PER_COMPONENT = 20;
/** Listing cycles can take exponential time in a dense tangle; past this many steps it is one tangle too. */
const MAX_STEPS_PER_COMPONENT = 100_000;

/**
 * The elementary cycles of one component, each starting at its alphabetically first module, so a cycle is
 * always written the same way. Searching from each start only through later modules finds each cycle once.
 */
function cyclesIn(component: readonly string[], next: ReadonlyMap<string, readonly string[]>): { cycles: string[][]; complete: boolean } {
  const members = new Set(component);
  const cycles: string[][] = [];
  let steps = 0;
  for (const start of component) {
    const pathSoFar = [start];
    const onPath = new Set(pathSoFar);
    const walk = (node: string): boolean => {
      for (const successor of next.get(node) ?? []) {
        if (++steps > MAX_STEPS_PER_COMPONENT) return false;
        if (!members.has(successor) || successor < start) continue;
        if (successor === start) {
          cycles.push([...pathSoFar, start]);
          if (cycles.length >= MAX_CYCLES_PER_COMPONENT) return false;
        } else if (!onPath.has(successor)) {
          pathSoFar.push(successor);
          onPath.add(successor);
          const more = walk(successor);
          pathSoFar.pop();
          onPath.delete(successor);
          if (!more) return false;
        }
      }
      return true;
    };
    if (!walk(start)) return { cycles, complete: false };
  }
  return { cycles, complete: true };
}

export function checkCycles(modules: readonly ParsedModule[], rules: readonly CycleRule[]): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    const scoped = modules.filter((module) => inScope(module.path, rule));
    const nodes = new Set(scoped.map((module) => module.path));
    const next = new Map<string, string[]>();
    const firstLine = new Map<string, number>();
    for (const module of scoped) {
      const successors = new Set<string>();
      for (const edge of module.imports) {
        if (edge.target.kind !== "file" || !nodes.has(edge.target.path)) continue;
        successors.add(edge.target.path);
        const key = `${module.path}→${edge.target.path}`;
        if (!firstLine.has(key)) firstLine.set(key, edge.line);
      }
      next.set(module.path, [...successors].sort());
    }
    for (const component of stronglyConnected([...nodes].sort(), next)) {
      const first = component[0] as string;
      if (component.length === 1 && !(next.get(first) ?? []).includes(first)) continue;
      const { cycles, complete } = cyclesIn(component, next);
      for (const cycle of cycles) {
        const [a, b] = cycle as [string, string];
        violations.push(violation(rule, a, firstLine.get(`${a}→${b}`) ?? 1, `import cycle ${cycle.join(" → ")}`));
      }
      if (!complete) {
        const subject = `import tangle of ${component.length} modules (over ${MAX_CYCLES_PER_COMPONENT} cycles): ${component.join(", ")}`;
        violations.push(violation(rule, first, 1, subject));
      }
    }
  }
  return violations;
}

/** Every violation of the architecture in these files, in a stable order. */
export function checkArchitecture(files: SourceFiles, architecture: Architecture): Violation[] {
  return checkModules(parseModules(files), architecture);
}

/** The same, over modules parsed already. */
export function checkModules(modules: readonly ParsedModule[], architecture: Architecture): Violation[] {
  return [
    ...checkImports(modules, architecture.imports),
    ...checkAmbient(modules, architecture.ambient),
    ...checkCycles(modules, architecture.cycles),
  ];
}
