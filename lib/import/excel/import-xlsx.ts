import { cellRef } from "@/lib/export/xlsx";
import { cellById } from "@/lib/report/cells";
import { computeTotals } from "@/lib/report/compute-totals";
import { emptyReport, type ReportContent } from "@/lib/report/content";
import { FORMATS, formatIdForYear } from "@/lib/report/formats";
import { parseCellInput } from "@/lib/report/parse-value";
import type { Finding } from "@/lib/report/rules";
import type { FormatId } from "@/lib/report/spec-types";
import { validate } from "@/lib/report/validate";
import { finding, typedCells } from "../findings";
import { keepValidatedFinding } from "../keep-validated";
import type { ImportResult, ImportTextOptions } from "../types";
import { positionKey, readWorkbook, type SheetValue, type WorkbookSheet } from "./read-workbook";
import {
  GRID_TOP,
  INFO_LABELS,
  INFO_SHEET,
  templateSheets,
  type TemplateCell,
  type TemplateSheet,
} from "./template-layout";

/**
 * 从 Excel 导入: a workbook in the layout of 下载 Excel 模板 read back into the tables 二, 三 and 四.
 * Every label and header is compared with the format's own; a row or column whose label differs is
 * not read (its figures cannot be placed for certain), and every cell that cannot be placed is named
 * by sheet and address (C7) with the reason. Totals are the system's, computed from the figures.
 */
export async function importXlsx(
  bytes: Uint8Array,
  opts: ImportTextOptions = {},
): Promise<ImportResult> {
  const sheets = await readWorkbook(bytes, opts.fileName);
  const info = readInfo(sheets);
  const formatId = info.format ?? bestFormat(sheets, info.year);
  const placed = placeWorkbook(sheets, formatId);
  const content = emptyReport(formatId, {
    organization: info.organization ?? "",
    // 0 marks "not stated": validate()'s year checks are then left out (keepValidatedFinding).
    year: info.year ?? 0,
  });
  content.tables = placed.tables;
  const totalled = computeTotals(content);
  const documentFindings = placed.findings;
  const keep = keepValidatedFinding(documentFindings, info.year !== null);
  // A workbook holds only the tables: the texts, the cover and the fees are the draft's business.
  const tableIds = new Set(Object.keys(totalled.tables));
  const aboutTables = (f: Finding) => f.cells.some((c) => tableIds.has(c.split(".")[0]));
  const findings = [
    ...documentFindings,
    ...validate(totalled, { previous: opts.previous }).filter((f) => keep(f) && aboutTables(f)),
  ];
  return {
    format: formatId,
    year: info.year,
    organization: info.organization,
    isPeoplesGovernment: false,
    preface: "",
    sections: { ...totalled.narratives },
    content: totalled,
    cellsRead: placed.cellsRead,
    findings,
    documentFindings,
    tablesOnly: true,
  };
}

interface Info {
  organization: string | null;
  year: number | null;
  format: FormatId | null;
}

/** The unit, year and format the template's first sheet states (column A label, column B value). */
function readInfo(sheets: WorkbookSheet[]): Info {
  const info: Info = { organization: null, year: null, format: null };
  const sheet = sheets.find((s) => s.name === INFO_SHEET);
  if (!sheet) return info;
  for (const [key, label] of sheet.values) {
    const [row, col] = key.split(",").map(Number);
    if (col !== 0) continue;
    const value = sheet.values.get(positionKey(row, 1));
    if (value === undefined) continue;
    const text = String(value).trim();
    if (label === INFO_LABELS.organization && text) info.organization = text;
    if (label === INFO_LABELS.year && /^(19|20)\d\d$/.test(text)) info.year = Number(text);
    if (label === INFO_LABELS.format) {
      const format = Object.values(FORMATS).find((f) => text.startsWith(f.label));
      if (format) info.format = format.id;
    }
  }
  return info;
}

/** Without a stated format: the one whose labels the workbook matches best (the year's on a tie). */
function bestFormat(sheets: WorkbookSheet[], year: number | null): FormatId {
  const preferred = formatIdForYear(year ?? new Date().getFullYear());
  const others = (Object.keys(FORMATS) as FormatId[]).filter((id) => id !== preferred);
  let best = preferred;
  let fewest = mismatches(sheets, preferred);
  for (const id of others) {
    const n = mismatches(sheets, id);
    if (n < fewest) [best, fewest] = [id, n];
  }
  return best;
}

function mismatches(sheets: WorkbookSheet[], formatId: FormatId): number {
  return placeWorkbook(sheets, formatId).findings.filter((f) => f.rule === "S3").length;
}

interface Placed {
  tables: ReportContent["tables"];
  findings: Finding[];
  cellsRead: number;
}

/** NFKC folds full-width letters and brackets; white space and line breaks inside a label do not count. */
function sameLabel(found: SheetValue | undefined, expected: string): boolean {
  const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
  return found !== undefined && fold(String(found)) === fold(expected);
}

function quote(value: SheetValue | undefined): string {
  if (value === undefined) return "空白";
  const text = String(value).trim();
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

function placeWorkbook(sheets: WorkbookSheet[], formatId: FormatId): Placed {
  const content = emptyReport(formatId, { organization: "", year: 0 });
  const findings: Finding[] = [];
  let cellsRead = 0;
  const layouts = templateSheets(content);
  const used = new Set<WorkbookSheet>();
  for (const layout of layouts) {
    const sheet = findSheet(sheets, layout);
    if (!sheet) {
      findings.push(
        finding(
          "S2",
          `没有找到工作表“${layout.name}”，${layout.section.ordinal}部分的表格没有导入（请使用“下载 Excel 模板”得到的文件）`,
          layout.section.tables.flatMap(typedCells),
        ),
      );
      continue;
    }
    used.add(sheet);
    const result = placeSheet(sheet, layout, content, formatId);
    findings.push(...result.findings);
    cellsRead += result.cellsRead;
  }
  for (const sheet of sheets) {
    if (used.has(sheet) || sheet.name === INFO_SHEET || sheet.values.size === 0) continue;
    const [first] = sheet.values.keys();
    const [row, col] = first.split(",").map(Number);
    findings.push(
      finding(
        "S5",
        `工作表“${sheet.name}”${cellRef(row, col)} 等 ${sheet.values.size} 个单元格无法放入报告：模板中没有这张工作表`,
      ),
    );
  }
  return { tables: content.tables, findings, cellsRead };
}

function findSheet(sheets: WorkbookSheet[], layout: TemplateSheet): WorkbookSheet | undefined {
  const prefix = `${layout.section.ordinal}、`;
  return (
    sheets.find((s) => s.name === layout.name) ??
    sheets.find((s) => s.name.normalize("NFKC").trim().startsWith(prefix))
  );
}

interface SheetResult {
  findings: Finding[];
  cellsRead: number;
}

function placeSheet(
  sheet: WorkbookSheet,
  layout: TemplateSheet,
  content: ReportContent,
  formatId: FormatId,
): SheetResult {
  const findings: Finding[] = [];
  const where = (cell: { row: number; col: number }) =>
    `工作表“${sheet.name}”${cellRef(cell.row, cell.col)}`;
  const values = layout.cells.filter((c) => c.role === "value");
  const skipped = new Set<TemplateCell>();

  // Labels and headers first: a value is placed only under the labels it was offered under.
  for (const label of layout.cells) {
    if (label.role === "value") continue;
    const found = sheet.values.get(positionKey(label.row, label.col));
    if (sameLabel(found, label.text)) continue;
    // The 勾稽关系 note in 三's corner is explanation, not a label any figure depends on.
    if (label.role === "note") {
      if (found !== undefined)
        findings.push(finding("S3", `${where(label)}：说明文字与模板不同，已忽略`));
      continue;
    }
    const governed = values.filter((v) => governs(layout, label, v));
    for (const v of governed) skipped.add(v);
    const what =
      label.role === "label" || label.role === "group" ? "行标题" : "列标题（或表格标题）";
    findings.push(
      finding(
        "S3",
        `${where(label)}：${what}应为“${label.text}”，实为${quote(found)}；${
          governed.length ? `其下 ${governed.length} 个单元格无法确定位置，没有导入` : "已忽略"
        }`,
        governed.flatMap((v) => (v.cellId ? [v.cellId] : [])),
      ),
    );
  }

  let cellsRead = 0;
  for (const cell of values) {
    const raw = sheet.values.get(positionKey(cell.row, cell.col));
    const unreadable = sheet.unreadable.get(positionKey(cell.row, cell.col));
    if (!cell.cellId || !cell.kind) continue;
    const ref = cellById(formatId, cell.cellId)!;
    const name = `${where(cell)}（${ref.label}）`;
    if (skipped.has(cell)) continue;
    if (cell.computed) continue;
    if (unreadable) {
      findings.push(finding("V1", `${name}：${unreadable}，没有导入`, [cell.cellId]));
      continue;
    }
    if (raw === undefined) continue;
    const parsed = parseCellInput(raw, cell.kind);
    const [tableId, rowKey, columnKey] = [ref.tableId, ref.rowKey, ref.columnKey];
    if (parsed.ok) {
      content.tables[tableId][rowKey][columnKey] = parsed.value;
      if (parsed.value !== null) cellsRead++;
    } else {
      // Kept as typed, as the editor keeps it: the draft shows it and validate() asks for a number.
      content.tables[tableId][rowKey][columnKey] = String(raw).slice(0, 200);
      findings.push(
        finding(cell.kind === "amount" ? "V2" : "V1", `${name}：${parsed.message}`, [cell.cellId]),
      );
    }
  }

  // Anything else that holds a value: outside the tables, or in a position the layout does not offer.
  const offered = new Set(layout.cells.map((c) => positionKey(c.row, c.col)));
  for (const [key, value] of [...sheet.values, ...sheet.unreadable]) {
    const [row, col] = key.split(",").map(Number);
    if (row < GRID_TOP || offered.has(key)) continue;
    const inside = layout.cells.find(
      (c) => row >= c.row && row < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan,
    );
    const why = inside
      ? `在“${inside.role === "value" ? "合并的数字格" : inside.text}”的合并单元格内，不是它的第一格`
      : "不在模板的表格内（是否插入了行或列？）";
    findings.push(
      finding("S5", `${where({ row, col })}的 ${quote(String(value))} 无法放入报告：${why}`),
    );
  }
  // Totals are recomputed; one that disagrees with the figures is worth a word, not an error.
  const totalled = computeTotals(content);
  for (const cell of values) {
    if (!cell.computed || skipped.has(cell)) continue;
    const raw = sheet.values.get(positionKey(cell.row, cell.col));
    if (raw === undefined) continue;
    const ref = cellById(formatId, cell.cellId!)!;
    const computed = totalled.tables[ref.tableId][ref.rowKey][ref.columnKey];
    const parsed = parseCellInput(raw, cell.kind!);
    if (!parsed.ok || String(parsed.value) !== String(computed ?? "")) {
      findings.push(
        finding(
          "S3",
          `${where(cell)}（${ref.label}）是合计，由系统计算：表中为 ${quote(raw)}，按填写的数字应为 ${computed ?? "空白"}，导入后以计算结果为准`,
        ),
      );
    }
  }
  return { findings, cellsRead };
}

/**
 * Whether a label or header cell names a value cell: a row label the rows it spans; a header (or an
 * item's caption) the columns it spans, in the rows after its header block up to the next one.
 */
function governs(layout: TemplateSheet, label: TemplateCell, value: TemplateCell): boolean {
  if (label.role === "label" || label.role === "group")
    return value.row >= label.row && value.row < label.row + label.rowSpan;
  const overlaps = value.col < label.col + label.colSpan && label.col < value.col + value.colSpan;
  if (!overlaps || value.row < label.row + label.rowSpan) return false;
  // The next header block below this one (二 repeats a caption and header row for each item).
  const nextHeader = layout.cells
    .filter(
      (c) =>
        (c.role === "caption" || c.role === "header") &&
        c.row >= label.row + label.rowSpan &&
        layout.cells.some((v) => v.role === "value" && v.row > label.row && v.row < c.row),
    )
    .reduce((min, c) => Math.min(min, c.row), Infinity);
  return value.row < nextHeader;
}
