import { computeTotals } from "../../lib/report/compute-totals";
import { fullReport, previousOf } from "../../lib/report/fixtures/full-report";
import { validate } from "../../lib/report/validate";

type Figure = { median_ms?: number; p95_ms?: number; per_s?: number; kb?: number; note?: string };

/** Times `fn` call by call after a warm-up; median and 95th percentile in milliseconds. */
function time(fn: () => unknown, { warmup = 3000, iterations = 20000 } = {}): Figure {
  for (let i = 0; i < warmup; i++) fn();
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  samples.sort();
  const median = samples[Math.floor(iterations / 2)];
  const round = (ms: number) => Math.round(ms * 10000) / 10000;
  return { median_ms: round(median), p95_ms: round(samples[Math.floor(iterations * 0.95)]), per_s: Math.round(1000 / median) };
}

/**
 * validate() on a complete 2021 report: every cell filled, narratives of realistic length, no finding
 * — the check the editor runs on every keystroke. Target < 0.2 ms.
 */
export async function run(): Promise<Record<string, Figure>> {
  const report = fullReport("2021");
  if (validate(report).length !== 0) throw new Error("the benchmark report should be free of findings");
  const previous = previousOf(report);
  const kb = Math.round((Buffer.byteLength(JSON.stringify(report)) / 1024) * 10) / 10;
  return {
    validate_full_report: { ...time(() => validate(report)), kb, note: "目标 < 0.2 ms" },
    validate_full_report_with_previous: { ...time(() => validate(report, { previous, complete: true }), { iterations: 5000 }), kb, note: "含上年报告比对（X1、X2、X8）" },
    compute_totals_full_report: { ...time(() => computeTotals(report)), kb, note: "全部合计栏" },
  };
}
