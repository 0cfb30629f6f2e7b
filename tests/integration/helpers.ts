import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import type { CommandContext } from "../../commands/context.js";
import { commandNamed } from "../../commands/index.js";
import type { Reply } from "../../commands/reply.js";
import { renderText } from "../../src/cli/render-text.js";
import { type Database, type DatabaseKind, prismaOf } from "../../src/db/connect.js";
import type { Caller } from "../../src/domain/caller.js";
import type { ErrorCode, MandatError } from "../../src/domain/errors.js";
import type { Language } from "../../src/domain/language.js";
import { silentLogger } from "../../src/logging/logger.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import type { Block, SlackMessage } from "../../src/slack/blocks/message.js";
import { replyMessage } from "../../src/slack/blocks/reply-blocks.js";
import { openTestDatabase } from "../support/database.js";
import { ROOT } from "../support/paths.js";

/** The moment the integration tests live in; never the clock. */
export const NOW = new Date("2026-11-23T09:00:00Z");

export const FIXTURES_DIR = path.join(ROOT, "tests", "fixtures", "integration");
/** A members-only Danish committee (slug `saerudvalg`); see the file for its roster. */
export const SAERUDVALG_V1 = path.join(FIXTURES_DIR, "saerudvalg-v1.yaml");
/** The same committee with a removed obligation, a retitled one, a moved deadline and a changed roster. */
export const SAERUDVALG_V2 = path.join(FIXTURES_DIR, "saerudvalg-v2.yaml");
/** Refused at `obligations[2].every.at_least`. */
export const BAD_OBLIGATION = path.join(FIXTURES_DIR, "bad-obligation.yaml");

export const PUBLIC_SLUGS = ["dk-personlig-medicin", "gms-2022", "gms-2024", "norprem"];

/** The Slack workspace the integration tests' committees and callers are in. */
export const TEAM = "T0001";

export const CHAIR: Caller = { workspaceId: TEAM, slackUserId: "U0CHAIR" };
export const SECRETARIAT: Caller = { workspaceId: TEAM, slackUserId: "U0SEC" };
export const SECRETARIAT_BY_EMAIL: Caller = { workspaceId: TEAM, email: "secretariat@example.org" };
export const MEMBER: Caller = { workspaceId: TEAM, slackUserId: "U0MEMBER" };
/** On no roster at all. */
export const OUTSIDER: Caller = { workspaceId: TEAM, slackUserId: "U0OUTSIDER" };

export interface Harness {
  db: Database;
  services: Services;
}

/**
 * A fresh migrated database of `kind` for the enclosing describe block, seeded once by `seed`.
 * Call inside a describe that is skipped when the kind is unavailable.
 */
export function useDatabase(kind: DatabaseKind, seed: (services: Services) => Promise<void>): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    const db = await openTestDatabase(kind);
    const services = createServices(db.store, silentLogger());
    harness = { db, services };
    await seed(services);
  });
  afterAll(async () => {
    await harness?.db.close();
  });
  return () => {
    if (!harness) throw new Error("the database is not open (beforeAll failed?)");
    return harness;
  };
}

/** Imports into TEAM and fails the test unless every file was taken. */
export async function importAll(services: Services, target: string, now: Date = NOW): Promise<void> {
  const outcomes = await services.importer.importPath(target, { now, defaultWorkspace: TEAM });
  for (const outcome of outcomes) expect(outcome.status, JSON.stringify(outcome)).not.toBe("refused");
}

export interface RunOptions {
  now?: Date;
  language?: Language;
  defaultLanguage?: Language;
  asOfGiven?: boolean;
}

/** What a command answered, as data, as the Slack message, and as the CLI prints it. */
export interface Answer {
  reply: Reply;
  message: SlackMessage;
  /** renderText(message): what a reader sees, mrkdwn entities decoded. */
  text: string;
}

export async function run(
  services: Services,
  command: "/mandat" | "/frist",
  text: string,
  caller: Caller,
  options: RunOptions = {},
): Promise<Answer> {
  const runnable = commandNamed(command);
  if (!runnable) throw new Error(`no command ${command}`);
  const context: CommandContext = {
    caller,
    now: options.now ?? NOW,
    language: options.language,
    defaultLanguage: options.defaultLanguage ?? "en",
    ...(options.asOfGiven ? { asOfGiven: true } : {}),
  };
  const reply = await runnable.execute(text, context, services);
  const message = replyMessage(reply);
  return { reply, message, text: renderText(message) };
}

/** Narrows a reply to `kind`, failing with the reply itself when it is something else. */
export function expectKind<K extends Reply["kind"]>(reply: Reply, kind: K): Extract<Reply, { kind: K }> {
  if (reply.kind !== kind) {
    const detail = reply.kind === "error" ? `error ${reply.error.code} ${JSON.stringify(reply.error.params)}` : reply.kind;
    expect.fail(`expected a "${kind}" reply, got ${detail}`);
  }
  return reply as Extract<Reply, { kind: K }>;
}

/** The error reply's error; fails when the reply is not an error, or (given a code) not that error. */
export function expectError(reply: Reply): MandatError;
export function expectError<C extends ErrorCode>(reply: Reply, code: C): MandatError<C>;
export function expectError(reply: Reply, code?: ErrorCode): MandatError {
  const { error } = expectKind(reply, "error");
  if (code !== undefined) expect(error.code).toBe(code);
  return error;
}

/** Every mrkdwn string of a message's blocks: where Slack would read `<!channel>` as a mention. */
export function mrkdwnTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record.type === "mrkdwn" && typeof record.text === "string") out.push(record.text);
    Object.values(record).forEach(visit);
  };
  visit(blocks);
  return out;
}

/** Rows per table, to prove that a refused change stored nothing. */
export async function rowCounts(db: Database): Promise<Record<"committees" | "versions" | "members" | "deadlines", number>> {
  const prisma = prismaOf(db);
  const [committees, versions, members, deadlines] = await Promise.all([
    prisma.committee.count(),
    prisma.mandateVersion.count(),
    prisma.member.count(),
    prisma.deadline.count(),
  ]);
  return { committees, versions, members, deadlines };
}

/** The committee's id by slug; fails when there is none. */
export async function committeeId(db: Database, slug: string): Promise<number> {
  const row = await prismaOf(db).committee.findUnique({ where: { workspaceId_slug: { workspaceId: TEAM, slug } }, select: { id: true } });
  if (!row) expect.fail(`no committee ${slug}`);
  return row.id;
}

/** The id of the mandate row `sourceKey` of a committee; fails when there is none. */
export async function deadlineIdByKey(db: Database, slug: string, sourceKey: string): Promise<number> {
  const row = await prismaOf(db).deadline.findFirst({ where: { committee: { workspaceId: TEAM, slug }, sourceKey }, select: { id: true } });
  if (!row) expect.fail(`no deadline ${sourceKey} in ${slug}`);
  return row.id;
}

export function addDaysTo(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 24 * 60 * 60 * 1000);
}
