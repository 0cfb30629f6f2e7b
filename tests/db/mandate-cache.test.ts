import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MandateCache } from "../../src/db/mandate-cache.js";
import { smallMandate } from "../support/small-mandate.js";

const content = (slug: string): unknown => parse(smallMandate(slug));

describe("MandateCache", () => {
  it("keeps at most its capacity of parsed mandates, forgetting the least recently used", () => {
    const cache = new MandateCache(undefined, 2);
    cache.tryParse(1, content("en"));
    cache.tryParse(2, content("to"));
    // Using 1 makes 2 the least recently used: the third mandate pushes 2 out, not 1.
    expect(cache.get(1)?.slug).toBe("en");
    cache.tryParse(3, content("tre"));
    expect([cache.has(1), cache.has(2), cache.has(3)]).toEqual([true, false, true]);
    // A forgotten version is parsed again when asked for with its content.
    expect(cache.tryParse(2, content("to"))?.slug).toBe("to");
    expect(cache.has(1)).toBe(false);
  });

  it("remembers a version that does not pass the schema, and reports it once", () => {
    const reported: number[] = [];
    const cache = new MandateCache((id) => reported.push(id), 2);
    expect(cache.tryParse(7, { format: "nonsense" })).toBeUndefined();
    expect(cache.tryParse(7, { format: "nonsense" })).toBeUndefined();
    expect([cache.has(7), reported]).toEqual([true, [7]]);
  });
});
