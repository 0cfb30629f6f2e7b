import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { SecretBox } from "../../src/security/secret-box.js";
import { BOT_SCOPES } from "../../src/slack/features.js";
import { type RunningBot, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { databaseKinds, openTestDatabase } from "../support/database.js";
import { eventually } from "../support/eventually.js";
import { bearer, FakeSlack, type RecordedCall } from "../support/fake-slack.js";
import { ROOT } from "../support/paths.js";
import { eventCallback, postSigned, postSignedEvent, type SlackResponse, slashCommandForm } from "../support/slack-request.js";

/**
 * The distributed app: installed in any number of workspaces through Slack's OAuth flow, its
 * tokens sealed in the database, run as two replicas behind one URL (either may get any
 * request). The flow runs for real: Bolt's /slack/install and /slack/oauth_redirect against the
 * fake Slack's oauth.v2.access and auth.test.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const CLIENT_ID = "1111.2222";
const KEY = randomBytes(32).toString("base64");
const WORKSPACE_FIXTURES = path.join(ROOT, "tests", "fixtures", "workspaces");
/** The bot's own MANDATES_DIR: one file that names no workspace. */
const DISTRIBUTED_FIXTURES = path.join(ROOT, "tests", "fixtures", "distributed");
const NO_WORKSPACE_FILE = path.join(DISTRIBUTED_FIXTURES, "no-workspace.yaml");

const DISTRIBUTED_ENV = {
  SLACK_BOT_TOKEN: "",
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: "client-secret-of-the-app",
  SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
  TOKEN_ENCRYPTION_KEY: KEY,
  MANDATES_DIR: DISTRIBUTED_FIXTURES,
};

interface Team {
  name: "A" | "B";
  id: string;
  /** The authorization code Slack hands the browser for this workspace's install. */
  code: string;
  /** The bot token oauth.v2.access returns for it. */
  token: string;
  botUserId: string;
  dir: string;
  committees: string[];
  /** Words only this workspace's files have. */
  words: string[];
  /** This workspace's channels, as its conversations.list shows them (the other's names with other ids). */
  channels: { id: string; name: string }[];
  /** The channel id its committee `#…-styre` must get. */
  channelId: string;
  /** The roster e-mail of its committee, and who Slack says that is in this workspace. */
  email: string;
  emailUser: string;
}

const A: Team = {
  name: "A",
  id: "TAAAA0001",
  code: "code-for-workspace-a",
  token: "xoxb-installed-in-a",
  botUserId: "U0BOTA",
  dir: path.join(WORKSPACE_FIXTURES, "team-a"),
  committees: ["alfa-raadet", "faelles"],
  words: ["Alfarådet", "Akvamarin", "alfa-raadet", "lakrids", "Asta", "Alfa-siden"],
  channels: [
    { id: "CALFA0001", name: "alfa-styre" },
    { id: "CALFA0002", name: "beta-styre" },
  ],
  channelId: "CALFA0001",
  email: "alfa.medlem@example.org",
  emailUser: "U0ALFAMAIL",
};

const B: Team = {
  name: "B",
  id: "TBBBB0001",
  code: "code-for-workspace-b",
  token: "xoxb-installed-in-b",
  botUserId: "U0BOTB",
  dir: path.join(WORKSPACE_FIXTURES, "team-b"),
  committees: ["beta-raadet", "faelles"],
  words: ["Betarådet", "Bernsten", "beta-raadet", "marcipan", "Birte", "Beta-siden"],
  channels: [
    { id: "CBETA0001", name: "beta-styre" },
    { id: "CBETA0002", name: "alfa-styre" },
  ],
  channelId: "CBETA0001",
  email: "beta.medlem@example.org",
  emailUser: "U0BETAMAIL",
};

const TEAMS = [A, B];
const other = (team: Team): Team => (team === A ? B : A);
const teamOfToken = (call: RecordedCall): Team | undefined => TEAMS.find((t) => t.token === bearer(call));
const wordsOf = (team: Team, text: string) => team.words.filter((w) => text.toLowerCase().includes(w.toLowerCase()));

/** What oauth.v2.access answers for a bot install (docs.slack.dev/reference/methods/oauth.v2.access). */
function oauthV2Access(team: Team) {
  return {
    ok: true,
    app_id: "A0001",
    authed_user: { id: "U0INSTALLER" },
    scope: BOT_SCOPES.join(","),
    token_type: "bot",
    access_token: team.token,
    bot_user_id: team.botUserId,
    team: { id: team.id, name: `Workspace ${team.name}` },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** Answers for the fake: each workspace's token sees that workspace's channels and people only. */
function scriptSlack(fake: FakeSlack): void {
  for (const team of TEAMS) fake.addBot(team.token, { teamId: team.id, teamName: `Workspace ${team.name}`, userId: team.botUserId });
  fake.answer("oauth.v2.access", (body) => {
    const team = TEAMS.find((t) => t.code === body.code);
    if (!team || body.client_id !== CLIENT_ID) return { body: { ok: false, error: "invalid_code" } };
    return { body: oauthV2Access(team) };
  });
  fake.answer("conversations.list", (_body, _attempt, call) => {
    const team = teamOfToken(call);
    if (!team) return { body: { ok: false, error: "invalid_auth" } };
    return { body: { ok: true, channels: team.channels, response_metadata: { next_cursor: "" } } };
  });
  fake.answer("users.lookupByEmail", (body, _attempt, call) => {
    const team = teamOfToken(call);
    if (!team) return { body: { ok: false, error: "invalid_auth" } };
    if (body.email !== team.email) return { body: { ok: false, error: "users_not_found" } };
    return { body: { ok: true, user: { id: team.emailUser, team_id: team.id } } };
  });
}

describe.each(databaseKinds())("the distributed app on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("two replicas, two installations", () => {
    let db: Database;
    let fake: FakeSlack;
    const replicas: RunningBot[] = [];
    const logs: CaptureLogger[] = [];

    beforeAll(async () => {
      db = await openTestDatabase(kind);
      fake = new FakeSlack();
      await fake.start();
      scriptSlack(fake);
      for (let i = 0; i < 2; i++) {
        const logger = new CaptureLogger([], {}, "info");
        logs.push(logger);
        replicas.push(await startTestBot(db, { fake, logger, clock: () => NOW, env: DISTRIBUTED_ENV }));
      }
      // Committees of both workspaces, through the importer the bots use (files name their workspace).
      for (const team of TEAMS) {
        const outcomes = await replicas[0]?.services.importer.importPath(team.dir, { now: NOW, defaultWorkspace: undefined });
        expect(outcomes?.map((o) => o.status)).toEqual(["created", "created"]);
      }
    });
    afterAll(async () => {
      for (const replica of replicas) await replica.stop();
      await fake?.stop();
      await db?.close();
    });

    const replica = (i: 0 | 1): RunningBot => {
      const r = replicas[i];
      if (!r) throw new Error(`replica ${i} is not running`);
      return r;
    };

    /** Slack's OAuth flow as a browser walks it: /slack/install on one replica, the redirect back on another. */
    async function install(team: Team, startAt: RunningBot, finishAt: RunningBot, cookieOverride?: string) {
      const start = await fetch(`${startAt.baseUrl}/slack/install`, { redirect: "manual" });
      expect(start.status).toBe(302);
      const location = new URL(start.headers.get("location") ?? "");
      expect(`${location.origin}${location.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
      expect(location.searchParams.get("client_id")).toBe(CLIENT_ID);
      expect(location.searchParams.get("scope")?.split(",")).toEqual([...BOT_SCOPES]);
      const state = location.searchParams.get("state") ?? "";
      expect(state).not.toBe("");
      const setCookie = start.headers.getSetCookie().find((c) => c.startsWith("slack-app-oauth-state="));
      expect(setCookie).toBeDefined();
      const cookie = setCookie?.split(";")[0] ?? "";
      expect(cookie).toBe(`slack-app-oauth-state=${state}`);
      const since = fake.calls.length;
      const finish = await fetch(
        `${finishAt.baseUrl}/slack/oauth_redirect?code=${encodeURIComponent(team.code)}&state=${encodeURIComponent(state)}`,
        { redirect: "manual", headers: { cookie: cookieOverride ?? cookie } },
      );
      return { finish, body: await finish.text(), calls: fake.calls.slice(since) };
    }

    function command(team: Team, text: string, to: RunningBot, name: "/mandat" | "/frist" = "/mandat", user = "U0OUTSIDER") {
      return postSigned(to.eventsUrl, slashCommandForm({ command: name, text, team_id: team.id, user_id: user }));
    }

    const workspaceRow = (team: Team) => prismaOf(db).workspace.findUnique({ where: { id: team.id } });
    const installationRow = (team: Team) => prismaOf(db).slackInstallation.findUnique({ where: { key: `team:${team.id}` } });

    it("refuses files that name no workspace at start, saying to name it, and stores nothing of them", async () => {
      for (const logger of logs) {
        const refusal = logger.at("warn").find((e) => e.fields.file === NO_WORKSPACE_FILE);
        expect(refusal?.msg).toContain("refused");
        expect(refusal?.msg).toContain("name the Slack workspace (team id) this committee lives in, e.g. workspace: T012ABCDEF");
      }
      expect(await prismaOf(db).committee.count({ where: { slug: "uden-arbejdsomraade" } })).toBe(0);
      expect(await prismaOf(db).deadline.count({ where: { title: "Svar om arbejdsområde" } })).toBe(0);
    });

    it("answers a command from a workspace with no installation with an empty ack", async () => {
      const res = await command(A, "", replica(0));
      expect(res.status).toBe(200);
      expect(res.text).toBe("");
    });

    it("refuses an OAuth redirect whose state is not this browser's, and stores nothing", async () => {
      const { finish, calls } = await install(A, replica(0), replica(1), "slack-app-oauth-state=someone-elses-state");
      expect(finish.status).toBe(400);
      expect(calls.map((c) => c.method)).not.toContain("oauth.v2.access");
      expect(await prismaOf(db).slackInstallation.count()).toBe(0);
      expect(await workspaceRow(A)).toBeNull();
    });

    it.each([
      { team: A, start: 0, finish: 1 },
      { team: B, start: 1, finish: 0 },
    ] as const)(
      "installs in workspace $team.name: /slack/install on replica $start, the redirect back on replica $finish",
      async ({ team, start, finish: end }) => {
        const { finish, body, calls } = await install(team, replica(start), replica(end));
        expect(finish.status, body).toBe(200);
        // Bolt exchanged the code (with the app's credentials) and asked who the new token is.
        const exchange = calls.find((c) => c.method === "oauth.v2.access");
        expect(exchange?.body).toMatchObject({ code: team.code, client_id: CLIENT_ID, client_secret: DISTRIBUTED_ENV.SLACK_CLIENT_SECRET });
        expect(calls.filter((c) => c.method === "auth.test").map(bearer)).toContain(team.token);
        expect(await installationRow(team)).toMatchObject({ teamId: team.id, installedAt: NOW });
        expect(await workspaceRow(team)).toMatchObject({ id: team.id, name: `Workspace ${team.name}`, uninstalledAt: null });
      },
    );

    it("looks up each workspace's channels and roster e-mails with that workspace's token only", async () => {
      for (const team of TEAMS) {
        // The install starts the lookups in the background: wait for the committee's channel.
        const committee = team.committees[0] ?? "";
        const channelId = await eventually(`${committee}'s channel id`, async () => {
          const row = await prismaOf(db).committee.findFirst({ where: { workspaceId: team.id, slug: committee } });
          return row?.slackChannelId ?? undefined;
        });
        // The other workspace has a channel of the same name: only this workspace's list was used.
        expect(channelId).toBe(team.channelId);
        const member = await eventually(`${team.email} resolved`, async () => {
          const row = await prismaOf(db).member.findFirst({ where: { email: team.email } });
          return row?.slackUserId ?? undefined;
        });
        expect(member).toBe(team.emailUser);
      }
      const lookups = fake.calls.filter((c) => c.method === "conversations.list" || c.method === "users.lookupByEmail");
      expect(lookups.length).toBeGreaterThan(0);
      for (const call of lookups) expect(teamOfToken(call), `${call.method} with ${bearer(call)}`).toBeDefined();
      for (const team of TEAMS) {
        const forTeam = lookups.filter((c) => c.body.email === team.email);
        expect(forTeam.length).toBeGreaterThan(0);
        expect(new Set(forTeam.map(bearer))).toEqual(new Set([team.token]));
      }
    });

    it("keeps the tokens sealed at rest: no token in the row, and another key cannot open it", async () => {
      const rows = await prismaOf(db).slackInstallation.findMany({ orderBy: { key: "asc" } });
      expect(rows.map((r) => r.key)).toEqual([`team:${A.id}`, `team:${B.id}`]);
      const box = new SecretBox(Buffer.from(KEY, "base64"));
      const wrong = new SecretBox(randomBytes(32));
      for (const [row, team] of rows.map((r, i) => [r, TEAMS[i]] as const)) {
        if (!team) throw new Error("one row per team");
        expect(row.sealed).not.toContain(team.token);
        expect(row.sealed).not.toContain("xoxb-");
        expect(row.sealed).not.toContain(Buffer.from(team.token).toString("base64"));
        expect(row.sealed).toMatch(/^v1\./);
        expect(JSON.parse(box.open(row.sealed))).toMatchObject({
          team: { id: team.id },
          bot: { token: team.token, userId: team.botUserId },
        });
        expect(() => wrong.open(row.sealed)).toThrow();
      }
      // Tampered with, it does not open either.
      const [first] = rows;
      if (!first) throw new Error("no installation row");
      const parts = first.sealed.split(".");
      const flipped = [...parts.slice(0, 3), `${parts[3]?.startsWith("A") ? "B" : "A"}${parts[3]?.slice(1)}`].join(".");
      expect(() => box.open(flipped)).toThrow();
    });

    it.each([
      { i: 0, replicaName: "first" },
      { i: 1, replicaName: "second" },
    ] as const)("answers each workspace's commands on the $replicaName replica with that workspace's committees only", async ({ i }) => {
      for (const team of TEAMS) {
        for (const [name, text] of [
          ["/mandat", ""],
          ["/frist", "alle"],
          ["/mandat", "faelles"],
        ] as const) {
          const res = await command(team, text, replica(i), name);
          expect(res.status).toBe(200);
          const all = JSON.stringify(res.json);
          expect(wordsOf(team, all).length, `${name} ${text}: ${all}`).toBeGreaterThan(0);
          expect(wordsOf(other(team), all), `${name} ${text}`).toEqual([]);
        }
        const theirs = other(team).committees[0] ?? "";
        const unknown = await command(team, theirs, replica(i));
        // The slug typed is echoed in "no committee called …"; nothing else of the other workspace is.
        expect(wordsOf(other(team), JSON.stringify(unknown.json).split(theirs).join(""))).toEqual([]);
        expect(JSON.stringify(unknown.json)).toContain(theirs);
      }
    });

    /** Posts an event to replica `first` and Slack's retries of it to the other replica and back. */
    async function deliverWithRetries(body: Record<string, unknown>, first: 0 | 1): Promise<SlackResponse[]> {
      const second = first === 0 ? 1 : 0;
      return [
        await postSignedEvent(replica(first).eventsUrl, body),
        await postSignedEvent(replica(second).eventsUrl, body, { retryNum: 1 }),
        await postSignedEvent(replica(first).eventsUrl, body, { retryNum: 2 }),
      ];
    }

    async function expectServed(team: Team) {
      for (const i of [0, 1] as const) {
        const res = await command(team, "", replica(i));
        expect(res.status).toBe(200);
        expect(wordsOf(team, JSON.stringify(res.json)).length).toBeGreaterThan(0);
      }
    }

    async function expectGone(team: Team) {
      expect(await installationRow(team)).toBeNull();
      expect((await workspaceRow(team))?.uninstalledAt).toEqual(NOW);
      for (const i of [0, 1] as const) {
        for (const name of ["/mandat", "/frist"] as const) {
          const res = await command(team, "", replica(i), name);
          // Bolt finds no installation for the workspace: it acknowledges, and nothing more.
          expect(res.status).toBe(200);
          expect(res.text).toBe("");
        }
      }
      // Its committees stay in the database, for a later install.
      expect(await prismaOf(db).committee.count({ where: { workspaceId: team.id } })).toBe(team.committees.length);
    }

    it("app_uninstalled (and Slack's retries of it) deletes the installation and marks the workspace uninstalled; the other still works", async () => {
      const responses = await deliverWithRetries(eventCallback(A.id, { type: "app_uninstalled" }), 0);
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      await eventually("A's installation deleted", async () => ((await installationRow(A)) === null ? true : undefined));
      await eventually("A marked uninstalled", async () => ((await workspaceRow(A))?.uninstalledAt ? true : undefined));
      await expectGone(A);
      await expectServed(B);
      for (const logger of logs) expect(logger.at("error").filter((e) => e.text.includes("listener"))).toEqual([]);
    });

    it("a workspace installed again is served again", async () => {
      const { finish } = await install(A, replica(1), replica(1));
      expect(finish.status).toBe(200);
      expect(await workspaceRow(A)).toMatchObject({ uninstalledAt: null });
      await expectServed(A);
    });

    it("tokens_revoked for user tokens only changes nothing", async () => {
      const responses = await deliverWithRetries(eventCallback(B.id, { type: "tokens_revoked", tokens: { oauth: ["U0INSTALLER"] } }), 1);
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await installationRow(B)).not.toBeNull();
      expect((await workspaceRow(B))?.uninstalledAt).toBeNull();
      await expectServed(B);
    });

    it("tokens_revoked for the bot token (and its retries) uninstalls that workspace only", async () => {
      const responses = await deliverWithRetries(
        eventCallback(B.id, { type: "tokens_revoked", tokens: { oauth: [], bot: [B.botUserId] } }),
        1,
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      await eventually("B's installation deleted", async () => ((await installationRow(B)) === null ? true : undefined));
      await eventually("B marked uninstalled", async () => ((await workspaceRow(B))?.uninstalledAt ? true : undefined));
      await expectGone(B);
      await expectServed(A);
    });
  });
});
