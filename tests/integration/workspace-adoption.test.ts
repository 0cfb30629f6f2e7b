import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { LOCAL_WORKSPACE } from "../../src/domain/workspace.js";
import { silentLogger } from "../../src/logging/logger.js";
import { createServices } from "../../src/services/create-services.js";
import { type RunningBot, startTestBot, TEST_TEAM } from "../support/bot.js";
import { openTestDatabase } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";
import { SAERUDVALG_V1 } from "./helpers.js";

const NOW = new Date("2026-11-23T09:00:00Z");

/**
 * Someone tries the bot from the command line before Slack is set up: the committees go to the
 * "local" workspace. When the bot first connects with a token, it learns its workspace and
 * takes them over, so nothing has to be imported again and nobody sees an empty bot.
 */
describe("a single-workspace bot adopts what was imported before Slack was connected", () => {
  let db: Database;
  let bot: RunningBot;

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    const services = createServices(db.store, silentLogger());
    const local = await services.workspaces.defaultWorkspace();
    expect(local).toEqual({ kind: "one", id: LOCAL_WORKSPACE });
    await services.importer.importPath(MANDATES_DIR, { now: NOW, defaultWorkspace: LOCAL_WORKSPACE });
    // A committee the bot's workspace already has under the same slug stays behind, not doubled.
    await services.importer.importPath(SAERUDVALG_V1, { now: NOW, defaultWorkspace: LOCAL_WORKSPACE });
    await services.importer.importPath(SAERUDVALG_V1, { now: NOW, defaultWorkspace: TEST_TEAM });
    bot = await startTestBot(db, { clock: () => NOW, env: { MANDATES_DIR } });
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
  });

  it("moves the committees to its workspace, where the workspace's people see them", async () => {
    const rows = await prismaOf(db).committee.findMany({
      select: { workspaceId: true, slug: true },
      orderBy: [{ workspaceId: "asc" }, { slug: "asc" }],
    });
    expect(rows).toEqual([
      { workspaceId: TEST_TEAM, slug: "dk-personlig-medicin" },
      { workspaceId: TEST_TEAM, slug: "gms-2022" },
      { workspaceId: TEST_TEAM, slug: "gms-2024" },
      { workspaceId: TEST_TEAM, slug: "norprem" },
      { workspaceId: TEST_TEAM, slug: "saerudvalg" },
      { workspaceId: LOCAL_WORKSPACE, slug: "saerudvalg" },
    ]);
    // Adopted, not imported again: still version 1 each.
    expect(await prismaOf(db).mandateVersion.count()).toBe(6);
    const res = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "norprem" }));
    expect(JSON.stringify(res.json?.blocks)).toContain("Nasjonalt kompetansenettverk for persontilpasset medisin");
  });

  it("records its workspace, so the CLI serves it by default from then on", async () => {
    expect(await bot.services.workspaces.defaultWorkspace()).toEqual({ kind: "one", id: TEST_TEAM });
  });
});
