import type { ReportContent } from "../content";
import { getFormat } from "../formats";
import { parseCellInput } from "../parse-value";
import { finding } from "../rules";
import type { ColumnSpec, TableSpec } from "../spec-types";
import { meaningfulText, repeatedShare } from "../text-similarity";
import { getCellValue } from "../cells";
import { plannedCell, type ValidationContext } from "./context";
import { targetId } from "../targets";
import { sectionName, type PlannedCell } from "./plan";

/** A count of last year's report, or null when blank, not a number, or not in its format. */
function previousCount(previous: ReportContent, tableId: string, rowKey: string, column: ColumnSpec): number | null {
  const parsed = parseCellInput(getCellValue(previous, tableId, rowKey, column.key), column.kind);
  return parsed.ok && typeof parsed.value === "number" ? parsed.value : null;
}

function currentCount(ctx: ValidationContext, cell: PlannedCell | undefined): number | null {
  const v = cell ? ctx.values[cell.index] : null;
  return typeof v === "number" ? v : null;
}

/** X1: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, column by column. */
export function checkCarriedOver(ctx: ValidationContext, previous: ReportContent): void {
  const previousRequests = getFormat(previous.format).sections.flatMap((s) => s.tables).find((t) => t.id === "requests");
  const carryoverRow = previousRequests?.rows.find((r) => r.key === "carryover");
  if (!previousRequests || !carryoverRow) return;
  for (const column of previousRequests.columns) {
    const cell = plannedCell(ctx, "requests", "carried", column.key);
    const now = currentCount(ctx, cell);
    const before = previousCount(previous, "requests", "carryover", column);
    if (now === null || before === null || now === before) continue;
    ctx.findings.push(
      finding("X1", `${cell!.place}为${now}，上年报告“${carryoverRow.label}”${column.label}为${before}`, [cell!.id]),
    );
  }
}

/** One term of X2: a column of this year's or last year's table, added or subtracted. */
interface Term {
  column: string;
  year: "previous" | "current";
  sign: 1 | -1;
}

/** X2 and its 2019 analogue: a running count continues last year's. */
interface Continuation {
  target: string;
  terms: Term[];
}

const CONTINUATIONS: Continuation[] = [
  // 2021: 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数
  {
    target: "effective",
    terms: [
      { column: "effective", year: "previous", sign: 1 },
      { column: "issued", year: "current", sign: 1 },
      { column: "repealed", year: "current", sign: -1 },
    ],
  },
  // 2019: 对外公开总数量 = last year's + 本年新公开数量
  {
    target: "total",
    terms: [
      { column: "total", year: "previous", sign: 1 },
      { column: "published", year: "current", sign: 1 },
    ],
  },
  // 2019: 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减
  {
    target: "previous",
    terms: [
      { column: "previous", year: "previous", sign: 1 },
      { column: "change", year: "previous", sign: 1 },
    ],
  },
];

function applies(table: TableSpec, c: Continuation): boolean {
  const keys = new Set(table.columns.map((col) => col.key));
  return keys.has(c.target) && c.terms.every((t) => keys.has(t.column));
}

/** X2: 第二十条 counts that carry over from year to year agree with last year's report (same format only). */
export function checkContinuations(ctx: ValidationContext, previous: ReportContent): void {
  if (previous.format !== ctx.content.format) return;
  for (const table of ctx.plan.tables) {
    const spec = table.spec;
    for (const c of CONTINUATIONS) {
      if (!applies(spec, c)) continue;
      const columnOf = (key: string) => spec.columns.find((col) => col.key === key)!;
      for (const row of spec.rows) {
        const cell = plannedCell(ctx, spec.id, row.key, c.target)!;
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
          finding("X2", `${cell.place}为${stated}，与上年报告衔接应为${parts.join("")}=${expected}`, [cell.id]),
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
