import type { ReportContent, RowValues, TableValues } from "./content";
import { sumDecimals } from "./decimal";
import { parseCellInput } from "./parse-value";
import type { CellKind, ColumnSpec, FormatId, RowSpec } from "./spec-types";
import { sumPlan, type ColumnSum, type RowSum } from "./sums";

/** An operand that does not parse: whatever it is summed into is unknown, so stored as null. */
const INVALID = Symbol("invalid");
type Operand = number | string | null | typeof INVALID;

/**
 * Sum of cells: blanks count as 0 beside at least one number, all blanks give a blank total,
 * and a cell that is not a number makes the total unknown.
 */
function sumOperands(values: readonly Operand[], kind: CellKind): Operand {
  let present = false;
  for (const v of values) {
    if (v === INVALID) return INVALID;
    if (v !== null) present = true;
  }
  if (!present) return null;
  if (kind === "amount")
    return sumDecimals(values.filter((v): v is string | number => v !== null).map(String));
  let total = 0;
  for (const v of values) if (v !== null) total += v as number;
  return total;
}

function operand(row: RowValues | undefined, column: ColumnSpec): Operand {
  const parsed = parseCellInput(row?.[column.key], column.kind);
  return parsed.ok ? parsed.value : INVALID;
}

/** Every computed cell of one table, from its typed cells. */
function totalsOfTable(
  values: TableValues | undefined,
  columnSums: ColumnSum[],
  rowSums: RowSum[],
): TableValues {
  const byColumn = new Map(columnSums.map((s) => [s.total.key, s]));
  const byRow = new Map(rowSums.map((s) => [s.total.key, s]));
  const memo = new Map<string, Operand>();
  const evaluate = (row: RowSpec, column: ColumnSpec): Operand => {
    const key = `${row.key}.${column.key}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const columnSum = byColumn.get(column.key);
    const rowSum = byRow.get(row.key);
    let result: Operand;
    if (columnSum)
      result = sumOperands(
        columnSum.operands.map((c) => evaluate(row, c)),
        column.kind,
      );
    else if (rowSum)
      result = sumOperands(
        rowSum.operands.map((r) => evaluate(r, column)),
        column.kind,
      );
    else result = operand(values?.[row.key], column);
    memo.set(key, result);
    return result;
  };
  const table = (columnSums[0] ?? rowSums[0]).table;
  const out: TableValues = {};
  for (const row of table.rows) {
    const copy: RowValues = { ...values?.[row.key] };
    for (const column of table.columns) {
      if (row.computed || column.computed) {
        const total = evaluate(row, column);
        copy[column.key] = total === INVALID ? null : total;
      }
    }
    out[row.key] = copy;
  }
  return out;
}

/**
 * The given tables with their computed cells filled from their typed cells; tables without computed
 * cells are returned as they are. A save recomputes only the tables it touched this way.
 */
export function computeTableTotals(
  formatId: FormatId,
  tables: Readonly<Record<string, TableValues | undefined>>,
): Record<string, TableValues> {
  const plan = sumPlan(formatId);
  const out: Record<string, TableValues> = {};
  for (const [id, values] of Object.entries(tables)) {
    const columnSums = plan.columnSums.filter((s) => s.table.id === id);
    const rowSums = plan.rowSums.filter((s) => s.table.id === id);
    out[id] =
      columnSums.length || rowSums.length
        ? totalsOfTable(values, columnSums, rowSums)
        : (values ?? {});
  }
  return out;
}

/**
 * A copy of the content with every computed cell (A2–A6 totals) filled from the typed cells.
 * Pure: the input is not changed; tables without computed cells are shared with the input.
 */
export function computeTotals(content: ReportContent): ReportContent {
  const plan = sumPlan(content.format);
  const tableIds = new Set([...plan.columnSums, ...plan.rowSums].map((s) => s.table.id));
  const touched = Object.fromEntries([...tableIds].map((id) => [id, content.tables[id]]));
  return {
    ...content,
    tables: { ...content.tables, ...computeTableTotals(content.format, touched) },
  };
}
