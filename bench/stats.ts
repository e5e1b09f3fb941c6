/** Small statistics helpers for the benchmarks (no dependencies). */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function summarize(samples: readonly number[]): {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean,
  };
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function fmt(value: number, digits = 3): string {
  if (Number.isInteger(value)) return String(value);
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** Prints one benchmark line: `name  key=value ...` and returns the record for JSON output. */
export function report(name: string, figures: Record<string, string | number>): Record<string, string | number> {
  const parts = Object.entries(figures).map(
    ([key, value]) => `${key}=${typeof value === 'number' ? fmt(value) : value}`,
  );
  console.log(`${name.padEnd(44)} ${parts.join('  ')}`);
  return { name, ...figures };
}
