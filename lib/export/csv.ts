/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark (without it Excel reads Chinese as mojibake),
 * CRLF line ends, fields quoted when they hold a comma, quote or line break.
 * Text that a spreadsheet would take for a formula (=, +, -, @ first) is prefixed with an apostrophe
 * (CSV injection); numbers are written as they are.
 */
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(rows: CsvValue[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

export const CSV_MIME = "text/csv; charset=utf-8";
