import { describe, expect, it } from "vitest";
import { LISTED_MAX } from "../../src/domain/deadline.js";
import { LANGUAGES } from "../../src/domain/language.js";
import { MANDATE_LIMITS, MandateSection } from "../../src/domain/mandate.js";
import { messages } from "../../src/i18n/index.js";
import type { Services } from "../../src/services/create-services.js";
import { COUNTED_MAX } from "../../src/services/deadline-service.js";
import type { Block } from "../../src/slack/blocks/message.js";
import { type Answer, addDaysTo, CHAIR, expectKind, NOW, OUTSIDER, run, TEAM, useDatabase } from "../integration/helpers.js";
import { blockKitProblems } from "../support/block-kit.js";
import { filler, largestMandate } from "../support/largest-mandate.js";

/**
 * Every reply about the largest mandate the schema accepts fits Slack's Block Kit limits, in
 * every language: each /mandat part and the summary (current and earlier version), /frist lists,
 * search results, the committee list and the replies to adding, completing and waiving. What
 * does not fit in one message is cut with a note saying so, never silently, and a mandate's part
 * always keeps its buttons to the other parts.
 */

const COMMITTEES = 60;
const LATER = addDaysTo(NOW, 1);

async function seed(services: Services): Promise<void> {
  const v1 = largestMandate({ chairSlackId: "U0CHAIR" });
  await services.importer.importMandate("largest-v1.yaml", v1, TEAM, NOW);
  // A second version, so that the earlier one can be shown (with its note) and the history lists two.
  const v2 = largestMandate({ chairSlackId: "U0CHAIR" });
  v2.purpose = filler("Nyt formål", MANDATE_LIMITS.longText);
  await services.importer.importMandate("largest-v2.yaml", v2, TEAM, LATER);
  // Many committees with the longest names, for the committee list and search.
  for (let i = 0; i < COMMITTEES - 1; i++) {
    const other = largestMandate({ slug: `udvalg-${String(i).padStart(2, "0")}-${"x".repeat(MANDATE_LIMITS.slug - 10)}` });
    other.obligations = [];
    other.deadlines = [];
    other.provisions = [];
    other.tasks = other.tasks.slice(0, 8);
    other.members = other.members.slice(0, 1);
    await services.importer.importMandate(`other-${i}.yaml`, other, TEAM, NOW);
  }
  // Hand-added deadlines with the longest title, one waived with the longest reason.
  const title = filler("Håndfrist", MANDATE_LIMITS.title);
  const slug = v1.slug;
  for (let i = 0; i < 3; i++) {
    const added = await run(services, "/frist", `${slug} ny 1.12.2026 ${title}`, CHAIR, { now: LATER });
    const view = expectKind(added.reply, "deadline-changed").view;
    if (i === 0) await run(services, "/frist", `waive ${view.deadline.id} ${filler("Grund", 500)}`, CHAIR, { now: LATER });
    if (i === 1) await run(services, "/frist", `done ${view.deadline.id}`, CHAIR, { now: LATER });
  }
}

const slug = largestMandate().slug;

describe("the largest mandate: every reply fits Slack's Block Kit limits in every language", () => {
  const harness = useDatabase("pglite", seed);

  const answer = (command: "/mandat" | "/frist", text: string, language: (typeof LANGUAGES)[number], caller = CHAIR): Promise<Answer> =>
    run(harness().services, command, text, caller, { now: LATER, language });

  const cases: [string, "/mandat" | "/frist", string][] = [
    ["the committee list", "/mandat", ""],
    ["the summary", "/mandat", slug],
    ...MandateSection.options.map((s): [string, "/mandat", string] => [`the ${s} part`, "/mandat", `${slug} ${s}`]),
    ["the earlier version's summary", "/mandat", `${slug} v1`],
    ...MandateSection.options.map((s): [string, "/mandat", string] => [`the earlier version's ${s} part`, "/mandat", `${slug} v1 ${s}`]),
    ["search results", "/mandat", "search opgaver ansvar"],
    ["the chair's deadlines", "/frist", ""],
    ["all the chair's deadlines", "/frist", "alle"],
    ["the committee's deadlines", "/frist", slug],
    ["all the committee's deadlines", "/frist", `${slug} alle`],
  ];

  describe.each(LANGUAGES)("in %s", (language) => {
    it.each(cases)("%s", async (_label, command, text) => {
      for (const caller of command === "/mandat" && text === "" ? [CHAIR, OUTSIDER] : [CHAIR]) {
        const { reply, message } = await answer(command, text, language, caller);
        expect(reply.kind, JSON.stringify(reply.kind === "error" ? reply.error : "")).not.toBe("error");
        expect(reply.language).toBe(language);
        expect(blockKitProblems(message)).toEqual([]);
        if (reply.kind === "mandate") {
          // The buttons to the other parts survive whatever the part's length.
          const last = message.blocks.at(-1) as Block;
          expect(last.type).toBe("actions");
          expect(last.type === "actions" && last.elements).toHaveLength(MandateSection.options.length);
        }
      }
    });

    it("a part too long for one message says so at its end, before the buttons", async () => {
      const { message } = await answer("/mandat", `${slug} ${MandateSection.options[1]}`, language);
      const note = message.blocks.at(-2) as Block;
      expect(note.type).toBe("context");
      expect(JSON.stringify(note)).toContain(messages(language).summary.partCut);
      expect(message.blocks).toHaveLength(50);
    });

    it("lists that are cut say how many more there are", async () => {
      const list = await answer("/mandat", "", language);
      expect(JSON.stringify(list.message.blocks.at(-2))).toContain("/mandat");
      expect(JSON.stringify(list.message.blocks.at(-1))).toContain(messages(language).committeeList.showMore);
      const all = await answer("/frist", `${slug} alle`, language);
      const d = messages(language).deadlineList;
      const { items, total, totalIsAtLeast, next } = expectKind(all.reply, "deadlines");
      expect(items).toHaveLength(LISTED_MAX);
      // More than 3,000 rows: counted up to COUNTED_MAX, and said so.
      expect([total, totalIsAtLeast]).toEqual([COUNTED_MAX, true]);
      expect(JSON.stringify(all.message.blocks.at(-2))).toContain(d.more(total - LISTED_MAX, true).split("`")[0] ?? "");
      // The next page is a button away, and the message stays within Block Kit's limits.
      expect(next).toEqual({ dueDate: items.at(-1)?.deadline.dueDate, id: items.at(-1)?.deadline.id });
      expect(JSON.stringify(all.message.blocks.at(-1))).toContain(d.showMore);
    });

    it("adding, completing and waiving with the longest title and reason", async () => {
      const title = filler("Ny håndfrist", MANDATE_LIMITS.title);
      const added = await answer("/frist", `${slug} ny 2.12.2026 ${title}`, language);
      const id = expectKind(added.reply, "deadline-changed").view.deadline.id;
      expect(blockKitProblems(added.message)).toEqual([]);
      const waived = await answer("/frist", `waive ${id} ${filler("Grund", 500)}`, language);
      expect(blockKitProblems(waived.message)).toEqual([]);
      const other = expectKind((await answer("/frist", `${slug} ny 3.12.2026 ${title}`, language)).reply, "deadline-changed");
      const done = await answer("/frist", `done ${other.view.deadline.id}`, language);
      expect(blockKitProblems(done.message)).toEqual([]);
    });
  });
});
