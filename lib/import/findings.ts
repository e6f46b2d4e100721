import { cellId } from "@/lib/report/cells";
import { finding as ruleFinding, type Finding } from "@/lib/report/rules";
import type { FormatId, RowSpec, SectionSpec, TableSpec } from "@/lib/report/spec-types";
import { sectionName, validationPlan } from "@/lib/report/validate/plan";

/**
 * The rules the importer itself reports: the structural ones only a document can break, S4 for a
 * row printed in the other format, and V1/V2 for a cell whose printed unit disagrees with its column.
 * validate() reports the rest (and S2 for tables without numbers).
 */
export type ImportRule = "S1" | "S2" | "S3" | "S4" | "S5" | "V1" | "V2";

export function finding(rule: ImportRule, message: string, cells: string[] = []): Finding {
  return ruleFinding(rule, message, cells);
}

/** How messages name a table, the same way validate() does: `第二部分第二十条第（一）项`, `第三部分“…”`. */
export function tableName(formatId: FormatId, table: TableSpec): string {
  return validationPlan(formatId).tables.find((t) => t.spec.id === table.id)?.name ?? table.caption;
}

export { sectionName };

/** `四、政府信息公开行政复议、行政诉讼情况`: a section heading as the format prints it. */
export function officialHeading(section: SectionSpec): string {
  return `${section.ordinal}、${section.title}`;
}

export function rowCells(table: TableSpec, row: RowSpec): string[] {
  return table.columns.map((c) => cellId(table.id, row.key, c.key));
}

/** The cells a person types (computed totals left out), as validate() lists them for S2. */
export function typedCells(table: TableSpec): string[] {
  return table.rows.flatMap((r) =>
    r.computed
      ? []
      : table.columns.filter((c) => !c.computed).map((c) => cellId(table.id, r.key, c.key)),
  );
}
