import { describe, expect, it } from "vitest";
import { prismaOf } from "../../src/db/connect.js";
import { importMandates, useBot } from "../support/bot.js";
import { MANDATES_DIR } from "../support/paths.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";

const NOW = new Date("2026-11-23T09:00:00Z");

describe("the Slack path over signed HTTP", () => {
  const running = useBot({ now: NOW, seed: (bot) => importMandates(bot, [MANDATES_DIR], NOW) });

  it("answers a signed /mandat with an ephemeral Block Kit reply in the HTTP response", async () => {
    const res = await postSigned(running.bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "norprem" }));
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(JSON.stringify(res.json?.blocks)).toContain("Nasjonalt kompetansenettverk for persontilpasset medisin");
  });

  it.each([
    ["no signature", { signature: null }],
    ["a wrong signature", { signature: "v0=0000000000000000000000000000000000000000000000000000000000000000" }],
    ["a signature made with another secret", { secret: "not-the-secret" }],
    ["a request older than five minutes", { timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 1 }],
  ])("refuses %s with 401 and changes nothing", async (_label, options) => {
    const before = await prismaOf(running.db).deadline.count();
    const res = await postSigned(
      running.bot.eventsUrl,
      slashCommandForm({ command: "/frist", text: "gms-2024 ny 1.6.2027 Slutrapport", user_id: "U0CHAIR" }),
      options,
    );
    expect(res.status).toBe(401);
    expect(await prismaOf(running.db).deadline.count()).toBe(before);
  });

  it("accepts a correctly signed request at the edge of the five minutes", async () => {
    const timestamp = Math.floor(Date.now() / 1000) - 4 * 60;
    const res = await postSigned(running.bot.eventsUrl, slashCommandForm({ command: "/frist", text: "" }), { timestamp });
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
  });

  it("answers GET /healthz with the database state", async () => {
    const res = await fetch(`${running.bot.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
  });
});
