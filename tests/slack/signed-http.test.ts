import path from "node:path";
import { describe, expect, it } from "vitest";
import { prismaOf } from "../../src/db/connect.js";
import { importMandates, useBot } from "../support/bot.js";
import { MANDATES_DIR, ROOT } from "../support/paths.js";
import { postSigned, type SignOptions, slashCommandForm } from "../support/slack-request.js";

const NOW = new Date("2026-11-23T09:00:00Z");
/** A committee whose chair (U0LUKCHAIR) may add deadlines: a refused request is refused for its signature alone. */
const MEMBERS_ONLY = path.join(ROOT, "tests", "fixtures", "slack-members-only.yaml");
const CHAIR = "U0LUKCHAIR";
const ADD_DEADLINE = slashCommandForm({ command: "/frist", text: "slack-lukket ny 1.6.2027 Slutrapport", user_id: CHAIR });

describe("the Slack path over signed HTTP", () => {
  const running = useBot({ now: NOW, seed: (bot) => importMandates(bot, [MANDATES_DIR, MEMBERS_ONLY], NOW) });
  const slutrapporter = () => prismaOf(running.db).deadline.count({ where: { title: "Slutrapport" } });

  it("answers a signed /mandat with an ephemeral Block Kit reply in the HTTP response", async () => {
    const res = await postSigned(running.bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "norprem" }));
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(JSON.stringify(res.json?.blocks)).toContain("Nasjonalt kompetansenettverk for persontilpasset medisin");
  });

  it.each<[string, SignOptions]>([
    ["no signature", { signature: null }],
    ["a wrong signature", { signature: "v0=0000000000000000000000000000000000000000000000000000000000000000" }],
    ["a signature made with another secret", { secret: "not-the-secret" }],
    ["a request older than five minutes", { timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 1 }],
  ])("refuses %s with 401 and changes nothing", async (_label, options) => {
    const before = await prismaOf(running.db).deadline.count();
    const res = await postSigned(running.bot.eventsUrl, ADD_DEADLINE, options);
    expect(res.status).toBe(401);
    expect(await prismaOf(running.db).deadline.count()).toBe(before);
    expect(await slutrapporter()).toBe(0);
  });

  // The control that makes the refusals mean something: the very same request, signed, is allowed.
  it("adds the deadline when the same request from the chair is correctly signed", async () => {
    const before = await prismaOf(running.db).deadline.count();
    const res = await postSigned(running.bot.eventsUrl, ADD_DEADLINE);
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(JSON.stringify(res.json)).toContain("Slutrapport");
    expect(await prismaOf(running.db).deadline.count()).toBe(before + 1);
    const added = await prismaOf(running.db).deadline.findFirstOrThrow({ where: { title: "Slutrapport" }, include: { committee: true } });
    expect(added.committee.slug).toBe("slack-lukket");
    expect(added.createdBy).toBe(CHAIR);
    expect(added.dueDate.toISOString().slice(0, 10)).toBe("2027-06-01");
    // Remove it again: the refusals (in whatever order they run) expect none.
    await prismaOf(running.db).deadline.delete({ where: { id: added.id } });
  });

  it("accepts a correctly signed request at the edge of the five minutes", async () => {
    const timestamp = Math.floor(Date.now() / 1000) - 4 * 60;
    const res = await postSigned(running.bot.eventsUrl, slashCommandForm({ command: "/frist", text: "" }), { timestamp });
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
  });

  it("answers GET /healthz: alive", async () => {
    const res = await fetch(`${running.bot.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "alive" });
  });
});
