/** What the allocations add up to and, when the funding has a total, what is left of it. */
export interface FundingBalance {
  allocated: number;
  total?: number;
  /** total − allocated; only when there is a total. */
  unallocated?: number;
}

/**
 * Sums amounts exactly for amounts with up to two decimals (0.1 + 0.2 is 0.3, not
 * 0.30000000000000004): the sum is taken in whole cents, where binary floating point is exact.
 */
export function sumAmounts(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + Math.round(amount * 100), 0) / 100;
}

/** The allocations' sum and the unallocated rest of the total; undefined without allocations. */
// Structural, not the mandate schema's Funding type: the schema itself uses sumAmounts.
export function fundingBalance(funding: {
  total?: number | undefined;
  allocations?: readonly { amount: number }[] | undefined;
}): FundingBalance | undefined {
  const allocations = funding.allocations ?? [];
  if (allocations.length === 0) return undefined;
  const allocated = sumAmounts(allocations.map((a) => a.amount));
  if (funding.total === undefined) return { allocated };
  return { allocated, total: funding.total, unallocated: sumAmounts([funding.total, -allocated]) };
}
