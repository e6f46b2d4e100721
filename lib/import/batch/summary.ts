import type { FormatId } from "@/lib/report/spec-types";
import type { Finding, RuleId } from "@/lib/report/rules";

/**
 * One line per report of a batch check: what a district or an outside evaluator tabulates for
 * hundreds of reports. A file that could not be read keeps its line, with why.
 */
export interface BatchSummaryRow {
  file: string;
  /** The file's kind by extension: DOCX, HTML, TXT, PDF, JSON … */
  kind: string;
  unit: string | null;
  year: number | null;
  format: FormatId | null;
  cellsRead: number | null;
  errors: number | null;
  warnings: number | null;
  /** Rule ids of the findings, each once, in the order first found. */
  rules: RuleId[];
  /** The file used as last year's report for the cross-year rules, if the batch held one. */
  previous: string | null;
  /** Why the file could not be read (Chinese); null when it was read. */
  problem: string | null;
}

export function fileKind(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName);
  return m ? m[1].toUpperCase() : "";
}

export function countFindings(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
  rules: RuleId[];
} {
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    errors,
    warnings: findings.length - errors,
    rules: [...new Set(findings.map((f) => f.rule))],
  };
}

export function readRow(input: {
  file: string;
  unit: string | null;
  year: number | null;
  format: FormatId;
  cellsRead: number;
  findings: readonly Finding[];
  previous?: string | null;
}): BatchSummaryRow {
  return {
    file: input.file,
    kind: fileKind(input.file),
    unit: input.unit,
    year: input.year,
    format: input.format,
    cellsRead: input.cellsRead,
    ...countFindings(input.findings),
    previous: input.previous ?? null,
    problem: null,
  };
}

export function unreadableRow(file: string, problem: string): BatchSummaryRow {
  return {
    file,
    kind: fileKind(file),
    unit: null,
    year: null,
    format: null,
    cellsRead: null,
    errors: null,
    warnings: null,
    rules: [],
    previous: null,
    problem,
  };
}

export const SUMMARY_HEADER = [
  "文件",
  "文件类型",
  "单位",
  "年度",
  "格式",
  "读入单元格",
  "错误",
  "提醒",
  "规则",
  "上年报告",
  "说明",
] as const;

/** The row's fields in SUMMARY_HEADER's order (null for an empty field). */
export function summaryFields(row: BatchSummaryRow): (string | number | null)[] {
  return [
    row.file,
    row.kind,
    row.unit,
    row.year,
    row.format ? `${row.format}年格式` : null,
    row.cellsRead,
    row.errors,
    row.warnings,
    row.rules.join(" ") || null,
    row.previous,
    row.problem ?? (row.errors === 0 ? "无错误" : null),
  ];
}
