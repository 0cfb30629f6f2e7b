import { describe, expect, it } from "vitest";
import { prismaOf } from "../../src/db/connect.js";
import type { Caller } from "../../src/domain/caller.js";
import type { Services } from "../../src/services/create-services.js";
import { databaseKinds } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import {
  CHAIR,
  expectError,
  expectKind,
  importAll,
  NOW,
  type RunOptions,
  run,
  SAERUDVALG_V1,
  SECRETARIAT,
  useDatabase,
} from "./helpers.js";

/**
 * "Once means once for people too": the same deadline added twice (same committee, day and
 * title, the first still open) is stored once, and the second caller is told its number. Titles
 * are compared as `deadlineTitleKey` says: whitespace collapsed, and case-insensitive.
 */

async function seed(services: Services): Promise<void> {
  await importAll(services, MANDATES_DIR);
  await importAll(services, SAERUDVALG_V1);
}

describe.each(databaseKinds())("adding the same deadline twice on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("one row, and the second caller is told", () => {
    const harness = useDatabase(kind, seed);
    const frist = (text: string, caller: Caller = SECRETARIAT, options: RunOptions = {}) =>
      run(harness().services, "/frist", text, caller, options);
    const rowsTitled = (title: string) =>
      prismaOf(harness().db).deadline.findMany({ where: { title: { equals: title, mode: "insensitive" } }, orderBy: { id: "asc" } });

    it("the second identical request adds nothing and answers `already exists` with the first one's number, in the committee's language", async () => {
      const first = expectKind((await frist("saerudvalg ny 1.6.2027 Slutrapport")).reply, "deadline-changed");
      const again = await frist("saerudvalg ny 1.6.2027 Slutrapport", CHAIR);
      const error = expectError(again.reply, "deadline_already_exists");
      expect(error.params).toEqual({ id: first.view.deadline.id, title: "Slutrapport", date: "2027-06-01" });
      expect(expectKind(again.reply, "error").language).toBe("da");
      expect(again.text).toContain(`Frist #${first.view.deadline.id} “Slutrapport” den 1. juni 2027 findes allerede`);
      expect((await rowsTitled("Slutrapport")).map((r) => r.id)).toEqual([first.view.deadline.id]);
    });

    it.each([
      ["in other capitals", "SLUTRAPPORT"],
      ["in lower case", "slutrapport"],
      ["with other whitespace between the words", "Slutrapport"],
    ])("the same title %s is the same deadline", async (_label, title) => {
      const [stored] = await rowsTitled("Slutrapport");
      const answer = await frist(`saerudvalg  ny\u00a01.6.2027\t${title}`);
      expect(expectError(answer.reply, "deadline_already_exists").params.id).toBe(stored?.id);
      expect(await rowsTitled("Slutrapport")).toHaveLength(1);
    });

    it("Nordic capitals fold too (Årsrapport, ÅRSRAPPORT), accents do not (Møde is not Mode)", async () => {
      const first = expectKind((await frist("saerudvalg ny 2.6.2027 Årsrapport")).reply, "deadline-changed");
      expect(expectError((await frist("saerudvalg ny 2.6.2027 ÅRSRAPPORT")).reply, "deadline_already_exists").params.id).toBe(
        first.view.deadline.id,
      );
      expectKind((await frist("saerudvalg ny 2.6.2027 Møde")).reply, "deadline-changed");
      expectKind((await frist("saerudvalg ny 2.6.2027 Mode")).reply, "deadline-changed");
    });

    it("another day, or another title, is another deadline", async () => {
      expectKind((await frist("saerudvalg ny 2.6.2027 Slutrapport")).reply, "deadline-changed");
      expectKind((await frist("saerudvalg ny 1.6.2027 Slutrapport, bilag")).reply, "deadline-changed");
      expect(await rowsTitled("Slutrapport")).toHaveLength(2);
    });

    it("once the first is done (or waived), the same deadline can be added again: only open ones count", async () => {
      const first = expectKind((await frist("saerudvalg ny 3.6.2027 Regnskab")).reply, "deadline-changed");
      expectKind((await frist(`udført ${first.view.deadline.id}`)).reply, "deadline-changed");
      const second = expectKind((await frist("saerudvalg ny 3.6.2027 Regnskab")).reply, "deadline-changed");
      expect(second.view.deadline.id).not.toBe(first.view.deadline.id);
      expectKind((await frist(`frafald ${second.view.deadline.id} udsat`)).reply, "deadline-changed");
      const third = expectKind((await frist("saerudvalg ny 3.6.2027 Regnskab")).reply, "deadline-changed");
      expect(expectError((await frist("saerudvalg ny 3.6.2027 regnskab")).reply, "deadline_already_exists").params.id).toBe(
        third.view.deadline.id,
      );
      expect((await rowsTitled("Regnskab")).map((r) => r.status)).toEqual(["done", "waived", "open"]);
    });

    it("a deadline from the mandate with the same day and title does not stop one added by hand", async () => {
      const planned = await prismaOf(harness().db).deadline.findFirstOrThrow({
        where: { committee: { slug: "saerudvalg" }, source: { not: "manual" }, status: "open", dueDate: { gte: NOW } },
        orderBy: { dueDate: "asc" },
      });
      const day = planned.dueDate.toISOString().slice(0, 10);
      expectKind((await frist(`saerudvalg ny ${day} ${planned.title}`)).reply, "deadline-changed");
      const sameDay = (await rowsTitled(planned.title)).filter((r) => r.dueDate.getTime() === planned.dueDate.getTime());
      expect(sameDay.map((r) => r.source)).toEqual([planned.source, "manual"]);
    });
  });
});
