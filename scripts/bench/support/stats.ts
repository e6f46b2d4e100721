export type Figure = { median_ms?: number; p95_ms?: number; per_s?: number; kb?: number; note?: string };

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export function summarise(samples: readonly number[]): { median_ms: number; p95_ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { median_ms: round(percentile(sorted, 0.5)), p95_ms: round(percentile(sorted, 0.95)) };
}
