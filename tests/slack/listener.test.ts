import type { RespondArguments, RespondFn } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../commands/reply.js";
import type { Database } from "../../src/db/connect.js";
import { MandatError } from "../../src/domain/errors.js";
import { messages } from "../../src/i18n/index.js";
import { replyMessage } from "../../src/slack/blocks/reply-blocks.js";
import { faultReply, guarded, render } from "../../src/slack/listener.js";
import { type RunningBot, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";

/**
 * The one wrapper every listener runs in (src/slack/listener.ts), driven with plain recorded
 * `ack` and `respond` functions, then once through the real bot with a database that is gone.
 */

const FAULT_DA = messages("da").errors.internal();
const FAULT_EN = messages("en").errors.internal();

/** What a listener was given, recording what it did with it. */
function fakeArgs(options: { ackThrows?: boolean; respondThrows?: boolean } = {}) {
  /** What each ack was called with (undefined: an empty ack). */
  const acks: unknown[] = [];
  const responses: unknown[] = [];
  const ack = async (response?: unknown) => {
    acks.push(response);
    if (options.ackThrows) throw new Error("ack failed: socket closed");
  };
  const respond = (async (message: string | RespondArguments) => {
    responses.push(message);
    if (options.respondThrows) throw new Error("response_url answered 404");
    return undefined as never;
  }) as RespondFn;
  return { args: { ack, respond }, acks, responses };
}

type Args = ReturnType<typeof fakeArgs>["args"];

describe("guarded", () => {
  it("checks the catalogs' fault text the tests compare with", () => {
    expect(FAULT_DA).toContain("Noget gik galt");
    expect(FAULT_EN).toContain("Something went wrong");
  });

  it("passes a working handler through untouched: its own ack, nothing logged, nothing responded", async () => {
    const logger = new CaptureLogger();
    const { args, acks, responses } = fakeArgs();
    await guarded<Args>("command /mandat", { logger, defaultLanguage: "da" }, async ({ ack }) => {
      await ack({ text: "hej" } as never);
    })(args);
    expect(acks).toEqual([{ text: "hej" }]);
    expect(responses).toEqual([]);
    expect(logger.entries).toEqual([]);
  });

  it("a handler that throws before ack: the request is acked with the fault message (faultInAck), and the error logged with the listener's name", async () => {
    const logger = new CaptureLogger();
    const { args, acks, responses } = fakeArgs();
    const boom = new Error("database is gone");
    await guarded<Args>(
      "command /frist",
      { logger, defaultLanguage: "da" },
      async () => {
        throw boom;
      },
      { faultInAck: true },
    )(args);
    expect(acks).toHaveLength(1);
    const answer = acks[0] as { response_type: string; text: string; blocks: unknown[] };
    expect(answer.response_type).toBe("ephemeral");
    // In DEFAULT_LANGUAGE, as the message renderer makes it.
    expect(answer.text).toBe(FAULT_DA);
    expect(answer).toEqual({ response_type: "ephemeral", ...replyMessage(faultReply("da")) });
    expect(responses).toEqual([]);
    expect(logger.at("error")).toEqual([
      {
        level: "error",
        fields: { err: boom, listener: "command /frist" },
        msg: "a Slack listener failed",
        text: "a Slack listener failed database is gone",
      },
    ]);
  });

  it("without faultInAck, a handler that throws before ack is acked empty (a button: no text in its ack), then told through response_url", async () => {
    const logger = new CaptureLogger();
    const { args, acks, responses } = fakeArgs();
    await guarded<Args>("action mandate section", { logger, defaultLanguage: "en" }, async () => {
      throw new Error("boom");
    })(args);
    expect(acks).toEqual([undefined]);
    expect(responses).toEqual([{ response_type: "ephemeral", ...replyMessage(faultReply("en")) }]);
    expect(logger.at("error").map((e) => e.fields.listener)).toEqual(["action mandate section"]);
  });

  it("a handler that throws after ack: not acked twice; respond gets the fault message", async () => {
    const logger = new CaptureLogger();
    const { args, acks, responses } = fakeArgs();
    await guarded<Args>(
      "action open committee",
      { logger, defaultLanguage: "en" },
      async ({ ack }) => {
        await ack();
        throw new Error("rendering failed");
      },
      { faultInAck: true },
    )(args);
    expect(acks).toEqual([undefined]);
    expect(responses).toEqual([{ response_type: "ephemeral", ...replyMessage(faultReply("en")) }]);
    expect((responses[0] as { text: string }).text).toBe(FAULT_EN);
    expect(logger.at("error")).toHaveLength(1);
    expect(logger.at("error")[0]?.fields.listener).toBe("action open committee");
  });

  it("an ack that itself throws counts as the ack: the fault goes to respond, and both failures are logged", async () => {
    const logger = new CaptureLogger();
    const { args, acks, responses } = fakeArgs({ ackThrows: true });
    await guarded<Args>(
      "command /mandat",
      { logger, defaultLanguage: "en" },
      async ({ ack }) => {
        await ack();
      },
      { faultInAck: true },
    )(args);
    expect(acks).toHaveLength(1);
    expect((responses[0] as { text: string }).text).toBe(FAULT_EN);
    expect(logger.at("error").map((e) => (e.fields.err as Error).message)).toEqual(["ack failed: socket closed"]);
  });

  it("a respond that itself throws is logged, not thrown", async () => {
    const logger = new CaptureLogger();
    const { args, responses } = fakeArgs({ respondThrows: true });
    const run = guarded<Args>("action mandate section", { logger, defaultLanguage: "en" }, async ({ ack }) => {
      await ack();
      throw new Error("first failure");
    });
    await expect(run(args)).resolves.toBeUndefined();
    expect(responses).toHaveLength(1);
    expect(logger.at("error").map((e) => [e.msg, (e.fields.err as Error).message, e.fields.listener])).toEqual([
      ["a Slack listener failed", "first failure", "action mandate section"],
      ["could not tell the user that something went wrong", "response_url answered 404", "action mandate section"],
    ]);
  });

  it("a listener without ack or respond (an event) that throws is logged, not thrown", async () => {
    const logger = new CaptureLogger();
    const run = guarded<{ event: string; ack?: undefined }>("event app_uninstalled", { logger, defaultLanguage: "en" }, async () => {
      throw new Error("event failed");
    });
    await expect(run({ event: "app_uninstalled" })).resolves.toBeUndefined();
    expect(logger.at("error").map((e) => e.fields.listener)).toEqual(["event app_uninstalled"]);
  });
});

describe("render", () => {
  it("renders a good reply as the block builders do, and logs nothing", () => {
    const logger = new CaptureLogger();
    const reply: Reply = { kind: "error", language: "sv", error: new MandatError("stale_button") };
    expect(render(reply, logger, "en")).toEqual(replyMessage(reply));
    expect(logger.entries).toEqual([]);
  });

  it("a reply whose data makes the block builder throw becomes the fault message in the fallback language, logged", () => {
    const logger = new CaptureLogger();
    // A valid kind; a committee entry without its committee, as a bug upstream could hand over.
    const broken = { kind: "committees", language: "nb", mine: [{ roles: ["chair"] }], others: [] } as unknown as Reply;
    expect(() => replyMessage(broken)).toThrow(TypeError);
    const message = render(broken, logger, "da");
    expect(message).toEqual(replyMessage(faultReply("da")));
    expect(message.text).toBe(FAULT_DA);
    expect(logger.at("error")).toHaveLength(1);
    expect(logger.at("error")[0]).toMatchObject({ msg: "could not render a reply", fields: { reply: "committees" } });
    expect(logger.at("error")[0]?.fields.err).toBeInstanceOf(TypeError);
  });
});

describe("through the real bot, with the database gone", () => {
  const NOW = new Date("2026-11-23T09:00:00Z");
  const logger = new CaptureLogger();
  logger.level = "warn";
  let db: Database;
  let bot: RunningBot;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    bot = await startTestBot(db, { clock: () => NOW, logger, env: { DEFAULT_LANGUAGE: "da" } });
    await db.close();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it("a signed /frist gets the fault message in its ack (200, ephemeral, in DEFAULT_LANGUAGE), and the failure is logged", async () => {
    const before = logger.at("error").length;
    const res = await postSigned(
      bot.eventsUrl,
      slashCommandForm({ command: "/frist", text: "alle", user_id: "U0LUKCHAIR", response_url: bot.fake.responseUrl("frist") }),
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(res.json?.text).toBe(FAULT_DA);
    expect(JSON.stringify(res.json?.blocks)).toContain("Noget gik galt");
    // Nothing of the failure reaches the user.
    expect(res.text).not.toMatch(/PGlite|closed|prisma|Error/i);
    // Answered in the ack, so nothing went to response_url.
    expect(bot.fake.callsTo("response_url:frist")).toEqual([]);
    const errors = logger.at("error").slice(before);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toMatchObject({ msg: "a command failed", fields: { command: "/frist", user: "U0LUKCHAIR", workspace: "T0001" } });
    expect(errors[0]?.fields.err).toBeInstanceOf(Error);
  });
});
