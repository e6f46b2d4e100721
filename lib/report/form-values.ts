import { listCells, type CellRef } from "./cells";
import type { CellValue, FeeFacts, ReportContent, ReportMeta } from "./content";
import { computeTotals } from "./compute-totals";
import { formatCellValue, parseCellInput } from "./parse-value";
import { mapFeeFields } from "./fields";
import type { FigureBinding } from "./narrative-bindings";
import type { FormatId, SectionKey } from "./spec-types";

/**
 * The editor's form values: every typed cell as the text in its input. Cell ids contain dots
 * (`20.1.rules.issued`), which form libraries read as paths, so the form keys them by `fieldKey`.
 */
export interface ReportFormValues {
  cells: Record<string, string>;
  narratives: Record<SectionKey, string>;
  preface: string;
  meta: Omit<ReportMeta, "year" | "isPeoplesGovernment" | "issuedDate"> & { issuedDate: string };
  fees: Record<keyof FeeFacts, string>;
  /** Not an input: the bound figures of inserted sentences, kept beside the texts they point into. */
  figureBindings: FigureBinding[];
}

export function fieldKey(cellId: string): string {
  return cellId.replaceAll(".", "__");
}

export function typedCells(format: FormatId): CellRef[] {
  return listCells(format).filter((c) => !c.computed);
}

function text(value: CellValue, kind: "count" | "signedCount" | "amount"): string {
  return formatCellValue(value, kind);
}

export function contentToForm(content: ReportContent): ReportFormValues {
  const cells: Record<string, string> = {};
  for (const cell of typedCells(content.format)) {
    cells[fieldKey(cell.id)] = text(
      content.tables[cell.tableId]?.[cell.rowKey]?.[cell.columnKey] ?? null,
      cell.kind,
    );
  }
  const { year: _year, isPeoplesGovernment: _gov, issuedDate, ...meta } = content.meta;
  return {
    cells,
    narratives: { ...content.narratives },
    preface: content.preface,
    meta: { ...meta, issuedDate: issuedDate ?? "" },
    fees: mapFeeFields((f) => text(content.fees[f.key], f.kind)),
    figureBindings: content.figureBindings ?? [],
  };
}

/** What the user typed, as stored: parsed where it parses, the raw text where it does not (nothing is lost). */
export function parseTyped(
  raw: string | undefined,
  kind: "count" | "signedCount" | "amount",
): CellValue {
  if (raw === undefined) return null;
  const parsed = parseCellInput(raw, kind);
  return parsed.ok ? parsed.value : raw.trim();
}

/** The content the form describes, totals computed; `base` supplies what the form does not edit. */
export function formToContent(base: ReportContent, values: ReportFormValues): ReportContent {
  const tables: ReportContent["tables"] = {};
  for (const [tableId, rows] of Object.entries(base.tables)) {
    tables[tableId] = {};
    for (const [rowKey, row] of Object.entries(rows)) tables[tableId][rowKey] = { ...row };
  }
  for (const cell of typedCells(base.format)) {
    tables[cell.tableId][cell.rowKey][cell.columnKey] = parseTyped(
      values.cells[fieldKey(cell.id)],
      cell.kind,
    );
  }
  const issuedDate = /^\d{4}-\d{2}-\d{2}$/.test(values.meta.issuedDate)
    ? values.meta.issuedDate
    : null;
  // The bindings are the form's: none there means none, whatever the report had when it opened.
  const { figureBindings: _opened, ...rest } = base;
  return computeTotals({
    ...rest,
    preface: values.preface,
    narratives: { ...base.narratives, ...values.narratives },
    meta: { ...base.meta, ...values.meta, issuedDate },
    fees: mapFeeFields((f) => parseTyped(values.fees[f.key], f.kind)),
    tables,
    ...(values.figureBindings?.length ? { figureBindings: values.figureBindings } : {}),
  });
}
