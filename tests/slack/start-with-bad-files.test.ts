import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.js";
import { startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { HOSTILE_FILES, writeHostileDirectory } from "../support/hostile-mandates.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";

/**
 * One bad file never stops the bot: with broken, hostile and unreadable files in MANDATES_DIR the
 * bot starts, the good file's committee answers, and every bad file is named in the log with its
 * problem (a warning), never a stack trace.
 */
describe("starting with hostile files in MANDATES_DIR", () => {
  let db: Database;
  let scratch: string;

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    scratch = await mkdtemp(path.join(tmpdir(), "mandat-start-hostile-"));
  });
  afterAll(async () => {
    await db?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it("starts, serves the good committee, and logs each bad file with its problem", async () => {
    const dir = path.join(scratch, "mandates");
    await writeHostileDirectory(dir);
    const logger = new CaptureLogger();
    const bot = await startTestBot(db, { env: { MANDATES_DIR: dir }, logger });
    try {
      const res = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "good" }));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json?.blocks)).toContain("Udvalget good");

      const refusals = logger.at("warn").filter((e) => e.fields.status === "refused");
      expect(refusals.map((e) => path.basename(String(e.fields.file)))).toEqual(Object.keys(HOSTILE_FILES));
      for (const entry of refusals) {
        const expected = HOSTILE_FILES[path.basename(String(entry.fields.file))];
        expect(entry.msg).toContain(`${entry.fields.file}: refused, nothing of it was stored`);
        expect(entry.msg).toMatch(expected?.message ?? /never/);
        expect(entry.msg).not.toMatch(/\n\s+at /);
      }
      expect(logger.at("error")).toEqual([]);
    } finally {
      await bot.stop();
    }
  });

  it("starts when MANDATES_DIR cannot be listed (a loop of links), logging why", async () => {
    const a = path.join(scratch, "loop-a");
    await symlink(path.join(scratch, "loop-b"), a);
    await symlink(a, path.join(scratch, "loop-b"));
    const logger = new CaptureLogger();
    const bot = await startTestBot(db, { env: { MANDATES_DIR: a }, logger });
    try {
      const res = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "" }));
      expect(res.status).toBe(200);
      expect(logger.at("warn").map((e) => e.msg)).toContainEqual(
        `Mandates from ${a}: ${a}: refused, nothing of it was stored\n  (file): is a loop of symbolic links`,
      );
    } finally {
      await bot.stop();
    }
  });
});
