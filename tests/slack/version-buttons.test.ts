import { describe, expect, it } from "vitest";
import { buttonValue, sectionActionId } from "../../src/slack/ids.js";
import { SAERUDVALG_V1, SAERUDVALG_V2 } from "../integration/helpers.js";
import { importMandates, useBot } from "../support/bot.js";
import { buttonForm, postSigned } from "../support/slack-request.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const CHAIR = "U0CHAIR";

describe("buttons under an earlier mandate version", () => {
  const running = useBot({
    now: NOW,
    seed: async (bot) => {
      await importMandates(bot, [SAERUDVALG_V1], NOW);
      await importMandates(bot, [SAERUDVALG_V2], new Date(NOW.getTime() + 60_000));
    },
  });

  async function click(value: Parameters<typeof buttonValue>[0] & { section: "summary" | "obligations" }, id: string) {
    const ack = await postSigned(
      running.bot.eventsUrl,
      buttonForm({
        actionId: sectionActionId(value.section),
        value: buttonValue(value),
        userId: CHAIR,
        responseUrl: running.bot.fake.responseUrl(id),
      }),
    );
    expect(ack.status).toBe(200);
    return JSON.stringify((await running.bot.fake.waitFor((c) => c.method === `response_url:${id}`)).body.blocks);
  }

  it("stay in that version, and without a version show the current one", async () => {
    const old = await click({ committee: "saerudvalg", section: "obligations", language: "da", version: 1 }, "v1");
    expect(old).toContain("Tidligere version 1; den gældende er version 2.");
    expect(old).toContain('\\"version\\":1');
    const current = await click({ committee: "saerudvalg", section: "obligations", language: "da" }, "current");
    expect(current).not.toContain("Tidligere version");
    expect(current).not.toContain('\\"version\\"');
  });
});
