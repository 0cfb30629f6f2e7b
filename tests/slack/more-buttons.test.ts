import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMITTEES_PER_PAGE } from "../../commands/mandat.js";
import { PUBLIC_LISTED_MAX } from "../../src/domain/deadline.js";
import { messages } from "../../src/i18n/index.js";
import { ACTION_PREFIX } from "../../src/slack/ids.js";
import { importMandates, useBot } from "../support/bot.js";
import { MANDATES_DIR, ROOT } from "../support/paths.js";
import { buttonForm, postSigned, slashCommandForm } from "../support/slack-request.js";
import { smallMandate } from "../support/small-mandate.js";

/**
 * Long lists come a page at a time: someone on no roster sees the next PUBLIC_LISTED_MAX public
 * deadlines, `/mandat` the first COMMITTEES_PER_PAGE public committees, each with a "Show more"
 * button that posts the next page under the message. Walking the pages gives the whole list,
 * once, in order, and never a members-only committee.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const MEMBERS_ONLY = path.join(ROOT, "tests", "fixtures", "slack-members-only.yaml");
const OUTSIDER = "U0OUTSIDER";
/** More public committees than one page of `/mandat` shows. */
const EXTRA_COMMITTEES = COMMITTEES_PER_PAGE + 5;

interface Block {
  type: string;
  text?: { text: string };
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[];
}

let scratch = "";
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function extraCommittees(): Promise<string> {
  scratch = await mkdtemp(path.join(tmpdir(), "mandat-more-"));
  for (let i = 0; i < EXTRA_COMMITTEES; i++) {
    const slug = `udvalg-${String(i).padStart(2, "0")}`;
    await writeFile(path.join(scratch, `${slug}.yaml`), smallMandate(slug));
  }
  return scratch;
}

describe('"Show more" under long lists, over signed HTTP', () => {
  const running = useBot({
    now: NOW,
    seed: async (bot) => importMandates(bot, [MANDATES_DIR, MEMBERS_ONLY, await extraCommittees()], NOW),
  });
  let clicks = 0;

  const moreButton = (blocks: Block[], prefix: string) =>
    blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).find((e) => e.action_id === prefix);

  /** Clicks a button; what the app posted to that click's response_url. */
  async function click(actionId: string, value: string) {
    const id = `more-${++clicks}`;
    const ack = await postSigned(
      running.bot.eventsUrl,
      buttonForm({ actionId, value, userId: OUTSIDER, responseUrl: running.bot.fake.responseUrl(id) }),
    );
    expect(ack.status).toBe(200);
    return (await running.bot.fake.waitFor((c) => c.method === `response_url:${id}`)).body;
  }

  const deadlineNumbers = (blocks: Block[]) =>
    blocks.flatMap((b) => [...(b.text?.text ?? "").matchAll(/\*#(\d+) /g)].map((m) => Number(m[1])));

  it("walks every public deadline a page at a time, each deadline once, soonest first, none of a members-only committee", async () => {
    const first = await postSigned(running.bot.eventsUrl, slashCommandForm({ command: "/frist", text: "alle", user_id: OUTSIDER }));
    let blocks = (first.json?.blocks ?? []) as Block[];
    const seen = deadlineNumbers(blocks);
    expect(seen).toHaveLength(PUBLIC_LISTED_MAX);
    let pages = 1;
    for (let button = moreButton(blocks, ACTION_PREFIX.moreDeadlines); button?.value; ) {
      const posted = await click(button.action_id ?? "", button.value);
      // A new message under the one clicked: the page before stays readable.
      expect(posted.replace_original).toBe(false);
      blocks = posted.blocks as Block[];
      expect(blocks[0]?.text?.text).toBe(messages("en").deadlineList.titleAll);
      seen.push(...deadlineNumbers(blocks));
      button = moreButton(blocks, ACTION_PREFIX.moreDeadlines);
      pages++;
    }
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    const committees = await running.bot.services.directory.mine({ workspaceId: running.bot.workspaceId, slackUserId: "U0LUKMEDL" });
    const hidden = committees.map((v) => v.committee.id);
    const rows = await running.db.store.deadlines.byIds(seen);
    expect(rows.filter((d) => hidden.includes(d.committeeId))).toEqual([]);
    // In list order: by due date, then number.
    const ordered = [...rows].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
    expect(seen).toEqual(ordered.map((d) => d.id));
  });

  it("walks the public committees of /mandat a page at a time", async () => {
    const first = await postSigned(running.bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "", user_id: OUTSIDER }));
    const slugsOf = (blocks: Block[]) =>
      blocks.flatMap((b) => (b.type === "section" ? [...(b.text?.text ?? "").matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]) : []));
    let blocks = (first.json?.blocks ?? []) as Block[];
    const seen = slugsOf(blocks);
    expect(seen).toHaveLength(COMMITTEES_PER_PAGE);
    const button = moreButton(blocks, ACTION_PREFIX.moreCommittees);
    expect(button?.text?.text).toBe(messages("en").committeeList.showMore);
    blocks = (await click(button?.action_id ?? "", button?.value ?? "")).blocks as Block[];
    seen.push(...slugsOf(blocks));
    expect(moreButton(blocks, ACTION_PREFIX.moreCommittees)).toBeUndefined();
    // Four shipped public mandates and the extra ones; not the members-only one.
    expect(seen).toHaveLength(4 + EXTRA_COMMITTEES);
    expect(seen).toEqual([...seen].sort());
    expect(seen).not.toContain("slack-lukket");
  });

  it.each([
    ["a cursor that is not a date", { listing: "all", after: { dueDate: "31.12.2026", id: 1 }, language: "da" }],
    ["a row number out of range", { listing: "all", after: { dueDate: "2026-12-31", id: 2 ** 40 }, language: "da" }],
    ["an unknown listing", { listing: "everything", after: { dueDate: "2026-12-31", id: 1 }, language: "da" }],
  ])("a forged deadline page (%s) is refused as a stale button", async (_, value) => {
    const posted = await click(ACTION_PREFIX.moreDeadlines, JSON.stringify(value));
    // A value that does not parse cannot say its language: the deployment's default (English here).
    expect(JSON.stringify(posted.blocks)).toContain(messages("en").errors.stale_button().split("`")[0]);
  });
});
