import type { ReportContent } from "./content";
import { getFormat } from "./formats";
import { categoryOf, type ProblemCategory } from "./problem-categories";
import { stepOfTarget, type StepKey } from "./progress";
import type { Finding, Severity } from "./rules";
import { parseTarget } from "./targets";
import { validationPlan } from "./validate/plan";

/**
 * One model of what stands between a report and 提交审核, read by every place that counts or marks
 * problems: errors and warnings in plain categories, and the blank cells and texts, grouped per table
 * or part, counted once. Built from the submission gate's findings (`validate(…, { complete: true })`),
 * so the count the editor shows is the count the gate applies.
 */
export interface Problem {
  finding: Finding;
  category: ProblemCategory;
  severity: Severity;
  /** The editor step of the first place the finding names. */
  step: StepKey;
}

export interface UnfilledGroup {
  /** The table id, or the target of a part that is not a table (`narrative.s1`, `meta.issuedDate`). */
  key: string;
  /** Set for a table: the group can be filled with zeros at once. */
  tableId: string | null;
  /** A table's name (`第二部分第二十条第（一）项`), or for a text or field the message that names it. */
  title: string;
  step: StepKey;
  /** Blank cell ids, or the one target of a part. */
  targets: string[];
}

export interface ProblemSummary {
  /** Errors other than blanks, in the order the rules report them. */
  errors: Problem[];
  warnings: Problem[];
  unfilled: UnfilledGroup[];
  /** Blank cells and parts, each counted once. */
  unfilledCount: number;
}

export interface ProblemCount {
  errors: number;
  warnings: number;
  unfilled: number;
}

export function isBlankCell(content: ReportContent, id: string): boolean {
  const target = parseTarget(id);
  if (target?.kind !== "cell") return false;
  const value = content.tables[target.tableId]?.[target.rowKey]?.[target.columnKey];
  return value === null || value === undefined || value === "";
}

export function summarizeProblems(
  content: ReportContent,
  submitFindings: readonly Finding[],
): ProblemSummary {
  const plan = validationPlan(content.format);
  const tableNames = new Map(plan.tables.map((t) => [t.spec.id, t.name]));
  const isBlank = (id: string) => isBlankCell(content, id);
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const groups = new Map<string, UnfilledGroup & { seen: Set<string> }>();

  for (const finding of submitFindings) {
    const category = categoryOf(finding, isBlank);
    const first = finding.cells[0];
    const step = first ? stepOfTarget(content.format, first) : "cover";
    if (category !== "unfilled") {
      (finding.severity === "error" ? errors : warnings).push({
        finding,
        category,
        severity: finding.severity,
        step,
      });
      continue;
    }
    for (const target of finding.cells.length ? finding.cells : ["meta.year"]) {
      const parsed = parseTarget(target);
      const tableId = parsed?.kind === "cell" ? parsed.tableId : null;
      const key = tableId ?? target;
      let group = groups.get(key);
      if (!group) {
        group = {
          key,
          tableId,
          title: tableId ? (tableNames.get(tableId) ?? tableId) : finding.message,
          step: stepOfTarget(content.format, target),
          targets: [],
          seen: new Set(),
        };
        groups.set(key, group);
      }
      if (tableId && !isBlank(target)) continue;
      if (group.seen.has(target)) continue;
      group.seen.add(target);
      group.targets.push(target);
    }
  }

  const order = [
    "cover",
    ...getFormat(content.format).sections.map((s) => s.key as StepKey),
  ] as StepKey[];
  const unfilled = [...groups.values()]
    .filter((g) => g.targets.length > 0)
    .map(({ seen: _seen, ...group }) => group)
    .sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
  return {
    errors,
    warnings,
    unfilled,
    unfilledCount: unfilled.reduce((n, g) => n + g.targets.length, 0),
  };
}

/** The problems of one editor step, or of the whole report without a step. */
export function problemCount(summary: ProblemSummary, step?: StepKey): ProblemCount {
  const inStep = <T extends { step: StepKey }>(items: T[]) =>
    step ? items.filter((i) => i.step === step) : items;
  return {
    errors: inStep(summary.errors).length,
    warnings: inStep(summary.warnings).length,
    unfilled: inStep(summary.unfilled).reduce((n, g) => n + g.targets.length, 0),
  };
}

/** `还有 3 个错误、12 处未填` — the one wording of the count, wherever it is shown. */
export function problemCountText(count: ProblemCount): string {
  if (!count.errors && !count.unfilled) return count.warnings ? `${count.warnings} 个提醒` : "";
  const parts = [
    count.errors ? `${count.errors} 个错误` : "",
    count.unfilled ? `${count.unfilled} 处未填` : "",
  ].filter(Boolean);
  return `还有 ${parts.join("、")}`;
}
