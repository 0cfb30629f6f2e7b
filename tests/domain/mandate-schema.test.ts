import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { MANDATE_LIMITS, Mandate } from "../../src/domain/mandate.js";
import { contentHash } from "../../src/mandates/content-hash.js";
import { formatIssuePath, type MandateProblem, parseMandateText } from "../../src/mandates/load-mandate-file.js";

/** Every required field and nothing else. */
function minimal(): Record<string, unknown> {
  return {
    format: "mandat/v1",
    slug: "test-udvalg",
    names: { da: "Testudvalget" },
    language: "da",
    time_zone: "Europe/Copenhagen",
    country: "DK",
    visibility: "members",
    valid: { from: "2025-01-01" },
    source: { title: "Kommissorium for testudvalget", document: "seeds/test.txt" },
    purpose: "Udvalget tester.",
    tasks: [{ id: "teste", text: "Teste alt." }],
    members: [{ seat: "formand", role: "chair", title: "Formand" }],
    decisions: { rule: "consensus" },
  };
}

/** A mandate using most optional parts, with three obligations so that index 2 exists. */
function rich(): Record<string, unknown> {
  return {
    $schema: "./mandate.schema.json",
    ...minimal(),
    names: { da: "Testudvalget", en: "The Test Committee" },
    short_name: "Test",
    slack_channel: "#testudvalg",
    valid: { from: "2025-01-01", until: "2026-12-31" },
    tasks: [
      { id: "teste", text: "Teste alt." },
      { id: "rapportere", text: "Rapportere." },
    ],
    members: [
      { seat: "formand", role: "chair", title: "Formand", name: "Ane Ås", slack_id: "U012ABCDEF", email: "ane@example.org" },
      { seat: "naestformand", role: "vice_chair", title: "Næstformand" },
      { seat: "sekretariat", role: "secretariat", title: "Sekretariat", groups: ["Forretningsudvalget"] },
    ],
    meetings: { min_per_year: 2, max_per_year: 6, text: "Mindst to møder om året." },
    decisions: { rule: "qualified_majority", quorum: 0.5, threshold: 0.67 },
    obligations: [
      { id: "status", title: "Status", owner: { seats: ["formand"] }, every: { at_least: 2, per: "year" } },
      {
        id: "regnskab",
        title: "Regnskab",
        owner: { role: "secretariat" },
        to: "Ministeriet",
        every: { at_least: 2, per: "year" },
        due: ["03-31", "09-30"],
      },
      {
        id: "aarsrapport",
        title: "Årsrapport",
        owner: { body: "Styrelsen" },
        every: { at_least: 1, per: "year" },
        from: "2025-06-01",
        until: "2026-06-30",
      },
    ],
    deadlines: [{ id: "slutrapport", title: "Slutrapport", due: "2026-12-01", owner: { seats: ["formand", "sekretariat"] } }],
    funding: {
      currency: "DKK",
      total: 10_000_000,
      years: { from: 2025, to: 2026 },
      allocations: [
        { id: "drift", amount: 6_000_000, purpose: "Drift" },
        { id: "analyse", amount: 4_000_000, purpose: "Analyse" },
      ],
      other_amounts: [{ id: "ramme", amount: 1_000_000_000, approximate: true, currency: "EUR", text: "godt 1 mia." }],
    },
    provisions: [{ id: "habilitet", section: "members", text: "Inhabilitet meldes." }],
    history: [
      { date: "2024-11-01", text: "Nedsat." },
      { date: "2024", text: "Forberedt." },
      { date: "2024-06", text: "Drøftet." },
    ],
  };
}

/** Validates through the importer's own path: YAML text → parse → schema. */
function problems(value: unknown): MandateProblem[] {
  const result = parseMandateText("test.yaml", stringify(value));
  return result.ok ? [] : result.problems;
}

/** Applies `change` to a deep copy. */
function changed(base: () => Record<string, unknown>, change: (m: any) => void): Record<string, unknown> {
  const copy = structuredClone(base());
  change(copy);
  return copy;
}

describe("Mandate schema: accepted", () => {
  it.each([
    ["the minimal mandate", minimal],
    ["the rich mandate", rich],
  ] as const)("%s", (_, build) => {
    expect(Mandate.safeParse(build()).error?.issues).toBeUndefined();
    expect(problems(build())).toEqual([]);
    const result = parseMandateText("test.yaml", stringify(build()));
    expect(result.ok && result.mandate.slug).toBe("test-udvalg");
  });

  it.each<[string, (m: any) => void]>([
    [
      "a name in English for a Swedish committee",
      (m) =>
        Object.assign(m, { language: "sv", names: { sv: "Testgruppen", en: "Test group" }, time_zone: "Europe/Stockholm", country: "SE" }),
    ],
    ["meetings only 'regularly'", (m) => (m.meetings = { regularly: true })],
    ["min_per_year equal to max_per_year", (m) => (m.meetings = { min_per_year: 4, max_per_year: 4 })],
    [
      "allocations equal to the total",
      (m) => (m.funding = { currency: "NOK", total: 100, allocations: [{ id: "a", amount: 100, purpose: "Alt" }] }),
    ],
    ["allocations without a total", (m) => (m.funding = { currency: "SEK", allocations: [{ id: "a", amount: 100, purpose: "Alt" }] })],
    [
      // 7 875 000.15 + 2 400 000.20 is 10 275 000.350000001 in floating point: summed in øre it is the total.
      "allocations with øre adding up to the total exactly",
      (m) =>
        (m.funding = {
          currency: "DKK",
          total: 10_275_000.35,
          allocations: [
            { id: "a", amount: 7_875_000.15, purpose: "Drift" },
            { id: "b", amount: 2_400_000.2, purpose: "Udvikling" },
          ],
        }),
    ],
    [
      "28 February as a due day",
      (m) => (m.obligations = [{ id: "x", title: "X", owner: { role: "chair" }, every: { at_least: 1, per: "year" }, due: ["02-28"] }]),
    ],
    ["a channel id", (m) => (m.slack_channel = "C012ABCDEF")],
    ["UTC as the zone", (m) => (m.time_zone = "UTC")],
    ["52 times a year", (m) => (m.obligations = [{ id: "x", title: "X", owner: { role: "chair" }, every: { at_least: 52, per: "year" } }])],
  ])("%s", (_, change) => {
    expect(problems(changed(minimal, change))).toEqual([]);
  });
});

describe("Mandate schema: refused, with the path and the words the importer reports", () => {
  it.each<[string, (m: any) => void, MandateProblem[]]>([
    [
      "at_least not a whole number",
      (m) => (m.obligations[2].every.at_least = 2.5),
      [{ path: "obligations[2].every.at_least", message: "must be a whole number of times" }],
    ],
    [
      "at_least as text",
      (m) => (m.obligations[2].every.at_least = "twice"),
      [{ path: "obligations[2].every.at_least", message: "must be a whole number of times" }],
    ],
    [
      "an unknown seat owning an obligation",
      (m) => (m.obligations[0].owner = { seats: ["kasserer"] }),
      [{ path: "obligations[0].owner.seats[0]", message: 'no member has seat "kasserer"' }],
    ],
    [
      "an unknown seat owning a fixed deadline",
      (m) => (m.deadlines[0].owner.seats[1] = "revisor"),
      [{ path: "deadlines[0].owner.seats[1]", message: 'no member has seat "revisor"' }],
    ],
    [
      "fewer due days than at_least",
      (m) => (m.obligations[1].due = ["03-31"]),
      [{ path: "obligations[1].due", message: "lists 1 due days but every.at_least is 2; give one day per occurrence" }],
    ],
    [
      "more due days than at_least",
      (m) => (m.obligations[1].due = ["03-31", "06-30", "09-30"]),
      [{ path: "obligations[1].due", message: "lists 3 due days but every.at_least is 2; give one day per occurrence" }],
    ],
    ["a duplicate task id", (m) => (m.tasks[1].id = "teste"), [{ path: "tasks[1].id", message: 'id "teste" is used twice' }]],
    [
      "a duplicate obligation id",
      (m) => (m.obligations[2].id = "status"),
      [{ path: "obligations[2].id", message: 'id "status" is used twice' }],
    ],
    [
      "a duplicate deadline id",
      (m) => m.deadlines.push({ ...m.deadlines[0] }),
      [{ path: "deadlines[1].id", message: 'id "slutrapport" is used twice' }],
    ],
    [
      "a duplicate seat",
      (m) => m.members.push({ seat: "formand", role: "member", title: "Medlem" }),
      [{ path: "members[3].seat", message: 'seat "formand" is used twice' }],
    ],
    [
      "an unknown time zone",
      (m) => (m.time_zone = "Europe/Aarhus"),
      [{ path: "time_zone", message: "must be an IANA time zone such as Europe/Copenhagen" }],
    ],
    [
      "a UTC offset for a time zone",
      (m) => (m.time_zone = "+01:00"),
      [{ path: "time_zone", message: "must be an IANA time zone such as Europe/Copenhagen" }],
    ],
    [
      "a slug with capitals",
      (m) => (m.slug = "Test-Udvalg"),
      [{ path: "slug", message: "must be lower-case letters, digits and hyphens, e.g. norprem" }],
    ],
    [
      "a slug with an underscore",
      (m) => (m.slug = "test_udvalg"),
      [{ path: "slug", message: "must be lower-case letters, digits and hyphens, e.g. norprem" }],
    ],
    [
      "a slug with a double hyphen",
      (m) => (m.slug = "test--udvalg"),
      [{ path: "slug", message: "must be lower-case letters, digits and hyphens, e.g. norprem" }],
    ],
    [
      "a slug ending in a hyphen",
      (m) => (m.slug = "test-"),
      [{ path: "slug", message: "must be lower-case letters, digits and hyphens, e.g. norprem" }],
    ],
    [
      "a slug with æøå",
      (m) => (m.slug = "økonomi"),
      [{ path: "slug", message: "must be lower-case letters, digits and hyphens, e.g. norprem" }],
    ],
    ["an unknown top-level key", (m) => (m.colour = "blue"), [{ path: "(top level)", message: 'Unrecognized key: "colour"' }]],
    [
      "allocations adding up to more than the total",
      (m) => (m.funding.allocations[1].amount = 4_000_001),
      [{ path: "funding.allocations", message: "the allocations add up to more than the total" }],
    ],
    [
      "allocations one øre over the total",
      (m) =>
        (m.funding = {
          currency: "DKK",
          total: 10_275_000.34,
          allocations: [
            { id: "a", amount: 7_875_000.15, purpose: "Drift" },
            { id: "b", amount: 2_400_000.2, purpose: "Udvikling" },
          ],
        }),
      [{ path: "funding.allocations", message: "the allocations add up to more than the total" }],
    ],
    [
      "no name in the committee's language",
      (m) => (m.names = { en: "The Test Committee" }),
      [{ path: "names.da", message: "the name in the committee's language (da) is missing" }],
    ],
    [
      "no name in the committee's language after switching language",
      (m) => (m.language = "sv"),
      [{ path: "names.sv", message: "the name in the committee's language (sv) is missing" }],
    ],
    [
      "min_per_year above max_per_year",
      (m) => (m.meetings = { min_per_year: 7, max_per_year: 6 }),
      [{ path: "meetings.min_per_year", message: "min_per_year must not be larger than max_per_year" }],
    ],
    [
      "a meeting rule with no number",
      (m) => (m.meetings = { text: "Efter behov." }),
      [{ path: "meetings", message: "give min_per_year and/or max_per_year, or regularly: true" }],
    ],
    [
      "29 February as a due day",
      (m) => (m.obligations[1].due = ["02-29", "09-30"]),
      [{ path: "obligations[1].due[0]", message: "must be a day that exists in every year (MM-DD, not 02-29)" }],
    ],
    [
      "31 April as a due day",
      (m) => (m.obligations[1].due = ["03-31", "04-31"]),
      [{ path: "obligations[1].due[1]", message: "must be a day that exists in every year (MM-DD, not 02-29)" }],
    ],
    [
      "a due day with the year",
      (m) => (m.obligations[1].due = ["2025-03-31", "09-30"]),
      [{ path: "obligations[1].due[0]", message: "must be a month and day written MM-DD, e.g. 06-30" }],
    ],
    ["another format", (m) => (m.format = "mandat/v2"), [{ path: "format", message: 'must be "mandat/v1"' }]],
    ["no format", (m) => delete m.format, [{ path: "format", message: 'must be "mandat/v1"' }]],
    [
      "a date in another notation",
      (m) => (m.valid.from = "1.1.2025"),
      [{ path: "valid.from", message: "must be a date written YYYY-MM-DD, e.g. 2025-03-31" }],
    ],
    [
      "validity ending before it starts",
      (m) => (m.valid.until = "2024-12-31"),
      [{ path: "valid", message: "from must not be after until" }],
    ],
    [
      "an obligation ending before it starts",
      (m) => (m.obligations[2].until = "2025-05-31"),
      [{ path: "obligations[2].until", message: "must not be before from" }],
    ],
    [
      "funding years backwards",
      (m) => (m.funding.years = { from: 2026, to: 2025 }),
      [{ path: "funding.years", message: "from must not be after to" }],
    ],
    [
      "a currency that is not ISO 4217",
      (m) => (m.funding.currency = "kr"),
      [{ path: "funding.currency", message: "must be an ISO 4217 code such as DKK, NOK or SEK" }],
    ],
    ["a bad country", (m) => (m.country = "dk"), [{ path: "country", message: "must be a two-letter country code such as DK, NO or SE" }]],
    [
      "a bad Slack user id",
      (m) => (m.members[0].slack_id = "ane"),
      [{ path: "members[0].slack_id", message: "must be a Slack user id such as U012ABCDEF" }],
    ],
    [
      "a bad e-mail address",
      (m) => (m.members[0].email = "ane-at-example"),
      [{ path: "members[0].email", message: "must be an e-mail address" }],
    ],
    [
      "a bad channel",
      (m) => (m.slack_channel = "testudvalg"),
      [{ path: "slack_channel", message: "must be a channel name such as #styregruppe or a channel id such as C012ABCDEF" }],
    ],
    [
      "an id with a space",
      (m) => (m.tasks[0].id = "annual report"),
      [{ path: "tasks[0].id", message: "must be lower-case letters, digits and single hyphens, e.g. annual-report" }],
    ],
    ["an empty purpose", (m) => (m.purpose = "   "), [{ path: "purpose", message: "must not be empty" }]],
    [
      "an unknown key in an obligation",
      (m) => (m.obligations[0].every.per = "month"),
      [{ path: "obligations[0].every.per", message: 'Invalid input: expected "year"' }],
    ],
  ])("%s", (_, change, expected) => {
    expect(problems(changed(rich, change))).toEqual(expected);
  });

  it.each<[string, (m: any) => void, string]>([
    ["no tasks", (m) => (m.tasks = []), "tasks"],
    ["no members", (m) => (m.members = []), "members"],
    ["no decisions", (m) => delete m.decisions, "decisions"],
    ["an unknown role", (m) => (m.members[0].role = "king"), "members[0].role"],
    ["an unknown language", (m) => (m.language = "de"), "language"],
    ["a name in an unknown language", (m) => (m.names.de = "Prüfungsausschuss"), "names"],
    ["a negative amount", (m) => (m.funding.allocations[0].amount = -1), "funding.allocations[0].amount"],
    [
      "an owner with both seats and a role",
      (m) => (m.obligations[0].owner = { seats: ["formand"], role: "chair" }),
      "obligations[0].owner",
    ],
    ["an empty seat list", (m) => (m.obligations[0].owner = { seats: [] }), "obligations[0].owner.seats"],
    ["zero times a year", (m) => (m.obligations[0].every.at_least = 0), "obligations[0].every.at_least"],
    ["53 times a year", (m) => (m.obligations[0].every.at_least = 53), "obligations[0].every.at_least"],
    ["a quorum above 1", (m) => (m.decisions.quorum = 1.5), "decisions.quorum"],
    ["a threshold of one half", (m) => (m.decisions.threshold = 0.5), "decisions.threshold"],
  ])("%s", (_, change, path) => {
    const found = problems(changed(rich, change));
    expect(found.map((p) => p.path)).toContain(path);
    for (const p of found) expect(p.message.length).toBeGreaterThan(0);
  });
});

describe("Mandate schema: the words fit the fault", () => {
  // A value that is a whole number, or a number at all, must not be told that it is not one.
  it.each<[string, (m: any) => void, string, string]>([
    ["zero times a year", (m) => (m.obligations[0].every.at_least = 0), "obligations[0].every.at_least", "must be a whole number of times"],
    ["53 times a year", (m) => (m.obligations[0].every.at_least = 53), "obligations[0].every.at_least", "must be a whole number of times"],
    [
      "a negative amount",
      (m) => (m.funding.allocations[0].amount = -1),
      "funding.allocations[0].amount",
      "must be a number in whole currency units, e.g. 10000000",
    ],
  ])("%s: refused with its own words", (_, change, path, typeMessage) => {
    const found = problems(changed(rich, change)).filter((p) => p.path === path);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).not.toBe(typeMessage);
  });
});

describe("parseMandateText: YAML that is not a mandate", () => {
  it.each([
    ["a duplicate key", "format: mandat/v1\nslug: a\nslug: b\n", "line 3, column 1", /Map keys must be unique/],
    [
      "inconsistent indentation",
      'format: mandat/v1\nvalid:\n  from: "2025-01-01"\n   until: "2026-01-01"\n',
      "line 4, column 1",
      /same column/,
    ],
    ["a tab for indentation", "format: mandat/v1\nvalid:\n\tfrom: x\n", "line 3, column 1", /Tabs/],
    ["an unclosed quote", 'purpose: "abc\nslug: a\n', "line 3, column 1", /quote/],
  ])("%s: reports line and column", (_, text, path, message) => {
    const result = parseMandateText("broken.yaml", text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.file).toBe("broken.yaml");
    expect(result.problems[0]?.path).toBe(path);
    expect(result.problems[0]?.path).toMatch(/^line \d+, column \d+$/);
    expect(result.problems[0]?.message).toMatch(message);
    expect(result.problems[0]?.message).not.toContain("\n");
  });

  it.each([
    ["a list", "- format: mandat/v1\n- slug: a\n"],
    ["a scalar", "mandat\n"],
    ["an empty file", ""],
    ["only a comment", "# nothing here\n"],
  ])("refuses %s instead of a mapping", (_, text) => {
    expect(parseMandateText("x.yaml", text)).toEqual({
      ok: false,
      file: "x.yaml",
      problems: [{ path: "(top level)", message: "the file must be a YAML mapping of mandate fields" }],
    });
  });

  it("reads unquoted YAML dates as dates written YYYY-MM-DD, not timestamps", () => {
    const text = stringify(minimal()).replace(/from: "?2025-01-01"?/, "from: 2025-01-01");
    expect(text).toContain("from: 2025-01-01");
    const result = parseMandateText("x.yaml", text);
    expect(result.ok && result.mandate.valid.from).toBe("2025-01-01");
  });

  it("reports every problem at once", () => {
    const result = parseMandateText(
      "x.yaml",
      stringify(changed(minimal, (m) => Object.assign(m, { slug: "Bad", time_zone: "Nowhere/Town", format: "v1" }))),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.path).sort()).toEqual(["format", "slug", "time_zone"]);
  });
});

describe("formatIssuePath", () => {
  it.each<[PropertyKey[], string]>([
    [[], ""],
    [["slug"], "slug"],
    [["names", "da"], "names.da"],
    [["obligations", 2, "every", "at_least"], "obligations[2].every.at_least"],
    [["obligations", 0, "owner", "seats", 0], "obligations[0].owner.seats[0]"],
    [["funding", "allocations"], "funding.allocations"],
    [["members", 10, "seat"], "members[10].seat"],
    [[0], "[0]"],
    [[0, 1], "[0][1]"],
  ])("%j → %s", (path, text) => {
    expect(formatIssuePath(path)).toBe(text);
  });
});

describe("contentHash", () => {
  const hash = (value: Record<string, unknown>) => contentHash(Mandate.parse(value));
  const base = hash(rich());

  function reversedKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reversedKeys);
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reversedKeys(v)]),
      );
    return value;
  }

  it("is a SHA-256 hex digest, the same every time", () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(rich())).toBe(base);
  });

  it.each<[string, () => Record<string, unknown>]>([
    ["keys in reverse order at every level", () => reversedKeys(rich()) as Record<string, unknown>],
    ["without $schema", () => changed(rich, (m) => delete m.$schema)],
    ["with another $schema", () => changed(rich, (m) => (m.$schema = "https://example.org/mandate.schema.json"))],
    [
      "the same YAML text written differently",
      () => {
        const result = parseMandateText("x.yaml", `# a comment\n${stringify(reversedKeys(rich()), { indent: 4 })}`);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        return result.mandate as unknown as Record<string, unknown>;
      },
    ],
  ])("keeps the hash: %s", (_, build) => {
    expect(hash(build())).toBe(base);
  });

  it("does not depend on $schema even in the minimal mandate", () => {
    expect(hash({ ...minimal(), $schema: "./mandate.schema.json" })).toBe(hash(minimal()));
  });

  it.each<[string, (m: any) => void]>([
    ["one allocation's amount", (m) => (m.funding.allocations[0].amount = 5_999_999)],
    ["the total", (m) => (m.funding.total = 10_000_001)],
    ["a due day", (m) => (m.obligations[1].due = ["03-31", "10-01"])],
    ["the order of the due days", (m) => (m.obligations[1].due = ["09-30", "03-31"])],
    ["the order of the tasks", (m) => m.tasks.reverse()],
    ["a title", (m) => (m.members[1].title = "Næstformand (konstitueret)")],
    ["a member's name added", (m) => (m.members[1].name = "Bo Berg")],
    ["a boolean removed", (m) => delete m.funding.other_amounts[0].approximate],
    ["the validity's end", (m) => (m.valid.until = "2027-12-31")],
    ["the slug", (m) => (m.slug = "test-udvalg-2")],
  ])("changes the hash: %s", (_, change) => {
    expect(hash(changed(rich, change))).not.toBe(base);
  });

  it("gives every changed value its own hash", () => {
    const hashes = [2020, 2021, 2022, 2023, 2024].map((year) => hash(changed(rich, (m) => (m.history[1].date = String(year)))));
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(hashes.at(-1)).toBe(base); // 2024 is what rich() has
  });
});

describe("Mandate schema: dates in the years 1900–2200, everywhere a date is written", () => {
  const YEARS = "must be a date in the years 1900–2200";
  it.each<[string, (m: any, date: string) => void, string]>([
    ["valid.from", (m, d) => (m.valid.from = d), "valid.from"],
    ["valid.until", (m, d) => (m.valid = { from: "1900-01-01", until: d }), "valid.until"],
    ["an obligation's from", (m, d) => (m.obligations[2].from = d), "obligations[2].from"],
    ["an obligation's until", (m, d) => (m.obligations[2] = { ...m.obligations[2], from: "1900-01-01", until: d }), "obligations[2].until"],
    ["a fixed deadline", (m, d) => (m.deadlines[0].due = d), "deadlines[0].due"],
    ["source.approved_on", (m, d) => (m.source.approved_on = d), "source.approved_on"],
  ])("%s", (_, set, at) => {
    for (const date of ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"]) {
      // Validity must not end before it starts: move the start out of the way where it matters.
      expect(problems(changed(rich, (m) => set(m, date))), date).toContainEqual({ path: at, message: YEARS });
    }
    for (const date of ["1900-01-01", "2200-12-31"]) {
      expect(
        problems(changed(rich, (m) => set(m, date))).filter((p) => p.path === at),
        date,
      ).toEqual([]);
    }
  });

  it.each([
    ["0001-01-01", "history[0].date", "must fall in the years 1900–2200"],
    ["2024-02-30", "history[0].date", "must be a day that exists"],
    ["9999", "history[0].date", "must fall in the years 1900–2200"],
    ["1899-12", "history[0].date", "must fall in the years 1900–2200"],
    ["2024-13", "history[0].date", "must be a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)"],
  ])("a history date %s", (date, at, message) => {
    expect(problems(changed(rich, (m) => (m.history[0].date = date)))).toContainEqual({ path: at, message });
  });

  it.each([
    [{ from: 1899, to: 2025 }, "funding.other_amounts[0].years.from"],
    [{ from: 2025, to: 9999 }, "funding.other_amounts[0].years.to"],
  ])("other amounts' years %j", (years, at) => {
    expect(problems(changed(rich, (m) => (m.funding.other_amounts[0].years = years))).map((p) => p.path)).toContain(at);
  });

  it("a day that does not exist is refused for its form, not also for its year", () => {
    expect(problems(changed(rich, (m) => (m.valid.from = "2025-02-30")))).toEqual([
      { path: "valid.from", message: "must be a date written YYYY-MM-DD, e.g. 2025-03-31" },
    ]);
  });
});

describe("Mandate schema: how long and how many", () => {
  const L = MANDATE_LIMITS;
  const x = (n: number) => "x".repeat(n);
  it.each<[string, number, (m: any, n: number) => void, string]>([
    ["a name", L.name, (m, n) => (m.names.da = x(n)), "names.da"],
    ["a short name", L.shortName, (m, n) => (m.short_name = x(n)), "short_name"],
    ["an obligation's title", L.title, (m, n) => (m.obligations[0].title = x(n)), "obligations[0].title"],
    ["a deadline's title", L.title, (m, n) => (m.deadlines[0].title = x(n)), "deadlines[0].title"],
    ["a seat's title", L.text, (m, n) => (m.members[0].title = x(n)), "members[0].title"],
    ["an organisation", L.text, (m, n) => (m.members[0].organisation = x(n)), "members[0].organisation"],
    ["a person's name", L.text, (m, n) => (m.members[0].name = x(n)), "members[0].name"],
    ["a group", L.group, (m, n) => (m.members[2].groups[0] = x(n)), "members[2].groups[0]"],
    ["a recipient", L.text, (m, n) => (m.obligations[1].to = x(n)), "obligations[1].to"],
    ["an owner body", L.text, (m, n) => (m.obligations[2].owner.body = x(n)), "obligations[2].owner.body"],
    ["a source title", L.text, (m, n) => (m.source.title = x(n)), "source.title"],
    ["a body reported to", L.text, (m, n) => (m.reports_to = [x(n)]), "reports_to[0]"],
    ["the purpose", L.longText, (m, n) => (m.purpose = x(n)), "purpose"],
    ["a task", L.longText, (m, n) => (m.tasks[0].text = x(n)), "tasks[0].text"],
    ["a clause", L.longText, (m, n) => (m.obligations[0].clause = x(n)), "obligations[0].clause"],
    ["a provision", L.longText, (m, n) => (m.provisions[0].text = x(n)), "provisions[0].text"],
    ["a history event", L.longText, (m, n) => (m.history[0].text = x(n)), "history[0].text"],
    ["the meetings clause", L.longText, (m, n) => (m.meetings.text = x(n)), "meetings.text"],
    ["the funding's source", L.longText, (m, n) => (m.funding.source = x(n)), "funding.source"],
    ["an allocation's purpose", L.longText, (m, n) => (m.funding.allocations[0].purpose = x(n)), "funding.allocations[0].purpose"],
  ])("%s: %i characters", (_, max, set, at) => {
    expect(problems(changed(rich, (m) => set(m, max)))).toEqual([]);
    expect(problems(changed(rich, (m) => set(m, max + 1)))).toEqual([{ path: at, message: `must be at most ${max} characters` }]);
  });

  const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
  it.each<[string, number, (m: any, n: number) => void, string]>([
    ["tasks", L.tasks, (m, n) => (m.tasks = many(n, (i) => ({ id: `t${i}`, text: "T" }))), "tasks"],
    [
      "members",
      L.members,
      (m, n) => m.members.push(...many(n - m.members.length, (i) => ({ seat: `s${i}`, role: "member", title: "M" }))),
      "members",
    ],
    ["groups of a member", L.groupsPerMember, (m, n) => (m.members[2].groups = many(n, (i) => `G${i}`)), "members[2].groups"],
    [
      "seats owning a duty",
      L.ownerSeats,
      (m, n) => {
        m.members.push(...many(n, (i) => ({ seat: `ejer${i}`, role: "member", title: "M" })));
        m.obligations[0].owner = { seats: many(n, (i) => `ejer${i}`) };
      },
      "obligations[0].owner.seats",
    ],
    [
      "obligations",
      L.obligations,
      (m, n) =>
        (m.obligations = many(n, (i) => ({ id: `o${i}`, title: "O", owner: { role: "chair" }, every: { at_least: 1, per: "year" } }))),
      "obligations",
    ],
    [
      "deadlines",
      L.deadlines,
      (m, n) => (m.deadlines = many(n, (i) => ({ id: `d${i}`, title: "D", due: "2026-01-01", owner: { role: "chair" } }))),
      "deadlines",
    ],
    ["provisions", L.provisions, (m, n) => (m.provisions = many(n, (i) => ({ id: `p${i}`, section: "tasks", text: "P" }))), "provisions"],
    ["history events", L.history, (m, n) => (m.history = many(n, () => ({ date: "2024", text: "H" }))), "history"],
    ["bodies reported to", L.reportsTo, (m, n) => (m.reports_to = many(n, (i) => `B${i}`)), "reports_to"],
    ["source context", L.sourceContext, (m, n) => (m.source.context = many(n, (i) => `C${i}`)), "source.context"],
    [
      "allocations",
      L.allocations,
      (m, n) => (m.funding.allocations = many(n, (i) => ({ id: `a${i}`, amount: 1, purpose: "A" }))),
      "funding.allocations",
    ],
    [
      "other amounts",
      L.otherAmounts,
      (m, n) => (m.funding.other_amounts = many(n, (i) => ({ id: `x${i}`, amount: 1, text: "X" }))),
      "funding.other_amounts",
    ],
  ])("%s: at most %i", (_, max, set, at) => {
    expect(problems(changed(rich, (m) => set(m, max)))).toEqual([]);
    expect(problems(changed(rich, (m) => set(m, max + 1)))).toEqual([{ path: at, message: `may hold at most ${max} items` }]);
  });

  it("an amount over a thousand trillion", () => {
    expect(problems(changed(rich, (m) => (m.funding.total = 1e16)))).toContainEqual({
      path: "funding.total",
      message: "must be at most 1 000 000 000 000 000",
    });
  });
});
