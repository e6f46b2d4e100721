import { basename } from "node:path";
import { ValidationError } from "../../lib/errors";
import { DocxReadError, keepValidatedFinding, type ImportResult } from "../../lib/import";
import { importBytes } from "../../lib/import/import-bytes";
import {
  IMPORTABLE_EXTENSIONS,
  ImportRefusedError,
  importFile,
} from "../../lib/import/import-file";
import type { ReportContent } from "../../lib/report/content";
import { registerLoader, type LoadedReport } from "./load-report";
import { CliError } from "./verb";

/**
 * Published reports as CLI input: .txt, .docx, .html and .htm go through the importer. The loader
 * hands the CLI the imported content, the importer's own findings (S1, S2 for a missing table, S3,
 * S5) and which of validate()'s findings to keep beside them.
 */
export async function loadImported(path: string, previous?: ReportContent): Promise<LoadedReport> {
  try {
    const loaded = loadedFrom(await importFile(path, { previous }));
    return { ...loaded, withPrevious: (last) => loadImported(path, last) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`无法读取 ${path}：文件不存在`);
    if (code === "EISDIR") throw new CliError(`无法读取 ${path}：这是一个文件夹`);
    if (code === "EACCES") throw new CliError(`无法读取 ${path}：没有读取权限`);
    throw refusal(error, basename(path));
  }
}

/** A report file held in memory (an entry of a ZIP), named as it is shown. */
export async function loadImportedBytes(
  name: string,
  bytes: Uint8Array,
  previous?: ReportContent,
): Promise<LoadedReport> {
  try {
    const loaded = loadedFrom(await importBytes(name, bytes, { previous }));
    return { ...loaded, withPrevious: (last) => loadImportedBytes(name, bytes, last) };
  } catch (error) {
    throw refusal(error, name);
  }
}

function loadedFrom(result: ImportResult): LoadedReport {
  return {
    content: result.content,
    documentFindings: result.documentFindings,
    cellsRead: result.cellsRead,
    keepValidated: keepValidatedFinding(result.documentFindings, result.year !== null),
  };
}

/** The importer's refusals as the CLI's (printed, exit 2); anything else is a bug and stays thrown. */
function refusal(error: unknown, name: string): unknown {
  if (error instanceof DocxReadError) return new CliError(`${name}：${error.message}`);
  if (error instanceof ImportRefusedError) return new CliError(error.message);
  // The readers' other refusals (a scanned PDF, a page over the caps …) are said in Chinese already.
  if (error instanceof ValidationError)
    return new CliError(error.message.includes(name) ? error.message : `${name}：${error.message}`);
  return error;
}

for (const extension of IMPORTABLE_EXTENSIONS)
  registerLoader(extension, (path) => loadImported(path));
