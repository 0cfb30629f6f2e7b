import { describe, expect, it } from "vitest";
import { channelIdAfterImport, channelName, isChannelId } from "../../src/domain/channel.js";

describe("isChannelId", () => {
  it.each<[string, boolean]>([
    ["C0123ABCD", true],
    ["G0123ABCD", true],
    ["C01", true],
    ["C0", false],
    ["#styregruppe", false],
    ["styregruppe", false],
    ["c0123abcd", false],
    ["D0123ABCD", false],
    ["U0123ABCD", false],
    ["T0123ABCD", false],
    [" C0123ABCD", false],
    ["C0123ABCD ", false],
    ["C0123-ABCD", false],
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(isChannelId(value)).toBe(expected);
  });
});

describe("channelName", () => {
  it.each<[string, string]>([
    ["#styregruppe", "styregruppe"],
    ["styregruppe", "styregruppe"],
    ["#ørnereden-2025", "ørnereden-2025"],
    ["C0123ABCD", "C0123ABCD"],
    // Only the one leading mark is Slack's; the rest is the name as written.
    ["##odd", "#odd"],
  ])("%j → %j", (named, expected) => {
    expect(channelName(named)).toBe(expected);
  });
});

describe("channelIdAfterImport", () => {
  type Previous = { named: string | null; id: string | null } | undefined;
  it.each<[string, Previous, string | null, string | null]>([
    ["a new committee naming no channel", undefined, null, null],
    ["a new committee naming a channel by name: looked up later", undefined, "#styregruppe", null],
    ["a new committee naming a channel by id: that id", undefined, "C0STYRE", "C0STYRE"],
    ["the same name as before keeps the id it resolved to", { named: "#styregruppe", id: "C0STYRE" }, "#styregruppe", "C0STYRE"],
    ["the same name, never resolved: still none", { named: "#styregruppe", id: null }, "#styregruppe", null],
    ["another name: the old id is another channel's", { named: "#styregruppe", id: "C0STYRE" }, "#ny-gruppe", null],
    ["the channel dropped from the mandate: none", { named: "#styregruppe", id: "C0STYRE" }, null, null],
    ["a name replaced by an id: the id", { named: "#styregruppe", id: "C0STYRE" }, "G0LUKKET", "G0LUKKET"],
    ["an id replaced by another id: the new one", { named: "C0STYRE", id: "C0STYRE" }, "C0ANDEN", "C0ANDEN"],
    ["an id replaced by a name: looked up again", { named: "C0STYRE", id: "C0STYRE" }, "#styregruppe", null],
  ])("%s", (_label, previous, named, expected) => {
    expect(channelIdAfterImport(previous, named)).toBe(expected);
  });
});
