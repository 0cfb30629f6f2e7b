import { describe, expect, it } from "vitest";
import { canEditDeadlines, canSeeCommittee } from "../../src/domain/access.js";
import { MemberRole } from "../../src/domain/mandate.js";

const ALL_ROLES = MemberRole.options;

describe("canSeeCommittee", () => {
  it.each<[string, "public" | "members", MemberRole[], boolean]>([
    ["a public committee, an outsider", "public", [], true],
    ["a public committee, a member", "public", ["member"], true],
    ["a members-only committee, an outsider", "members", [], false],
    ["a members-only committee, a member", "members", ["member"], true],
    ["a members-only committee, an observer", "members", ["observer"], true],
    ["a members-only committee, a deputy", "members", ["deputy"], true],
    ["a members-only committee, the secretariat", "members", ["secretariat"], true],
    ["a members-only committee, someone with two seats", "members", ["chair", "member"], true],
  ])("%s → %s", (_, visibility, roles, visible) => {
    expect(canSeeCommittee(visibility, roles)).toBe(visible);
  });

  it.each(ALL_ROLES)("anyone on the roster as %s sees a members-only committee", (role) => {
    expect(canSeeCommittee("members", [role])).toBe(true);
  });
});

describe("canEditDeadlines", () => {
  it.each<[MemberRole, boolean]>([
    ["chair", true],
    ["secretariat", true],
    ["vice_chair", false],
    ["member", false],
    ["observer", false],
    ["deputy", false],
  ])("%s → %s", (role, allowed) => {
    expect(canEditDeadlines([role])).toBe(allowed);
  });

  it("covers every role the schema knows", () => {
    expect([...ALL_ROLES].sort()).toEqual(["chair", "deputy", "member", "observer", "secretariat", "vice_chair"]);
  });

  it.each<[MemberRole[], boolean]>([
    [[], false],
    [["member", "observer"], false],
    [["member", "secretariat"], true],
    [["vice_chair", "chair"], true],
  ])("roles %j → %s", (roles, allowed) => {
    expect(canEditDeadlines(roles)).toBe(allowed);
  });
});
