/**
 * The shape of a format description. A format (2021 or 2019) is plain data of these types;
 * the form, the zod schema, the validator, the renderers and the importer all read it,
 * so no label is typed twice anywhere in the project.
 */

export type FormatId = "2021" | "2019";

/** count: non-negative whole number; signedCount: whole number that may be negative (2019 本年增/减); amount: exact decimal (万元). */
export type CellKind = "count" | "signedCount" | "amount";

/** The rule that checks a computed total as printed (an imported report states its own totals). */
export type SumRule = "A2" | "A3" | "A4" | "A5" | "A6";

/**
 * A computed total: a column totals the typed columns since the previous computed column; a row
 * totals the typed rows under the same outermost group heading. The rule id is part of the
 * declaration, so a total cannot exist without the rule that checks it.
 */
export interface ComputedTotal {
  rule: SumRule;
}

/** Per column: the sum of the `left` rows equals the sum of the `right` rows (A1, 一 + 二 = （七）总计 + 四). */
export interface BalanceSpec {
  rule: "A1";
  left: [string, string];
  right: [string, string];
}

/** This year's `row` equals last year's `previousRow`, column by column (X1: 上年结转 = last year's 结转下年度). */
export interface CarryOverSpec {
  rule: "X1";
  row: string;
  previousRow: string;
}

/** A running count that continues last year's: `column` = Σ sign × term (X2 and its 2019 analogue). */
export interface ContinuationSpec {
  rule: "X2";
  column: string;
  terms: { column: string; year: "previous" | "current"; sign: 1 | -1 }[];
}

export interface ColumnSpec {
  /** Stable key, part of the cell id; never shown. */
  key: string;
  /** Exact official label of the leaf column. */
  label: string;
  /** A shorter header for narrow screens (四's 15 columns at 1280 px); the label stays its accessible name. */
  short?: string;
  kind: CellKind;
  /** Spanning headers above this column, outermost first (e.g. ["法人或其他组织"] or ["行政诉讼", "未经复议直接起诉"]). */
  groups?: string[];
  /** The cell is a computed total in every row: never typed. */
  computed?: ComputedTotal;
}

export interface RowSpec {
  key: string;
  /** Exact official label of the row. */
  label: string;
  /** Group headings this row sits under, outermost first (merged cells in the printed table). */
  groups?: string[];
  /** Every cell of the row is a computed total. */
  computed?: ComputedTotal;
}

export interface TableSpec {
  /** Stable id: "20.1", "20.5", "20.6", "20.8", "20.9", "requests", "appeals". */
  id: string;
  /** Caption printed above the table (e.g. 第二十条第（一）项); empty for tables without one. */
  caption: string;
  /** Header of the row-label column (e.g. 信息内容); empty when the table has no row labels. */
  rowHeader: string;
  /** The 勾稽关系 note of 三, printed inside the table's merged top-left corner cell (its first cell). */
  note?: string;
  /** Header above all value columns (申请人情况 in 三). */
  columnsHeader?: string;
  rows: RowSpec[];
  columns: ColumnSpec[];
  /** The table's own balance equation (三's A1). */
  balance?: BalanceSpec;
  /** A row that continues last year's report (三's X1). */
  carryOver?: CarryOverSpec;
  /** Columns that continue last year's counts (二's X2). */
  continuations?: ContinuationSpec[];
}

export type SectionKey = "s1" | "s2" | "s3" | "s4" | "s5" | "s6";

export interface SectionSpec {
  key: SectionKey;
  /** Chinese ordinal: 一 … 六. */
  ordinal: string;
  /** Title without its ordinal: 总体情况. */
  title: string;
  /** narrative: free text; tables: fixed tables (with optional free text above them). */
  kind: "narrative" | "tables";
  tables: TableSpec[];
  /** What the section must cover, shown beside the editor. */
  guidance: string[];
}

export interface FormatSpec {
  id: FormatId;
  /** How the app names the format to a person: `2021 年版格式`. */
  label: string;
  /** The number of the document that issued the format: `国办公开办函〔2021〕30号`. */
  source: string;
  /** The full title of that document, as a preface cites it (with its book-title marks). */
  sourceTitle: string;
  /** Years the format is used for (inclusive; `to` null = open-ended). */
  years: { from: number; to: number | null };
  sections: SectionSpec[];
  /** Whether section 六 must state the information-processing fees (X3). */
  requiresFeeStatement: boolean;
}
