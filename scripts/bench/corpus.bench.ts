import { corpusMarkdownTable, refusalNotes } from "../corpus/corpus-table";
import { layoutTotals, runCorpus, type CorpusRun } from "../corpus/run-corpus";
import { summarise, type Figure } from "./support/stats";

let last: CorpusRun | null = null;

/**
 * The corpus (npm run corpus) as figures: per layout, the share of table cells read exactly from the
 * five samples and the full reports made into that layout, the errors the import reports that the
 * reports do not have, and the import time per document (the layout's making left out).
 */
export async function run(): Promise<Record<string, Figure>> {
  last = await runCorpus();
  const figures: Record<string, Figure> = {};
  for (const result of last.layouts) {
    const t = layoutTotals(result);
    figures[`corpus_${result.layout.id}`] = {
      ...summarise(result.importMs),
      exact_pct: Math.round(t.percent * 10) / 10,
      note: `${result.layout.label}：准确 ${t.exact}/${t.total}（${t.percent.toFixed(1)}%），误报错误 ${t.falseErrors}${t.refused ? `，拒绝 ${t.refused} 份` : ""}`,
    };
  }
  return figures;
}

/** The corpus table for docs/benchmarks.md, from the same run as the figures. */
export function docSection(): string | null {
  if (!last) return null;
  const notes = refusalNotes(last);
  return [
    "## 版式语料（npm run corpus）",
    "",
    "每种版式都由五份样本报告的数字和两份完整报告（含空白单元格）生成：本系统导出的 DOCX、HTML，由它们经 LibreOffice 和 Chromium 转成的 PDF（另有窄列版本，行标签折行），这些 PDF 的 `pdftotext -layout` 文字，Chromium 对导出页面的 innerText（网页复制），Markdown，整篇一行的文字，数字连写的行，以及 Word 另存的两种文本。每个文件经与上传相同的 `importBytes` 导入，逐格与报告本身的数字比较（导出的版式按导出时计算的合计比较）。“误报错误”是导入报告了、而报告本身没有的错误。",
    "",
    corpusMarkdownTable(last),
    ...(notes.length
      ? ["", "导入被拒绝或版式未能生成的原因：", "", ...notes.map((n) => `- ${n}`)]
      : []),
    "",
  ].join("\n");
}
