import type { ReportContent } from "./content";
import { parseCellInput } from "./parse-value";
import { parseTarget } from "./targets";

/**
 * What a figure in a generated sentence stands for, kept with the text so that the sentence can follow
 * the tables: a sum of cells (`requests.new.total`, or the rows of （三）不予公开), a share of one sum in
 * another, the change from last year's figure, or a fee amount as typed. Cells are named by their ids
 * (see targets.ts), so the expression survives a reload and means the same in every format.
 */
export type FigureExpr =
  | { op: "sum"; cells: string[] }
  /** `12.5`: part over whole in %, to one decimal; unknown when the whole is 0. */
  | { op: "share"; part: string[]; whole: string[] }
  /** `较上年增加3件（增长12.5%）` / `与上年持平`: this year's sum against last year's figure. */
  | { op: "change"; cells: string[]; previous: number }
  /** `1200.50`: an amount (a fee field of 六) as the exact decimal typed. */
  | { op: "amount"; cell: string };

/** A cell or fee field's value as stored: a number, an exact decimal string, or null when blank or unreadable. */
function valueOf(content: ReportContent, id: string): number | string | null {
  const target = parseTarget(id);
  if (target?.kind === "cell") {
    const v = content.tables[target.tableId]?.[target.rowKey]?.[target.columnKey];
    return v === undefined ? null : v;
  }
  if (target?.kind === "fee") return content.fees?.[target.field] ?? null;
  return null;
}

/** The sum of counts; null when any of them is blank or not a whole number. */
export function sumCells(content: ReportContent, cells: string[]): number | null {
  let total = 0;
  for (const id of cells) {
    const v = valueOf(content, id);
    if (typeof v !== "number" || !Number.isInteger(v)) return null;
    total += v;
  }
  return total;
}

/** `12.5` — one decimal, as reports print shares. */
export function percent(part: number, whole: number): string {
  return ((part / whole) * 100).toFixed(1);
}

/** `，较上年增加3件（增长12.5%）` without the comma; `与上年持平` when unchanged. */
export function changeText(current: number, previous: number): string {
  if (current === previous) return "与上年持平";
  const diff = current - previous;
  const pct =
    previous > 0 ? `（${diff > 0 ? "增长" : "下降"}${percent(Math.abs(diff), previous)}%）` : "";
  return `较上年${diff > 0 ? "增加" : "减少"}${Math.abs(diff)}件${pct}`;
}

/** The figure's text from the report as it stands, or null while its cells are blank. */
export function evaluateFigure(content: ReportContent, expr: FigureExpr): string | null {
  switch (expr.op) {
    case "sum": {
      const n = sumCells(content, expr.cells);
      return n === null ? null : String(n);
    }
    case "share": {
      const part = sumCells(content, expr.part);
      const whole = sumCells(content, expr.whole);
      return part === null || whole === null || whole <= 0 ? null : percent(part, whole);
    }
    case "change": {
      const n = sumCells(content, expr.cells);
      return n === null ? null : changeText(n, expr.previous);
    }
    case "amount": {
      const parsed = parseCellInput(valueOf(content, expr.cell), "amount");
      return parsed.ok && parsed.value !== null ? String(parsed.value) : null;
    }
  }
}
