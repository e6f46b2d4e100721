import { computeTotals } from "../../lib/report/compute-totals";
import { withContent } from "../../lib/report/__fixtures__/edit";
import { fullReport, previousOf } from "../../lib/report/__fixtures__/full-report";
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
  return {
    median_ms: round(median),
    p95_ms: round(samples[Math.floor(iterations * 0.95)]),
    per_s: Math.round(1000 / median),
  };
}

/** The full report with narratives of a real report's length (several thousand characters), figures in prose agreeing with the tables. */
function withLongNarrative(report: ReturnType<typeof fullReport>) {
  const figures =
    "（二）依申请公开。全年共收到政府信息公开申请265件，办结250件，其中予以公开10件，部分公开12件，不予公开98件，无法提供36件，不予处理60件。" +
    "本年度发生政府信息公开行政复议案件3起，行政诉讼4件。本年制发行政规范性文件32件，废止规范性文件8件，现行有效规范性文件80件。";
  const prose =
    "加强政府信息公开平台建设，完善政府网站信息发布、审核和更新机制，推进政务新媒体规范运营，及时回应社会关切，做好重要政策解读和舆情回应工作。";
  return withContent(report, {
    narratives: {
      s1: report.narratives.s1 + figures + prose.repeat(40),
      s5: report.narratives.s5 + prose.repeat(10),
    },
  });
}

/**
 * validate() on a complete 2021 report: every cell filled, narratives of realistic length, no finding
 * — the check the editor runs on every keystroke. Target < 0.2 ms.
 */
export async function run(): Promise<Record<string, Figure>> {
  const report = fullReport("2021");
  if (validate(report).length !== 0)
    throw new Error("the benchmark report should be free of findings");
  const previous = previousOf(report);
  const long = withLongNarrative(report);
  if (validate(long).length !== 0)
    throw new Error("the long-narrative benchmark report should be free of findings");
  const longChars = Object.values(long.narratives).join("").length;
  const kb = Math.round((Buffer.byteLength(JSON.stringify(report)) / 1024) * 10) / 10;
  return {
    validate_full_report: { ...time(() => validate(report)), kb, note: "目标 < 0.2 ms" },
    validate_full_report_long_narrative: {
      ...time(() => validate(long)),
      note: `文字部分共${longChars}字，含与表格一致的数字句（X5）；目标 < 0.2 ms`,
    },
    validate_full_report_with_previous: {
      ...time(() => validate(report, { previous, complete: true }), { iterations: 5000 }),
      kb,
      note: "含上年报告比对（X1、X2、X8）",
    },
    compute_totals_full_report: { ...time(() => computeTotals(report)), kb, note: "全部合计栏" },
  };
}
