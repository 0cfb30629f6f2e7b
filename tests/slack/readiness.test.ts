import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { silentLogger } from "../../src/logging/logger.js";
import { SecretBox } from "../../src/security/secret-box.js";
import { createServices } from "../../src/services/create-services.js";
import { databaseInstallationStore } from "../../src/slack/installation-store.js";
import { type RunningBot, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { eventually } from "../support/eventually.js";
import { bearer, FakeSlack } from "../support/fake-slack.js";
import { MANDATES_DIR, ROOT } from "../support/paths.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";

/**
 * GET /readyz: 200 or 503, with JSON saying per component what is ready: the database (it
 * answers a query), Slack (the bot's identity confirmed by auth.test; for a distributed app,
 * its installations, or none yet), and the mandates (the files the last import refused, each
 * with its problems). GET /healthz stays 200 whatever they say.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const BAD_OBLIGATION = path.join(ROOT, "tests", "fixtures", "integration", "bad-obligation.yaml");

interface Ready {
  status: number;
  body: { status: string; components: Record<string, Record<string, unknown>> };
}

async function readyz(bot: RunningBot): Promise<Ready> {
  const res = await fetch(`${bot.baseUrl}/readyz`);
  expect(res.headers.get("content-type")).toBe("application/json");
  return { status: res.status, body: (await res.json()) as Ready["body"] };
}

async function healthz(bot: RunningBot): Promise<number> {
  return (await fetch(`${bot.baseUrl}/healthz`)).status;
}

describe("/readyz of a single-workspace bot", () => {
  let db: Database;
  let bot: RunningBot | undefined;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("200 when everything is ready: the database answers, auth.test confirmed the identity, no file was refused", async () => {
    bot = await startTestBot(db, { clock: () => NOW, env: { MANDATES_DIR } });
    const { status, body } = await readyz(bot);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: "ready",
      components: {
        database: { ready: true, kind: "pglite" },
        slack: {
          ready: true,
          mode: "single",
          workspace: "T0001",
          detail: "auth.test confirmed the bot's identity",
          since: NOW.toISOString(),
        },
        mandates: { ready: true, directory: MANDATES_DIR, refused: [] },
      },
    });
  });

  it("503 naming each refused mandate file and its problems; /healthz still 200", async () => {
    bot = await startTestBot(db, { clock: () => NOW, env: { MANDATES_DIR: BAD_OBLIGATION } });
    const { status, body } = await readyz(bot);
    expect(status).toBe(503);
    expect(body.status).toBe("not ready");
    expect(body.components.database?.ready).toBe(true);
    expect(body.components.slack?.ready).toBe(true);
    expect(body.components.mandates).toEqual({
      ready: false,
      directory: BAD_OBLIGATION,
      refused: [{ file: BAD_OBLIGATION, problems: [expect.objectContaining({ path: "obligations[2].every.at_least" })] }],
    });
    expect(await healthz(bot)).toBe(200);
  });

  it("503 when the database does not answer; /healthz still 200", async () => {
    const answering = db.ping.bind(db);
    let up = true;
    db.ping = async () => up && answering();
    try {
      bot = await startTestBot(db, { clock: () => NOW, env: { MANDATES_DIR } });
      expect((await readyz(bot)).status).toBe(200);
      up = false;
      const { status, body } = await readyz(bot);
      expect(status).toBe(503);
      expect(body.components.database).toEqual({ ready: false, kind: "pglite", detail: "the database does not answer" });
      expect(await healthz(bot)).toBe(200);
    } finally {
      db.ping = answering;
    }
  });
});

/**
 * A distributed app: ready with no installation at all (it must be reachable to be installed),
 * and an installation whose token Slack refuses at run time (revoked while the bot ran, its
 * `tokens_revoked` event missed) is logged and marked uninstalled, without stopping the bot.
 */
describe("/readyz and refused tokens of a distributed app", () => {
  const KEY = randomBytes(32).toString("base64");
  const ENV = {
    SLACK_BOT_TOKEN: "",
    SLACK_CLIENT_ID: "1111.2222",
    SLACK_CLIENT_SECRET: "client-secret-of-the-app",
    SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
    TOKEN_ENCRYPTION_KEY: KEY,
    MANDATES_DIR: path.join(ROOT, "tests", "fixtures", "no-mandates"),
  };
  const A = { id: "TAAAA0001", token: "xoxb-installed-in-a", dir: path.join(ROOT, "tests", "fixtures", "workspaces", "team-a") };
  const B = { id: "TBBBB0001", token: "xoxb-installed-in-b", dir: path.join(ROOT, "tests", "fixtures", "workspaces", "team-b") };
  let db: Database;
  let fake: FakeSlack;
  let bot: RunningBot | undefined;
  const logger = new CaptureLogger([], {}, "info");

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    fake = new FakeSlack();
    await fake.start();
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  afterAll(async () => {
    await fake?.stop();
    await db?.close();
  });

  it("no installations yet: ready (200), saying so", async () => {
    bot = await startTestBot(db, { fake, clock: () => NOW, env: ENV });
    const { status, body } = await readyz(bot);
    expect(status).toBe(200);
    expect(body.components.slack).toEqual({ ready: true, mode: "distributed", installations: 0, detail: "no installations yet" });
  });

  it("a token revoked while the bot ran: logged, that workspace marked uninstalled, the other served, the bot still up", async () => {
    // Two workspaces installed before this start, with their committees.
    const services = createServices(db.store, silentLogger());
    const store = databaseInstallationStore(
      db.store.installations,
      new SecretBox(Buffer.from(KEY, "base64")),
      { installed: async () => undefined },
      () => NOW,
    );
    for (const team of [A, B]) {
      await store.storeInstallation({
        team: { id: team.id, name: team.id },
        enterprise: undefined,
        isEnterpriseInstall: false,
        bot: { token: team.token, userId: "UBOT", id: "BBOT", scopes: [] },
        user: { token: undefined, scopes: undefined, id: "U0INSTALLER" },
        appId: "A0001",
        tokenType: "bot",
        authVersion: "v2",
      });
      await services.workspaces.installed({ id: team.id, name: team.id }, NOW);
      await services.importer.importPath(team.dir, { now: NOW, defaultWorkspace: undefined });
    }
    // Slack now refuses A's token; B's works.
    for (const method of ["users.lookupByEmail", "conversations.list"]) {
      fake.answer(method, (_body, _attempt, call) =>
        bearer(call) === A.token
          ? { body: { ok: false, error: "token_revoked" } }
          : method === "conversations.list"
            ? { body: { ok: true, channels: [{ id: "CBETA0001", name: "beta-styre" }], response_metadata: { next_cursor: "" } } }
            : { body: { ok: false, error: "users_not_found" } },
      );
    }
    bot = await startTestBot(db, { fake, logger, clock: () => NOW, env: ENV });
    const refusal = await eventually("the refusal logged", async () =>
      logger.at("error").find((e) => e.msg.startsWith(`Slack refused the app's token in workspace ${A.id} (token_revoked)`)),
    );
    expect(refusal.fields).toMatchObject({ workspace: A.id, code: "token_revoked" });
    expect((await prismaOf(db).workspace.findUniqueOrThrow({ where: { id: A.id } })).uninstalledAt).toEqual(NOW);
    expect(await prismaOf(db).slackInstallation.findUnique({ where: { key: `team:${A.id}` } })).toBeNull();
    expect((await prismaOf(db).workspace.findUniqueOrThrow({ where: { id: B.id } })).uninstalledAt).toBeNull();
    await eventually(
      "B's channel",
      async () => (await prismaOf(db).committee.findFirst({ where: { slackChannelId: "CBETA0001" } })) ?? undefined,
    );
    // Not tried again: a refused token is not an outage.
    const asked = fake.apiCalls.filter((c) => bearer(c) === A.token).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.apiCalls.filter((c) => bearer(c) === A.token)).toHaveLength(asked);

    expect(await healthz(bot)).toBe(200);
    const { status, body } = await readyz(bot);
    expect(status).toBe(200);
    expect(body.components.slack).toMatchObject({ ready: true, installations: 1 });
    const served = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "", team_id: B.id }));
    expect(JSON.stringify(served.json)).toContain("beta-raadet");
    const gone = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "", team_id: A.id }));
    expect(gone.status).toBe(200);
    expect(gone.text).toBe("");
  });
});
