import type { ErrorCode, ErrorParams } from "../domain/errors.js";
import type { Messages } from "./en.js";
import { codeList, formatDate } from "./format.js";

/** Norsk bokmål. */
export const nb: Messages = {
  languageName: "Norsk bokmål",

  keywords: {
    help: ["hjelp"],
    search: ["søk", "finn"],
    all: ["alle"],
    new: ["ny"],
    done: ["utført", "ferdig"],
    waive: ["frafall"],
    sections: {
      purpose: ["formål", "sammendrag"],
      tasks: ["oppgaver"],
      members: ["medlemmer", "sammensetning"],
      meetings: ["møter"],
      obligations: ["forpliktelser", "rapportering", "frister"],
      decisions: ["beslutninger", "vedtak"],
      funding: ["finansiering", "økonomi", "budsjett"],
      history: ["historikk", "versjoner"],
    },
  },

  sections: {
    purpose: "Formål",
    tasks: "Oppgaver",
    members: "Medlemmer",
    meetings: "Møter",
    obligations: "Rapportering og frister",
    decisions: "Beslutninger",
    funding: "Finansiering",
    history: "Historikk",
  },
  summaryButton: "Sammendrag",

  roles: {
    chair: "Leder",
    vice_chair: "Nestleder",
    member: "Medlem",
    secretariat: "Sekretariat",
    observer: "Observatør",
    deputy: "Vara",
  },

  decisionRules: {
    consensus: "Ved konsensus",
    majority: "Ved alminnelig flertall",
    qualified_majority: "Ved kvalifisert flertall",
    unanimity: "Enstemmig",
    unspecified: "Mandatet fastsetter ingen beslutningsregel",
  },

  committeeList: {
    title: "Utvalg",
    yours: "Dine utvalg",
    others: "Åpne utvalg",
    noneOfYours: "Du står ikke på noen medlemsliste. Disse utvalgene er åpne:",
    none: "Det finnes ennå ingen utvalg du kan se.",
    yourRoles: (roles) => `Du: ${roles}`,
    open: "Åpne",
    more: (n) => `… og ${n} til. Skriv \`/mandat <navn>\` for å åpne et utvalg.`,
  },
  summary: {
    members: (voting, others) =>
      others > 0 ? `${voting} medlemmer, ${others} i sekretariatet eller som observatører` : `${voting} medlemmer`,
    nextDeadline: "Neste frist",
    noUpcomingDeadline: "Ingenting forfaller de neste 90 dagene",
    valid: "Gjelder",
    validFrom: (from) => `fra ${from}`,
    validFromTo: (from, until) => `${from} – ${until}`,
    source: "Kilde",
    approved: (by, on) => `godkjent av ${by}, ${on}`,
    approvedOn: (on) => `godkjent ${on}`,
    version: (n, date) => `Versjon ${n}, lest inn ${date}`,
    expired: "Mandatet er utløpt.",
    olderVersion: (n, current) => `Tidligere versjon ${n}; gjeldende versjon er ${current}.`,
  },
  meetings: {
    between: (min, max) => `${min}–${max} ganger i året`,
    atLeast: (min) => (min === 1 ? "Minst én gang i året" : `Minst ${min} ganger i året`),
    atMost: (max) => (max === 1 ? "Høyst én gang i året" : `Høyst ${max} ganger i året`),
    regularly: "Jevnlig",
    none: "Mandatet fastsetter ikke hvor ofte det holdes møter",
  },
  decisions: {
    quorum: (percent) => `Beslutningsdyktig: ${percent} % av medlemmene`,
    threshold: (percent) => `Nødvendig flertall: ${percent} % av de avgitte stemmene`,
  },
  obligationsSection: {
    recurring: "Faste forpliktelser",
    fixed: "Frister i mandatet",
    none: "Mandatet fastsetter ingen rapportering eller frister.",
    timesAYear: (n) => (n === 1 ? "minst én gang i året" : `minst ${n} ganger i året`),
    dueOn: (days) => `frist ${days}`,
    spread: "fordelt over året",
    owner: (owner) => `Ansvarlig: ${owner}`,
    to: (to) => `Til: ${to}`,
  },
  membersSection: {
    unnamed: "_navn ikke lagt inn ennå_",
    groups: (groups) => `(${groups})`,
  },
  fundingSection: {
    none: "Mandatet sier ingenting om finansiering.",
    total: "Totalt",
    years: "År",
    source: "Kilde",
    managedBy: "Forvaltes av",
    allocations: "Fordeling",
    otherAmounts: "Andre beløp",
    approximately: (amount) => `ca. ${amount}`,
  },
  historySection: {
    versions: "Versjoner i Mandat",
    versionLine: (n, date, file) => `Versjon ${n}, lest inn ${date} fra \`${file}\``,
    events: "Bakgrunn",
    document: "Kildedokument",
  },
  tasksSection: {
    none: "Mandatet lister ingen oppgaver.",
  },

  search: {
    title: (words) => `Søk: ${words}`,
    none: (words) => `Ingenting i mandatene du kan se, passer med “${words}”.`,
    more: (n) => `… og ${n} avsnitt til`,
  },

  deadlineList: {
    titleUpcoming: "Frister: de neste 90 dagene og oversittede",
    titleAll: "Alle frister",
    titleUpcomingFor: (committee) => `Frister for ${committee}`,
    titleAllFor: (committee) => `Alle frister for ${committee}`,
    none: "Ingenting forfaller de neste 90 dagene, og ingenting er oversittet.",
    noneAll: "Det er ingen frister.",
    publicOnly: "Du står ikke på noen medlemsliste; her er fristene til de åpne utvalgene.",
    asOf: (date) => `Per ${date}`,
    more: (n) => `… og ${n} til. Skriv \`/frist <utvalg>\` for å se ett utvalg.`,
    owner: (owner) => `Ansvarlig: ${owner}`,
    to: (to) => `Til: ${to}`,
    sourceMandate: "Fra mandatet",
    sourceObligation: "Fast forpliktelse i mandatet",
    sourceManual: (who) => `Lagt til av ${who}`,
  },
  deadlineState: {
    dueToday: "forfaller i dag",
    dueTomorrow: "forfaller i morgen",
    dueIn: (days) => `om ${days} dager`,
    overdue: (days) => (days === 1 ? "1 dag over fristen" : `${days} dager over fristen`),
    missed: "ikke nådd",
    done: (date) => `utført ${date}`,
    waived: (reason) => `frafalt: ${reason}`,
  },
  deadlineAdded: (id, title, date, committee) => `Frist #${id} “${title}” ${date} er lagt til for ${committee}.`,
  deadlineDone: (id, title) => `Frist #${id} “${title}” er markert som utført.`,
  deadlineWaived: (id, title) => `Frist #${id} “${title}” er frafalt.`,

  help: {
    mandat: {
      title: "/mandat: et utvalgs mandat",
      lines: [
        "`/mandat`: dine utvalg og de åpne",
        "`/mandat <utvalg>`: mandatet kort, med knapper til hver del",
        "`/mandat <utvalg> <del>`: én del: formål, oppgaver, medlemmer, møter, rapportering, beslutninger, finansiering, historikk",
        "`/mandat <utvalg> v1`: en tidligere versjon av mandatet (historikken viser dem)",
        "`/mandat søk <ord>`: søk i mandatene du kan se",
        "`/mandat hjelp`: denne hjelpen",
      ],
      committeeHint: "Et utvalg kan nevnes ved sitt korte navn eller en del av navnet.",
    },
    frist: {
      title: "/frist: frister",
      lines: [
        "`/frist`: fristene til utvalgene dine de neste 90 dagene, og oversittede frister",
        "`/frist <utvalg>`: ett utvalg",
        "`/frist alle` eller `/frist <utvalg> alle`: også utførte, frafalte og ikke nådde",
        "`/frist <utvalg> ny <dato> <tittel>`: legg til en frist (leder og sekretariat)",
        "`/frist utført <nr.>`: marker en frist som utført (leder og sekretariat)",
        "`/frist frafall <nr.> <begrunnelse>`: frafall en frist (leder og sekretariat)",
        "`/frist hjelp`: denne hjelpen",
      ],
      dates: "Datoer: 2025-03-31, 31.3.2025, 31/3 2025 eller 31. mars 2025. Uten år: neste slike dag.",
    },
  },

  errors: {
    unknown_committee: (p) => `Ingen utvalg du kan se, heter “${p.query}”. Skriv \`/mandat\` for å se utvalgene dine.`,
    ambiguous_committee: (p) => `“${p.query}” passer på flere utvalg: ${codeList(p.candidates)}. Skriv ett av navnene.`,
    unknown_section: (p) =>
      `Det finnes ingen del som heter “${p.word}”. Prøv formål, oppgaver, medlemmer, møter, rapportering, beslutninger, finansiering eller historikk.`,
    unknown_version: (p) => `${p.committee} har ingen versjon ${p.version}; versjonene er 1 til ${p.latest}.`,
    search_needs_words: () => "Skriv hva du vil søke etter, f.eks. `/mandat søk budsjett`.",
    not_a_date: (p) => `“${p.input}” er ikke en dato. Skriv f.eks. 2025-03-31, 31.3.2025 eller 31. mars 2025.`,
    no_such_day: (p) => `“${p.input}” er ikke en dag i kalenderen. Sjekk dag og måned.`,
    date_in_past: (p) => `${formatDate(String(p.date), "nb")} er passert. En ny frist må være i dag eller senere.`,
    title_missing: () => "Gi fristen en tittel etter datoen, f.eks. `/frist norprem ny 31.3.2026 Årsrapport`.",
    title_too_long: (p) => `Tittelen er for lang: høyst ${p.max} tegn.`,
    deadline_id_missing: () => "Skriv nummeret på fristen, f.eks. `/frist utført 12`. `/frist` viser numrene.",
    unknown_deadline: (p) => `Det finnes ingen frist #${p.id} som du kan se. \`/frist alle\` viser numrene.`,
    not_allowed_to_edit_deadlines: (p) =>
      `Bare lederen og sekretariatet for ${p.committee} kan legge til, utføre eller frafalle utvalgets frister.`,
    deadline_already_resolved: (p) => `Frist #${p.id} er allerede ${p.status === "done" ? "utført" : "frafalt"}.`,
    waive_reason_missing: (p) => `Skriv hvorfor fristen frafalles, f.eks. \`/frist frafall ${p.id} utsatt av departementet\`.`,
    stale_button: () => "Knappen virker ikke lenger. Skriv `/mandat` på nytt.",
    internal: () => "Noe gikk galt hos oss. Ingenting er endret. Prøv igjen, eller kontakt administratoren din.",
  } satisfies Record<ErrorCode, (params: ErrorParams) => string>,
};
