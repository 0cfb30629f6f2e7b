import type { RosterSeat } from "./committee.js";
import type { Mandate, MemberRole } from "./mandate.js";

/** A roster seat as a new mandate version defines it, before it is stored. */
export interface SeatToStore {
  seatId: string;
  role: MemberRole;
  title: string;
  organisation: string | null;
  name: string | null;
  email: string | null;
  slackUserId: string | null;
}

/**
 * The roster of a new mandate version. E-mails are kept in lower case (Slack's lookup and
 * callers from the CLI compare them so). A Slack id the file does not give is carried over
 * from the previous roster while the seat keeps the same e-mail: it was resolved from that
 * e-mail, and resolving again costs a Slack call per seat.
 */
export function rosterForVersion(
  mandate: Pick<Mandate, "members">,
  previous: readonly Pick<RosterSeat, "seatId" | "email" | "slackUserId">[],
): SeatToStore[] {
  const resolved = new Map(previous.filter((s) => s.email && s.slackUserId).map((s) => [`${s.seatId} ${s.email}`, s.slackUserId]));
  return mandate.members.map((m) => {
    const email = m.email?.toLowerCase() ?? null;
    return {
      seatId: m.seat,
      role: m.role,
      title: m.title,
      organisation: m.organisation ?? null,
      name: m.name ?? null,
      email,
      slackUserId: m.slack_id ?? resolved.get(`${m.seat} ${email}`) ?? null,
    };
  });
}
