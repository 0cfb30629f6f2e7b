import path from "node:path";
import { describe, expect, it } from "vitest";
import { type QuorumHeadcount, quorumHeadcount, quorumSeats } from "../../src/domain/decision-rule.js";
import type { Mandate, Member, MemberRole } from "../../src/domain/mandate.js";
import { loadMandateFile } from "../../src/mandates/load-mandate-file.js";
import { MANDATES_DIR } from "../support/paths.js";

/** A roster with `counts` seats of each role. */
function roster(counts: Partial<Record<MemberRole, number>>): Pick<Mandate, "members"> {
  const members: Member[] = Object.entries(counts).flatMap(([role, n]) =>
    Array.from({ length: n }, (_, i) => ({ seat: `${role.replace("_", "-")}-${i + 1}`, role: role as MemberRole, title: role })),
  );
  return { members };
}

async function shipped(slug: string): Promise<Mandate> {
  const result = await loadMandateFile(path.join(MANDATES_DIR, `${slug}.yaml`));
  if (!result.ok) throw new Error(`mandates/${slug}.yaml did not load`);
  return result.mandate;
}

describe("quorumSeats: who counts as a head", () => {
  it.each<[MemberRole, boolean]>([
    ["chair", true],
    ["vice_chair", true],
    ["member", true],
    ["deputy", false], // stands in for a member, is not an extra head
    ["observer", false],
    ["secretariat", false],
  ])("%s → %s", (role, counts) => {
    expect(quorumSeats(roster({ [role]: 2 }))).toHaveLength(counts ? 2 : 0);
  });
});

describe("quorumHeadcount", () => {
  const fifteen = roster({ chair: 1, vice_chair: 1, member: 13, deputy: 2, observer: 1, secretariat: 2 });

  it("is undefined when the rule gives no quorum", () => {
    expect(quorumHeadcount({}, fifteen)).toBeUndefined();
  });

  it.each<[string, number, Pick<Mandate, "members">, QuorumHeadcount]>([
    ["40 % of 15 heads (deputies, observer and secretariat left out)", 0.4, fifteen, { percent: 40, needed: 6, of: 15 }],
    ["half of an even roster", 0.5, roster({ chair: 1, member: 9 }), { percent: 50, needed: 5, of: 10 }],
    ["half of an odd roster rounds up", 0.5, roster({ chair: 1, member: 8 }), { percent: 50, needed: 5, of: 9 }],
    ["everyone", 1, roster({ chair: 1, member: 6 }), { percent: 100, needed: 7, of: 7 }],
    ["a tiny share still needs one head", 0.01, roster({ chair: 1 }), { percent: 1, needed: 1, of: 1 }],
    ["two thirds of three", 2 / 3, roster({ chair: 1, member: 2 }), { percent: 67, needed: 2, of: 3 }],
    ["0.67 of three is just over two", 0.67, roster({ chair: 1, member: 2 }), { percent: 67, needed: 3, of: 3 }],
    // Products that binary floating point puts a hair above a whole number.
    ["0.55 × 100 (55.00000000000001)", 0.55, roster({ member: 100 }), { percent: 55, needed: 55, of: 100 }],
    ["0.07 × 100 (7.000000000000001)", 0.07, roster({ member: 100 }), { percent: 7, needed: 7, of: 100 }],
    ["0.29 × 100 (28.999999999999996)", 0.29, roster({ member: 100 }), { percent: 29, needed: 29, of: 100 }],
    ["0.7 × 10", 0.7, roster({ member: 10 }), { percent: 70, needed: 7, of: 10 }],
    ["a roster of only secretariat and observers", 0.4, roster({ secretariat: 2, observer: 1 }), { percent: 40, needed: 0, of: 0 }],
  ])("%s", (_, quorum, mandate, expected) => {
    expect(quorumHeadcount({ quorum }, mandate)).toEqual(expected);
  });

  it.each<[string, number, QuorumHeadcount]>([
    // Chair, two vice chairs and six members; three in the secretariat.
    ["dk-personlig-medicin", 0.5, { percent: 50, needed: 5, of: 9 }],
    // The chair and eight members; one in the secretariat.
    ["norprem", 0.4, { percent: 40, needed: 4, of: 9 }],
    // The chair and Socialstyrelsen; Region Skåne is the secretariat.
    ["gms-2024", 0.5, { percent: 50, needed: 1, of: 2 }],
  ])("counts the heads of the shipped roster of %s", async (slug, quorum, expected) => {
    const mandate = await shipped(slug);
    expect(mandate.decisions.quorum).toBeUndefined(); // no shipped mandate gives a quorum; the test supposes one
    expect(quorumHeadcount({ quorum }, mandate)).toEqual(expected);
  });
});
