/**
 * The importer: published reports (plain text in either Word-extracted layout, DOCX,
 * HTML) → ImportResult (format, year, unit, narratives, tables as printed, findings).
 * Pure apart from importFile (./import-file), which reads a path.
 */
import { assembleReport } from "./import-report";
import { readDocx } from "./read-docx";
import { readHtml } from "./read-html";
import { readPdf } from "./read-pdf";
import { readText } from "./read-text";
import type { ImportResult, ImportTextOptions } from "./types";

export type {
  DocBlock,
  ImportResult,
  ImportTextOptions,
  ParagraphBlock,
  TableBlock,
  TableCell,
} from "./types";
export { toTablesJson, type TablesJson } from "./tables-json";
export { readText, readDocx, readHtml, readPdf };
export { keepValidatedFinding } from "./import-report";
export { DocxReadError } from "./read-docx";

export function importText(text: string, opts: ImportTextOptions = {}): ImportResult {
  return assembleReport(readText(text), opts);
}

export async function importDocx(
  bytes: Uint8Array | ArrayBuffer,
  opts: ImportTextOptions = {},
): Promise<ImportResult> {
  return assembleReport(await readDocx(bytes), opts);
}

export function importHtml(html: string, opts: ImportTextOptions = {}): ImportResult {
  return assembleReport(readHtml(html, { fileName: opts.fileName }), opts);
}

/** A PDF with a text layer (Word/WPS/LibreOffice exports, printed web pages); refuses scans and unreadable files (ImportRefusedError). */
export async function importPdf(
  bytes: Uint8Array | ArrayBuffer,
  opts: ImportTextOptions = {},
): Promise<ImportResult> {
  return assembleReport(await readPdf(bytes, { fileName: opts.fileName }), opts);
}
