import { getFormat } from "./formats";
import type { CellValue, ReportContent } from "./content";
import { targetId } from "./targets";
import type { CellKind, ColumnSpec, FormatId, RowSpec, SectionKey, TableSpec } from "./spec-types";

/** One cell of a format, with a stable id and the label a person (or a screen reader) reads. */
export interface CellRef {
  /** `${tableId}.${rowKey}.${columnKey}`, e.g. `requests.r3_1.natural`. */
  id: string;
  sectionKey: SectionKey;
  tableId: string;
  rowKey: string;
  columnKey: string;
  kind: CellKind;
  computed: boolean;
  /** e.g. `三、本年度办理结果 （三）不予公开 1.属于国家秘密`, or `第二十条第（一）项 规章`. Empty for 四. */
  rowLabel: string;
  /** e.g. `自然人`, or `行政复议 结果维持` (spanning headers included where the row has no label). */
  columnLabel: string;
  /** `<row label> — <column label>`, or the column label alone for 四. */
  label: string;
}

export function cellId(tableId: string, rowKey: string, columnKey: string): string {
  return targetId.cell(tableId, rowKey, columnKey);
}

export function rowLabelOf(table: TableSpec, row: RowSpec): string {
  return [table.caption, ...(row.groups ?? []), row.label].filter(Boolean).join(" ");
}

export function columnLabelOf(table: TableSpec, column: ColumnSpec): string {
  // Where rows carry labels, the leaf column label is enough to name the cell; 四 has no row labels,
  // so its cells are named by the full header path (行政诉讼 复议后起诉 总计).
  const hasRowLabels = table.rows.some((r) => r.label);
  return hasRowLabels ? column.label : [...(column.groups ?? []), column.label].join(" ");
}

const cache = new Map<FormatId, CellRef[]>();

/** Every cell of the format, in reading order (section, table, row, column). */
export function listCells(formatId: FormatId): CellRef[] {
  const cached = cache.get(formatId);
  if (cached) return cached;
  const cells: CellRef[] = [];
  for (const section of getFormat(formatId).sections) {
    for (const table of section.tables) {
      for (const row of table.rows) {
        const rowLabel = rowLabelOf(table, row);
        for (const column of table.columns) {
          const columnLabel = columnLabelOf(table, column);
          cells.push({
            id: cellId(table.id, row.key, column.key),
            sectionKey: section.key,
            tableId: table.id,
            rowKey: row.key,
            columnKey: column.key,
            kind: column.kind,
            computed: Boolean(row.computed || column.computed),
            rowLabel,
            columnLabel,
            label: rowLabel ? `${rowLabel} — ${columnLabel}` : columnLabel,
          });
        }
      }
    }
  }
  cache.set(formatId, cells);
  return cells;
}

export function cellById(formatId: FormatId, id: string): CellRef | undefined {
  return listCells(formatId).find((c) => c.id === id);
}

export function getCellValue(
  content: ReportContent,
  tableId: string,
  rowKey: string,
  columnKey: string,
): CellValue {
  return content.tables[tableId]?.[rowKey]?.[columnKey] ?? null;
}
