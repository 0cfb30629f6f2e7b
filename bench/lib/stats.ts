// Percentiles and the plain-text tables the benchmarks print.

/** The p-th percentile (nearest rank) of values sorted ascending; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

export function median(values: readonly number[]): number {
  return summarise(values).p50;
}

/** Milliseconds as people read them: 0.8, 12, 436, 14 400. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en").replaceAll(",", " ");
}

export function ratio(value: number, base: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base <= 0) return "–";
  return `${value / base < 10 ? (value / base).toFixed(1) : Math.round(value / base)}×`;
}

export function megabytes(kilobytes: number): string {
  return Number.isFinite(kilobytes) ? `${Math.round(kilobytes / 1024)} MB` : "–";
}

/** Columns padded to their widest cell; a column whose header starts with "<" is left-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.replace(/^</, "").length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return header[i]?.startsWith("<") ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ")
      .trimEnd();
  return [line(header.map((h) => h.replace(/^</, ""))), ...rows.map(line)].join("\n");
}
