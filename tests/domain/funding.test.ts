import path from "node:path";
import { describe, expect, it } from "vitest";
import { type FundingBalance, fundingBalance, sumAmounts } from "../../src/domain/funding.js";
import type { Funding } from "../../src/domain/mandate.js";
import { loadMandateFile } from "../../src/mandates/load-mandate-file.js";
import { MANDATES_DIR } from "../support/paths.js";

function allocations(...amounts: number[]): Funding["allocations"] {
  return amounts.map((amount, i) => ({ id: `a${i + 1}`, amount, purpose: `Purpose ${i + 1}` }));
}

describe("sumAmounts", () => {
  it.each<[number[], number]>([
    [[], 0],
    [[0.1, 0.2], 0.3], // 0.30000000000000004 when added as floats
    [[7_875_000, 7_875_000], 15_750_000],
    [[7_875_000.15, 2_400_000.2], 10_275_000.35], // 10275000.350000001 as floats
    [[1_000_000.1, 2_400_000.2], 3_400_000.3], // 3400000.3000000003 as floats
    [[10_000_000, 15_000_000, 10_000_000, 14_500_000], 49_500_000],
    [[1_000_000_000, 0.01], 1_000_000_000.01],
    [[100, -30.1], 69.9],
  ])("%j → %d", (amounts, sum) => {
    expect(sumAmounts(amounts)).toBe(sum);
  });
});

describe("fundingBalance", () => {
  it.each<[string, Pick<Funding, "total" | "allocations">, FundingBalance | undefined]>([
    ["no allocations", { total: 100 }, undefined],
    ["an empty list of allocations", { total: 100, allocations: [] }, undefined],
    ["allocations without a total: the sum alone", { allocations: allocations(30, 20) }, { allocated: 50 }],
    ["allocations using the whole total", { total: 50, allocations: allocations(30, 20) }, { allocated: 50, total: 50, unallocated: 0 }],
    ["a part left over", { total: 100, allocations: allocations(30.1, 20.2) }, { allocated: 50.3, total: 100, unallocated: 49.7 }],
    [
      "øre that floats would put over the total",
      { total: 10_275_000.35, allocations: allocations(7_875_000.15, 2_400_000.2) },
      { allocated: 10_275_000.35, total: 10_275_000.35, unallocated: 0 },
    ],
    ["nothing allocated yet", { total: 100, allocations: allocations(0) }, { allocated: 0, total: 100, unallocated: 100 }],
  ])("%s", (_, funding, expected) => {
    expect(fundingBalance(funding)).toEqual(expected);
  });

  it("leaves nothing as a negative zero (which would read “-0”)", () => {
    const balance = fundingBalance({ total: 10_275_000.35, allocations: allocations(7_875_000.15, 2_400_000.2) });
    expect(Object.is(balance?.unallocated, 0)).toBe(true);
  });

  it.each<[string, FundingBalance | undefined]>([
    // Four allocations of 10, 15, 10 and 14.5 MSEK: all of the 49.5 MSEK.
    ["gms-2024", { allocated: 49_500_000, total: 49_500_000, unallocated: 0 }],
    // Two allocations of 7.875 MSEK: all of the 15.75 MSEK.
    ["gms-2022", { allocated: 15_750_000, total: 15_750_000, unallocated: 0 }],
    // A total, no allocations.
    ["norprem", undefined],
  ])("balances the shipped funding of %s", async (slug, expected) => {
    const result = await loadMandateFile(path.join(MANDATES_DIR, `${slug}.yaml`));
    if (!result.ok) throw new Error(`mandates/${slug}.yaml did not load`);
    const { funding } = result.mandate;
    if (!funding) throw new Error(`mandates/${slug}.yaml has no funding`);
    expect(fundingBalance(funding)).toEqual(expected);
  });
});
