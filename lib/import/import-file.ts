import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { importDocx, importHtml, importText } from "./index";
import type { ImportResult } from "./types";

export const IMPORTABLE_EXTENSIONS = [".txt", ".docx", ".html", ".htm"] as const;

export class UnsupportedFileError extends Error {
  constructor(path: string) {
    super(`不支持的文件类型：${basename(path)}（可导入 ${IMPORTABLE_EXTENSIONS.join("、")}）`);
    this.name = "UnsupportedFileError";
  }
}

/** Import a report file by its extension (.txt, .docx, .html, .htm). Text files may be UTF-8 or GB18030. */
export async function importFile(path: string): Promise<ImportResult> {
  const ext = extname(path).toLowerCase();
  const fileName = basename(path);
  if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(ext)) throw new UnsupportedFileError(path);
  const bytes = await readFile(path);
  if (ext === ".docx") return importDocx(new Uint8Array(bytes), { fileName });
  const text = decodeText(bytes);
  return ext === ".txt" ? importText(text, { fileName }) : importHtml(text, { fileName });
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
