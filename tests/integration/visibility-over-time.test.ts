import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Caller } from "../../src/domain/caller.js";
import { databaseKinds } from "../support/database.js";
import {
  addDaysTo,
  CHAIR,
  committeeId,
  deadlineIdByKey,
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

/**
 * A committee that turns public does not publish its members-only past. Særudvalget is
 * members-only in version 1; version 2 makes it public. For someone off the current roster,
 * version 1 does not exist (not by `v1`, not in the history), and neither do the deadlines
 * resolved or added by hand while it was members-only (done, waived and why). Members see all.
 */

const SOON = addDaysTo(NOW, 0.1);
const PUBLIC_AT = addDaysTo(NOW, 1);
const LATER = addDaysTo(NOW, 2);

/** Words of the members-only time that a non-member must never read. */
const MEMBERS_ONLY_WORDS = ["Budgetopfølgning", "Statusrapport til direktionen", "Fortroligt", "Hemmelig høring"];

let scratch = "";
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe.each(databaseKinds())("visibility over time on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("members-only, then public", () => {
    const harness = useDatabase(kind, async (services) => {
      await importAll(services, SAERUDVALG_V1, NOW);
      // While members-only: one deadline done, one waived with a reason, one added by hand.
      const frist = (text: string, now: Date) => run(services, "/frist", text, CHAIR, { now });
      expectKind((await frist("saerudvalg ny 20.12.2026 Hemmelig høring", SOON)).reply, "deadline-changed");
      const db = harness().db;
      const budget = await deadlineIdByKey(db, "saerudvalg", "obligation:budgetopfoelgning:2026-12-01");
      const status = await deadlineIdByKey(db, "saerudvalg", "obligation:statusrapport:2026-12-15");
      expectKind((await frist(`done ${budget}`, SOON)).reply, "deadline-changed");
      expectKind((await frist(`waive ${status} Fortroligt: sagen er lukket`, SOON)).reply, "deadline-changed");

      scratch = await mkdtemp(path.join(tmpdir(), `mandat-visibility-${kind}-`));
      const publicV2 = path.join(scratch, "saerudvalg-public.yaml");
      const v2 = await readFile(SAERUDVALG_V2, "utf8");
      await writeFile(publicV2, v2.replace("visibility: members", "visibility: public"));
      await importAll(services, publicV2, PUBLIC_AT);

      // Once public: another waived deadline, which everyone may read about.
      const june = await deadlineIdByKey(db, "saerudvalg", "obligation:statusrapport:2027-06-15");
      expectKind((await frist(`waive ${june} Offentlig grund`, LATER)).reply, "deadline-changed");
    });
    const mandat = (text: string, caller: Caller) => run(harness().services, "/mandat", text, caller, { now: LATER });
    const frist = (text: string, caller: Caller) => run(harness().services, "/frist", text, caller, { now: LATER });

    it("the committee is public now: an outsider sees version 2", async () => {
      const answer = await mandat("saerudvalg", OUTSIDER);
      expect(expectKind(answer.reply, "mandate").target.committee.version).toMatchObject({ number: 2, visibility: "public" });
    });

    it.each([
      ["an outsider", OUTSIDER],
      ["someone on version 1's roster but not on the current one", MEMBER],
    ])("`/mandat saerudvalg v1` answers %s as if version 1 did not exist", async (_label, caller) => {
      const v1 = await mandat("saerudvalg v1", caller);
      const v7 = await mandat("saerudvalg v7", caller);
      expect(expectError(v1.reply, "unknown_version").params).toEqual({ committee: "saerudvalg", version: 1, versions: [2] });
      expect(expectError(v7.reply, "unknown_version").params).toEqual({ committee: "saerudvalg", version: 7, versions: [2] });
      expect(v1.text.replace("version 1;", "version N;")).toBe(v7.text.replace("version 7;", "version N;"));
      expect(v1.text).toBe("⚠️ saerudvalg har ingen version 1; den eneste version er 2.");
    });

    it("a member still reads version 1", async () => {
      const answer = await mandat("saerudvalg v1 rapportering", CHAIR);
      const reply = expectKind(answer.reply, "mandate");
      expect(reply.target.committee.version).toMatchObject({ number: 1, visibility: "members" });
      expect(answer.text).toContain("Budgetopfølgning");
    });

    it("the history lists version 1 to members only", async () => {
      const outsider = await mandat("saerudvalg historik", OUTSIDER);
      expect(expectKind(outsider.reply, "mandate").versions?.map((v) => v.number)).toEqual([2]);
      expect(outsider.text).toContain("`/mandat saerudvalg v2`");
      expect(outsider.text).not.toContain("v1`");
      const chair = await mandat("saerudvalg historik", CHAIR);
      expect(expectKind(chair.reply, "mandate").versions?.map((v) => v.number)).toEqual([2, 1]);
      expect(chair.text).toContain("`/mandat saerudvalg v1`");
    });

    it("`/frist saerudvalg alle`: an outsider sees neither what was done or waived (and why) nor what was added while members-only", async () => {
      const outsider = await frist("saerudvalg alle", OUTSIDER);
      const chair = await frist("saerudvalg alle", CHAIR);
      for (const word of MEMBERS_ONLY_WORDS) {
        expect(chair.text).toContain(word);
        expect(outsider.text).not.toContain(word);
      }
      // What the public version says, and what happened since it became public, is there.
      for (const text of [outsider.text, chair.text]) {
        expect(text).toContain("Årsberetning til direktionen");
        expect(text).toContain("Statusrapport og regnskab til direktionen");
        expect(text).toContain("Offentlig grund");
      }
      const ids = (answer: typeof chair) => expectKind(answer.reply, "deadlines").items.map((v) => v.deadline.id);
      expect(ids(outsider).length).toBeLessThan(ids(chair).length);
    });

    it("the summary's next deadline is not one added while members-only", async () => {
      const outsider = expectKind((await mandat("saerudvalg", OUTSIDER)).reply, "mandate");
      const chair = expectKind((await mandat("saerudvalg", CHAIR)).reply, "mandate");
      expect(chair.nextDeadline?.deadline.title).toBe("Hemmelig høring");
      expect(outsider.nextDeadline?.deadline.title).toBe("Årsberetning til direktionen");
    });

    it("`/frist done <no.>` of a hidden deadline: no such deadline for an outsider, as for a number that does not exist", async () => {
      const db = harness().db;
      const hidden = await deadlineIdByKey(db, "saerudvalg", "obligation:budgetopfoelgning:2026-12-01");
      expectError((await frist(`done ${hidden}`, OUTSIDER)).reply, "unknown_deadline");
      expectError((await frist("done 999999", OUTSIDER)).reply, "unknown_deadline");
      // A deadline an outsider may see is refused for what it is: only the chair and secretariat change it.
      const open = await deadlineIdByKey(db, "saerudvalg", "deadline:aarsberetning");
      expectError((await frist(`done ${open}`, OUTSIDER)).reply, "not_allowed_to_edit_deadlines");
      expect(await committeeId(db, "saerudvalg")).toBeGreaterThan(0);
    });
  });
});
