import { DocxReadError } from "./read-docx";
import { ImportRefusedError } from "./import-refused-error";
import { importXlsx } from "./excel/import-xlsx";
import { decodeHtml } from "./html/decode-html";
import { importDocx, importHtml, importPdf, importText } from "./index";
import type { ImportResult, ImportTextOptions } from "./types";

/** The file kinds the importer reads, by extension. */
export const IMPORTABLE_EXTENSIONS = [".txt", ".docx", ".html", ".htm", ".pdf", ".xlsx"] as const;

export { ImportRefusedError };

export function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : "";
}

/**
 * The one dispatch from a file's name and bytes to the importer that reads it. Used by the upload
 * route, the CLI and the batch check, so every entry point accepts the same kinds of file.
 */
export async function importBytes(
  fileName: string,
  bytes: Uint8Array,
  options: Omit<ImportTextOptions, "fileName"> = {},
): Promise<ImportResult> {
  const ext = extensionOf(fileName);
  const opts: ImportTextOptions = { ...options, fileName };
  switch (ext) {
    case ".docx":
      return importDocx(bytes, opts);
    case ".html":
    case ".htm":
      return importHtml(decodeHtml(bytes), opts);
    case ".txt":
      return importText(decodeText(bytes), opts);
    case ".pdf":
      return importPdf(bytes, opts);
    case ".xlsx":
      return importXlsx(bytes, opts);
    case ".xls":
    case ".et":
      throw new ImportRefusedError(
        `${fileName}：暂不支持旧版 Excel（.xls）或 WPS 表格（.et）文件，请另存为 .xlsx 后再导入。`,
      );
    case ".doc":
      throw new ImportRefusedError(
        `${fileName}：暂不支持旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再导入。`,
      );
    default:
      throw new ImportRefusedError(
        `不支持的文件类型：${fileName}（可导入 ${IMPORTABLE_EXTENSIONS.join("、")}）`,
      );
  }
}

export function isImportable(fileName: string): boolean {
  return (IMPORTABLE_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 — what Chinese office PCs save. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export { DocxReadError };
