// Generates N mandate files for the benchmarks at scale (issue 8): realistic committees made from
// the four shipped mandates (their texts, members, funding, provisions), each with its own slug,
// names, roster of Slack ids and recurring duties that give about 52 deadline rows once planned.
//
//   npx tsx bench/generate-committees.ts <dir> <count>
//
// Deterministic: the same count gives the same files, byte for byte. Every file passes the
// mandate schema (checked here), so a run that imports them measures the bot, not refusals.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { Mandate } from "../src/domain/mandate.js";

const TEMPLATES = ["dk-personlig-medicin", "norprem", "gms-2024", "gms-2022"];
const MANDATES = fileURLToPath(new URL("../mandates/", import.meta.url));

/** The Slack user who sits on exactly three committees: the "member of 3 committees" of the benchmarks. */
export const MEMBER_OF_THREE = "UBENCH00001";
/** A Slack user on no roster at all. */
export const ON_NO_ROSTER = "UNOBODY0001";

/** Every n-th committee is members-only; the rest are public. */
const MEMBERS_ONLY_EVERY = 4;

/** Users U… numbered from 2: each committee's seats go to a block of users that overlaps the next committee's. */
function userId(n: number): string {
  return `UBENCH${String(n).padStart(5, "0")}`;
}

const NUMBER_WORDS: Record<string, string> = { da: "nr.", nb: "nr.", sv: "nr", en: "no." };

function committee(index: number, template: Record<string, unknown>, templateSlug: string): Record<string, unknown> {
  const m = structuredClone(template) as Record<string, unknown> & {
    names: Record<string, string>;
    members: Record<string, unknown>[];
    language: string;
  };
  const number = index + 1;
  m.slug = `${templateSlug}-${number}`;
  m.names = Object.fromEntries(Object.entries(m.names).map(([lang, name]) => [lang, `${name} ${NUMBER_WORDS[lang] ?? "no."} ${number}`]));
  // Short names are left out: a thousand of them would repeat one another.
  delete m.short_name;
  m.visibility = number % MEMBERS_ONLY_EVERY === 0 ? "members" : "public";
  m.valid = { from: "2022-01-01" };
  // Seats get Slack ids: committee i's seats are users 10·i+2 … , so neighbours share nobody but
  // MEMBER_OF_THREE, who sits on the first three committees (as chair of the first).
  m.members = m.members.map((seat, s) => ({ ...seat, slack_id: userId(10 * number + 2 + s) }));
  if (number <= 3) (m.members[number === 1 ? 0 : m.members.length - 1] as Record<string, unknown>).slack_id = MEMBER_OF_THREE;
  const firstSeat = String(m.members[0]?.seat);
  m.obligations = [
    { id: "monthly-status", title: `Månedlig status ${number}`, owner: { role: "secretariat" }, every: { at_least: 12, per: "year" } },
    {
      id: "quarterly-accounts",
      title: `Kvartalsregnskab ${number}`,
      owner: { seats: [firstSeat] },
      to: "Styregruppen",
      every: { at_least: 4, per: "year" },
    },
    { id: "half-year-report", title: `Halvårsrapport ${number}`, owner: { role: "chair" }, every: { at_least: 2, per: "year" } },
  ];
  return m;
}

/** Writes `count` mandate files into `dir` (emptied first) and returns their paths. */
export function generateCommittees(dir: string, count: number): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const templates = TEMPLATES.map((slug) => ({ slug, content: parse(readFileSync(join(MANDATES, `${slug}.yaml`), "utf8")) }));
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length];
    if (!template) throw new Error("no template");
    const content = committee(i, template.content, template.slug);
    const checked = Mandate.safeParse(content);
    if (!checked.success) throw new Error(`generated committee ${i + 1} does not pass the schema: ${checked.error.message}`);
    const path = join(dir, `${String(i + 1).padStart(5, "0")}-${content.slug}.yaml`);
    writeFileSync(path, stringify(content, { lineWidth: 100 }));
    paths.push(path);
  }
  return paths;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count || !/^\d+$/.test(count)) {
    console.error("usage: tsx bench/generate-committees.ts <dir> <count>");
    process.exit(2);
  }
  const paths = generateCommittees(dir, Number(count));
  console.log(`${paths.length} mandate files in ${dir}`);
}
