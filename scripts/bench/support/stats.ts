import os from "node:os";

/** `exact_pct`: for the corpus, the share of table cells read exactly (0–100). */
export type Figure = {
  median_ms?: number;
  p95_ms?: number;
  per_s?: number;
  kb?: number;
  exact_pct?: number;
  note?: string;
  /** When it was measured (ISO time) and the machine's load then (1/5/15-minute averages). */
  at?: string;
  load?: string;
};

/** The machine's load now, as the figures record it: the 1, 5 and 15-minute averages. */
export function loadNow(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export function summarise(samples: readonly number[]): { median_ms: number; p95_ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { median_ms: round(percentile(sorted, 0.5)), p95_ms: round(percentile(sorted, 0.95)) };
}

/** Times `fn` run after run (awaited) after a warm-up; median and 95th percentile in milliseconds. */
export async function timeRuns(
  fn: () => unknown,
  { warmup = 20, iterations = 200 } = {},
): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  samples.sort();
  const median = samples[Math.floor(iterations / 2)];
  const round = (ms: number) => Math.round(ms * 10000) / 10000;
  return {
    median_ms: round(median),
    p95_ms: round(samples[Math.floor(iterations * 0.95)]),
    per_s: Math.round(1000 / median),
  };
}
