import { renderXlsx, type XlsxMerge, type XlsxSheet, type XlsxValue } from "@/lib/export/xlsx";
import type { ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { INFO_LABELS, INFO_SHEET, templateSheets, type TemplateSheet } from "./template-layout";

/** The tab names of the template's table sheets, for messages and help texts. */
const HINT = "白色格填写数字（件数填整数，金额以万元为单位）；灰色格为合计，由系统计算，不必填写。";

/**
 * 下载 Excel 模板: the tables 二, 三 and 四 of a report in the official layout (merged headers, row
 * groups), filled with the figures the report holds now, and a first sheet naming the unit, the year
 * and the format. 从 Excel 导入 reads the same cells back (read-xlsx.ts).
 */
export async function renderExcelTemplate(content: ReportContent): Promise<Uint8Array> {
  const format = getFormat(content.format);
  const title = `${content.meta.organization} ${content.meta.year}年度政府信息公开工作年度报告`;
  const info: XlsxSheet = {
    name: INFO_SHEET,
    rows: [
      [
        { value: `${title} 表格`, style: "header" },
        { value: null, style: "header" },
      ],
      [INFO_LABELS.organization, content.meta.organization],
      [INFO_LABELS.year, { value: content.meta.year, style: "label" }],
      [INFO_LABELS.format, `${format.label}（${format.source}）`],
      [],
      ["填写方法", HINT],
      [
        "导入",
        "填好后在报告的“从已发布报告导入”页面上传本文件，逐部分比较后选择要写入的表格；表格以外的文字不会改变。",
      ],
      [
        "注意",
        "请勿修改行、列标题，也不要插入或删除行、列：导入时逐格核对标题，对不上的行或列不会导入，并指出所在单元格。",
      ],
    ],
    merges: [{ row: 0, col: 0, rowSpan: 1, colSpan: 2 }],
    columnWidths: [12, 90],
  };
  return renderXlsx([info, ...templateSheets(content).map((s) => tableSheet(s, title))], {
    title,
    subject: format.label,
    keywords: `年报 ${content.meta.year} ${format.id}`,
  });
}

function tableSheet(sheet: TemplateSheet, title: string): XlsxSheet {
  const rows: XlsxValue[][] = [
    [{ value: `${title} ${sheet.section.ordinal}、${sheet.section.title}`, style: "header" }],
    [HINT],
  ];
  const merges: XlsxMerge[] = [
    { row: 0, col: 0, rowSpan: 1, colSpan: sheet.columnCount },
    { row: 1, col: 0, rowSpan: 1, colSpan: sheet.columnCount },
  ];
  const put = (row: number, col: number, value: XlsxValue) => {
    while (rows.length <= row) rows.push([]);
    rows[row][col] = value;
  };
  for (const cell of sheet.cells) {
    const style =
      cell.role === "value"
        ? "number"
        : cell.role === "caption" || cell.role === "header"
          ? "header"
          : "label";
    // Every covered position gets the border; only the top-left one holds the text.
    for (let r = 0; r < cell.rowSpan; r++)
      for (let c = 0; c < cell.colSpan; c++)
        put(cell.row + r, cell.col + c, {
          value: r === 0 && c === 0 ? cell.text : null,
          style,
          muted: Boolean(cell.computed),
        });
    if (cell.rowSpan > 1 || cell.colSpan > 1)
      merges.push({ row: cell.row, col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
  }
  return {
    name: sheet.name,
    rows,
    merges,
    columnWidths: sheet.columnWidths,
  };
}
