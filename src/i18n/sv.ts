import type { ErrorCode, ErrorParams } from "../domain/errors.js";
import type { Messages } from "./en.js";
import { codeList, formatDate } from "./format.js";

/** Svenska. */
export const sv: Messages = {
  languageName: "Svenska",

  keywords: {
    help: ["hjälp"],
    search: ["sök", "hitta"],
    all: ["alla"],
    new: ["ny", "nytt"],
    done: ["klar", "klart", "utförd"],
    waive: ["avskriv"],
    sections: {
      purpose: ["syfte", "sammanfattning"],
      tasks: ["uppgifter"],
      members: ["medlemmar", "ledamöter", "sammansättning"],
      meetings: ["möten", "sammanträden"],
      obligations: ["åtaganden", "rapportering", "redovisning", "frister", "tidsfrister"],
      decisions: ["beslut"],
      funding: ["finansiering", "medel", "budget"],
      history: ["historik", "versioner"],
    },
  },

  sections: {
    purpose: "Syfte",
    tasks: "Uppgifter",
    members: "Ledamöter",
    meetings: "Möten",
    obligations: "Redovisning och tidsfrister",
    decisions: "Beslut",
    funding: "Finansiering",
    history: "Historik",
  },
  summaryButton: "Sammanfattning",

  roles: {
    chair: "Ordförande",
    vice_chair: "Vice ordförande",
    member: "Ledamot",
    secretariat: "Sekretariat",
    observer: "Observatör",
    deputy: "Ersättare",
  },

  decisionRules: {
    consensus: "Genom konsensus",
    majority: "Med enkel majoritet",
    qualified_majority: "Med kvalificerad majoritet",
    unanimity: "Enhälligt",
    unspecified: "Uppdraget anger ingen beslutsregel",
  },

  committeeList: {
    title: "Grupper",
    yours: "Dina grupper",
    others: "Öppna grupper",
    noneOfYours: "Du finns inte med i någon ledamotslista. De här grupperna är öppna:",
    none: "Det finns ännu inga grupper som du kan se.",
    yourRoles: (roles) => `Du: ${roles}`,
    open: "Öppna",
    more: (n) => `… och ${n} till. Skriv \`/mandat <namn>\` för att öppna en grupp.`,
  },
  summary: {
    members: (voting, others) =>
      others > 0 ? `${voting} ledamöter, ${others} i sekretariatet eller som observatörer` : `${voting} ledamöter`,
    nextDeadline: "Nästa tidsfrist",
    noUpcomingDeadline: "Inget förfaller de närmaste 90 dagarna",
    valid: "Gäller",
    validFrom: (from) => `från ${from}`,
    validFromTo: (from, until) => `${from} – ${until}`,
    source: "Källa",
    approved: (by, on) => `fastställt av ${by}, ${on}`,
    approvedOn: (on) => `fastställt ${on}`,
    version: (n, date) => `Version ${n}, inläst ${date}`,
    expired: "Uppdraget har löpt ut.",
    olderVersion: (n, current) => `Tidigare version ${n}; den gällande är version ${current}.`,
  },
  meetings: {
    between: (min, max) => `${min}–${max} gånger per år`,
    atLeast: (min) => (min === 1 ? "Minst en gång per år" : `Minst ${min} gånger per år`),
    atMost: (max) => (max === 1 ? "Högst en gång per år" : `Högst ${max} gånger per år`),
    regularly: "Regelbundet",
    none: "Uppdraget anger inte hur ofta möten hålls",
  },
  decisions: {
    quorum: (percent) => `Beslutsför: ${percent} % av ledamöterna`,
    threshold: (percent) => `Majoritet som krävs: ${percent} % av de avgivna rösterna`,
  },
  obligationsSection: {
    recurring: "Återkommande åtaganden",
    fixed: "Tidsfrister i uppdraget",
    none: "Uppdraget anger ingen redovisning eller några tidsfrister.",
    timesAYear: (n) => (n === 1 ? "minst en gång per år" : `minst ${n} gånger per år`),
    dueOn: (days) => `senast ${days}`,
    spread: "fördelat över året",
    owner: (owner) => `Ansvarig: ${owner}`,
    to: (to) => `Till: ${to}`,
  },
  membersSection: {
    unnamed: "_namn inte inlagt ännu_",
    groups: (groups) => `(${groups})`,
  },
  fundingSection: {
    none: "Uppdraget säger inget om finansiering.",
    total: "Totalt",
    years: "År",
    source: "Källa",
    managedBy: "Förvaltas av",
    allocations: "Fördelning",
    otherAmounts: "Andra belopp",
    approximately: (amount) => `cirka ${amount}`,
  },
  historySection: {
    versions: "Versioner i Mandat",
    versionLine: (n, date, file) => `Version ${n}, inläst ${date} från \`${file}\``,
    events: "Bakgrund",
    document: "Källdokument",
  },
  tasksSection: {
    none: "Uppdraget räknar inte upp några uppgifter.",
  },

  search: {
    title: (words) => `Sökning: ${words}`,
    none: (words) => `Inget i de uppdrag du kan se matchar ”${words}”.`,
    more: (n) => `… och ${n} stycken till`,
  },

  deadlineList: {
    titleUpcoming: "Tidsfrister: de närmaste 90 dagarna och försenade",
    titleAll: "Alla tidsfrister",
    titleUpcomingFor: (committee) => `Tidsfrister för ${committee}`,
    titleAllFor: (committee) => `Alla tidsfrister för ${committee}`,
    none: "Inget förfaller de närmaste 90 dagarna och inget är försenat.",
    noneAll: "Det finns inga tidsfrister.",
    publicOnly: "Du finns inte med i någon ledamotslista; här är de öppna gruppernas tidsfrister.",
    asOf: (date) => `Per ${date}`,
    more: (n) => `… och ${n} till. Skriv \`/frist <grupp>\` för att se en grupp.`,
    owner: (owner) => `Ansvarig: ${owner}`,
    to: (to) => `Till: ${to}`,
    sourceMandate: "Från uppdraget",
    sourceObligation: "Återkommande åtagande i uppdraget",
    sourceManual: (who) => `Tillagd av ${who}`,
  },
  deadlineState: {
    dueToday: "förfaller i dag",
    dueTomorrow: "förfaller i morgon",
    dueIn: (days) => `om ${days} dagar`,
    overdue: (days) => (days === 1 ? "1 dag försenad" : `${days} dagar försenad`),
    missed: "missad",
    done: (date) => `klar ${date}`,
    waived: (reason) => `avskriven: ${reason}`,
  },
  deadlineAdded: (id, title, date, committee) => `Tidsfrist #${id} ”${title}” den ${date} är tillagd för ${committee}.`,
  deadlineDone: (id, title) => `Tidsfrist #${id} ”${title}” är markerad som klar.`,
  deadlineWaived: (id, title) => `Tidsfrist #${id} ”${title}” är avskriven.`,

  help: {
    mandat: {
      title: "/mandat: en grupps uppdrag",
      lines: [
        "`/mandat`: dina grupper och de öppna",
        "`/mandat <grupp>`: uppdraget i korthet, med knappar till varje del",
        "`/mandat <grupp> <del>`: en del: syfte, uppgifter, ledamöter, möten, redovisning, beslut, finansiering, historik",
        "`/mandat <grupp> v1`: en tidigare version av uppdraget (historiken visar dem)",
        "`/mandat sök <ord>`: sök i de uppdrag du kan se",
        "`/mandat hjälp`: den här hjälpen",
      ],
      committeeHint: "En grupp kan anges med sitt korta namn eller en del av namnet.",
    },
    frist: {
      title: "/frist: tidsfrister",
      lines: [
        "`/frist`: dina gruppers tidsfrister de närmaste 90 dagarna, och försenade",
        "`/frist <grupp>`: en grupp",
        "`/frist alla` eller `/frist <grupp> alla`: även klara, avskrivna och missade",
        "`/frist <grupp> ny <datum> <rubrik>`: lägg till en tidsfrist (ordförande och sekretariat)",
        "`/frist klar <nr>`: markera en tidsfrist som klar (ordförande och sekretariat)",
        "`/frist avskriv <nr> <skäl>`: avskriv en tidsfrist (ordförande och sekretariat)",
        "`/frist hjälp`: den här hjälpen",
      ],
      dates: "Datum: 2025-03-31, 31.3.2025, 31/3 2025 eller 31 mars 2025. Utan år: nästa sådana dag.",
    },
  },

  errors: {
    unknown_committee: (p) => `Ingen grupp som du kan se heter ”${p.query}”. Skriv \`/mandat\` för att se dina grupper.`,
    ambiguous_committee: (p) => `”${p.query}” passar flera grupper: ${codeList(p.candidates)}. Skriv ett av namnen.`,
    unknown_section: (p) =>
      `Det finns ingen del som heter ”${p.word}”. Prova syfte, uppgifter, ledamöter, möten, redovisning, beslut, finansiering eller historik.`,
    unknown_version: (p) => `${p.committee} har ingen version ${p.version}; versionerna är 1 till ${p.latest}.`,
    search_needs_words: () => "Skriv vad du vill söka efter, t.ex. `/mandat sök budget`.",
    not_a_date: (p) => `”${p.input}” är inte ett datum. Skriv t.ex. 2025-03-31, 31.3.2025 eller 31 mars 2025.`,
    no_such_day: (p) => `”${p.input}” är ingen dag i kalendern. Kontrollera dag och månad.`,
    date_in_past: (p) => `${formatDate(String(p.date), "sv")} har passerat. En ny tidsfrist måste vara i dag eller senare.`,
    title_missing: () => "Ge tidsfristen en rubrik efter datumet, t.ex. `/frist gms-2024 ny 31.3.2026 Årsrapport`.",
    title_too_long: (p) => `Rubriken är för lång: högst ${p.max} tecken.`,
    deadline_id_missing: () => "Skriv tidsfristens nummer, t.ex. `/frist klar 12`. `/frist` visar numren.",
    unknown_deadline: (p) => `Det finns ingen tidsfrist #${p.id} som du kan se. \`/frist alla\` visar numren.`,
    not_allowed_to_edit_deadlines: (p) =>
      `Bara ordföranden och sekretariatet för ${p.committee} kan lägga till, klarmarkera eller avskriva gruppens tidsfrister.`,
    deadline_already_resolved: (p) => `Tidsfrist #${p.id} är redan ${p.status === "done" ? "klar" : "avskriven"}.`,
    waive_reason_missing: (p) => `Skriv varför tidsfristen avskrivs, t.ex. \`/frist avskriv ${p.id} uppskjuten av departementet\`.`,
    stale_button: () => "Knappen fungerar inte längre. Skriv `/mandat` igen.",
    internal: () => "Något gick fel hos oss. Inget har ändrats. Försök igen eller kontakta din administratör.",
  } satisfies Record<ErrorCode, (params: ErrorParams) => string>,
};
