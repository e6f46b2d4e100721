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
      note: `${result.layout.label}：准确 ${t.exact}/${t.total}（${t.percent.toFixed(1)}%），错读 ${t.wrong}，留空有提示 ${t.blankWithFinding}，预设问题检出 ${t.plantedFound}/${t.planted}，误报错误 ${t.falseErrors}${t.refused ? `，拒绝 ${t.refused} 份` : ""}`,
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
    "每种版式都由五份样本报告的数字、两份完整报告（含空白单元格）和十二份按固定种子生成的报告生成（2019 格式的 2019、2020 年度报告，数千件申请、大额带小数金额的区政府，几乎全为 0 的县部门，大量空白单元格，标题变体、行标签错字、单元格带单位、中文数字成文日期，以及故意埋入的 A1、X2、S4 问题）：本系统导出的 DOCX、HTML，由它们经 LibreOffice 和 Chromium 转成的 PDF（另有窄列版本，行标签折行；以及现实中常见的变体：三线表、无表格线、横向页面、续页不重复表头且行间夹页码 -3- 或“第3页 共6页”、全文 Noto Serif/Sans CJK、加宽字间距而逐字定位），这些 PDF 的 `pdftotext -layout` 文字，Chromium 对导出页面的 innerText（网页复制），Markdown，整篇一行的文字，数字连写的行，以及 Word 另存的两种文本。每个文件经与上传相同的 `importBytes` 导入，逐格与报告本身的数字比较（导出的版式按导出时计算的合计比较）。“错读”是读成了别的数的单元格；“留空有提示”是导入留空并有发现指明该单元格的（如 S5：无法确定如何拆分或空白在哪一列）；“预设问题检出”是埋入的问题中以正确规则编号报告出来的个数；“误报错误”是导入报告了、而报告本身（结合上年报告）没有、也不是对留空行的 S5 说明的错误。",
    "",
    corpusMarkdownTable(last),
    ...(notes.length
      ? ["", "导入被拒绝或版式未能生成的原因：", "", ...notes.map((n) => `- ${n}`)]
      : []),
    "",
  ].join("\n");
}
