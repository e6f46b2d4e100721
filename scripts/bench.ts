/**
 * npm run bench [-- name…] [--json]: runs every scripts/bench/*.bench.ts (each exports
 * `run(): Promise<Record<figure name, { median_ms?, p95_ms?, per_s?, kb?, note? }>>`), prints a
 * table of the figures, and with --json prints, as its last line, one JSON object of all figures.
 * The figures go into docs/benchmarks.md (a run of named modules replaces only their rows).
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadNow } from "./bench/support/stats";

type Figure = import("./bench/support/stats").Figure;

const dir = fileURLToPath(new URL("./bench/", import.meta.url));
const args = process.argv.slice(2);
const json = args.includes("--json");
const only = args.filter((a) => !a.startsWith("--"));

const modules = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter(
    (f) => only.length === 0 || only.some((name) => f.startsWith(`${name}.`) || f.includes(name)),
  )
  .sort();

const figures: Record<string, Figure> = {};
/** Sections a module adds to docs/benchmarks.md beside the figures (the corpus table). */
const sections: string[] = [];
for (const file of modules) {
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as {
    run?: () => Promise<Record<string, Figure>>;
    docSection?: () => string | null;
  };
  if (typeof mod.run !== "function") {
    process.stderr.write(`${file} 没有导出 run()，已跳过\n`);
    continue;
  }
  const measured = await mod.run();
  // A module that does not say when and under what load a figure was taken: when it finished.
  const at = new Date().toISOString();
  const load = loadNow();
  for (const [name, figure] of Object.entries(measured)) {
    if (name in figures) process.stderr.write(`指标 ${name} 重名（${file}），后者覆盖前者\n`);
    figures[name] = { at, load, ...figure };
  }
  const section = mod.docSection?.();
  if (section) sections.push(section);
}

const show = (v: number | undefined, digits = 4) =>
  v === undefined ? "" : String(Number(v.toFixed(digits)));
const rows = [
  ["指标", "中位数 ms", "p95 ms", "每秒", "KB", "目标 / 说明"],
  ...Object.entries(figures).map(([name, f]) => [
    name,
    show(f.median_ms),
    show(f.p95_ms),
    show(f.per_s, 0),
    show(f.kb, 1),
    f.note ?? "",
  ]),
];
/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
const line = (r: string[]) =>
  r
    .map((cell, c) => cell + " ".repeat(widths[c] - width(cell)))
    .join("  ")
    .trimEnd();
process.stdout.write(
  `${[line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n")}\n`,
);
if (modules.length === 0) process.stdout.write("没有找到 scripts/bench/*.bench.ts\n");
// Every run records its figures, with the machine and its load, in docs/benchmarks.md: a full run
// (no names given) writes the table afresh, a run of some modules replaces just their rows.
if (modules.length > 0 && Object.keys(figures).length > 0) {
  const { writeBenchmarksDoc } = await import("./bench/support/report-doc");
  writeBenchmarksDoc(figures, "docs/benchmarks.md", sections, only.length > 0);
  process.stdout.write("已写入 docs/benchmarks.md\n");
}
if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
