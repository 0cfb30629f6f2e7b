import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Language } from "../../src/domain/language.js";
import { MandateSection } from "../../src/domain/mandate.js";
import { messages } from "../../src/i18n/index.js";
import { ACTION_PREFIX } from "../../src/slack/ids.js";
import { importMandates, useBot } from "../support/bot.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { MANDATES_DIR, ROOT } from "../support/paths.js";
import { buttonForm, postSigned, type SignOptions, type SlackResponse } from "../support/slack-request.js";

/**
 * Button clicks arrive as signed `payload=` forms. The app acks at once (an empty 200) and
 * replaces the message through response_url with the part of the mandate the button names,
 * in the language the button carries.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const MEMBERS_ONLY = path.join(ROOT, "tests", "fixtures", "slack-members-only.yaml");
const MEMBER = "U0LUKMEDL";
const OUTSIDER = "U0OUTSIDER";
/** Words of the members-only fixture that must never reach an outsider. */
const SECRET_WORDS = ["Ørnereden", "Lukket styregruppe", "Eagle", "falkeøje", "hemmeligt-kodeord", "Formand", "U0LUKCHAIR"];

interface Block {
  type: string;
  text?: { type: string; text: string };
  fields?: { text: string }[];
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[];
}

interface Click {
  ack: SlackResponse;
  posted: RecordedCall["body"];
}

describe("mandate buttons over signed HTTP", () => {
  const running = useBot({ now: NOW, seed: (bot) => importMandates(bot, [MANDATES_DIR, MEMBERS_ONLY], NOW) });
  let clicks = 0;

  /** Clicks a button and returns the ack and what the app then posted to that click's response_url. */
  async function click(actionId: string, value: string, userId = OUTSIDER): Promise<Click> {
    const id = `click-${++clicks}`;
    const ack = await postSigned(
      running.bot.eventsUrl,
      buttonForm({ actionId, value, userId, responseUrl: running.bot.fake.responseUrl(id) }),
    );
    const posted = await running.bot.fake.waitFor((c) => c.method === `response_url:${id}`);
    return { ack, posted: posted.body };
  }

  const sectionButton = (committee: string, section: MandateSection | "summary", language: Language) => ({
    actionId: `${ACTION_PREFIX.mandateSection}:${section}`,
    value: JSON.stringify({ committee, section, language }),
  });
  const openButton = (committee: string, language: Language) => ({
    actionId: `${ACTION_PREFIX.openCommittee}:${committee}`,
    value: JSON.stringify({ committee, language }),
  });

  const blocksOf = (posted: Click["posted"]) => posted.blocks as Block[];
  const headerOf = (posted: Click["posted"]) => blocksOf(posted).find((b) => b.type === "header")?.text?.text;
  const buttonsOf = (posted: Click["posted"]) =>
    blocksOf(posted)
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.type === "button");
  const sectionTexts = (posted: Click["posted"]) =>
    blocksOf(posted).flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)]);

  function expectAckedAtOnce(ack: SlackResponse) {
    expect(ack.status).toBe(200);
    // The reply does not ride in the ack: it replaces the message through response_url.
    expect(ack.text).toBe("");
    expect(ack.ms).toBeLessThan(2500);
  }

  it.each(MandateSection.options)("the %s button replaces the message with that section, in the button's language", async (section) => {
    const { actionId, value } = sectionButton("norprem", section, "nb");
    const { ack, posted } = await click(actionId, value);
    expectAckedAtOnce(ack);
    expect(posted.replace_original).toBe(true);
    expect(posted.response_type).toBe("ephemeral");
    const m = messages("nb");
    expect(headerOf(posted)).toBe("Nasjonalt kompetansenettverk for persontilpasset medisin");
    expect(posted.text).toBe(`Nasjonalt kompetansenettverk for persontilpasset medisin: ${m.sections[section]}`);
    expect(sectionTexts(posted)).toContain(`*${m.sections[section]}*`);
    // Buttons lead to every other part, not to the one shown, and each carries the language on.
    const shown = buttonsOf(posted);
    expect(shown.map((b) => b.action_id).sort()).toEqual(
      ["summary", ...MandateSection.options]
        .filter((s) => s !== section)
        .map((s) => `${ACTION_PREFIX.mandateSection}:${s}`)
        .sort(),
    );
    for (const b of shown) expect(JSON.parse(b.value ?? "{}")).toMatchObject({ committee: "norprem", language: "nb" });
  });

  it("shows the tasks section with the mandate's own tasks", async () => {
    const { actionId, value } = sectionButton("norprem", "tasks", "nb");
    const { posted } = await click(actionId, value);
    const body = sectionTexts(posted).join("\n");
    expect(body).toContain("Oppgaver");
    expect(body).toContain("Fremme bedre og mer ensartet diagnostikk, behandling og oppfølging av pasienter.");
    expect(body).toContain("`informasjonsutveksling`");
  });

  it("answers in the language the button carries, not the committee's", async () => {
    const en = await click(sectionButton("norprem", "tasks", "en").actionId, sectionButton("norprem", "tasks", "en").value);
    expect(headerOf(en.posted)).toBe("National competence network for personalised medicine");
    expect(sectionTexts(en.posted)).toContain("*Tasks*");
    expect(buttonsOf(en.posted).map((b) => b.text?.text)).toContain("Summary");

    const sv = await click(sectionButton("norprem", "meetings", "sv").actionId, sectionButton("norprem", "meetings", "sv").value);
    // No Swedish name in the file: the committee's own name, with Swedish words around it.
    expect(headerOf(sv.posted)).toBe("Nasjonalt kompetansenettverk for persontilpasset medisin");
    expect(sectionTexts(sv.posted)).toContain("*Möten*");

    const da = await click(sectionButton("gms-2024", "funding", "da").actionId, sectionButton("gms-2024", "funding", "da").value);
    expect(sectionTexts(da.posted)).toContain("*Finansiering*");
    expect(buttonsOf(da.posted).map((b) => b.text?.text)).toContain("Resumé");
  });

  it("the Open button next to a committee replaces the list with its summary", async () => {
    const { actionId, value } = openButton("gms-2024", "en");
    const { ack, posted } = await click(actionId, value);
    expectAckedAtOnce(ack);
    expect(posted.replace_original).toBe(true);
    expect(posted.response_type).toBe("ephemeral");
    expect(headerOf(posted)).toBe("Assignment to pay funds to Genomic Medicine Sweden, 2024");
    expect(String(posted.text)).toMatch(/^Assignment to pay funds to Genomic Medicine Sweden, 2024: Regeringen ger Socialstyrelsen/);
    // The summary offers every section, and no "summary" button.
    expect(
      buttonsOf(posted)
        .map((b) => b.action_id)
        .sort(),
    ).toEqual(MandateSection.options.map((s) => `${ACTION_PREFIX.mandateSection}:${s}`).sort());
    expect(buttonsOf(posted).map((b) => b.text?.text)).toEqual(expect.arrayContaining(["Tasks", "Funding"]));
  });

  it("the summary button leads back to the summary", async () => {
    const { actionId, value } = sectionButton("dk-personlig-medicin", "summary", "da");
    const { posted } = await click(actionId, value);
    expect(posted.replace_original).toBe(true);
    expect(buttonsOf(posted).map((b) => b.action_id)).not.toContain(`${ACTION_PREFIX.mandateSection}:summary`);
    expect(buttonsOf(posted)).toHaveLength(MandateSection.options.length);
  });

  it.each([
    ["not JSON", "section", "{committee: norprem"],
    ["an empty value", "section", ""],
    ["an unknown language", "section", JSON.stringify({ committee: "norprem", section: "tasks", language: "xx" })],
    ["an unknown section", "section", JSON.stringify({ committee: "norprem", section: "secrets", language: "en" })],
    ["a slug that is no slug", "section", JSON.stringify({ committee: "NorPreM <!channel>", section: "tasks", language: "en" })],
    ["an extra key", "section", JSON.stringify({ committee: "norprem", section: "tasks", language: "en", admin: true })],
    ["a missing key", "section", JSON.stringify({ committee: "norprem", section: "tasks" })],
    ["a JSON array", "section", JSON.stringify(["norprem", "tasks", "en"])],
    ["a section value on an Open button", "open", JSON.stringify({ committee: "norprem", section: "tasks", language: "en" })],
    ["a slug of 41 characters", "open", JSON.stringify({ committee: "a".repeat(41), language: "en" })],
  ])("a button value with %s gets the stale_button message and nothing of any mandate", async (_label, kind, value) => {
    const actionId = kind === "open" ? `${ACTION_PREFIX.openCommittee}:norprem` : `${ACTION_PREFIX.mandateSection}:tasks`;
    const { ack, posted } = await click(actionId, value);
    expectAckedAtOnce(ack);
    const stale = messages("en").errors.stale_button();
    expect(posted.replace_original).toBe(true);
    expect(posted.text).toBe(stale);
    expect(blocksOf(posted)).toHaveLength(1);
    expect(blocksOf(posted)[0]?.text?.text).toContain(stale);
    expect(JSON.stringify(posted)).not.toContain("persontilpasset");
  });

  it("a well-formed value naming no committee gets unknown_committee in the button's language", async () => {
    const { actionId, value } = openButton("no-such-committee", "sv");
    const { posted } = await click(actionId, value);
    expect(posted.replace_original).toBe(true);
    expect(posted.text).toBe(messages("sv").errors.unknown_committee({ query: "no-such-committee" }));
  });

  describe("a members-only committee", () => {
    it("opens for a member of its roster (the buttons work at all)", async () => {
      const open = await click(openButton("slack-lukket", "da").actionId, openButton("slack-lukket", "da").value, MEMBER);
      expect(headerOf(open.posted)).toBe("Lukket styregruppe Ørnereden");
      const tasks = await click(
        sectionButton("slack-lukket", "tasks", "da").actionId,
        sectionButton("slack-lukket", "tasks", "da").value,
        MEMBER,
      );
      expect(sectionTexts(tasks.posted).join("\n")).toContain("Behandle fortrolige sager om falkeøje.");
    });

    it.each([
      ["the Open button", openButton("slack-lukket", "da")],
      ["the Open button, in English", openButton("slack-lukket", "en")],
      ["a section button", sectionButton("slack-lukket", "members", "da")],
      ["the purpose button", sectionButton("slack-lukket", "purpose", "da")],
    ])("%s clicked by an outsider gets unknown_committee and reveals nothing", async (_label, { actionId, value }) => {
      const language = (JSON.parse(value) as { language: Language }).language;
      const { ack, posted } = await click(actionId, value, OUTSIDER);
      expectAckedAtOnce(ack);
      expect(posted.replace_original).toBe(true);
      expect(posted.text).toBe(messages(language).errors.unknown_committee({ query: "slack-lukket" }));
      const everything = JSON.stringify(posted);
      for (const word of SECRET_WORDS) expect(everything).not.toContain(word);
      expect(buttonsOf(posted)).toEqual([]);
    });
  });

  describe("an interactivity request that is not signed by Slack", () => {
    it.each<[string, SignOptions]>([
      ["no signature", { signature: null }],
      ["a signature made with another secret", { secret: "not-the-secret" }],
      ["a stale timestamp", { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 }],
    ])("with %s gets 401 and no reply", async (_label, options) => {
      const id = `unsigned-${++clicks}`;
      const { actionId, value } = openButton("norprem", "en");
      const res = await postSigned(
        running.bot.eventsUrl,
        buttonForm({ actionId, value, responseUrl: running.bot.fake.responseUrl(id) }),
        options,
      );
      expect(res.status).toBe(401);
      // Give a wrongly accepted click time to reply, then check that none did.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(running.bot.fake.callsTo(`response_url:${id}`)).toEqual([]);
    });
  });
});
