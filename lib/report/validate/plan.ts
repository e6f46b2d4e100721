import { listCells, type CellRef } from "../cells";
import { getFormat } from "../formats";
import type { RuleId } from "../rules";
import type { BalanceSpec, FormatId, FormatSpec, SectionSpec, TableSpec } from "../spec-types";
import { sumPlan } from "../sums";

/**
 * Everything validate() needs to know about a format, worked out once per format: the cells in
 * reading order with the words that name them in messages, and the equations A1–A6 as cell lists.
 */
export interface PlannedCell extends CellRef {
  /** Position in ValidationPlan.cells (and in the parsed values of a report). */
  index: number;
  /** How a message names the cell: `第三部分“一、本年新收政府信息公开申请数量”行“自然人”列`. */
  place: string;
}

export interface PlannedTable {
  spec: TableSpec;
  section: SectionSpec;
  /** `第二部分第二十条第（一）项` or `第三部分“收到和处理政府信息公开申请情况”`. */
  name: string;
  cells: PlannedCell[];
}

/** total = Σ operands, for each row (A2, A4–A6) or column (A3) the format computes. */
export interface SumEquation {
  rule: RuleId;
  table: PlannedTable;
  total: PlannedCell;
  operands: PlannedCell[];
  /** `第三部分“一、本年新收政府信息公开申请数量”行` / `第四部分“行政复议”` / `第三部分第“自然人”列`. */
  where: string;
  /** Leaf labels of the operands, listed in the message (自然人, 结果维持); empty where there are too many to list (A3). */
  operandLabels: string[];
  /** Where operandLabels is empty, what the operands are called: `“三、本年度办理结果”下（一）至（六）各项`. */
  operandsName: string;
  /** 总计 / （七）总计. */
  totalLabel: string;
}

/** 一 + 二 = （七）总计 + 四, per column of 三 (A1): the table's declared balance. */
export interface BalanceEquation {
  rule: BalanceSpec["rule"];
  column: string;
  /** `第三部分第“自然人”列`. */
  where: string;
  newCell: PlannedCell;
  carriedCell: PlannedCell;
  resultsTotal: PlannedCell;
  /** （七）总计 */
  resultsTotalLabel: string;
  carryoverCell: PlannedCell;
}

export interface ValidationPlan {
  format: FormatSpec;
  cells: PlannedCell[];
  byId: Map<string, PlannedCell>;
  tables: PlannedTable[];
  sums: SumEquation[];
  balance: BalanceEquation[];
  narrativeSections: SectionSpec[];
}

export function sectionName(section: SectionSpec): string {
  return `第${section.ordinal}部分“${section.title}”`;
}

export function sectionPart(section: SectionSpec): string {
  return `第${section.ordinal}部分`;
}

function placeOf(section: SectionSpec, cell: CellRef): string {
  return cell.rowLabel
    ? `${sectionPart(section)}“${cell.rowLabel}”行“${cell.columnLabel}”列`
    : `${sectionPart(section)}“${cell.columnLabel}”`;
}

/** The leading outline number of a label or group heading: `（一）予以公开` → `（一）`. */
function outlineNumber(text: string | undefined): string {
  return /^（[^）]+）/.exec(text ?? "")?.[0] ?? "";
}

const cache = new Map<FormatId, ValidationPlan>();

export function validationPlan(formatId: FormatId): ValidationPlan {
  const cached = cache.get(formatId);
  if (cached) return cached;
  const format = getFormat(formatId);
  const sectionOf = new Map(format.sections.map((s) => [s.key, s]));
  const cells: PlannedCell[] = listCells(formatId).map((cell, index) => ({
    ...cell,
    index,
    place: placeOf(sectionOf.get(cell.sectionKey)!, cell),
  }));
  const byId = new Map(cells.map((c) => [c.id, c]));
  const cell = (tableId: string, rowKey: string, columnKey: string) =>
    byId.get(`${tableId}.${rowKey}.${columnKey}`)!;

  const tables: PlannedTable[] = format.sections.flatMap((section) =>
    section.tables.map((spec) => ({
      spec,
      section,
      name: spec.caption ? `${sectionPart(section)}${spec.caption}` : sectionName(section),
      cells: cells.filter((c) => c.tableId === spec.id),
    })),
  );
  const tableOf = new Map(tables.map((t) => [t.spec.id, t]));

  const sums: SumEquation[] = [];
  const plan = sumPlan(formatId);
  for (const s of plan.columnSums) {
    const table = tableOf.get(s.table.id)!;
    const hasRowLabels = s.table.rows.some((r) => r.label);
    for (const row of s.table.rows) {
      const total = cell(s.table.id, row.key, s.total.key);
      sums.push({
        rule: s.total.computed!.rule,
        table,
        total,
        operands: s.operands.map((c) => cell(s.table.id, row.key, c.key)),
        where: hasRowLabels
          ? `${sectionPart(table.section)}“${total.rowLabel}”行`
          : `${sectionPart(table.section)}“${(s.total.groups ?? []).join(" ")}”`,
        operandLabels: s.operands.map((c) => c.label),
        operandsName: "",
        totalLabel: s.total.label,
      });
    }
  }
  for (const s of plan.rowSums) {
    const table = tableOf.get(s.table.id)!;
    const first = s.operands[0];
    const last = s.operands[s.operands.length - 1];
    const from = outlineNumber(first.label);
    const to = [...(last.groups ?? []).slice(1), last.label].map(outlineNumber).find(Boolean) ?? "";
    const heading = s.total.groups?.[0];
    for (const column of s.table.columns) {
      const total = cell(s.table.id, s.total.key, column.key);
      sums.push({
        rule: s.total.computed!.rule,
        table,
        total,
        operands: s.operands.map((r) => cell(s.table.id, r.key, column.key)),
        where: `${sectionPart(table.section)}第“${total.columnLabel}”列`,
        operandLabels: [],
        operandsName: `${heading ? `“${heading}”下` : ""}${from && to ? `${from}至${to}` : ""}各项`,
        totalLabel: s.total.label,
      });
    }
  }

  const balance: BalanceEquation[] = [];
  for (const table of tables) {
    const spec = table.spec.balance;
    if (!spec) continue;
    const [first, second] = spec.left;
    const [third, fourth] = spec.right;
    const resultsTotalLabel = table.spec.rows.find((r) => r.key === third)!.label;
    for (const column of table.spec.columns) {
      const newCell = cell(table.spec.id, first, column.key);
      balance.push({
        rule: spec.rule,
        column: column.key,
        where: `${sectionPart(table.section)}第“${newCell.columnLabel}”列`,
        newCell,
        carriedCell: cell(table.spec.id, second, column.key),
        resultsTotal: cell(table.spec.id, third, column.key),
        resultsTotalLabel,
        carryoverCell: cell(table.spec.id, fourth, column.key),
      });
    }
  }

  const result: ValidationPlan = {
    format,
    cells,
    byId,
    tables,
    sums,
    balance,
    narrativeSections: format.sections.filter((s) => s.kind === "narrative"),
  };
  cache.set(formatId, result);
  return result;
}
