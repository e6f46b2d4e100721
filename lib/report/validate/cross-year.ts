import type { ReportContent } from "../content";
import { getFormat } from "../formats";
import { parseCellInput } from "../parse-value";
import { finding } from "../rules";
import type { ColumnSpec } from "../spec-types";
import { meaningfulText, repeatedShare } from "../text-similarity";
import { getCellValue } from "../cells";
import { plannedCell, type ValidationContext } from "./context";
import { targetId } from "../targets";
import { sectionName, type PlannedCell } from "./plan";

/** A count of last year's report, or null when blank, not a number, or not in its format. */
function previousCount(
  previous: ReportContent,
  tableId: string,
  rowKey: string,
  column: ColumnSpec,
): number | null {
  const parsed = parseCellInput(getCellValue(previous, tableId, rowKey, column.key), column.kind);
  return parsed.ok && typeof parsed.value === "number" ? parsed.value : null;
}

function currentCount(ctx: ValidationContext, cell: PlannedCell | undefined): number | null {
  const v = cell ? ctx.values[cell.index] : null;
  return typeof v === "number" ? v : null;
}

/** X1: a row that continues last year's report (三's 上年结转 = last year's 结转下年度继续办理), column by column. */
export function checkCarriedOver(ctx: ValidationContext, previous: ReportContent): void {
  for (const table of ctx.plan.tables) {
    const spec = table.spec.carryOver;
    if (!spec) continue;
    const previousTable = getFormat(previous.format)
      .sections.flatMap((s) => s.tables)
      .find((t) => t.id === table.spec.id);
    const previousRow = previousTable?.rows.find((r) => r.key === spec.previousRow);
    if (!previousTable || !previousRow) continue;
    for (const column of previousTable.columns) {
      const cell = plannedCell(ctx, table.spec.id, spec.row, column.key);
      const now = currentCount(ctx, cell);
      const before = previousCount(previous, table.spec.id, spec.previousRow, column);
      if (now === null || before === null || now === before) continue;
      ctx.findings.push(
        finding(
          spec.rule,
          `${cell!.place}为${now}，上年报告“${previousRow.label}”${column.label}为${before}`,
          [cell!.id],
        ),
      );
    }
  }
}

/** X2: counts that carry over from year to year agree with last year's report (same format only), as each table declares. */
export function checkContinuations(ctx: ValidationContext, previous: ReportContent): void {
  if (previous.format !== ctx.content.format) return;
  for (const table of ctx.plan.tables) {
    const spec = table.spec;
    for (const c of spec.continuations ?? []) {
      const columnOf = (key: string) => spec.columns.find((col) => col.key === key)!;
      for (const row of spec.rows) {
        const cell = plannedCell(ctx, spec.id, row.key, c.column)!;
        const stated = currentCount(ctx, cell);
        if (stated === null) continue;
        let expected = 0;
        const parts: string[] = [];
        let complete = true;
        for (const term of c.terms) {
          const value =
            term.year === "previous"
              ? previousCount(previous, spec.id, row.key, columnOf(term.column))
              : currentCount(ctx, plannedCell(ctx, spec.id, row.key, term.column));
          if (value === null) {
            complete = false;
            break;
          }
          expected += term.sign * value;
          const name = `${term.year === "previous" ? "上年" : "本年"}“${columnOf(term.column).label}”(${value})`;
          parts.push(parts.length === 0 ? name : `${term.sign > 0 ? "+" : "−"}${name}`);
        }
        if (!complete || expected === stated) continue;
        ctx.findings.push(
          finding(
            c.rule,
            `${cell.place}为${stated}，与上年报告衔接应为${parts.join("")}=${expected}`,
            [cell.id],
          ),
        );
      }
    }
  }
}

/** Above this share of repeated text, assessments deduct points (与上年度重复率大于50%). */
export const MAX_REPEATED_SHARE = 0.5;
/** Texts shorter than this (meaningful characters) are not compared: `无。` repeats harmlessly. */
const MIN_COMPARED_LENGTH = 30;

/** X8: a narrative section repeats last year's for more than half of its text. */
export function checkRepetition(ctx: ValidationContext, previous: ReportContent): void {
  for (const section of ctx.plan.narrativeSections) {
    const now = ctx.content.narratives?.[section.key] ?? "";
    const before = previous.narratives?.[section.key] ?? "";
    if (meaningfulText(now).length < MIN_COMPARED_LENGTH || !before.trim()) continue;
    const share = repeatedShare(now, before);
    if (share <= MAX_REPEATED_SHARE) continue;
    ctx.findings.push(
      finding(
        "X8",
        `${sectionName(section)}与上年报告重复约${Math.round(share * 100)}%（超过一半），应写明本年度的情况`,
        [targetId.narrative(section.key)],
      ),
    );
  }
}
