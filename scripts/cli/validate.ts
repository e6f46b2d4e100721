import { writeFileSync } from "node:fs";
import { previousInBatch } from "../../lib/import/batch/previous-in-batch";
import { isZipName, readReportZip, ZipRefusedError } from "../../lib/import/batch/read-zip";
import { readRow, unreadableRow, type BatchSummaryRow } from "../../lib/import/batch/summary";
import { summaryCsv } from "../../lib/import/batch/summary-csv";
import { summaryHtml } from "../../lib/import/batch/summary-html";
import { toTablesJson } from "../../lib/import/tables-json";
import type { ReportContent } from "../../lib/report/content";
import { hasErrors, type Finding } from "../../lib/report/validate";
import { expandGlobs } from "./expand-globs";
import { loadImportedBytes } from "./load-import";
import { loadReport, readInput, supportedExtensions, type LoadedReport } from "./load-report";
import { reportFindings } from "./report-findings";
import { CliError, parseVerbArgs } from "./verb";

export const summary =
  "校验报告（JSON，或导入已发布的 TXT、DOCX、HTML、PDF，也可以是装有报告的 ZIP），列出错误和提醒（有错误时退出码为1）";
export const usage =
  "nianbao validate <报告文件或通配符…> [--previous <上年报告>] [--complete] [--json | --summary csv|html [--out <文件>]]";

const SEVERITY = { error: "错误", warning: "提醒" } as const;
const SUMMARY_KINDS = ["csv", "html"] as const;

export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return "未发现问题。";
  const errors = findings.filter((f) => f.severity === "error").length;
  const lines = findings.map((f) => `${SEVERITY[f.severity]} [${f.rule}] ${f.message}`);
  lines.push(
    "",
    `共 ${findings.length} 项：错误 ${errors} 项，提醒 ${findings.length - errors} 项。`,
  );
  return lines.join("\n");
}

/** Cells that are not blank: what a structured file gives. */
function filledCells(report: LoadedReport): number {
  return Object.values(report.content.tables).reduce(
    (n, rows) =>
      n +
      Object.values(rows).reduce(
        (m, row) => m + Object.values(row).filter((v) => v !== null).length,
        0,
      ),
    0,
  );
}

interface Checked {
  file: string;
  report: LoadedReport;
  findings: Finding[];
  /** The file whose content served as last year's report (--previous, or the same unit's report of the year before in the batch). */
  previousFile: string | null;
}

type Loaded = { file: string; report: LoadedReport } | { file: string; problem: string };

/**
 * A ZIP of reports: each entry read as a file of its own (`archive.zip/entry.docx`), with the same caps
 * as the district's batch check. An entry that cannot be taken, or the archive itself, gets its line.
 */
async function loadZip(path: string): Promise<Loaded[]> {
  let zipped: Awaited<ReturnType<typeof readReportZip>>;
  try {
    zipped = await readReportZip(path, await readInput(path));
  } catch (error) {
    if (!(error instanceof ZipRefusedError || error instanceof CliError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return [{ file: path, problem: error.message }];
  }
  const out: Loaded[] = [];
  for (const entry of zipped.files) {
    try {
      out.push({ file: entry.name, report: await loadImportedBytes(entry.name, entry.bytes) });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      process.stderr.write(`${error.message}\n`);
      out.push({ file: entry.name, problem: error.message });
    }
  }
  for (const refused of zipped.refused) {
    process.stderr.write(`${refused.reason}\n`);
    out.push({ file: refused.name, problem: refused.reason });
  }
  return out;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(
    args,
    {
      previous: { type: "string" },
      complete: { type: "boolean" },
      json: { type: "boolean" },
      summary: { type: "string" },
      out: { type: "string" },
    },
    usage,
  );
  if (positionals.length === 0)
    throw new CliError(
      `请给出报告文件（可读取 ${supportedExtensions().join("、")}，可用通配符）。\n用法：${usage}`,
    );
  const summaryKind = values.summary;
  if (summaryKind !== undefined && !(SUMMARY_KINDS as readonly string[]).includes(summaryKind)) {
    throw new CliError(`--summary 只能是 csv 或 html。\n用法：${usage}`);
  }
  if (summaryKind && values.json)
    throw new CliError(`--json 与 --summary 只能选一个。\n用法：${usage}`);
  if (values.out !== undefined && !summaryKind)
    throw new CliError(`--out 只能与 --summary 一起使用。\n用法：${usage}`);
  const { files, unmatched } = expandGlobs(positionals);
  if (files.length === 0) throw new CliError(`没有与 ${unmatched.join("、")} 匹配的文件`);
  if (values.previous && files.length > 1)
    throw new CliError(`--previous 只能与一份报告一起使用。\n用法：${usage}`);
  for (const pattern of unmatched) process.stderr.write(`没有与 ${pattern} 匹配的文件\n`);
  const previousGiven = values.previous ? (await loadReport(values.previous)).content : null;

  const loaded: Loaded[] = [];
  for (const file of files) {
    if (isZipName(file)) {
      loaded.push(...(await loadZip(file)));
      continue;
    }
    try {
      loaded.push({ file, report: await loadReport(file) });
    } catch (error) {
      // One unreadable file does not stop the others; with a single file (and no summary to write) this is the command's failure.
      if (!(error instanceof CliError) || (files.length === 1 && !summaryKind)) throw error;
      process.stderr.write(`${error.message}\n`);
      loaded.push({ file, problem: error.message });
    }
  }

  const readable = loaded.filter(
    (l): l is Extract<Loaded, { report: LoadedReport }> => "report" in l,
  );
  // Last year's report of the same unit, when the batch holds it; --previous names it for a single file.
  const previousIndex = previousInBatch(
    readable.map((l) => ({
      organization: l.report.content.meta.organization || null,
      year: l.report.content.meta.year || null,
    })),
  );
  const checked = new Map<string, Checked>();
  for (const [i, { file, report: firstReading }] of readable.entries()) {
    const j = previousIndex[i];
    const previous: ReportContent | null =
      previousGiven ?? (j === null ? null : readable[j].report.content);
    const previousFile = values.previous ?? (j === null ? null : readable[j].file);
    // Read again knowing last year's figures: they settle cuts of figures that ran together (X2).
    const report =
      previous && firstReading.withPrevious
        ? await firstReading.withPrevious(previous)
        : firstReading;
    checked.set(file, {
      file,
      report,
      findings: reportFindings(report, { previous, complete: values.complete }),
      previousFile,
    });
  }
  const results = readable.map((l) => checked.get(l.file)!);

  if (summaryKind) {
    const rows: BatchSummaryRow[] = loaded.map((l) => {
      if ("problem" in l) return unreadableRow(l.file, l.problem);
      const { report, findings, previousFile } = checked.get(l.file)!;
      const { meta, format } = report.content;
      return readRow({
        file: l.file,
        unit: meta.organization || null,
        year: meta.year || null,
        format,
        cellsRead: report.cellsRead ?? filledCells(report),
        findings,
        previous: previousFile,
      });
    });
    const text = summaryKind === "csv" ? summaryCsv(rows) : summaryHtml(rows);
    if (values.out) {
      try {
        writeFileSync(values.out, text);
      } catch (error) {
        throw new CliError(`无法写入 ${values.out}：${(error as Error).message}`);
      }
      process.stderr.write(`已写入 ${values.out}（${rows.length} 份文件）\n`);
    } else {
      process.stdout.write(text);
    }
  } else if (values.json) {
    const out = results.map(({ file, report, findings, previousFile }) => ({
      file,
      format: report.content.format,
      year: report.content.meta.year || null,
      organization: report.content.meta.organization || null,
      previous: previousFile,
      tables: toTablesJson(report.content),
      findings,
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const blocks = results.map(({ file, report, findings, previousFile }) => {
      const { meta } = report.content;
      const unit = meta.organization || "（单位不详）";
      const year = meta.year ? `${meta.year}年度报告` : "年度不详的报告";
      const cells = report.cellsRead ?? filledCells(report);
      const against = previousFile
        ? `\n上年报告：${previousFile}（用于跨年度检查 X1、X2、X8）`
        : "";
      return `${file}：${unit} ${year}（${report.content.format}年格式），读入${cells}个单元格${against}\n${formatFindings(findings)}`;
    });
    if (results.length > 1) {
      const withErrors = results.filter((r) => hasErrors(r.findings)).length;
      blocks.push(`共 ${results.length} 份报告：有错误的 ${withErrors} 份。`);
    }
    if (blocks.length > 0) process.stdout.write(`${blocks.join("\n\n")}\n`);
  }
  if (unmatched.length > 0 || loaded.length > readable.length) return 2;
  return results.some((r) => hasErrors(r.findings)) ? 1 : 0;
}
