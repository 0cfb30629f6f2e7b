import path from "node:path";
import { describe, expect, it } from "vitest";
import { prismaOf } from "../../src/db/connect.js";
import { MandateSection } from "../../src/domain/mandate.js";
import { formatDate } from "../../src/i18n/format.js";
import { messages } from "../../src/i18n/index.js";
import { blockKitProblems } from "../support/block-kit.js";
import { importMandates, useBot } from "../support/bot.js";
import { MANDATES_DIR, ROOT } from "../support/paths.js";
import { postSigned, type SlackResponse, slashCommandForm } from "../support/slack-request.js";

/**
 * /frist and /mandat over the real signed-HTTP path: what comes back must be a reply Slack
 * accepts (Block Kit limits), permissions must hold, and user text must never ping anyone.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const MEMBERS_ONLY = path.join(ROOT, "tests", "fixtures", "slack-members-only.yaml");
const SHIPPED = ["dk-personlig-medicin", "gms-2022", "gms-2024", "norprem"];
const SECRETARIAT = "U0LUKSEKR";
const CHAIR = "U0LUKCHAIR";
const MEMBER = "U0LUKMEDL";
const OUTSIDER = "U0OUTSIDER";

type Json = Record<string, unknown>;

/** The strings Slack reads as mrkdwn: the text fallback and every mrkdwn text object. */
function mrkdwnStrings(message: Json | undefined): string[] {
  const out: string[] = [];
  if (typeof message?.text === "string") out.push(message.text);
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const obj = node as Json;
    if (obj.type === "mrkdwn" && typeof obj.text === "string") out.push(obj.text);
    Object.values(obj).forEach(visit);
  };
  visit(message?.blocks);
  return out;
}

describe("/mandat and /frist over signed HTTP", () => {
  const running = useBot({ now: NOW, seed: (bot) => importMandates(bot, [MANDATES_DIR, MEMBERS_ONLY], NOW) });

  const send = (command: "/mandat" | "/frist", text: string, userId = OUTSIDER): Promise<SlackResponse> =>
    postSigned(
      running.bot.eventsUrl,
      slashCommandForm({ command, text, user_id: userId, response_url: running.bot.fake.responseUrl(`cmd-${command}`) }),
    );

  function expectEphemeralBlockKit(res: SlackResponse) {
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(blockKitProblems(res.json)).toEqual([]);
  }

  describe("every reply is an ephemeral Block Kit message within Slack's limits", () => {
    const cases: [string, "/mandat" | "/frist", string, string][] = [
      ["outsider", "/mandat", "", OUTSIDER],
      ["member", "/mandat", "", MEMBER],
      ["outsider", "/mandat", "help", OUTSIDER],
      ["outsider", "/mandat", "hjælp", OUTSIDER],
      ["outsider", "/mandat", "søk medisin", OUTSIDER],
      ["outsider", "/mandat", "search genom", OUTSIDER],
      ["outsider", "/mandat", "sök a", OUTSIDER],
      ["outsider", "/mandat", "no such committee", OUTSIDER],
      ["outsider", "/mandat", "norprem budjet", OUTSIDER],
      ["outsider", "/mandat", "gms", OUTSIDER],
      ...[...SHIPPED, "slack-lukket"].flatMap((slug) =>
        [slug, ...MandateSection.options.map((s) => `${slug} ${s}`)].map((text): [string, "/mandat", string, string] => [
          slug === "slack-lukket" ? "member" : "outsider",
          "/mandat",
          text,
          slug === "slack-lukket" ? MEMBER : OUTSIDER,
        ]),
      ),
      ["outsider", "/frist", "", OUTSIDER],
      ["member", "/frist", "", MEMBER],
      ["outsider", "/frist", "alle", OUTSIDER],
      ["member", "/frist", "alle", MEMBER],
      ["outsider", "/frist", "hjelp", OUTSIDER],
      ...SHIPPED.flatMap((slug): [string, "/frist", string, string][] => [
        ["outsider", "/frist", slug, OUTSIDER],
        ["outsider", "/frist", `${slug} all`, OUTSIDER],
      ]),
      ["member", "/frist", "slack-lukket alle", MEMBER],
      ["outsider", "/frist", "done", OUTSIDER],
      ["outsider", "/frist", "klar 999999", OUTSIDER],
      ["outsider", "/frist", "waive 1", OUTSIDER],
      ["secretariat", "/frist", "slack-lukket ny 31.2.2027 Ingen dag", SECRETARIAT],
      ["secretariat", "/frist", "slack-lukket ny i morgen", SECRETARIAT],
      ["secretariat", "/frist", `slack-lukket ny 1.1.2027 ${"x".repeat(201)}`, SECRETARIAT],
    ];
    it.each(cases)("%s: %s %s", async (_who, command, text, userId) => {
      expectEphemeralBlockKit(await send(command, text, userId));
    });
  });

  it("/mandat <committee> answers with the summary in the committee's language", async () => {
    const res = await send("/mandat", "NorPreM");
    expectEphemeralBlockKit(res);
    const blocks = (res.json?.blocks ?? []) as Json[];
    expect((blocks[0]?.text as Json | undefined)?.text).toBe("Nasjonalt kompetansenettverk for persontilpasset medisin");
    expect(JSON.stringify(blocks)).toContain(messages("nb").sections.tasks);
  });

  it("/frist <committee> alle lists the mandate's deadlines with days left", async () => {
    const res = await send("/frist", "gms-2024 alla");
    expectEphemeralBlockKit(res);
    const body = JSON.stringify(res.json);
    expect(body).toContain("Rekvisition av 49 500 000 kronor till Kammarkollegiet");
    expect(body).toContain(formatDate("2024-11-01", "sv"));
  });

  describe("adding a deadline", () => {
    it("the secretariat (by Slack id on the roster) adds one with `/frist <committee> ny <date> <title>`, and it is stored", async () => {
      const before = await prismaOf(running.db).deadline.count();
      const res = await send("/frist", "slack-lukket ny 31.3.2027 Budgetopfølgning for 2027", SECRETARIAT);
      expectEphemeralBlockKit(res);
      const stored = await prismaOf(running.db).deadline.findMany({
        where: { title: "Budgetopfølgning for 2027" },
        include: { committee: true },
      });
      expect(stored).toHaveLength(1);
      const row = stored[0];
      if (!row) throw new Error("not stored");
      expect(row.committee.slug).toBe("slack-lukket");
      expect(row.dueDate.toISOString().slice(0, 10)).toBe("2027-03-31");
      expect(row.source).toBe("manual");
      expect(row.status).toBe("open");
      expect(row.createdBy).toBe(SECRETARIAT);
      expect(await prismaOf(running.db).deadline.count()).toBe(before + 1);
      // The reply is in the committee's language (Danish) and names the new deadline's number.
      expect(res.json?.text).toBe(
        messages("da").deadlineAdded(row.id, "Budgetopfølgning for 2027", formatDate("2027-03-31", "da"), "Lukket styregruppe Ørnereden"),
      );

      // … and the members see it (it is more than 90 days ahead, so in the full list).
      const listed = await send("/frist", "slack-lukket alle", MEMBER);
      expect(JSON.stringify(listed.json)).toContain(`#${row.id} Budgetopfølgning for 2027`);
    });

    it("the chair may add one too", async () => {
      const res = await send("/frist", "slack-lukket new 2027-05-01 Formandens frist", CHAIR);
      expectEphemeralBlockKit(res);
      expect(await prismaOf(running.db).deadline.count({ where: { title: "Formandens frist" } })).toBe(1);
    });

    it("a member who is neither chair nor secretariat is refused in the committee's language, and nothing is stored", async () => {
      const before = await prismaOf(running.db).deadline.count();
      const res = await send("/frist", "slack-lukket ny 31.3.2027 Medlemmets egen frist", MEMBER);
      expectEphemeralBlockKit(res);
      expect(res.json?.text).toBe(messages("da").errors.not_allowed_to_edit_deadlines({ committee: "slack-lukket" }));
      expect(await prismaOf(running.db).deadline.count()).toBe(before);
      expect(await prismaOf(running.db).deadline.count({ where: { title: { contains: "Medlemmets" } } })).toBe(0);
    });

    it("someone on no roster is refused on a public committee, in the committee's language, and nothing is stored", async () => {
      const before = await prismaOf(running.db).deadline.count();
      const res = await send("/frist", "gms-2024 ny 1.6.2027 Slutrapport", OUTSIDER);
      expect(res.json?.text).toBe(messages("sv").errors.not_allowed_to_edit_deadlines({ committee: "gms-2024" }));
      expect(await prismaOf(running.db).deadline.count()).toBe(before);
    });

    it("an outsider cannot add to a members-only committee, and is not told it exists", async () => {
      const before = await prismaOf(running.db).deadline.count();
      const res = await send("/frist", "slack-lukket ny 31.3.2027 Udefra", OUTSIDER);
      expect(res.json?.text).toBe(messages("en").errors.unknown_committee({ query: "slack-lukket" }));
      expect(JSON.stringify(res.json)).not.toContain("Ørnereden");
      expect(await prismaOf(running.db).deadline.count()).toBe(before);
    });
  });

  describe("user text is escaped, so `<!channel>` pings no one", () => {
    const TITLE = "<!channel> Husk & mød op <@U0LUKCHAIR>";
    const ESCAPED = "&lt;!channel&gt; Husk &amp; mød op &lt;@U0LUKCHAIR&gt;";

    const expectNoRawMention = (res: SlackResponse) => {
      for (const text of mrkdwnStrings(res.json)) {
        expect(text).not.toContain("<!channel>");
        expect(text).not.toContain("<@U0LUKCHAIR>");
      }
    };

    it("in the reply to adding a deadline titled with it (the title is stored as typed)", async () => {
      const res = await send("/frist", `slack-lukket ny 24.11.2026 ${TITLE}`, SECRETARIAT);
      expectEphemeralBlockKit(res);
      expect(await prismaOf(running.db).deadline.count({ where: { title: TITLE } })).toBe(1);
      expect(JSON.stringify(res.json)).toContain(ESCAPED);
      expectNoRawMention(res);
    });

    it("in the deadline list, blocks and text fallback alike", async () => {
      // The secretariat completes what is due before it, so it heads the list and the fallback text names it.
      const earlier = await prismaOf(running.db).deadline.findMany({
        where: { committee: { slug: "slack-lukket" }, status: "open", dueDate: { lt: new Date("2026-11-24T00:00:00Z") } },
      });
      for (const d of earlier) {
        const done = await send("/frist", `klar ${d.id}`, SECRETARIAT);
        expect(done.json?.text).toBe(messages("da").deadlineDone(d.id, d.title));
      }
      const res = await send("/frist", "slack-lukket", MEMBER);
      expectEphemeralBlockKit(res);
      expect(String(res.json?.text)).toContain(ESCAPED);
      expect(JSON.stringify(res.json?.blocks)).toContain(ESCAPED);
      expectNoRawMention(res);
    });

    it("in an unknown committee's error", async () => {
      const res = await send("/mandat", "<!channel>");
      expectEphemeralBlockKit(res);
      expect(res.json?.text).toBe(messages("en").errors.unknown_committee({ query: "&lt;!channel&gt;" }));
      expectNoRawMention(res);
    });

    it("in a search for it", async () => {
      const res = await send("/mandat", "search <!channel>");
      expectEphemeralBlockKit(res);
      expectNoRawMention(res);
    });

    it("in a date that is not a date", async () => {
      const res = await send("/frist", "slack-lukket ny <!channel> tomorrow", SECRETARIAT);
      expectEphemeralBlockKit(res);
      expectNoRawMention(res);
    });
  });

  it("replies to /frist within Slack's budget over the signed HTTP path (measured)", async () => {
    const RUNS = 20;
    for (let i = 0; i < 2; i++) await send("/frist", "", MEMBER); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const res = await send("/frist", "", MEMBER);
      expect(res.status).toBe(200);
      expect(res.json?.response_type).toBe("ephemeral");
      times.push(res.ms);
    }
    times.sort((a, b) => a - b);
    const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;
    const p95 = times[Math.ceil(RUNS * 0.95) - 1] ?? 0;
    console.log(
      `[mandat] /frist over signed HTTP (PGlite, ${RUNS} requests): median ${median.toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms, min ${(times[0] ?? 0).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms`,
    );
    // A sanity bound only: Slack's own budget, not a performance target.
    expect(median).toBeLessThan(2500);
  });
});
