import { getCellValue } from "../cells";
import type { ReportContent } from "../content";
import { parseCellInput } from "../parse-value";
import type { Finding } from "../rules";
import { validationPlan, type PlannedCell, type ValidationPlan } from "./plan";

export interface ValidateOptions {
  /** Last year's report of the same organisation: enables X1, X2 and X8. */
  previous?: ReportContent | null;
  /** The submission gate: every blank typed cell of a table that has numbers is an error (V1). */
  complete?: boolean;
}

/** A parsed cell: number (count) or decimal string (amount), null when blank, undefined when it does not parse. */
export type Parsed = number | string | null | undefined;

export interface ValidationContext {
  content: ReportContent;
  plan: ValidationPlan;
  options: ValidateOptions;
  /** Parsed value of every planned cell, by PlannedCell.index. */
  values: Parsed[];
  /** Why a cell does not parse, by PlannedCell.index. */
  problems: (string | undefined)[];
  findings: Finding[];
}

export function createContext(content: ReportContent, options: ValidateOptions): ValidationContext {
  const plan = validationPlan(content.format);
  const values: Parsed[] = new Array(plan.cells.length);
  const problems: (string | undefined)[] = new Array(plan.cells.length);
  for (const cell of plan.cells) {
    const raw = getCellValue(content, cell.tableId, cell.rowKey, cell.columnKey);
    // Most stored cells are plain whole numbers: no need to go through the parser for those.
    if (
      raw === null ||
      (typeof raw === "number" && cell.kind === "count" && Number.isSafeInteger(raw) && raw >= 0)
    ) {
      values[cell.index] = raw;
      continue;
    }
    const parsed = parseCellInput(raw, cell.kind);
    if (parsed.ok) values[cell.index] = parsed.value;
    else problems[cell.index] = parsed.message;
  }
  return { content, plan, options, values, problems, findings: [] };
}

/** A cell by table, row and column key; undefined when the format has no such cell. */
export function plannedCell(
  ctx: ValidationContext,
  tableId: string,
  rowKey: string,
  columnKey: string,
): PlannedCell | undefined {
  return ctx.plan.byId.get(`${tableId}.${rowKey}.${columnKey}`);
}

/**
 * A row's total as the report states it: the stored 总计 when it is a number, otherwise the sum of
 * the row's typed cells; null when nothing is known.
 */
export function rowTotal(ctx: ValidationContext, tableId: string, rowKey: string): number | null {
  const totalCell = plannedCell(ctx, tableId, rowKey, "total");
  const stated = totalCell && ctx.values[totalCell.index];
  if (typeof stated === "number") return stated;
  let sum: number | null = null;
  for (const cell of ctx.plan.cells) {
    if (cell.tableId !== tableId || cell.rowKey !== rowKey || cell.computed) continue;
    const v = ctx.values[cell.index];
    if (typeof v === "number") sum = (sum ?? 0) + v;
  }
  return sum;
}
