import { dateInZone } from "../domain/calendar-date.js";
import { channelIdAfterImport } from "../domain/channel.js";
import { nameClashes } from "../domain/committee-match.js";
import { planDeadlineRows, planningWindow } from "../domain/deadline.js";
import type { Mandate } from "../domain/mandate.js";
import { rosterForVersion } from "../domain/roster.js";
import { foldForSearch } from "../domain/search-text.js";
import type { WorkspaceId } from "../domain/workspace.js";
import { contentHash } from "../mandates/content-hash.js";
import { fileKeyer } from "../mandates/file-key.js";
import { listMandateFiles, type MandateProblem, parseMandateText, readMandateText } from "../mandates/load-mandate-file.js";
import { planCommittee } from "./deadline-planner.js";
import type {
  CommitteeColumns,
  CommitteeForImport,
  CommitteeNameRecord,
  CommitteeRef,
  ImportedFileToRecord,
  NewCommittee,
  Store,
  TransactionRepositories,
} from "./ports.js";

export type ImportOutcome =
  | {
      file: string;
      status: "created" | "new_version" | "unchanged";
      slug: string;
      workspaceId: WorkspaceId;
      version: number;
      /** Taken, but worth a look: a short name that another committee's slug shadows, and the like. */
      warnings?: MandateProblem[];
      /** Unchanged, and known by its bytes (the same as when it was last imported): not parsed again. */
      skipped?: true;
    }
  | { file: string; status: "refused"; problems: MandateProblem[] };

export interface ImportOptions {
  now: Date;
  /**
   * The workspace of files that name none (`workspace:`): the bot's own in single-workspace
   * mode. Unset (a distributed app), such files are refused: nobody could reach them.
   */
  defaultWorkspace: WorkspaceId | undefined;
}

/**
 * How many parsed files are stored in one transaction. Fewer round trips per file, and a
 * batch's rows go in a few statements (src/db/mandate-writer.ts createCommittees); larger
 * batches gain little more (docs/decisions/2026-11-23-import-at-scale.md).
 */
const FILES_PER_TRANSACTION = 100;

/** How many files are read from disk at once. */
const FILES_READ_AT_ONCE = 16;

function columnsOf(mandate: Mandate, slackChannelId: string | null): CommitteeColumns {
  return {
    language: mandate.language,
    timeZone: mandate.time_zone,
    country: mandate.country,
    visibility: mandate.visibility,
    slackChannel: mandate.slack_channel ?? null,
    slackChannelId,
    names: Object.fromEntries(Object.entries(mandate.names).filter((e): e is [string, string] => e[1] !== undefined)),
    shortName: mandate.short_name ?? null,
  };
}

function refKey(ref: CommitteeRef): string {
  return `${ref.workspaceId}/${ref.slug}`;
}

/**
 * The committees of one workspace by name, as an import goes through its files: what the
 * database held when the import started, plus what each file stored. Indexed by folded slug
 * and folded short name, so a file's clashes are found without looking at every committee.
 */
class NameBook {
  private readonly bySlug = new Map<string, CommitteeNameRecord>();
  private readonly slugsByFoldedSlug = new Map<string, Set<string>>();
  private readonly slugsByFoldedShortName = new Map<string, Set<string>>();

  constructor(records: readonly CommitteeNameRecord[]) {
    for (const record of records) this.set(record);
  }

  shortNameOf(slug: string): string | undefined {
    return this.bySlug.get(slug)?.shortName ?? undefined;
  }

  set(record: CommitteeNameRecord): void {
    const before = this.bySlug.get(record.slug);
    if (before?.shortName) this.slugsByFoldedShortName.get(foldForSearch(before.shortName))?.delete(before.slug);
    this.bySlug.set(record.slug, record);
    index(this.slugsByFoldedSlug, foldForSearch(record.slug), record.slug);
    if (record.shortName) index(this.slugsByFoldedShortName, foldForSearch(record.shortName), record.slug);
  }

  /**
   * A short name equal to another committee's slug cannot be typed to reach this committee: the
   * slug wins (src/domain/committee-match.ts). Taken anyway, with a warning naming the other one.
   */
  warnings(slug: string, shortName: string | undefined): MandateProblem[] {
    const candidates = new Set([
      ...(shortName === undefined ? [] : (this.slugsByFoldedSlug.get(foldForSearch(shortName)) ?? [])),
      ...(this.slugsByFoldedShortName.get(foldForSearch(slug)) ?? []),
    ]);
    const others = [...candidates]
      .sort()
      .flatMap((s) => this.bySlug.get(s) ?? [])
      .map((o) => ({ slug: o.slug, sourceFile: o.sourceFile, mandate: { names: {}, short_name: o.shortName ?? undefined } }));
    return nameClashes({ slug, mandate: { names: {}, short_name: shortName } }, others).map(({ other, field }) =>
      field === "short_name"
        ? {
            path: "short_name",
            message: `"${shortName}" is the slug of another committee (${other.sourceFile}): typing it opens that one; this committee is found by its slug "${slug}"`,
          }
        : {
            path: "slug",
            message: `committee "${other.slug}" (${other.sourceFile}) has "${other.mandate.short_name}" as its short name: typing it now opens this committee, not that one`,
          },
    );
  }
}

function index(map: Map<string, Set<string>>, key: string, slug: string): void {
  const slugs = map.get(key) ?? new Set<string>();
  slugs.add(slug);
  map.set(key, slugs);
}

/**
 * A file that passed every check and still could not be stored (the database refused it, or is
 * gone): refused like any other, so one file never stops the others or the bot's start. The
 * database's last line says why; the transaction stored nothing of it.
 */
function storeFailure(file: string, error: unknown): ImportOutcome {
  // Prisma's message starts with where it was called and ends with what the database said.
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((l) => l.trim());
  const reason = lines.filter((l) => l !== "").at(-1) ?? "unknown error";
  return { file, status: "refused", problems: [{ path: "(database)", message: `could not be stored: ${reason}` }] };
}

/** A file read and checked, to be stored. */
interface Pending extends CommitteeRef {
  /** Where its outcome goes. */
  index: number;
  file: string;
  mandate: Mandate;
  contentHash: string;
  /** The file's key (src/mandates/file-key.ts); undefined for a mandate given without a file. */
  fileKey: string | undefined;
}

type Stored = { status: "created" | "new_version" | "unchanged"; version: number };

/** A committee a file creates, its deadlines planned as planCommittee plans a committee without rows. */
function newCommittee(p: Pending, now: Date): NewCommittee {
  const { mandate } = p;
  const window = planningWindow(dateInZone(now, mandate.time_zone), []);
  return {
    workspaceId: p.workspaceId,
    slug: p.slug,
    createdAt: now,
    columns: columnsOf(mandate, channelIdAfterImport(undefined, mandate.slack_channel ?? null)),
    version: { contentHash: p.contentHash, mandate, sourceFile: p.file },
    roster: rosterForVersion(mandate, []),
    deadlines: planDeadlineRows(mandate, window, []).create,
    plannedThrough: window.through,
  };
}

/** A changed file: a new version, its roster and its deadlines re-planned, on the existing committee. */
async function storeNewVersion(repos: TransactionRepositories, existing: CommitteeForImport, p: Pending, now: Date): Promise<number> {
  const { mandate } = p;
  await repos.mandates.updateCommittee(
    existing.id,
    columnsOf(mandate, channelIdAfterImport(existing.channel, mandate.slack_channel ?? null)),
  );
  const number = (existing.latestVersion?.number ?? 0) + 1;
  await repos.mandates.addVersion({
    committeeId: existing.id,
    number,
    contentHash: p.contentHash,
    mandate,
    sourceFile: p.file,
    importedAt: now,
  });
  await repos.mandates.replaceRoster(existing.id, rosterForVersion(mandate, existing.roster));
  await planCommittee(repos, existing.id, now, { force: true });
  return number;
}

/**
 * Stores a batch of files in one transaction holding every one of their committees' locks:
 * unchanged ones are a no-op, changed ones add a version, new ones are created together.
 */
async function storeBatch(repos: TransactionRepositories, batch: readonly Pending[], now: Date): Promise<Map<Pending, Stored>> {
  // One import (or planning) of a committee at a time, across processes and replicas.
  await repos.lockCommittees(batch);
  const existing = new Map((await repos.mandates.findManyForImport(batch)).map((c) => [refKey(c), c]));
  const stored = new Map<Pending, Stored>();
  const files: ImportedFileToRecord[] = [];
  const remember = (p: Pending, committeeId: number) => {
    if (p.fileKey) files.push({ key: p.fileKey, committeeId, workspaceId: p.workspaceId, contentHash: p.contentHash });
  };
  const fresh: Pending[] = [];
  for (const p of batch) {
    const found = existing.get(refKey(p));
    if (!found) {
      fresh.push(p);
    } else if (found.latestVersion?.contentHash === p.contentHash) {
      stored.set(p, { status: "unchanged", version: found.latestVersion.number });
      remember(p, found.id);
    } else {
      stored.set(p, { status: "new_version", version: await storeNewVersion(repos, found, p, now) });
      remember(p, found.id);
    }
  }
  const created = new Map((await repos.mandates.createCommittees(fresh.map((p) => newCommittee(p, now)))).map((c) => [refKey(c), c.id]));
  for (const p of fresh) {
    const id = created.get(refKey(p));
    if (id === undefined) throw new Error(`${p.file}: committee ${p.slug} was not created`);
    stored.set(p, { status: "created", version: 1 });
    remember(p, id);
  }
  await repos.mandates.recordImportedFiles(files);
  await repos.search.indexLatestVersions(batch.filter((p) => stored.get(p)?.status !== "unchanged"));
  return stored;
}

/** What the name warnings of a file are worked out from, once every file is stored. */
interface Named extends CommitteeRef {
  index: number;
  file: string;
  shortName: string | undefined;
}

/** One import: its files' outcomes in order, the batch being gathered, and the names seen. */
class ImportRun {
  readonly outcomes: ImportOutcome[] = [];
  private readonly seen = new Map<string, string>();
  private readonly names = new Map<WorkspaceId, NameBook>();
  private readonly named: Named[] = [];
  private pending: Pending[] = [];

  constructor(
    private readonly store: Store,
    private readonly now: Date,
  ) {}

  refuse(file: string, problems: MandateProblem[]): void {
    this.outcomes.push({ file, status: "refused", problems });
  }

  /** A file known by its bytes: unchanged since it gave its committee's latest version. */
  async skip(file: string, known: CommitteeRef & { version: number }): Promise<void> {
    if (!this.claim(file, known)) return;
    const book = await this.namesOf(known.workspaceId);
    this.named.push({ ...known, index: this.outcomes.length, file, shortName: book.shortNameOf(known.slug) });
    this.outcomes.push({
      file,
      status: "unchanged",
      slug: known.slug,
      workspaceId: known.workspaceId,
      version: known.version,
      skipped: true,
    });
  }

  async add(file: string, mandate: Mandate, workspaceId: WorkspaceId, fileKey: string | undefined): Promise<void> {
    const ref = { workspaceId, slug: mandate.slug };
    if (!this.claim(file, ref)) return;
    // The workspace's names as they were before this import stored anything in it.
    await this.namesOf(workspaceId);
    const index = this.outcomes.length;
    this.named.push({ ...ref, index, file, shortName: mandate.short_name });
    // Filled in when the batch is stored.
    this.outcomes.push({ file, status: "refused", problems: [] });
    this.pending.push({ ...ref, index, file, mandate, contentHash: contentHash(mandate), fileKey });
    if (this.pending.length >= FILES_PER_TRANSACTION) await this.flush();
  }

  /** Stores what is pending and adds the name warnings. */
  async finish(): Promise<ImportOutcome[]> {
    await this.flush();
    for (const n of this.named) {
      const outcome = this.outcomes[n.index];
      const book = this.names.get(n.workspaceId);
      if (!outcome || outcome.status === "refused" || !book) continue;
      const warnings = book.warnings(n.slug, n.shortName);
      if (warnings.length > 0) outcome.warnings = warnings;
      if (outcome.status !== "unchanged")
        book.set({ workspaceId: n.workspaceId, slug: n.slug, shortName: n.shortName ?? null, sourceFile: n.file });
    }
    return this.outcomes;
  }

  /** A slug is taken by the first file of a run that names it in its workspace; a second one is refused. */
  private claim(file: string, ref: CommitteeRef): boolean {
    const other = this.seen.get(refKey(ref));
    if (other) {
      this.refuse(file, [{ path: "slug", message: `"${ref.slug}" is already the slug of ${other}` }]);
      return false;
    }
    this.seen.set(refKey(ref), file);
    return true;
  }

  private async namesOf(workspaceId: WorkspaceId): Promise<NameBook> {
    let book = this.names.get(workspaceId);
    if (!book) {
      book = new NameBook(await this.store.imports.namesIn(workspaceId));
      this.names.set(workspaceId, book);
    }
    return book;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.settle(await this.store.transaction((repos) => storeBatch(repos, batch, this.now)));
    } catch (error) {
      if (batch.length === 1 && batch[0]) {
        this.outcomes[batch[0].index] = storeFailure(batch[0].file, error);
        return;
      }
      // Nothing of the batch was stored: each file again on its own, so only a file the
      // database refuses is refused.
      for (const p of batch) {
        try {
          this.settle(await this.store.transaction((repos) => storeBatch(repos, [p], this.now)));
        } catch (own) {
          this.outcomes[p.index] = storeFailure(p.file, own);
        }
      }
    }
  }

  private settle(stored: Map<Pending, Stored>): void {
    for (const [p, { status, version }] of stored) {
      this.outcomes[p.index] = { file: p.file, status, slug: p.slug, workspaceId: p.workspaceId, version };
    }
  }
}

/** Runs `work` over `items`, at most `width` at a time, keeping their order. */
async function inOrder<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/**
 * Mandate files → committees. A file is taken whole or refused whole: a refused file stores
 * nothing. A changed file adds a mandate version (older versions stay readable), replaces the
 * roster and re-plans the committee's deadlines, under the committee's lock; an unchanged file
 * is a no-op, and one whose bytes are those it was last imported from is not even parsed.
 */
export class MandateImporter {
  constructor(private readonly store: Store) {}

  /** Imports a file, or every *.yaml / *.yml file of a directory. */
  async importPath(target: string, options: ImportOptions): Promise<ImportOutcome[]> {
    const listed = await listMandateFiles(target);
    if (!listed.ok) return [{ file: target, status: "refused", problems: [listed.problem] }];
    const keyOf = await fileKeyer(options.defaultWorkspace);
    const read = await inOrder(listed.files, FILES_READ_AT_ONCE, async (file) => {
      const result = await readMandateText(file);
      return result.ok ? { file, ok: true as const, text: result.text, key: keyOf(result.bytes) } : { file, ...result };
    });
    const known = await this.store.imports.stillCurrent(read.flatMap((r) => (r.ok ? [r.key] : [])));
    const run = new ImportRun(this.store, options.now);
    for (const r of read) {
      if (!r.ok) {
        run.refuse(r.file, [r.problem]);
        continue;
      }
      const same = known.get(r.key);
      if (same) {
        await run.skip(r.file, same);
        continue;
      }
      const parsed = parseMandateText(r.file, r.text);
      if (!parsed.ok) {
        run.refuse(r.file, parsed.problems);
        continue;
      }
      const workspaceId = parsed.mandate.workspace ?? options.defaultWorkspace;
      if (workspaceId === undefined) {
        run.refuse(r.file, [
          { path: "workspace", message: "name the Slack workspace (team id) this committee lives in, e.g. workspace: T012ABCDEF" },
        ]);
        continue;
      }
      await run.add(r.file, parsed.mandate, workspaceId, r.key);
    }
    return run.finish();
  }

  /** Imports one mandate read elsewhere, as importPath imports a file (without knowing its bytes, it never skips it). */
  async importMandate(file: string, mandate: Mandate, workspaceId: WorkspaceId, now: Date): Promise<ImportOutcome> {
    const run = new ImportRun(this.store, now);
    await run.add(file, mandate, workspaceId, undefined);
    const [outcome] = await run.finish();
    if (!outcome) throw new Error(`${file}: no outcome`);
    return outcome;
  }
}
