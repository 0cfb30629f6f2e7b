import { describe, expect, it } from "vitest";
import type { RosterSeat } from "../../src/domain/committee.js";
import type { Member } from "../../src/domain/mandate.js";
import { rosterForVersion } from "../../src/domain/roster.js";

/**
 * The roster a new mandate version stores: Slack ids from the file win; an id resolved from an
 * e-mail is carried over only to the same seat with the same e-mail.
 */

type Previous = Pick<RosterSeat, "seatId" | "email" | "slackUserId">;

const seat = (fields: Partial<Member> & Pick<Member, "seat">): Member => ({ role: "member", title: "Medlem", ...fields });
/** The Slack id the new roster gives seat `seatId`. */
const idOf = (members: Member[], previous: Previous[], seatId: string) =>
  rosterForVersion({ members }, previous).find((s) => s.seatId === seatId)?.slackUserId;

describe("rosterForVersion: which Slack id a seat keeps", () => {
  it.each<[string, Member, Previous[], string | null]>([
    ["a new seat with no id and no history", seat({ seat: "medlem-1", email: "anna@example.org" }), [], null],
    ["the file's id, with no history", seat({ seat: "medlem-1", slack_id: "U0FILE" }), [], "U0FILE"],
    [
      "the file's id wins over the one resolved before",
      seat({ seat: "medlem-1", email: "anna@example.org", slack_id: "U0FILE" }),
      [{ seatId: "medlem-1", email: "anna@example.org", slackUserId: "U0RESOLVED" }],
      "U0FILE",
    ],
    [
      "same seat, same e-mail: the resolved id is carried over",
      seat({ seat: "medlem-1", email: "anna@example.org" }),
      [{ seatId: "medlem-1", email: "anna@example.org", slackUserId: "U0RESOLVED" }],
      "U0RESOLVED",
    ],
    [
      "same seat, same e-mail written in another case: carried over",
      seat({ seat: "medlem-1", email: "Anna@Example.ORG" }),
      [{ seatId: "medlem-1", email: "anna@example.org", slackUserId: "U0RESOLVED" }],
      "U0RESOLVED",
    ],
    [
      "same seat, its e-mail changed (a new holder): the id is lost",
      seat({ seat: "medlem-1", email: "bo@example.org" }),
      [{ seatId: "medlem-1", email: "anna@example.org", slackUserId: "U0RESOLVED" }],
      null,
    ],
    [
      "same seat, its e-mail removed: the id is lost",
      seat({ seat: "medlem-1" }),
      [{ seatId: "medlem-1", email: "anna@example.org", slackUserId: "U0RESOLVED" }],
      null,
    ],
    [
      "same e-mail, another seat: not carried to the new seat",
      seat({ seat: "medlem-2", email: "anna@example.org" }),
      [{ seatId: "medlem-1", email: "anna@example.org", slackUserId: "U0RESOLVED" }],
      null,
    ],
    [
      "same seat, same e-mail, but never resolved: still none",
      seat({ seat: "medlem-1", email: "anna@example.org" }),
      [{ seatId: "medlem-1", email: "anna@example.org", slackUserId: null }],
      null,
    ],
    [
      "a seat whose id came from the file (no e-mail), now given neither: none",
      seat({ seat: "formand", role: "chair" }),
      [{ seatId: "formand", email: null, slackUserId: "U0OLDFILE" }],
      null,
    ],
  ])("%s → %s", (_label, member, previous, expected) => {
    expect(idOf([member], previous, member.seat)).toBe(expected);
  });

  it("carries ids seat by seat on a whole roster", () => {
    const previous: Previous[] = [
      { seatId: "formand", email: "leder@example.org", slackUserId: "U0LEDER" },
      { seatId: "medlem-1", email: "anna@example.org", slackUserId: "U0ANNA" },
      { seatId: "medlem-2", email: "bo@example.org", slackUserId: "U0BO" },
    ];
    const members = [
      seat({ seat: "formand", role: "chair", email: "leder@example.org" }),
      // Anna and Bo swapped seats: neither id may follow the e-mail into the other seat.
      seat({ seat: "medlem-1", email: "bo@example.org" }),
      seat({ seat: "medlem-2", email: "anna@example.org" }),
      seat({ seat: "medlem-3", slack_id: "U0NY" }),
    ];
    expect(rosterForVersion({ members }, previous).map((s) => [s.seatId, s.slackUserId])).toEqual([
      ["formand", "U0LEDER"],
      ["medlem-1", null],
      ["medlem-2", null],
      ["medlem-3", "U0NY"],
    ]);
  });
});

describe("rosterForVersion: the stored seat", () => {
  it("keeps the file's order and fields, e-mails in lower case, absent fields as null", () => {
    const roster = rosterForVersion(
      {
        members: [
          seat({
            seat: "formand",
            role: "chair",
            title: "Formand",
            organisation: "Region Hovedstaden",
            name: "Anna Opslag",
            email: "Anna.Opslag@Example.org",
          }),
          seat({ seat: "sekretariat", role: "secretariat", title: "Sekretariatet" }),
        ],
      },
      [],
    );
    expect(roster).toEqual([
      {
        seatId: "formand",
        role: "chair",
        title: "Formand",
        organisation: "Region Hovedstaden",
        name: "Anna Opslag",
        email: "anna.opslag@example.org",
        slackUserId: null,
      },
      {
        seatId: "sekretariat",
        role: "secretariat",
        title: "Sekretariatet",
        organisation: null,
        name: null,
        email: null,
        slackUserId: null,
      },
    ]);
  });

  it("drops seats the new version no longer has", () => {
    const roster = rosterForVersion({ members: [seat({ seat: "medlem-1" })] }, [
      { seatId: "medlem-1", email: null, slackUserId: null },
      { seatId: "medlem-9", email: "gone@example.org", slackUserId: "U0GONE" },
    ]);
    expect(roster.map((s) => s.seatId)).toEqual(["medlem-1"]);
  });
});
