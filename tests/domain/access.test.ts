import { describe, expect, it } from "vitest";
import type { Visibility } from "../../src/domain/access.js";
import { canEditDeadlines, canSeeCommittee, canSeeVersion, deadlineOpenToPublic, publicSince } from "../../src/domain/access.js";
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

describe("canSeeVersion", () => {
  it.each<[Visibility, MemberRole[], boolean]>([
    ["public", [], true],
    ["members", [], false],
    ["members", ["observer"], true],
  ])("a %s version, roles %j → %s", (visibility, roles, visible) => {
    expect(canSeeVersion({ visibility }, roles)).toBe(visible);
  });
});

describe("publicSince: since when a committee has been public without a break", () => {
  const day = (d: number) => new Date(Date.UTC(2026, 0, d));
  const history = (...visibilities: Visibility[]) =>
    visibilities.map((visibility, i) => ({ number: i + 1, importedAt: day(i + 1), visibility }));

  it.each<[string, Visibility[], Date | undefined]>([
    ["always public: nothing to hide", ["public", "public", "public"], undefined],
    ["members-only now: non-members see nothing anyway", ["public", "members"], undefined],
    ["members-only, then public", ["members", "public"], day(2)],
    ["members-only, then public twice", ["members", "public", "public"], day(2)],
    ["public, members-only, public again: since the last change", ["public", "members", "public"], day(3)],
    ["one members-only version", ["members"], undefined],
    ["no versions", [], undefined],
  ])("%s", (_, visibilities, expected) => {
    expect(publicSince(history(...visibilities))).toEqual(expected);
    // The order the versions come in does not matter.
    expect(publicSince(history(...visibilities).reverse())).toEqual(expected);
  });
});

describe("deadlineOpenToPublic: which deadlines of a committee public since `since` a non-member sees", () => {
  const since = new Date("2026-06-01T00:00:00Z");
  const before = new Date("2026-05-31T23:59:59Z");
  const after = new Date("2026-06-01T00:00:00Z");
  type Row = Parameters<typeof deadlineOpenToPublic>[0];
  const row = (over: Partial<Row>): Row => ({ source: "obligation", status: "open", resolvedAt: null, createdAt: before, ...over });

  it.each<[string, Row, Date | undefined, boolean]>([
    ["always public: every row", row({ status: "waived", resolvedAt: before, source: "manual" }), undefined, true],
    ["a mandate row still open, planned before", row({}), since, true],
    ["a mandate row done before", row({ status: "done", resolvedAt: before }), since, false],
    ["a mandate row waived before (its reason is the members' record)", row({ status: "waived", resolvedAt: before }), since, false],
    ["a mandate row done at the moment it turned public", row({ status: "done", resolvedAt: after }), since, true],
    ["a mandate row waived after", row({ status: "waived", resolvedAt: after }), since, true],
    ["a hand-added row added before, still open", row({ source: "manual" }), since, false],
    ["a hand-added row added before, done after", row({ source: "manual", status: "done", resolvedAt: after }), since, false],
    ["a hand-added row added after", row({ source: "manual", createdAt: after }), since, true],
    ["a fixed mandate deadline added before, open", row({ source: "mandate_clause" }), since, true],
  ])("%s → %s", (_, deadline, publicFrom, shown) => {
    expect(deadlineOpenToPublic(deadline, publicFrom)).toBe(shown);
  });
});
