import { computeTotals } from "./compute-totals";
import type { ReportContent } from "./content";
import { FORMATS } from "./formats";
import { toNumberOrNull } from "./parse-value";
import type { FormatId, FormatSpec, RowSpec, SectionKey, TableSpec } from "./spec-types";
import { parseTarget } from "./targets";

/**
 * The figures a district compares across years, read from either format. Each figure is declared
 * by the ids of the spec's tables, rows and columns; its cells and its label come from the spec,
 * so a renamed row or a new sub-row changes the chart without an edit here. Totals are computed
 * from the typed cells first, as everywhere else. A figure is null when all its cells are blank.
 */
export interface KeyFigure {
  key: string;
  label: string;
  /** The cells summed (`table.row.column`), per format. */
  cells: Record<FormatId, string[]>;
}

export interface FigureGroup {
  id: "active" | "requests" | "appeals";
  title: string;
  unit: string;
  figures: KeyFigure[];
}

/** Where a figure's cells are in a format; column keys may differ between formats (制发 / 新制作). */
interface FigureSource {
  key: string;
  table: string;
  /** Row keys, or a row-key family: `r3` takes `r3` itself or every `r3_n` row. */
  rows: string[] | { family: string };
  /** Column key, per format when they differ. */
  column: string | Record<FormatId, string>;
  /** How the label is made: the rows' labels, the family's heading, or the column's headings. */
  labelFrom: "rows" | "family" | "columnGroups";
}

interface GroupSource {
  id: FigureGroup["id"];
  section: SectionKey;
  figures: FigureSource[];
}

const requestRow = (key: string, row: string): FigureSource => ({
  key,
  table: "requests",
  rows: [row],
  column: "total",
  labelFrom: "rows",
});
const requestFamily = (key: string, family: string): FigureSource => ({
  key,
  table: "requests",
  rows: { family },
  column: "total",
  labelFrom: "family",
});
const appeal = (key: string, column: string): FigureSource => ({
  key,
  table: "appeals",
  rows: ["row"],
  column,
  labelFrom: "columnGroups",
});
const decisions = (key: string, table: string, row: string): FigureSource => ({
  key,
  table,
  rows: [row],
  column: "decisions",
  labelFrom: "rows",
});

const SOURCES: GroupSource[] = [
  {
    id: "active",
    section: "s2",
    figures: [
      {
        key: "regulations",
        table: "20.1",
        rows: ["rules", "normative"],
        column: { "2021": "issued", "2019": "made" },
        labelFrom: "rows",
      },
      decisions("licensing", "20.5", "licensing"),
      decisions("penalty", "20.6", "penalty"),
      decisions("coercion", "20.6", "coercion"),
    ],
  },
  {
    id: "requests",
    section: "s3",
    figures: [
      requestRow("received", "new"),
      requestRow("disclosed", "r1"),
      requestRow("partial", "r2"),
      requestFamily("withheld", "r3"),
      requestFamily("unavailable", "r4"),
      requestFamily("notProcessed", "r5"),
      requestFamily("otherProcessing", "r6"),
    ],
  },
  {
    id: "appeals",
    section: "s4",
    figures: [
      appeal("reconsideration", "rc_total"),
      appeal("litigationDirect", "ld_total"),
      appeal("litigationAfter", "la_total"),
    ],
  },
];

/** The format whose wording names the figures: the one in force now. */
const NAMING_FORMAT: FormatId = "2021";

export const FIGURE_GROUPS: FigureGroup[] = SOURCES.map((group) => {
  const naming = FORMATS[NAMING_FORMAT];
  return {
    id: group.id,
    title: sectionTitle(naming, group.section),
    unit: "件",
    figures: group.figures.map((source) => ({
      key: source.key,
      label: figureLabel(naming, source),
      cells: {
        "2021": figureCells(FORMATS["2021"], source),
        "2019": figureCells(FORMATS["2019"], source),
      },
    })),
  };
});

/** Every key figure of the report, by figure key. */
export function keyFigures(content: ReportContent): Record<string, number | null> {
  const totals = computeTotals(content);
  const out: Record<string, number | null> = {};
  for (const group of FIGURE_GROUPS) {
    for (const figure of group.figures) {
      let sum: number | null = null;
      for (const id of figure.cells[content.format]) {
        const value = cellValue(totals, id);
        if (value !== null) sum = (sum ?? 0) + value;
      }
      out[figure.key] = sum;
    }
  }
  return out;
}

function tableOf(format: FormatSpec, tableId: string): TableSpec {
  for (const section of format.sections) {
    const table = section.tables.find((t) => t.id === tableId);
    if (table) return table;
  }
  throw new Error(`格式 ${format.id} 没有表格 ${tableId}`);
}

function sourceRows(table: TableSpec, source: FigureSource): RowSpec[] {
  const { rows: wanted } = source;
  const rows = Array.isArray(wanted)
    ? wanted.map((key) => table.rows.find((r) => r.key === key))
    : table.rows.filter(
        (r) => !r.computed && (r.key === wanted.family || r.key.startsWith(`${wanted.family}_`)),
      );
  if (rows.length === 0 || rows.some((r) => !r)) {
    throw new Error(`格式中找不到 ${source.key} 的行`);
  }
  return rows as RowSpec[];
}

function columnKey(format: FormatSpec, source: FigureSource): string {
  return typeof source.column === "string" ? source.column : source.column[format.id];
}

function figureCells(format: FormatSpec, source: FigureSource): string[] {
  const table = tableOf(format, source.table);
  const column = columnKey(format, source);
  return sourceRows(table, source).map((row) => `${table.id}.${row.key}.${column}`);
}

/** A spec label without its ordinal (`（三）不予公开` → `不予公开`) or its bracketed remark. */
function plainLabel(label: string): string {
  return label
    .replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/u, "")
    .replace(/（[^（）]*）$/u, "");
}

function figureLabel(format: FormatSpec, source: FigureSource): string {
  const table = tableOf(format, source.table);
  const rows = sourceRows(table, source);
  const column = table.columns.find((c) => c.key === columnKey(format, source));
  if (!column) throw new Error(`格式中找不到 ${source.key} 的列`);
  switch (source.labelFrom) {
    case "rows": {
      const names = rows.map((r) => plainLabel(r.label)).join("和");
      // 三's rows are read in its 总计 column; 二's tables count several things per row (制发, 废止…).
      return table.id === "requests" ? names : `${names}（${column.label}）`;
    }
    case "family": {
      const first = rows[0];
      const heading =
        rows.length === 1 && !first.groups?.length ? first.label : first.groups!.at(-1)!;
      return plainLabel(heading);
    }
    case "columnGroups": {
      const [outer, ...inner] = column.groups ?? [];
      return inner.length ? `${outer}（${inner.join("，")}）` : (outer ?? column.label);
    }
  }
}

function sectionTitle(format: FormatSpec, key: SectionKey): string {
  const section = format.sections.find((s) => s.key === key);
  if (!section) throw new Error(`格式 ${format.id} 没有第 ${key} 部分`);
  return section.title;
}

/** A count cell by id. */
function cellValue(content: ReportContent, id: string): number | null {
  const target = parseTarget(id);
  if (target?.kind !== "cell") return null;
  return toNumberOrNull(
    content.tables[target.tableId]?.[target.rowKey]?.[target.columnKey] ?? null,
    "count",
  );
}
