import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { SecretBox } from "../../src/security/secret-box.js";
import { databaseInstallationStore } from "../../src/slack/installation-store.js";
import { type RunningBot, startTestBot, TEST_TEAM } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { eventually } from "../support/eventually.js";
import { FakeSlack } from "../support/fake-slack.js";
import { ROOT } from "../support/paths.js";
import { eventCallback, postSignedEvent } from "../support/slack-request.js";

/**
 * Slack retries an event it thinks was not received (X-Slack-Retry-Num 1 to 3), possibly to
 * another replica, possibly minutes later. No listener may repeat a change on a retried
 * delivery: the uninstall events mark the workspace once (its time is the first delivery's),
 * a rename looks the channels up again to the same result, and an uninstall retried after the
 * app was installed again does not undo that install.
 */

const T0 = new Date("2026-11-23T09:00:00Z");

/** Delivers `body` once and then as Slack's retries 1..3, each with the clock a minute later. */
async function deliverWithRetries(bot: RunningBot, body: Record<string, unknown>, tick: () => void) {
  const statuses: number[] = [];
  for (const retryNum of [undefined, 1, 2, 3]) {
    statuses.push((await postSignedEvent(bot.eventsUrl, body, retryNum === undefined ? {} : { retryNum })).status);
    // Events are acknowledged before their listener runs: let it finish before the next delivery.
    await new Promise((resolve) => setTimeout(resolve, 150));
    tick();
  }
  return statuses;
}

describe("a single-workspace bot, events delivered again and again", () => {
  let db: Database;
  let fake: FakeSlack;
  let bot: RunningBot;
  let now = T0;
  const logger = new CaptureLogger([], {}, "info");
  const tick = () => {
    now = new Date(now.getTime() + 60_000);
  };
  const workspace = () => prismaOf(db).workspace.findUniqueOrThrow({ where: { id: TEST_TEAM } });

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    fake = new FakeSlack();
    await fake.start();
    fake.answer("conversations.list", () => ({
      body: { ok: true, channels: [{ id: "C0STYRE001", name: "styregruppe" }], response_metadata: { next_cursor: "" } },
    }));
    bot = await startTestBot(db, {
      fake,
      logger,
      clock: () => now,
      env: { MANDATES_DIR: path.join(ROOT, "tests", "fixtures", "channels", "styregruppe.yaml") },
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
    await db?.close();
  });

  it.each([
    ["app_uninstalled", { type: "app_uninstalled" }],
    ["tokens_revoked (the bot token)", { type: "tokens_revoked", tokens: { oauth: [], bot: ["UBOT"] } }],
  ])("%s and its three retries mark the workspace once, at the first delivery's time", async (_label, event) => {
    const first = now;
    expect(await deliverWithRetries(bot, eventCallback(TEST_TEAM, event), tick)).toEqual([200, 200, 200, 200]);
    expect((await workspace()).uninstalledAt).toEqual(first);
    expect(logger.at("info").filter((e) => e.msg === "uninstalled from a workspace")).toHaveLength(4);
    expect(logger.at("error")).toEqual([]);
    // As if installed again (a restart with a new token does this), for the next case.
    await prismaOf(db).workspace.update({ where: { id: TEST_TEAM }, data: { uninstalledAt: null } });
    logger.entries.length = 0;
  });

  it("channel_rename and its three retries: the channel is looked up each time, with the same result", async () => {
    const committee = () => prismaOf(db).committee.findFirstOrThrow({ where: { slug: "styregruppe" } });
    await eventually("the start's channel lookup", async () => ((await committee()).slackChannelId === "C0STYRE001" ? true : undefined));
    const before = fake.callsTo("conversations.list").length;
    const rename = eventCallback(TEST_TEAM, { type: "channel_rename", channel: { id: "C0STYRE001", name: "styregruppe", created: 1 } });
    expect(await deliverWithRetries(bot, rename, tick)).toEqual([200, 200, 200, 200]);
    await eventually("four lookups", async () => (fake.callsTo("conversations.list").length >= before + 4 ? true : undefined));
    expect((await committee()).slackChannelId).toBe("C0STYRE001");
    expect(logger.at("error")).toEqual([]);
  });
});

describe("a distributed app: an uninstall retried after the app was installed again", () => {
  const KEY = randomBytes(32).toString("base64");
  const TEAM = "TAAAA0001";
  let db: Database;
  let fake: FakeSlack;
  let bot: RunningBot;
  const now = T0;
  const logger = new CaptureLogger([], {}, "info");

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    fake = new FakeSlack();
    await fake.start();
    bot = await startTestBot(db, {
      fake,
      logger,
      clock: () => now,
      env: {
        SLACK_BOT_TOKEN: "",
        SLACK_CLIENT_ID: "1111.2222",
        SLACK_CLIENT_SECRET: "client-secret-of-the-app",
        SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
        TOKEN_ENCRYPTION_KEY: KEY,
      },
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
    await db?.close();
  });

  /** Installs the app in TEAM as OAuth would, saved at the bot's clock (T0). */
  async function install(): Promise<void> {
    const store = databaseInstallationStore(
      db.store.installations,
      new SecretBox(Buffer.from(KEY, "base64")),
      {
        installed: (workspace) => bot.services.workspaces.installed(workspace, now),
      },
      () => now,
    );
    await store.storeInstallation({
      team: { id: TEAM, name: "Workspace A" },
      enterprise: undefined,
      isEnterpriseInstall: false,
      bot: { token: "xoxb-installed-in-a", userId: "U0BOTA", id: "BBOT", scopes: [] },
      user: { token: undefined, scopes: undefined, id: "U0INSTALLER" },
      tokenType: "bot",
      authVersion: "v2",
    });
  }

  const installation = () => prismaOf(db).slackInstallation.findUnique({ where: { key: `team:${TEAM}` } });
  const uninstallAt = (at: Date) => {
    const body = eventCallback(TEAM, { type: "app_uninstalled" });
    return { ...body, event_time: Math.floor(at.getTime() / 1000) };
  };

  it("is ignored (logged): the new installation stays, the workspace stays installed", async () => {
    await install();
    // Uninstalled a minute before this install, delivered late as Slack's second retry.
    const late = await postSignedEvent(bot.eventsUrl, uninstallAt(new Date(T0.getTime() - 60_000)), { retryNum: 2 });
    expect(late.status).toBe(200);
    await eventually("the warning", async () =>
      logger.at("warn").find((e) => e.msg === "ignored an uninstall event from before the app was installed again"),
    );
    expect(await installation()).not.toBeNull();
    expect((await prismaOf(db).workspace.findUniqueOrThrow({ where: { id: TEAM } })).uninstalledAt).toBeNull();
  });

  it("the control: an uninstall after the install is believed", async () => {
    await postSignedEvent(bot.eventsUrl, uninstallAt(new Date(T0.getTime() + 60_000)));
    await eventually("the installation deleted", async () => ((await installation()) === null ? true : undefined));
    expect((await prismaOf(db).workspace.findUniqueOrThrow({ where: { id: TEAM } })).uninstalledAt).toEqual(T0);
  });
});
