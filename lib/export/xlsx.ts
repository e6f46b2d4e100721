import JSZip from "jszip";

/**
 * A minimal, valid XLSX (SpreadsheetML) writer: workbook, worksheets with inline strings and numbers,
 * merged cells, column widths, a frozen header, and four cell styles. Enough for the district's
 * lists and roll-up tables, with no dependency beyond jszip. Pure: returns bytes.
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

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const MAX_CELL_TEXT = 32_767;

/** Style ids in styles.xml's cellXfs, by name. */
const STYLE_ID: Record<XlsxStyle | "default", number> = {
  default: 0,
  text: 1,
  number: 2,
  header: 3,
  label: 4,
};

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}">
<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF1F5F9"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
<xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center" wrapText="1"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const INVALID_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** `A`, `B`, … `Z`, `AA` … for a zero-based column index. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

function normalise(value: XlsxValue): XlsxCell {
  return value !== null && typeof value === "object" ? value : { value };
}

function cellXml(ref: string, cell: XlsxCell): string {
  const { value } = cell;
  const s = ` s="${STYLE_ID[cell.style ?? (typeof value === "number" ? "number" : "text")]}"`;
  if (value === null || value === "") return `<c r="${ref}"${s}/>`;
  if (
    typeof value === "number"
      ? Number.isFinite(value)
      : cell.style === "number" && NUMERIC.test(value)
  ) {
    return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  }
  const text = escapeXml(String(value).slice(0, MAX_CELL_TEXT));
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet): string {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
    `<worksheet xmlns="${NS}" xmlns:r="${NS_R}">`,
  ];
  const width = Math.max(
    1,
    ...sheet.rows.map((r) => r.length),
    ...(sheet.merges ?? []).map((m) => m.col + m.colSpan),
  );
  const height = Math.max(1, sheet.rows.length);
  parts.push(`<dimension ref="A1:${cellRef(height - 1, width - 1)}"/>`);
  const frozen = sheet.frozenRows ?? 0;
  parts.push(
    frozen > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="${cellRef(frozen, 0)}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
  );
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (sheet.columnWidths?.length) {
    const cols = sheet.columnWidths.map(
      (w, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, w))}" customWidth="1"/>`,
    );
    parts.push(`<cols>${cols.join("")}</cols>`);
  }
  parts.push("<sheetData>");
  sheet.rows.forEach((row, r) => {
    const cells = row.map((value, c) => cellXml(cellRef(r, c), normalise(value))).join("");
    parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push("</sheetData>");
  const merges = (sheet.merges ?? []).filter((m) => m.rowSpan > 1 || m.colSpan > 1);
  if (merges.length) {
    const refs = merges.map(
      (m) =>
        `<mergeCell ref="${cellRef(m.row, m.col)}:${cellRef(m.row + m.rowSpan - 1, m.col + m.colSpan - 1)}"/>`,
    );
    parts.push(`<mergeCells count="${merges.length}">${refs.join("")}</mergeCells>`);
  }
  parts.push(
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
  );
  parts.push("</worksheet>");
  return parts.join("");
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

export async function renderXlsx(sheets: XlsxSheet[]): Promise<Uint8Array> {
  if (!sheets.length) throw new Error("a workbook needs at least one sheet");
  const names = sheetNames(sheets.map((s) => s.name));
  const zip = new JSZip();
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `${overrides}</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>` +
      names
        .map(
          (name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
        )
        .join("") +
      `</sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS_PKG_REL}">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${NS_R}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file("xl/styles.xml", STYLES_XML);
  sheets.forEach((sheet, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet)));
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
