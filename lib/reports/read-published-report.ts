import type { AuthContext } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors";
import { importText, type ImportResult } from "@/lib/import";
import { DocxReadError, importBytes } from "@/lib/import/import-bytes";

/** The largest upload read (the whole request, form fields included). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** A published report uploaded (DOCX, HTML, text) or pasted, read into the structured form with its findings. */
export async function readPublishedReport(_ctx: AuthContext, input: { fileName: string; bytes: Uint8Array } | { text: string }): Promise<ImportResult> {
  if ("text" in input) {
    if (!input.text.trim()) throw new ValidationError("请粘贴报告的文字。");
    return importText(input.text);
  }
  try {
    return await importBytes(input.fileName, input.bytes);
  } catch (error) {
    if (error instanceof DocxReadError) throw new ValidationError(`无法读取该 DOCX 文件：${error.message}`);
    throw error;
  }
}
