import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ImportRefusedError } from "../import-refused-error";
import { inflateCapped } from "../inflate-capped";

/**
 * An uploaded workbook (.xlsx) as plain sheets of values, read with exceljs only after the archive
 * has been measured: exceljs inflates every part into memory and builds an object per cell, so a
 * small file that inflates a thousandfold, or a sheet of a million empty cells, is refused first by
 * counting, the way the DOCX reader measures its archive.
 */
export const XLSX_LIMITS = {
  /** The file itself (the template of a report is about 15 KB). */
  maxFileBytes: 5 * 1024 * 1024,
  /** Entries in the archive. */
  maxEntries: 200,
  /** Worksheets in the workbook. */
  maxSheets: 20,
  /** One part (a worksheet, the shared strings, the styles) inflated. */
  maxPartBytes: 10 * 1024 * 1024,
  /** Everything in the archive, inflated. */
  maxTotalBytes: 40 * 1024 * 1024,
  /** Rows of one worksheet, and cells of all worksheets together. */
  maxRows: 2_000,
  maxCells: 50_000,
  /** Reading stops (and is refused) after this long; the import worker's own limit is the backstop. */
  maxMillis: 10_000,
} as const;

const MB = 1024 * 1024;

export type SheetValue = string | number;

export interface WorkbookSheet {
  name: string;
  /** Non-empty cells by zero-based `row,col`; the covered positions of a merged cell are left out. */
  values: Map<string, SheetValue>;
  /** A cell whose value the file does not give (a formula saved without its result). */
  unreadable: Map<string, string>;
}

export function positionKey(row: number, col: number): string {
  return `${row},${col}`;
}

function refuse(message: string): ImportRefusedError {
  return new ImportRefusedError(`无法读取该 Excel 文件：${message}`);
}

export async function readWorkbook(
  bytes: Uint8Array,
  fileName = "Excel 文件",
): Promise<WorkbookSheet[]> {
  const started = Date.now();
  const checkTime = () => {
    if (Date.now() - started > XLSX_LIMITS.maxMillis)
      throw refuse(`读取超过 ${XLSX_LIMITS.maxMillis / 1000} 秒，已停止。`);
  };
  if (bytes.length > XLSX_LIMITS.maxFileBytes)
    throw refuse(`${fileName} 超过 ${XLSX_LIMITS.maxFileBytes / MB} MB 上限。`);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw refuse(
      `${fileName} 不是 .xlsx 格式（旧版 .xls 或 WPS 的 .et 请在 Excel / WPS 中另存为 .xlsx）。`,
    );
  await measureArchive(bytes, checkTime);
  checkTime();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw refuse(`${fileName} 已损坏或不是 Excel 工作簿。`);
  }
  checkTime();
  return workbook.worksheets.map(readSheet);
}

/** Every entry inflated as a stream and counted, abandoned as soon as a cap is passed. */
async function measureArchive(bytes: Uint8Array, checkTime: () => void): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw refuse("文件已损坏（无法按 ZIP 格式打开），或不是 .xlsx 文件。");
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > XLSX_LIMITS.maxEntries)
    throw refuse(`文件中的条目过多（${entries.length} 个，上限 ${XLSX_LIMITS.maxEntries} 个）。`);
  const sheets = entries.filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name));
  if (sheets.length > XLSX_LIMITS.maxSheets)
    throw refuse(`工作表过多（${sheets.length} 张，上限 ${XLSX_LIMITS.maxSheets} 张）。`);
  const budget = { left: XLSX_LIMITS.maxTotalBytes };
  let cells = 0;
  for (const entry of entries) {
    checkTime();
    const data = await inflateCapped(entry, XLSX_LIMITS.maxPartBytes, budget, {
      overEntry: () =>
        refuse(`其中的 ${entry.name} 解压后超过 ${XLSX_LIMITS.maxPartBytes / MB} MB 上限。`),
      overTotal: () => refuse(`解压后的内容超过 ${XLSX_LIMITS.maxTotalBytes / MB} MB 上限。`),
      broken: () => refuse(`文件已损坏（${entry.name} 无法解压）。`),
    });
    if (!sheets.includes(entry)) continue;
    const xml = new TextDecoder("utf-8").decode(data);
    const rows = count(xml, /<(?:\w+:)?row[\s>]/g);
    if (rows > XLSX_LIMITS.maxRows)
      throw refuse(`一张工作表的行数过多（${rows} 行，上限 ${XLSX_LIMITS.maxRows} 行）。`);
    cells += count(xml, /<(?:\w+:)?c[\s>/]/g);
    if (cells > XLSX_LIMITS.maxCells)
      throw refuse(`单元格过多（超过 ${XLSX_LIMITS.maxCells} 个），不像是年度报告的表格。`);
  }
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}

function readSheet(worksheet: ExcelJS.Worksheet): WorkbookSheet {
  const values = new Map<string, SheetValue>();
  const unreadable = new Map<string, string>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged range's value belongs to its top-left cell; the others only echo it.
      if (cell.isMerged && cell.master !== cell) return;
      const key = positionKey(rowNumber - 1, colNumber - 1);
      const value = plainValue(cell.value);
      if (value === undefined) unreadable.set(key, "公式没有保存计算结果");
      else if (value !== null && value !== "") values.set(key, value);
    });
  });
  return { name: worksheet.name, values, unreadable };
}

/** A cell's value as text or number; undefined for a formula the file holds no result for. */
function plainValue(value: ExcelJS.CellValue): SheetValue | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return undefined;
    if (typeof result === "object" && "error" in result) return String(result.error);
    return plainValue(result as ExcelJS.CellValue);
  }
  if ("error" in value) return String(value.error);
  if ("text" in value) return String(value.text);
  return null;
}
