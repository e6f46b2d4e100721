import { importText, type ImportResult } from "@/lib/import";
import { DocxReadError, importBytes, ImportRefusedError } from "@/lib/import/import-bytes";
import { HttpError } from "@/lib/http/responses";

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** A published report uploaded (DOCX, HTML, text) or pasted, read into the structured form with its findings. */
export async function readPublishedReport(input: { fileName: string; bytes: Uint8Array } | { text: string }): Promise<ImportResult> {
  if ("text" in input) {
    if (!input.text.trim()) throw new HttpError(400, "请粘贴报告的文字。");
    return importText(input.text);
  }
  try {
    return await importBytes(input.fileName, input.bytes);
  } catch (error) {
    if (error instanceof ImportRefusedError) throw new HttpError(400, error.message);
    if (error instanceof DocxReadError) throw new HttpError(400, `无法读取该 DOCX 文件：${error.message}`);
    throw error;
  }
}
