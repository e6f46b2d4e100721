import { basename } from "node:path";
import { DocxReadError, keepValidatedFinding } from "../../lib/import";
import { IMPORTABLE_EXTENSIONS, ImportRefusedError, importFile } from "../../lib/import/import-file";
import { registerLoader, type LoadedReport } from "./load-report";
import { CliError } from "./verb";

/**
 * Published reports as CLI input: .txt, .docx, .html and .htm go through the importer. The loader
 * hands the CLI the imported content, the importer's own findings (S1, S2 for a missing table, S3,
 * S5) and which of validate()'s findings to keep beside them.
 */
export async function loadImported(path: string): Promise<LoadedReport> {
  try {
    const result = await importFile(path);
    return {
      content: result.content,
      documentFindings: result.documentFindings,
      cellsRead: result.cellsRead,
      keepValidated: keepValidatedFinding(result.documentFindings, result.year !== null),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`无法读取 ${path}：文件不存在`);
    if (code === "EISDIR") throw new CliError(`无法读取 ${path}：这是一个文件夹`);
    if (code === "EACCES") throw new CliError(`无法读取 ${path}：没有读取权限`);
    if (error instanceof DocxReadError) throw new CliError(`${basename(path)}：${error.message}`);
    if (error instanceof ImportRefusedError) throw new CliError(error.message);
    throw error;
  }
}

for (const extension of IMPORTABLE_EXTENSIONS) registerLoader(extension, loadImported);
