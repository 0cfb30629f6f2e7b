/** A small valid public mandate with slug `slug`, one field per line. */
export function smallMandate(slug: string, extra: { purpose?: string; shortName?: string } = {}): string {
  return [
    "format: mandat/v1",
    `slug: ${slug}`,
    `names: { da: Udvalget ${slug} }`,
    ...(extra.shortName ? [`short_name: ${extra.shortName}`] : []),
    "language: da",
    "time_zone: Europe/Copenhagen",
    "country: DK",
    "visibility: public",
    'valid: { from: "2025-01-01" }',
    "source: { title: Kommissorium, document: intet }",
    `purpose: ${extra.purpose ?? "At prøve filer."}`,
    "tasks: [{ id: proeve, text: Prøve filer af. }]",
    "members: [{ seat: formand, role: chair, title: Formand }]",
    "decisions: { rule: consensus }",
    "",
  ].join("\n");
}
