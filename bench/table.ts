// The figures a bench section reports, and the table they are printed in.

/** One measured figure; `key` is its name in bench/results.json. */
export interface BenchFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
}

/** A bench section: a module with this `run`. */
export interface BenchSection {
  run(): Promise<BenchFigure[]>;
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** The figures as an aligned text table, ending in a newline. */
export function benchTable(figures: BenchFigure[]): string {
  const rows = figures.map((f) => [f.key, f.label, formatValue(f.value), f.unit]);
  const header = ['key', 'figure', 'value', 'unit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Median and 95th percentile of `samples` (nearest-rank). */
export function percentiles(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}
