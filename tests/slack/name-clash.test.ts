import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportOutcome } from "../../src/services/mandate-importer.js";
import { ACTION_PREFIX } from "../../src/slack/ids.js";
import { useBot } from "../support/bot.js";
import { buttonForm, postSigned, slashCommandForm } from "../support/slack-request.js";
import { smallMandate } from "../support/small-mandate.js";

/**
 * A short name equal to another committee's slug: the slug wins. `/mandat alfa` and the Open
 * button of the committee list (which sends the slug) open committee `alfa`, not the committee
 * whose short name is "Alfa"; that one is still found by its own slug. The importer warns.
 */

const NOW = new Date("2026-11-23T09:00:00Z");

interface Block {
  type: string;
  text?: { text: string };
  accessory?: { action_id: string; value: string };
}

describe("a short name that is another committee's slug", () => {
  let scratch = "";
  const outcomes: ImportOutcome[] = [];
  const running = useBot({
    now: NOW,
    seed: async (bot) => {
      scratch = await mkdtemp(path.join(tmpdir(), "mandat-clash-"));
      // beta's short name is alfa's slug (alfa imported first); gamma's slug is the short name of
      // delta (delta imported first): each clash is warned about on the file that brings it.
      await writeFile(path.join(scratch, "a-alfa.yaml"), smallMandate("alfa"));
      await writeFile(path.join(scratch, "b-beta.yaml"), smallMandate("beta", { shortName: "Alfa" }));
      await writeFile(path.join(scratch, "c-delta.yaml"), smallMandate("delta", { shortName: "Gamma" }));
      await writeFile(path.join(scratch, "d-gamma.yaml"), smallMandate("gamma"));
      outcomes.push(...(await bot.services.importer.importPath(scratch, { now: NOW, defaultWorkspace: bot.workspaceId })));
    },
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  const headerOf = (blocks: unknown) => (blocks as Block[]).find((b) => b.type === "header")?.text?.text;

  it("imports every file, warning on each side of a clash as it is found", () => {
    expect(outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
      ["a-alfa.yaml", "created"],
      ["b-beta.yaml", "created"],
      ["c-delta.yaml", "created"],
      ["d-gamma.yaml", "created"],
    ]);
    const warnings = outcomes.map((o) => (o.status === "refused" ? undefined : o.warnings));
    expect(warnings).toEqual([
      undefined,
      [{ path: "short_name", message: expect.stringMatching(/^"Alfa" is the slug of another committee \(.*a-alfa\.yaml\)/) }],
      undefined,
      [{ path: "slug", message: expect.stringMatching(/^committee "delta" \(.*c-delta\.yaml\) has "Gamma" as its short name/) }],
    ]);
  });

  it.each([
    ["alfa", "Udvalget alfa"],
    ["ALFA", "Udvalget alfa"],
    ["beta", "Udvalget beta"],
    ["gamma", "Udvalget gamma"],
    ["delta", "Udvalget delta"],
  ])("/mandat %s opens %s", async (text, name) => {
    const res = await postSigned(running.bot.eventsUrl, slashCommandForm({ command: "/mandat", text }));
    expect(headerOf(res.json?.blocks)).toBe(name);
  });

  it("every Open button of the committee list opens the committee it stands next to", async () => {
    const list = await postSigned(running.bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "" }));
    const blocks = (list.json?.blocks ?? []) as Block[];
    const rows = blocks.filter((b) => b.accessory?.action_id.startsWith(ACTION_PREFIX.openCommittee));
    expect(rows).toHaveLength(4);
    let clicks = 0;
    for (const row of rows) {
      const shown = row.text?.text.split("\n")[0]?.replaceAll("*", "");
      const id = `open-${++clicks}`;
      const accessory = row.accessory;
      if (!accessory) return expect.fail("no button");
      await postSigned(
        running.bot.eventsUrl,
        buttonForm({ actionId: accessory.action_id, value: accessory.value, responseUrl: running.bot.fake.responseUrl(id) }),
      );
      const posted = await running.bot.fake.waitFor((c) => c.method === `response_url:${id}`);
      expect(headerOf(posted.body.blocks), `the Open button next to ${shown}`).toBe(shown);
    }
  });
});
