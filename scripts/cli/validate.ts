import { hasErrors, validate, type Finding } from "../../lib/report/validate";
import { loadReport } from "./load-report";
import { CliError, parseVerbArgs } from "./verb";

export const summary = "校验一份报告，列出错误和提醒（有错误时退出码为1）";
export const usage = "nianbao validate <报告.json> [--previous <上年报告.json>] [--complete] [--json]";

const SEVERITY = { error: "错误", warning: "提醒" } as const;

export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return "未发现问题。";
  const errors = findings.filter((f) => f.severity === "error").length;
  const lines = findings.map((f) => `${SEVERITY[f.severity]} [${f.rule}] ${f.message}`);
  lines.push("", `共 ${findings.length} 项：错误 ${errors} 项，提醒 ${findings.length - errors} 项。`);
  return lines.join("\n");
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(
    args,
    { previous: { type: "string" }, complete: { type: "boolean" }, json: { type: "boolean" } },
    usage,
  );
  if (positionals.length !== 1) throw new CliError(`请给出一个报告文件。\n用法：${usage}`);
  const report = await loadReport(positionals[0]);
  const previous = values.previous ? (await loadReport(values.previous)).content : null;
  const findings = [...report.documentFindings, ...validate(report.content, { previous, complete: values.complete })];
  if (values.json) {
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  } else {
    const { meta } = report.content;
    process.stdout.write(`${positionals[0]}：${meta.organization} ${meta.year}年度报告（${report.content.format}年格式）\n${formatFindings(findings)}\n`);
  }
  return hasErrors(findings) ? 1 : 0;
}
