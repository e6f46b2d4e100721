import { tableGrid, type GridCell } from "@/lib/export/grid";
import type { XlsxMerge, XlsxSheet, XlsxStyle, XlsxValue } from "@/lib/export/xlsx";
import { UNIT_STATUS_LABEL } from "./district-overview";
import type { ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import type { Finding } from "@/lib/report/rules";

const STYLE: Record<GridCell["role"], XlsxStyle> = {
  caption: "header",
  header: "header",
  note: "label",
  group: "label",
  label: "label",
  value: "number",
};

/** Column widths (characters) of the sheets, by section: wide row labels, narrow figures. */
const WIDTHS: Record<string, number[]> = { s2: [24, 16, 16, 16], s3: [10, 14, 46], s4: [] };

export interface RollupWorkbookInput {
  title: string;
  content: ReportContent;
  findings: Finding[];
  included: { name: string; status: keyof typeof UNIT_STATUS_LABEL }[];
  unreadable: string[];
}

/**
 * The roll-up as a workbook: one sheet for each of 二, 三 and 四 in the printed shape (the same grid
 * as the DOCX and HTML tables, merged header and row-group cells as merged cells), then a sheet
 * naming the units summed and the A-rule findings.
 */
export function rollupSheets(input: RollupWorkbookInput): XlsxSheet[] {
  const format = getFormat(input.content.format);
  const sheets: XlsxSheet[] = [];
  for (const section of format.sections.filter((s) => s.tables.length)) {
    const rows: XlsxValue[][] = [];
    const merges: XlsxMerge[] = [];
    const heading = `${section.ordinal}、${section.title}`;
    const width = Math.max(...section.tables.map((t) => tableGrid(t, input.content).columnCount));
    rows.push([
      { value: `${input.title} ${heading}`, style: "header" },
      ...Array.from({ length: width - 1 }, () => ({ value: null, style: "header" as const })),
    ]);
    merges.push({ row: 0, col: 0, rowSpan: 1, colSpan: width });
    for (const table of section.tables) {
      rows.push([]);
      const grid = tableGrid(table, input.content);
      const top = rows.length;
      grid.rows.forEach((row, r) => {
        const line: XlsxValue[] = [];
        for (const segment of row.segments) {
          const style = STYLE[segment.cell.role];
          line[segment.col] = { value: segment.continued ? null : segment.cell.text, style };
          for (let i = 1; i < segment.cell.colSpan; i++)
            line[segment.col + i] = { value: null, style };
          if (!segment.continued && (segment.cell.rowSpan > 1 || segment.cell.colSpan > 1)) {
            merges.push({
              row: top + r,
              col: segment.col,
              rowSpan: segment.cell.rowSpan,
              colSpan: segment.cell.colSpan,
            });
          }
        }
        rows.push(line);
      });
    }
    const widths = WIDTHS[section.key] ?? [];
    sheets.push({
      name: `${section.ordinal}、${section.title}`.slice(0, 31),
      rows,
      merges,
      columnWidths: Array.from({ length: width }, (_, i) => widths[i] ?? 11),
    });
  }
  const notes: XlsxValue[][] = [
    [
      { value: `${input.title} 汇总说明`, style: "header" },
      { value: null, style: "header" },
    ],
    [
      "汇总方法",
      "所选单位报告中填写的数字逐格相加（金额精确相加），各单位均未填写的格保持空白；合计由系统按格式重新计算。",
    ],
    [],
    [
      { value: "汇总的单位", style: "header" },
      { value: "报告状态", style: "header" },
    ],
    ...input.included.map((u) => [u.name, UNIT_STATUS_LABEL[u.status]]),
    [],
    [
      { value: "勾稽关系检查（A1—A6）", style: "header" },
      { value: "说明", style: "header" },
    ],
    ...(input.findings.length
      ? input.findings.map((f) => [f.rule, f.message])
      : [["—", "汇总表符合勾稽关系。"]]),
    ...(input.unreadable.length
      ? [
          [],
          [
            { value: "无法汇总的单元格", style: "header" as const },
            { value: null, style: "header" as const },
          ],
          ...input.unreadable.map((t) => ["", t]),
        ]
      : []),
  ];
  sheets.push({
    name: "汇总说明",
    rows: notes,
    merges: [{ row: 0, col: 0, rowSpan: 1, colSpan: 2 }],
    columnWidths: [26, 90],
  });
  return sheets;
}
