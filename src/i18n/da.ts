import type { ErrorCode, ErrorParams } from "../domain/errors.js";
import type { Messages } from "./en.js";
import { codeList, formatDate } from "./format.js";

/** Dansk. */
export const da: Messages = {
  languageName: "Dansk",

  keywords: {
    help: ["hjælp"],
    search: ["søg", "find"],
    all: ["alle"],
    new: ["ny", "tilføj"],
    done: ["udført", "færdig"],
    waive: ["frafald"],
    sections: {
      purpose: ["formål", "resumé"],
      tasks: ["opgaver"],
      members: ["medlemmer", "sammensætning"],
      meetings: ["møder"],
      obligations: ["forpligtelser", "rapportering", "frister"],
      decisions: ["beslutninger", "beslutning"],
      funding: ["finansiering", "økonomi", "budget"],
      history: ["historik", "versioner"],
    },
  },

  sections: {
    purpose: "Formål",
    tasks: "Opgaver",
    members: "Medlemmer",
    meetings: "Møder",
    obligations: "Rapportering og frister",
    decisions: "Beslutninger",
    funding: "Finansiering",
    history: "Historik",
  },
  summaryButton: "Resumé",

  roles: {
    chair: "Formand",
    vice_chair: "Næstformand",
    member: "Medlem",
    secretariat: "Sekretariat",
    observer: "Observatør",
    deputy: "Suppleant",
  },

  decisionRules: {
    consensus: "Ved konsensus",
    majority: "Ved simpelt flertal",
    qualified_majority: "Ved kvalificeret flertal",
    unanimity: "Enstemmigt",
    unspecified: "Kommissoriet fastsætter ingen beslutningsregel",
  },

  committeeList: {
    title: "Udvalg",
    yours: "Dine udvalg",
    others: "Offentlige udvalg",
    noneOfYours: "Du står ikke på nogen medlemsliste. Disse udvalg er offentlige:",
    none: "Der er endnu ingen udvalg, du kan se.",
    yourRoles: (roles) => `Du: ${roles}`,
    open: "Åbn",
    more: (n) => `… og ${n} mere. Skriv \`/mandat <navn>\` for at åbne et udvalg.`,
  },
  summary: {
    members: (voting, others) =>
      others > 0 ? `${voting} medlemmer, ${others} i sekretariatet eller som observatører` : `${voting} medlemmer`,
    nextDeadline: "Næste frist",
    noUpcomingDeadline: "Intet forfalder de næste 90 dage",
    valid: "Gælder",
    validFrom: (from) => `fra ${from}`,
    validFromTo: (from, until) => `${from} – ${until}`,
    source: "Kilde",
    approved: (by, on) => `godkendt af ${by}, ${on}`,
    approvedOn: (on) => `godkendt ${on}`,
    version: (n, date) => `Version ${n}, indlæst ${date}`,
    expired: "Kommissoriet er udløbet.",
    olderVersion: (n, current) => `Tidligere version ${n}; den gældende er version ${current}.`,
  },
  meetings: {
    between: (min, max) => `${min}–${max} gange om året`,
    atLeast: (min) => (min === 1 ? "Mindst én gang om året" : `Mindst ${min} gange om året`),
    atMost: (max) => (max === 1 ? "Højst én gang om året" : `Højst ${max} gange om året`),
    regularly: "Jævnligt",
    none: "Kommissoriet fastsætter ikke, hvor ofte der holdes møde",
  },
  decisions: {
    quorum: (percent) => `Beslutningsdygtig: ${percent} % af medlemmerne`,
    threshold: (percent) => `Krævet flertal: ${percent} % af de afgivne stemmer`,
  },
  obligationsSection: {
    recurring: "Tilbagevendende forpligtelser",
    fixed: "Frister i kommissoriet",
    none: "Kommissoriet fastsætter ingen rapportering eller frister.",
    timesAYear: (n) => (n === 1 ? "mindst én gang om året" : `mindst ${n} gange om året`),
    dueOn: (days) => `frist ${days}`,
    spread: "fordelt over året",
    owner: (owner) => `Ansvarlig: ${owner}`,
    to: (to) => `Til: ${to}`,
  },
  membersSection: {
    unnamed: "_navn ikke indtastet endnu_",
    groups: (groups) => `(${groups})`,
  },
  fundingSection: {
    none: "Kommissoriet siger intet om finansiering.",
    total: "I alt",
    years: "År",
    source: "Kilde",
    managedBy: "Forvaltes af",
    allocations: "Fordeling",
    otherAmounts: "Andre beløb",
    approximately: (amount) => `ca. ${amount}`,
  },
  historySection: {
    versions: "Versioner i Mandat",
    versionLine: (n, date, file) => `Version ${n}, indlæst ${date} fra \`${file}\``,
    events: "Baggrund",
    document: "Kildedokument",
  },
  tasksSection: {
    none: "Kommissoriet oplister ingen opgaver.",
  },

  search: {
    title: (words) => `Søgning: ${words}`,
    none: (words) => `Intet i de kommissorier, du kan se, matcher “${words}”.`,
    more: (n) => `… og ${n} afsnit mere`,
  },

  deadlineList: {
    titleUpcoming: "Frister: de næste 90 dage og overskredne",
    titleAll: "Alle frister",
    titleUpcomingFor: (committee) => `Frister for ${committee}`,
    titleAllFor: (committee) => `Alle frister for ${committee}`,
    none: "Intet forfalder de næste 90 dage, og intet er overskredet.",
    noneAll: "Der er ingen frister.",
    publicOnly: "Du står ikke på nogen medlemsliste; her er de offentlige udvalgs frister.",
    asOf: (date) => `Pr. ${date}`,
    more: (n) => `… og ${n} mere. Skriv \`/frist <udvalg>\` for at se ét udvalg.`,
    owner: (owner) => `Ansvarlig: ${owner}`,
    to: (to) => `Til: ${to}`,
    sourceMandate: "Fra kommissoriet",
    sourceObligation: "Tilbagevendende forpligtelse i kommissoriet",
    sourceManual: (who) => `Tilføjet af ${who}`,
  },
  deadlineState: {
    dueToday: "forfalder i dag",
    dueTomorrow: "forfalder i morgen",
    dueIn: (days) => `om ${days} dage`,
    overdue: (days) => (days === 1 ? "1 dag over fristen" : `${days} dage over fristen`),
    missed: "ikke nået",
    done: (date) => `udført ${date}`,
    waived: (reason) => `frafaldet: ${reason}`,
  },
  deadlineAdded: (id, title, date, committee) => `Frist #${id} “${title}” den ${date} er tilføjet for ${committee}.`,
  deadlineDone: (id, title) => `Frist #${id} “${title}” er markeret som udført.`,
  deadlineWaived: (id, title) => `Frist #${id} “${title}” er frafaldet.`,

  help: {
    mandat: {
      title: "/mandat: et udvalgs kommissorium",
      lines: [
        "`/mandat`: dine udvalg og de offentlige",
        "`/mandat <udvalg>`: kommissoriet kort, med knapper til hver del",
        "`/mandat <udvalg> <del>`: én del: formål, opgaver, medlemmer, møder, rapportering, beslutninger, finansiering, historik",
        "`/mandat <udvalg> v1`: en tidligere version af kommissoriet (historikken viser dem)",
        "`/mandat søg <ord>`: søg i de kommissorier, du kan se",
        "`/mandat hjælp`: denne hjælp",
      ],
      committeeHint: "Et udvalg kan nævnes ved sit korte navn eller en del af sit navn.",
    },
    frist: {
      title: "/frist: frister",
      lines: [
        "`/frist`: dine udvalgs frister de næste 90 dage og overskredne frister",
        "`/frist <udvalg>`: ét udvalg",
        "`/frist alle` eller `/frist <udvalg> alle`: også udførte, frafaldne og ikke nåede",
        "`/frist <udvalg> ny <dato> <titel>`: tilføj en frist (formand og sekretariat)",
        "`/frist udført <nr.>`: markér en frist som udført (formand og sekretariat)",
        "`/frist frafald <nr.> <begrundelse>`: frafald en frist (formand og sekretariat)",
        "`/frist hjælp`: denne hjælp",
      ],
      dates: "Datoer: 2025-03-31, 31.3.2025, 31/3 2025 eller 31. marts 2025. Uden år: den næste sådanne dag.",
    },
  },

  errors: {
    unknown_committee: (p) => `Intet udvalg, du kan se, hedder “${p.query}”. Skriv \`/mandat\` for at se dine udvalg.`,
    ambiguous_committee: (p) => `“${p.query}” passer på flere udvalg: ${codeList(p.candidates)}. Skriv et af navnene.`,
    unknown_section: (p) =>
      `Der er ingen del, der hedder “${p.word}”. Prøv formål, opgaver, medlemmer, møder, rapportering, beslutninger, finansiering eller historik.`,
    unknown_version: (p) => `${p.committee} har ingen version ${p.version}; versionerne er 1 til ${p.latest}.`,
    search_needs_words: () => "Skriv, hvad der skal søges efter, fx `/mandat søg budget`.",
    not_a_date: (p) => `“${p.input}” er ikke en dato. Skriv fx 2025-03-31, 31.3.2025 eller 31. marts 2025.`,
    no_such_day: (p) => `“${p.input}” er ikke en dag i kalenderen. Tjek dag og måned.`,
    date_in_past: (p) => `${formatDate(String(p.date), "da")} er overstået. En ny frist skal være i dag eller senere.`,
    title_missing: () => "Giv fristen en titel efter datoen, fx `/frist gms-2024 ny 31.3.2026 Årsrapport`.",
    title_too_long: (p) => `Titlen er for lang: højst ${p.max} tegn.`,
    deadline_id_missing: () => "Skriv fristens nummer, fx `/frist udført 12`. `/frist` viser numrene.",
    unknown_deadline: (p) => `Der er ingen frist #${p.id}, som du kan se. \`/frist alle\` viser numrene.`,
    not_allowed_to_edit_deadlines: (p) =>
      `Kun formanden og sekretariatet for ${p.committee} kan tilføje, udføre eller frafalde udvalgets frister.`,
    deadline_already_resolved: (p) => `Frist #${p.id} er allerede ${p.status === "done" ? "udført" : "frafaldet"}.`,
    waive_reason_missing: (p) => `Skriv, hvorfor fristen frafaldes, fx \`/frist frafald ${p.id} udsat af ministeriet\`.`,
    stale_button: () => "Knappen virker ikke længere. Skriv `/mandat` igen.",
    internal: () => "Noget gik galt hos os. Intet er ændret. Prøv igen, eller kontakt din administrator.",
  } satisfies Record<ErrorCode, (params: ErrorParams) => string>,
};
