import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.js";
import { messages } from "../../src/i18n/index.js";
import { ACTION_PREFIX } from "../../src/slack/ids.js";
import { importMandates, type RunningBot, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import { buttonForm, eventCallback, postSigned, postSignedRaw, slashCommandForm } from "../support/slack-request.js";

/**
 * Properties over signed requests to the real bot: a click, an event or a slash command with
 * any one of its fields replaced by any JSON value (or removed) is answered with a 200 or a
 * 4xx within Slack's 3 s, never a 5xx, and never reaches Bolt in a shape it cannot read (which
 * would log "Bolt could not read a request that the guard let through"). Odd-bodies.test.ts
 * has the named cases; this looks for the ones nobody thought of.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

type Json = Record<string, unknown>;

/** `base` with the value at `path` replaced by `value` (undefined removes it). */
function replaced(base: Json, path: string[], value: unknown): Json {
  const copy = structuredClone(base);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return copy;
    node = (node as Json)[key];
  }
  const last = path.at(-1);
  if (last === undefined || node === null || typeof node !== "object") return copy;
  if (value === undefined) delete (node as Json)[last];
  else (node as Json)[last] = value;
  return copy;
}

/** Every path to a value in `value` (objects and arrays), the root's keys included. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value as Json).flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

describe("fuzzed Slack bodies, correctly signed", () => {
  const logger = new CaptureLogger();
  logger.level = "warn";
  let db: Database;
  let bot: RunningBot;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    bot = await startTestBot(db, { clock: () => NOW, logger });
    await importMandates(bot, [MANDATES_DIR], NOW);
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
  });

  const expectHandled = (status: number, ms: number) => {
    expect(status).toBeLessThan(500);
    expect(ms).toBeLessThan(3000);
    expect(logger.at("error").filter((e) => e.msg.startsWith("Bolt could not read"))).toEqual([]);
  };
  const replacement = fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined });

  it("a click with one field replaced", async () => {
    const click = JSON.parse(
      buttonForm({
        actionId: `${ACTION_PREFIX.openCommittee}:norprem`,
        value: JSON.stringify({ committee: "norprem", language: "nb" }),
        responseUrl: "",
      }).payload ?? "{}",
    ) as Json;
    // A click on an action id the app has no listener for is Bolt's to answer (404 after 3 s).
    const paths = pathsOf(click).filter((p) => !["response_url", "actions.0.action_id"].includes(p.join(".")));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), replacement, async (path, value) => {
        const payload = { ...replaced(click, path, value), response_url: bot.fake.responseUrl("fuzz-click") };
        const res = await postSigned(bot.eventsUrl, { payload: JSON.stringify(payload) });
        expectHandled(res.status, res.ms);
      }),
      { numRuns: RUNS },
    );
  });

  it("an event with one field replaced", async () => {
    const event = eventCallback("T0001", { type: "channel_rename", channel: { id: "C0001", name: "general", created: 1 } });
    const paths = pathsOf(event);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), replacement, async (path, value) => {
        const res = await postSignedRaw(bot.eventsUrl, JSON.stringify(replaced(event, path, value)), "application/json");
        expectHandled(res.status, res.ms);
      }),
      { numRuns: RUNS },
    );
  });

  it("a slash command with fields removed, repeated or given any text", async () => {
    const form = slashCommandForm({ command: "/mandat", text: "norprem", response_url: "" });
    const keys = Object.keys(form);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.oneof(fc.constant<"remove">("remove"), fc.constant<"repeat">("repeat"), fc.string({ maxLength: 40 })),
        async (key, change) => {
          const fields = { ...form, response_url: bot.fake.responseUrl("fuzz-command") };
          const params = new URLSearchParams(fields);
          if (change === "remove") params.delete(key);
          else if (change === "repeat") params.append(key, fields[key as keyof typeof fields] ?? "");
          else params.set(key, change);
          const res = await postSignedRaw(bot.eventsUrl, params.toString(), "application/x-www-form-urlencoded");
          // An unknown command or workspace is Bolt's to answer (404 after 3 s, or an empty 200).
          expect(res.status).toBeLessThan(500);
          // Whatever the fields hold, the command runs or is refused in words: never the fault message.
          expect(res.text).not.toContain(messages("en").errors.internal());
          expect(logger.at("error").filter((e) => e.msg.startsWith("Bolt could not read"))).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
