import type { Installation, InstallationStore } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logging/logger.js";
import { type SlackAuth, tokenFor } from "../../src/slack/auth.js";
import { SlackNotifier } from "../../src/slack/notifier.js";
import { slackErrorCode, WebClients } from "../../src/slack/web-clients.js";
import { bearer, FakeSlack } from "../support/fake-slack.js";

/**
 * The Notifier port over the real WebClient, against the local fake Web API: which method each
 * port method calls, with which arguments, with which workspace's token, and what it makes of
 * Slack's answer.
 */

const TEAM = "T0001";
const TOKEN = "xoxb-test-token";
const BLOCKS = [{ type: "section", text: { type: "mrkdwn", text: "*Statusrapport* er forfalden" } }];

let fake: FakeSlack;
let clients: WebClients;

beforeEach(async () => {
  // A fresh fake per test: its per-method attempt counter starts at 1 again.
  fake = new FakeSlack();
  await fake.start();
  clients = new WebClients({ apiUrl: fake.apiUrl, logger: silentLogger() });
});
afterEach(async () => {
  await fake.stop();
});

const single: SlackAuth = {
  kind: "single",
  botToken: TOKEN,
  identity: { teamId: TEAM, teamName: "Mandat test", botUserId: "UBOT", botId: "BBOT" },
};
const singleNotifier = () => new SlackNotifier(clients, tokenFor(single));

/** The one call made to `method`, failing the test when there were none or several. */
function onlyCall(method: string) {
  const calls = fake.callsTo(method);
  expect(calls, `calls to ${method}`).toHaveLength(1);
  return calls[0] as (typeof calls)[number];
}

describe("post, update and ephemeral", () => {
  it("post: chat.postMessage with the channel, text fallback, blocks and metadata as event_type/event_payload", async () => {
    fake.answer("chat.postMessage", () => ({ body: { ok: true, channel: "C0POSTED", ts: "1732350000.000100" } }));
    const posted = await singleNotifier().post(TEAM, "C0STYRE", {
      text: "Statusrapport er forfalden",
      blocks: BLOCKS,
      metadata: { eventType: "deadline_reminder", payload: { deadlineId: 42, stage: "due", final: false } },
    });
    expect(posted).toEqual({ channel: "C0POSTED", ts: "1732350000.000100" });
    const call = onlyCall("chat.postMessage");
    expect(call.body).toMatchObject({
      channel: "C0STYRE",
      text: "Statusrapport er forfalden",
      blocks: BLOCKS,
      metadata: { event_type: "deadline_reminder", event_payload: { deadlineId: 42, stage: "due", final: false } },
    });
    expect(bearer(call)).toBe(TOKEN);
    expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("post: plain text sends neither blocks nor metadata", async () => {
    await singleNotifier().post(TEAM, "C0STYRE", { text: "Bare tekst" });
    const call = onlyCall("chat.postMessage");
    expect(call.body.text).toBe("Bare tekst");
    expect(call.body).not.toHaveProperty("blocks");
    expect(call.body).not.toHaveProperty("metadata");
  });

  it("update: chat.update on the posted message's channel and ts, with the new text, blocks and metadata", async () => {
    await singleNotifier().update(
      TEAM,
      { channel: "C0STYRE", ts: "1732350000.000100" },
      { text: "Statusrapport: afleveret", blocks: BLOCKS, metadata: { eventType: "deadline_reminder", payload: { deadlineId: 42 } } },
    );
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
    expect(onlyCall("chat.update").body).toMatchObject({
      channel: "C0STYRE",
      ts: "1732350000.000100",
      text: "Statusrapport: afleveret",
      blocks: BLOCKS,
      metadata: { event_type: "deadline_reminder", event_payload: { deadlineId: 42 } },
    });
  });

  it("ephemeral: chat.postEphemeral to one user in the channel", async () => {
    await singleNotifier().ephemeral(TEAM, "C0STYRE", "U0LUKCHAIR", { text: "Kun til dig", blocks: BLOCKS });
    expect(onlyCall("chat.postEphemeral").body).toMatchObject({
      channel: "C0STYRE",
      user: "U0LUKCHAIR",
      text: "Kun til dig",
      blocks: BLOCKS,
    });
  });
});

describe("directMessage", () => {
  it("opens the conversation with conversations.open, then posts to the channel Slack opened", async () => {
    fake.answer("conversations.open", () => ({ body: { ok: true, channel: { id: "D0OPENED" } } }));
    fake.answer("chat.postMessage", () => ({ body: { ok: true, channel: "D0OPENED", ts: "1732350000.000200" } }));
    const posted = await singleNotifier().directMessage(TEAM, "U0LUKCHAIR", { text: "Påmindelse", blocks: BLOCKS });
    expect(posted).toEqual({ channel: "D0OPENED", ts: "1732350000.000200" });
    expect(fake.calls.map((c) => c.method)).toEqual(["conversations.open", "chat.postMessage"]);
    expect(onlyCall("conversations.open").body).toMatchObject({ users: "U0LUKCHAIR" });
    expect(onlyCall("chat.postMessage").body).toMatchObject({ channel: "D0OPENED", text: "Påmindelse", blocks: BLOCKS });
    for (const call of fake.calls) expect(bearer(call)).toBe(TOKEN);
  });

  it("posts nothing when Slack opens no channel", async () => {
    fake.answer("conversations.open", () => ({ body: { ok: true } }));
    await expect(singleNotifier().directMessage(TEAM, "U0LUKCHAIR", { text: "Påmindelse" })).rejects.toThrow(/U0LUKCHAIR/);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });
});

describe("history", () => {
  it("asks conversations.history for metadata and reads it back; nested values are dropped", async () => {
    fake.answer("conversations.history", () => ({
      body: {
        ok: true,
        messages: [
          {
            ts: "1732350000.000300",
            text: "Statusrapport er forfalden",
            user: "UBOT",
            metadata: {
              event_type: "deadline_reminder",
              event_payload: { deadlineId: 42, stage: "due", final: true, nested: { no: 1 }, list: [1] },
            },
          },
          { ts: "1732350000.000400", text: "Tak", user: "U0LUKCHAIR" },
          { ts: "1732350000.000500" },
        ],
      },
    }));
    const messages = await singleNotifier().history(TEAM, "C0STYRE", { oldest: "1732340000.000000", limit: 20 });
    expect(messages).toEqual([
      {
        ts: "1732350000.000300",
        text: "Statusrapport er forfalden",
        user: "UBOT",
        metadata: { eventType: "deadline_reminder", payload: { deadlineId: 42, stage: "due", final: true } },
      },
      { ts: "1732350000.000400", text: "Tak", user: "U0LUKCHAIR" },
      { ts: "1732350000.000500", text: "" },
    ]);
    // Form-encoded: every value arrives as a string.
    expect(onlyCall("conversations.history").body).toMatchObject({
      channel: "C0STYRE",
      include_all_metadata: "true",
      oldest: "1732340000.000000",
      limit: "20",
    });
  });

  it("without options asks for the latest 100 and no `oldest`", async () => {
    fake.answer("conversations.history", () => ({ body: { ok: true, messages: [] } }));
    expect(await singleNotifier().history(TEAM, "C0STYRE")).toEqual([]);
    const { body } = onlyCall("conversations.history");
    expect(body).toMatchObject({ channel: "C0STYRE", include_all_metadata: "true", limit: "100" });
    expect(body).not.toHaveProperty("oldest");
  });
});

describe("publishHome", () => {
  it("views.publish for the user with a view of type home and the blocks", async () => {
    await singleNotifier().publishHome(TEAM, "U0LUKCHAIR", { blocks: BLOCKS });
    expect(onlyCall("views.publish").body).toEqual({ user_id: "U0LUKCHAIR", view: { type: "home", blocks: BLOCKS } });
  });
});

describe("lookupUserByEmail", () => {
  it("returns the id Slack finds", async () => {
    fake.answer("users.lookupByEmail", () => ({ body: { ok: true, user: { id: "U0ANNA" } } }));
    expect(await singleNotifier().lookupUserByEmail(TEAM, "anna.opslag@example.org")).toBe("U0ANNA");
    expect(onlyCall("users.lookupByEmail").body).toEqual({ email: "anna.opslag@example.org" });
  });

  it("users_not_found is an answer: undefined", async () => {
    fake.answer("users.lookupByEmail", () => ({ body: { ok: false, error: "users_not_found" } }));
    expect(await singleNotifier().lookupUserByEmail(TEAM, "ingen.slack@example.org")).toBeUndefined();
  });

  it("any other Slack error is thrown, with its code", async () => {
    fake.answer("users.lookupByEmail", () => ({ body: { ok: false, error: "missing_scope", needed: "users:read.email" } }));
    const error = await singleNotifier()
      .lookupUserByEmail(TEAM, "anna.opslag@example.org")
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(slackErrorCode(error)).toBe("missing_scope");
  });
});

describe("channels", () => {
  it("follows next_cursor through every page of conversations.list", async () => {
    fake.answer("conversations.list", (body) => {
      if (!body.cursor) {
        return {
          body: {
            ok: true,
            channels: [
              { id: "C0AAA", name: "styregruppe" },
              { id: "C0BBB", name: "sekretariat" },
            ],
            response_metadata: { next_cursor: "dGVhbTpDMEJCQg==" },
          },
        };
      }
      if (body.cursor === "dGVhbTpDMEJCQg==") {
        return { body: { ok: true, channels: [{ id: "G0CCC", name: "lukket" }], response_metadata: { next_cursor: "" } } };
      }
      return { body: { ok: false, error: "invalid_cursor" } };
    });
    expect(await singleNotifier().channels(TEAM)).toEqual([
      { id: "C0AAA", name: "styregruppe" },
      { id: "C0BBB", name: "sekretariat" },
      { id: "G0CCC", name: "lukket" },
    ]);
    const calls = fake.callsTo("conversations.list");
    expect(calls).toHaveLength(2);
    expect(calls[0]?.body).toMatchObject({ types: "public_channel,private_channel", exclude_archived: "true" });
    expect(calls[0]?.body).not.toHaveProperty("cursor");
    expect(calls[1]?.body).toMatchObject({ cursor: "dGVhbTpDMEJCQg==" });
  });
});

describe("the token, chosen per workspace", () => {
  it("a single-workspace bot refuses another workspace without calling Slack", async () => {
    const notifier = singleNotifier();
    await expect(notifier.post("T0OTHER", "C0STYRE", { text: "x" })).rejects.toThrow(/T0OTHER/);
    await expect(notifier.lookupUserByEmail("T0OTHER", "anna.opslag@example.org")).rejects.toThrow(/T0OTHER/);
    await expect(notifier.channels("T0OTHER")).rejects.toThrow(/T0OTHER/);
    expect(fake.calls).toHaveLength(0);
  });

  it("a distributed app uses each workspace's own installation token", async () => {
    const tokens: Record<string, string> = { T0AAA: "xoxb-aaa", T0BBB: "xoxb-bbb" };
    const installationStore: InstallationStore = {
      storeInstallation: async () => undefined,
      fetchInstallation: async (query) => {
        const token = query.teamId ? tokens[query.teamId] : undefined;
        if (!token) throw new Error(`no installation for ${query.teamId}`);
        return { team: { id: query.teamId }, bot: { token, userId: "UBOT", id: "BBOT", scopes: [] } } as unknown as Installation;
      },
    };
    const notifier = new SlackNotifier(
      clients,
      tokenFor({ kind: "distributed", clientId: "1.2", clientSecret: "s", stateSecret: "state-secret-0123456", installationStore }),
    );
    await notifier.post("T0AAA", "C0AAA", { text: "til A" });
    await notifier.post("T0BBB", "C0BBB", { text: "til B" });
    await notifier.publishHome("T0AAA", "U0A", { blocks: [] });
    expect(fake.calls.map((c) => [c.method, c.body.channel ?? c.body.user_id, bearer(c)])).toEqual([
      ["chat.postMessage", "C0AAA", "xoxb-aaa"],
      ["chat.postMessage", "C0BBB", "xoxb-bbb"],
      ["views.publish", "U0A", "xoxb-aaa"],
    ]);
    // A workspace with no installation: nothing is sent.
    await expect(notifier.post("T0NONE", "C0X", { text: "x" })).rejects.toThrow(/T0NONE/);
    expect(fake.calls).toHaveLength(3);
  });

  it("a distributed installation without a bot token is refused without calling Slack", async () => {
    const installationStore: InstallationStore = {
      storeInstallation: async () => undefined,
      fetchInstallation: async () => ({ team: { id: "T0AAA" } }) as unknown as Installation,
    };
    const notifier = new SlackNotifier(
      clients,
      tokenFor({ kind: "distributed", clientId: "1.2", clientSecret: "s", stateSecret: "state-secret-0123456", installationStore }),
    );
    await expect(notifier.post("T0AAA", "C0AAA", { text: "x" })).rejects.toThrow(/no bot token/);
    expect(fake.calls).toHaveLength(0);
  });
});

describe("rate limits", () => {
  it("a 429 with Retry-After is retried once by WebClient, after the wait, and the post succeeds", async () => {
    fake.answer("chat.postMessage", (_body, attempt) =>
      attempt === 1
        ? { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } }
        : { body: { ok: true, channel: "C0STYRE", ts: "1732350000.000600" } },
    );
    const started = performance.now();
    const posted = await singleNotifier().post(TEAM, "C0STYRE", { text: "Statusrapport er forfalden" });
    const waited = performance.now() - started;
    expect(posted).toEqual({ channel: "C0STYRE", ts: "1732350000.000600" });
    const calls = fake.callsTo("chat.postMessage");
    expect(calls).toHaveLength(2);
    // The same message both times, not a second, different one.
    expect(calls[1]?.body).toEqual(calls[0]?.body);
    expect(waited).toBeGreaterThanOrEqual(950);
  });
});
