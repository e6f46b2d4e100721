import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { z } from "zod";
import type { ReportContent } from "../../lib/report/content";
import { parseReportContent } from "../../lib/report/content";
import type { Finding } from "../../lib/report/rules";
import { CliError } from "./verb";

/**
 * Reading a report file for the CLI. A loader per file extension turns the file into structured
 * content; `.json` (the stored content form) is built in. An importer plugs in with
 * `registerLoader(".docx", …)` and returns, beside the content, the findings only the document
 * could show (S1, S3, S5 …) — validate() adds its own, so a loader must not include those.
 */
export interface LoadedReport {
  content: ReportContent;
  /** Findings about the document itself, reported before validate()'s. */
  documentFindings: Finding[];
  /** How many table cells the file gave (an import); by default the cells that are not blank. */
  cellsRead?: number;
  /** Which of validate()'s findings to report beside documentFindings (an importer drops those it already covers). */
  keepValidated?: (finding: Finding) => boolean;
  /**
   * The same file read again knowing last year's report of its unit (an import: its figures help
   * cut figures that ran together). Absent where the content does not depend on it (JSON).
   */
  withPrevious?: (previous: ReportContent) => Promise<LoadedReport>;
}

/** Throw CliError with a Chinese message when the file cannot be read as a report. */
export type ReportLoader = (path: string) => Promise<LoadedReport>;

const loaders = new Map<string, ReportLoader>();

export function registerLoader(extension: string, loader: ReportLoader): void {
  loaders.set(extension.toLowerCase(), loader);
}

export function supportedExtensions(): string[] {
  return [...loaders.keys()];
}

export async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "文件不存在"
        : code === "EISDIR"
          ? "这是一个文件夹"
          : code === "EACCES"
            ? "没有读取权限"
            : (error as Error).message;
    throw new CliError(`无法读取 ${path}：${why}`);
  }
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join(".") : "（顶层）";
}

/** Structured content as JSON, checked against the format's schema. */
export async function loadJson(path: string): Promise<LoadedReport> {
  const text = (await readInput(path)).toString("utf8").replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${basename(path)} 不是有效的 JSON：${(error as Error).message}`);
  }
  z.config(z.locales.zhCN());
  const parsed = parseReportContent(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((i) => `  - ${issuePath(i.path)}：${i.message}`);
    const more =
      parsed.error.issues.length > 20 ? [`  ……另有 ${parsed.error.issues.length - 20} 处`] : [];
    throw new CliError([`${basename(path)} 不符合报告内容的结构：`, ...issues, ...more].join("\n"));
  }
  return { content: parsed.data, documentFindings: [] };
}

registerLoader(".json", loadJson);

export async function loadReport(path: string): Promise<LoadedReport> {
  const loader = loaders.get(extname(path).toLowerCase());
  if (!loader) {
    throw new CliError(
      `不支持的文件类型：${basename(path)}（可读取 ${supportedExtensions().join("、")}）`,
    );
  }
  return loader(path);
}
