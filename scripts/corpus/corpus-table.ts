import { layoutTotals, type CorpusRun } from "./run-corpus";

const pct = (p: number) => `${p.toFixed(1)}%`;

function rows(run: CorpusRun): string[][] {
  const header = [
    "版式",
    "准确/总数",
    "准确率",
    "错读",
    "留空有提示",
    "留空无提示",
    "预设问题检出",
    "误报错误",
    "拒绝",
  ];
  const body = run.layouts.map((result) => {
    const t = layoutTotals(result);
    return [
      result.layout.label,
      `${t.exact}/${t.total}`,
      pct(t.percent),
      String(t.wrong),
      String(t.blankWithFinding),
      String(t.blankSilently),
      `${t.plantedFound}/${t.planted}`,
      String(t.falseErrors),
      String(t.refused + t.notMade),
    ];
  });
  return [header, ...body];
}

/** Per report, the layouts where it was not read exactly or gave a false error: where to look next. */
export function reportNotes(run: CorpusRun): string[] {
  return run.reports.flatMap((report, r) => {
    const misses = run.layouts.flatMap((result) => {
      const c = result.cells[r];
      if (!c || c.notMade !== undefined) return [];
      const bad = c.exact < c.total || c.falseErrors > 0 || c.plantedFound < c.planted;
      if (!bad) return [];
      return [
        `${result.layout.label} ${c.exact}/${c.total}` +
          (c.wrong ? ` 错读${c.wrong}` : "") +
          (c.falseErrors ? ` 误报${c.falseErrors}` : "") +
          (c.plantedFound < c.planted ? ` 漏检${c.planted - c.plantedFound}` : ""),
      ];
    });
    return misses.length ? [`${report.name}：${misses.join("；")}`] : [];
  });
}

/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);

/** The table for a terminal, columns aligned. */
export function corpusTextTable(run: CorpusRun): string {
  const all = rows(run);
  const widths = all[0].map((_, c) => Math.max(...all.map((r) => width(r[c]))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell + " ".repeat(widths[c] - width(cell)))
      .join("  ")
      .trimEnd();
  return [
    line(all[0]),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...all.slice(1).map(line),
  ].join("\n");
}

/** The table as Markdown, for docs/benchmarks.md. */
export function corpusMarkdownTable(run: CorpusRun): string {
  const all = rows(run);
  return [
    `| ${all[0].join(" | ")} |`,
    `|${all[0].map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...all.slice(1).map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** Why the importer refused files (or a layout could not be made), each reason once with the layouts it came from. */
export function refusalNotes(run: CorpusRun): string[] {
  const reasons = new Map<string, Set<string>>();
  for (const result of run.layouts) {
    for (const c of result.cells) {
      const reason = c.refused ?? (c.notMade !== undefined ? `未能生成该版式：${c.notMade}` : null);
      if (reason === null) continue;
      if (!reasons.has(reason)) reasons.set(reason, new Set());
      reasons.get(reason)!.add(result.layout.label);
    }
  }
  return [...reasons].map(([reason, layouts]) => `${[...layouts].join("、")}：${reason}`);
}
