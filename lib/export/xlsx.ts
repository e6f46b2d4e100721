import ExcelJS from "exceljs";

/**
 * Workbooks for the district's lists and roll-up tables (and the report's Excel template), written
 * with exceljs: worksheets of strings and numbers, merged cells, column widths, a frozen header and
 * four cell styles. The sheets are plain data, so the callers stay free of exceljs. Pure: returns bytes.
 */

export type XlsxStyle = "text" | "number" | "header" | "label";

export interface XlsxCell {
  /** A number, or a decimal string written as a number (amounts stay exact in the file: `2387.47225`). */
  value: string | number | null;
  /**
   * Bordered, all of them. `number`: a numeric cell when the value is numeric, else text; `header`: bold,
   * shaded, centred; `label`: left-aligned row label; `text` (default for strings and blanks).
   */
  style?: XlsxStyle;
  /** Shaded grey: a cell nobody types in (a computed total in the template). */
  muted?: boolean;
}

export type XlsxValue = string | number | null | XlsxCell;

export interface XlsxMerge {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface XlsxSheet {
  /** Sheet tab name; made valid (≤ 31 characters, none of []:*?/\) and unique. */
  name: string;
  rows: XlsxValue[][];
  merges?: XlsxMerge[];
  /** Column widths in characters (a CJK character counts about 2). */
  columnWidths?: number[];
  /** Rows kept in view when scrolling (a header). */
  frozenRows?: number;
}

export interface XlsxWorkbookInfo {
  /** Document properties shown by Excel's 属性 (title, subject, keywords). */
  title?: string;
  subject?: string;
  keywords?: string;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const MAX_CELL_TEXT = 32_767;

/** Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const INVALID_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

const FONT = { name: "宋体", size: 11, charset: 134 } as const;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const SHADE: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };
const MUTED: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };

/** `A`, `B`, … `Z`, `AA` … for a zero-based column index. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `C7` for zero-based row 6, column 2. */
export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Tab names as Excel accepts them: no []:*?/\, not blank, at most 31 characters, unique (case-insensitively). */
export function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base =
      raw
        .replace(/[[\]:*?/\\]/g, "_")
        .replace(INVALID_XML, "")
        .replace(/^'+|'+$/g, "")
        .trim() || `Sheet${i + 1}`;
    let name = base.slice(0, 31);
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function normalise(value: XlsxValue): XlsxCell {
  return value !== null && typeof value === "object" ? value : { value };
}

/**
 * The value as the file holds it. A decimal string in a number cell becomes a number when it has at
 * most 15 significant digits (what a double holds exactly as decimal digits), so an amount like
 * 2387.47225 reads back as typed; a longer one stays text rather than being rounded.
 */
function fileValue(cell: XlsxCell, style: XlsxStyle): string | number | null {
  const { value } = cell;
  if (value === null || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (style === "number" && NUMERIC.test(value) && significantDigits(value) <= 15)
    return Number(value);
  return value.replace(INVALID_XML, "").slice(0, MAX_CELL_TEXT);
}

function significantDigits(decimal: string): number {
  return decimal.replace(/[-.]/g, "").replace(/^0+/, "").length;
}

function styleCell(target: ExcelJS.Cell, style: XlsxStyle, muted: boolean): void {
  target.border = THIN;
  target.font = style === "header" ? { ...FONT, bold: true } : FONT;
  if (style === "header") target.fill = SHADE;
  if (muted) target.fill = MUTED;
  target.alignment =
    style === "header"
      ? { horizontal: "center", vertical: "middle", wrapText: true }
      : style === "number"
        ? { horizontal: "right", vertical: "middle" }
        : { horizontal: "left", vertical: "middle", wrapText: true };
  // Text cells are stored as text (Excel's "@" format) so a typed 001 or 1-2 stays as typed.
  if (style !== "number") target.numFmt = "@";
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, name: string): void {
  const frozen = sheet.frozenRows ?? 0;
  const worksheet = workbook.addWorksheet(name, {
    views: frozen > 0 ? [{ state: "frozen", ySplit: frozen }] : [{}],
  });
  sheet.columnWidths?.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = Math.max(1, Math.min(255, width));
  });
  sheet.rows.forEach((row, r) => {
    row.forEach((raw, c) => {
      const cell = normalise(raw);
      const style = cell.style ?? (typeof cell.value === "number" ? "number" : "text");
      const target = worksheet.getCell(r + 1, c + 1);
      target.value = fileValue(cell, style);
      styleCell(target, style, Boolean(cell.muted));
    });
  });
  for (const m of sheet.merges ?? []) {
    if (m.rowSpan <= 1 && m.colSpan <= 1) continue;
    worksheet.mergeCells(m.row + 1, m.col + 1, m.row + m.rowSpan, m.col + m.colSpan);
  }
}

export async function renderXlsx(
  sheets: XlsxSheet[],
  info: XlsxWorkbookInfo = {},
): Promise<Uint8Array> {
  if (!sheets.length) throw new Error("a workbook needs at least one sheet");
  const names = sheetNames(sheets.map((s) => s.name));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "年报 Nianbao";
  // A fixed date: the same sheets give the same bytes' content, whatever the clock says.
  workbook.created = workbook.modified = new Date(0);
  if (info.title) workbook.title = info.title;
  if (info.subject) workbook.subject = info.subject;
  if (info.keywords) workbook.keywords = info.keywords;
  sheets.forEach((sheet, i) => addSheet(workbook, sheet, names[i]));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
