import path from "node:path";
import { describe, expect, it } from "vitest";
import { prismaOf } from "../../src/db/connect.js";
import { messages } from "../../src/i18n/index.js";
import { MAX_COMMAND_TEXT } from "../../src/slack/commands/index.js";
import { importMandates, useBot } from "../support/bot.js";
import { MANDATES_DIR, ROOT } from "../support/paths.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";

/**
 * Text after a slash command longer than MAX_COMMAND_TEXT characters is refused before it is
 * read, at once, in the caller's language, and changes nothing.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const MEMBERS_ONLY = path.join(ROOT, "tests", "fixtures", "slack-members-only.yaml");
/** On the roster of a Danish committee (slack-lukket): refusals to him are in Danish. */
const MEMBER = "U0LUKMEDL";
const CHAIR = "U0LUKCHAIR";
const OUTSIDER = "U0OUTSIDER";

describe("slash command text over the limit", () => {
  const running = useBot({ now: NOW, seed: (bot) => importMandates(bot, [MANDATES_DIR, MEMBERS_ONLY], NOW) });
  const send = (command: "/mandat" | "/frist", text: string, userId: string) =>
    postSigned(running.bot.eventsUrl, slashCommandForm({ command, text, user_id: userId }));

  it("is the 4000 characters Slack advises for a message (its docs name no limit for command text)", () => {
    expect(MAX_COMMAND_TEXT).toBe(4000);
  });

  it("one character over: refused with the limit and the length, in the language of the caller's committees", async () => {
    const res = await send("/mandat", `søg ${"a".repeat(MAX_COMMAND_TEXT - 3)}`, MEMBER);
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(res.json?.text).toBe(messages("da").errors.command_too_long({ max: 4000, length: 4001 }));
  });

  it("for someone on no roster, in DEFAULT_LANGUAGE", async () => {
    const res = await send("/frist", "x".repeat(MAX_COMMAND_TEXT + 1), OUTSIDER);
    expect(res.json?.text).toBe(messages("en").errors.command_too_long({ max: 4000, length: 4001 }));
  });

  it("exactly at the limit is read as usual (a search for the words)", async () => {
    const res = await send("/mandat", `søg ${"a".repeat(MAX_COMMAND_TEXT - 4)}`, MEMBER);
    expect(res.status).toBe(200);
    expect(res.json?.text).not.toBe(messages("da").errors.command_too_long({ max: 4000, length: 4000 }));
    expect(JSON.stringify(res.json)).not.toContain("4000");
  });

  it("counts characters, not UTF-16 units: 4000 emoji are at the limit, 4001 over it", async () => {
    const atLimit = await send("/mandat", "😀".repeat(MAX_COMMAND_TEXT), OUTSIDER);
    expect(atLimit.json?.text).toBe(messages("en").errors.unknown_committee({ query: "😀".repeat(MAX_COMMAND_TEXT) }));
    const over = await send("/mandat", "😀".repeat(MAX_COMMAND_TEXT + 1), OUTSIDER);
    expect(over.json?.text).toBe(messages("en").errors.command_too_long({ max: 4000, length: 4001 }));
  });

  it("a megabyte of text is refused fast", async () => {
    const text = `slack-lukket alle ${"a".repeat(1_000_000)}`;
    const res = await send("/frist", text, MEMBER);
    expect(res.json?.text).toBe(messages("da").errors.command_too_long({ max: 4000, length: text.length }));
    // A sanity bound, not a benchmark: the text is counted, never parsed.
    expect(res.ms).toBeLessThan(1500);
  });

  it("a chair's /frist ny with an over-long title adds nothing", async () => {
    const before = await prismaOf(running.db).deadline.count();
    const text = `slack-lukket ny 1.6.2027 ${"Slutrapport ".repeat(400)}`;
    const res = await send("/frist", text, CHAIR);
    expect(res.json?.text).toBe(messages("da").errors.command_too_long({ max: 4000, length: text.length }));
    expect(await prismaOf(running.db).deadline.count()).toBe(before);
  });
});
