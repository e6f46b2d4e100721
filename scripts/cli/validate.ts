import { toTablesJson } from "../../lib/import/tables-json";
import { hasErrors, validate, type Finding } from "../../lib/report/validate";
import { expandGlobs } from "./expand-globs";
import "./load-import";
import { loadReport, supportedExtensions, type LoadedReport } from "./load-report";
import { CliError, parseVerbArgs } from "./verb";

export const summary = "校验报告（JSON，或导入已发布的 TXT、DOCX、HTML），列出错误和提醒（有错误时退出码为1）";
export const usage = "nianbao validate <报告文件或通配符…> [--previous <上年报告>] [--complete] [--json]";

const SEVERITY = { error: "错误", warning: "提醒" } as const;

export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return "未发现问题。";
  const errors = findings.filter((f) => f.severity === "error").length;
  const lines = findings.map((f) => `${SEVERITY[f.severity]} [${f.rule}] ${f.message}`);
  lines.push("", `共 ${findings.length} 项：错误 ${errors} 项，提醒 ${findings.length - errors} 项。`);
  return lines.join("\n");
}

/** Cells that are not blank: what a structured file gives. */
function filledCells(report: LoadedReport): number {
  return Object.values(report.content.tables).reduce(
    (n, rows) => n + Object.values(rows).reduce((m, row) => m + Object.values(row).filter((v) => v !== null).length, 0),
    0,
  );
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(
    args,
    { previous: { type: "string" }, complete: { type: "boolean" }, json: { type: "boolean" } },
    usage,
  );
  if (positionals.length === 0) throw new CliError(`请给出报告文件（可读取 ${supportedExtensions().join("、")}，可用通配符）。\n用法：${usage}`);
  const { files, unmatched } = expandGlobs(positionals);
  if (files.length === 0) throw new CliError(`没有与 ${unmatched.join("、")} 匹配的文件`);
  if (values.previous && files.length > 1) throw new CliError(`--previous 只能与一份报告一起使用。\n用法：${usage}`);
  for (const pattern of unmatched) process.stderr.write(`没有与 ${pattern} 匹配的文件\n`);
  const previous = values.previous ? (await loadReport(values.previous)).content : null;

  const results: { file: string; report: LoadedReport; findings: Finding[] }[] = [];
  let failed = unmatched.length > 0;
  for (const file of files) {
    let report: LoadedReport;
    try {
      report = await loadReport(file);
    } catch (error) {
      // One unreadable file does not stop the others; with a single file this is the command's failure.
      if (files.length === 1 || !(error instanceof CliError)) throw error;
      process.stderr.write(`${error.message}\n`);
      failed = true;
      continue;
    }
    const validated = validate(report.content, { previous, complete: values.complete }).filter(report.keepValidated ?? (() => true));
    results.push({ file, report, findings: [...report.documentFindings, ...validated] });
  }

  if (values.json) {
    const out = results.map(({ file, report, findings }) => ({
      file,
      format: report.content.format,
      year: report.content.meta.year || null,
      organization: report.content.meta.organization || null,
      tables: toTablesJson(report.content),
      findings,
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const blocks = results.map(({ file, report, findings }) => {
      const { meta } = report.content;
      const unit = meta.organization || "（单位不详）";
      const year = meta.year ? `${meta.year}年度报告` : "年度不详的报告";
      const cells = report.cellsRead ?? filledCells(report);
      return `${file}：${unit} ${year}（${report.content.format}年格式），读入${cells}个单元格\n${formatFindings(findings)}`;
    });
    if (results.length > 1) {
      const withErrors = results.filter((r) => hasErrors(r.findings)).length;
      blocks.push(`共 ${results.length} 份报告：有错误的 ${withErrors} 份。`);
    }
    if (blocks.length > 0) process.stdout.write(`${blocks.join("\n\n")}\n`);
  }
  if (failed) return 2;
  return results.some((r) => hasErrors(r.findings)) ? 1 : 0;
}
