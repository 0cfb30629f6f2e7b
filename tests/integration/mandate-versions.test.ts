import { describe, expect, it } from "vitest";
import { parseButtonValue, SectionButtonValue } from "../../src/slack/ids.js";
import { databaseKinds } from "../support/database.js";
import {
  CHAIR,
  committeeId,
  expectError,
  expectKind,
  importAll,
  MEMBER,
  NOW,
  OUTSIDER,
  run,
  SAERUDVALG_V1,
  SAERUDVALG_V2,
  useDatabase,
} from "./helpers.js";

describe.each(databaseKinds())("earlier mandate versions on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("/mandat <committee> v<N>", () => {
    const harness = useDatabase(kind, async (services) => {
      await importAll(services, SAERUDVALG_V1, NOW);
      await importAll(services, SAERUDVALG_V2, new Date(NOW.getTime() + 86_400_000));
    });
    const mandat = (text: string, caller = CHAIR) => run(harness().services, "/mandat", text, caller);

    it("shows version 1 as it read, marked as an earlier version, with buttons that stay in it", async () => {
      const { store } = harness().db;
      const current = await store.committees.byId(await committeeId(harness().db, "saerudvalg"));
      const v1 = current && (await store.committees.atVersion(current, 1))?.mandate;
      const answer = await mandat("saerudvalg v1 rapportering");
      const reply = expectKind(answer.reply, "mandate");
      expect(reply.target.committee.version.number).toBe(1);
      expect(reply.currentVersion).toBe(2);
      expect(reply.target.committee.mandate).toEqual(v1);
      expect(answer.text).toContain("Tidligere version 1; den gældende er version 2.");
      for (const title of (v1?.obligations ?? []).map((o) => o.title)) expect(answer.text).toContain(title);
      const values = answer.message.blocks
        .flatMap((b) => (b.type === "actions" ? b.elements : []))
        .map((e) => (e.type === "button" ? parseButtonValue(SectionButtonValue, e.value) : undefined));
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value?.version).toBe(1);
    });

    it("shows the current version without a marker, and `v2` is the same as no version", async () => {
      const plain = await mandat("saerudvalg");
      const v2 = await mandat("saerudvalg v2");
      expect(expectKind(plain.reply, "mandate").currentVersion).toBeUndefined();
      expect(expectKind(v2.reply, "mandate").currentVersion).toBeUndefined();
      expect(v2.text).toBe(plain.text);
      expect(plain.text).not.toContain("Tidligere version");
    });

    it("lists every version in the history, each with the command that shows it", async () => {
      const answer = await mandat("saerudvalg historik");
      expect(answer.text).toContain("`/mandat saerudvalg v1`");
      expect(answer.text).toContain("`/mandat saerudvalg v2`");
      expect(answer.text.indexOf("Version 2")).toBeLessThan(answer.text.indexOf("Version 1"));
    });

    it("refuses a version that does not exist, naming the versions there are", async () => {
      const error = expectError((await mandat("saerudvalg v9")).reply);
      expect(error).toMatchObject({ code: "unknown_version", params: { committee: "saerudvalg", version: 9, versions: [1, 2] } });
    });

    it.each([
      ["an outsider", OUTSIDER],
      ["someone who was on version 1's roster but is not on the current one", MEMBER],
    ])("does not show an earlier version of a members-only committee to %s", async (_label, caller) => {
      const answer = await mandat("saerudvalg v1", caller);
      expect(expectError(answer.reply).code).toBe("unknown_committee");
      expect(JSON.stringify(answer.message)).not.toContain("Særudvalget");
    });
  });
});
