import { emptyTables, type TableValues } from "@/lib/report/content";
import type { Finding } from "@/lib/report/rules";
import { getFormat } from "@/lib/report/formats";
import type { FormatId, RowSpec, TableSpec } from "@/lib/report/spec-types";
import { finding, rowCells, tableName, typedCells } from "./findings";
import { toGrid, type GridCell } from "./grid";
import { labelIndex, matchLabel, type LabelIndex, type LabelKind, type LabelMatch } from "./label-index";
import { isSubsequence, labelKey, printed } from "./text-utils";
import type { DocBlock, TableBlock } from "./types";
import { isBlankText, isValueText, readCell } from "./values";

/**
 * The one matcher: maps the tables of any reader onto the format's tables by their labels.
 * Rows are recognised by their row label wherever they stand (so a table split, merged or
 * reordered by the source still lands in the right cells); captions and headers only tell which
 * table comes next, which matters for 四's single row that has no label of its own.
 */
export interface TableMatch {
  tables: Record<string, TableValues>;
  cellsRead: number;
  findings: Finding[];
}

interface Segment {
  labels: string[];
  /** Value cells after the labels; blanks only where the source is a real grid. */
  values: string[];
  /** Empty cells after the labels in text, where they are left out of `values`: a row printed with blank cells. */
  blanks: number;
}

const ANY_LABEL: readonly LabelKind[] = ["caption", "rowHeader", "note", "columnsHeader", "column", "columnGroup", "row", "rowGroup"];
const ROW_ONLY: readonly LabelKind[] = ["row"];

export function matchTables(blocks: DocBlock[], formatId: FormatId): TableMatch {
  return new Matcher(formatId).run(blocks);
}

/** Table blocks cut into [labels…][values…] segments, row by row. */
function segmentsOf(table: TableBlock): Segment[][] {
  return toGrid(table).map((row) => segmentRow(row, table.positional));
}

function segmentRow(row: GridCell[], positional: boolean): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { labels: [], values: [], blanks: 0 };
  // In a real grid an empty cell among values (or after a label) is an empty value; in text it is padding.
  // Empty cells before anything else are held until it is clear whether values or labels follow.
  let leadingBlanks = 0;
  for (const cell of row) {
    if (cell.covered) continue;
    if (isValueText(cell.text)) {
      if (current.labels.length === 0 && current.values.length === 0) {
        for (; leadingBlanks > 0; leadingBlanks--) current.values.push("");
      }
      current.values.push(cell.text);
    } else if (isBlankText(cell.text)) {
      if (!positional) {
        if (current.labels.length > 0) current.blanks++;
        continue;
      }
      if (current.labels.length > 0 || current.values.length > 0) current.values.push("");
      else leadingBlanks++;
    } else {
      leadingBlanks = 0;
      if (current.values.some((v) => !isBlankText(v))) {
        segments.push(current);
        current = { labels: [], values: [], blanks: 0 };
      } else {
        current.values = [];
      }
      current.blanks = 0;
      current.labels.push(cell.text);
    }
  }
  if (current.labels.length > 0 || current.values.length > 0) segments.push(current);
  return segments;
}

/**
 * Which format the tables are in: the one whose labels the document prints more of, word for word.
 * null when the tables do not tell (no table, or only labels both formats share).
 */
export function detectFormat(blocks: DocBlock[]): FormatId | null {
  const scores = { "2021": 0, "2019": 0 } as Record<FormatId, number>;
  const ids: FormatId[] = ["2021", "2019"];
  for (const block of blocks) {
    if (block.type !== "table") continue;
    for (const row of block.rows) {
      for (const cell of row) {
        const key = labelKey(cell.text);
        if (key === "" || isValueText(cell.text)) continue;
        for (const id of ids) if (labelIndex(id).byKey.has(key)) scores[id]++;
      }
    }
  }
  if (scores["2021"] === scores["2019"]) return null;
  return scores["2021"] > scores["2019"] ? "2021" : "2019";
}

class Matcher {
  private readonly index: LabelIndex;
  private readonly tables: Record<string, TableValues>;
  private readonly findings: Finding[] = [];
  private cellsRead = 0;
  /** The table the rows are currently in, as told by the last caption, header or row. */
  private current: TableSpec | null = null;
  /** The table named by a caption row since the last data row: a 信息内容 header row belongs to it. */
  private captioned: TableSpec | null = null;
  /** Header text of tables whose columns are checked by presence (三, 四), gathered until their first data row. */
  private readonly headerText = new Map<string, string>();
  private readonly headerChecked = new Set<string>();
  /** Column labels printed under 信息内容, waiting for the table they belong to. */
  private pendingHeader: { labels: string[]; table: TableSpec | null } | null = null;
  /** A row whose label stood alone (text layout): an unlabeled run of values right after it is its values. */
  private pendingRow: { table: TableSpec; row: RowSpec } | null = null;
  private readonly filled = new Set<string>();
  /** Rows whose label was printed without any number. */
  private readonly emptyRows = new Set<string>();
  private readonly seen = new Set<string>();

  constructor(private readonly formatId: FormatId) {
    this.index = labelIndex(formatId);
    this.tables = emptyTables(getFormat(formatId));
  }

  run(blocks: DocBlock[]): TableMatch {
    for (const block of blocks) {
      if (block.type !== "table") continue;
      for (const segments of segmentsOf(block)) {
        for (const segment of segments) this.segment(segment);
      }
      this.flushPendingRow();
    }
    this.flushPendingRow();
    this.checkHeaders();
    this.checkCompleteness();
    return { tables: this.tables, cellsRead: this.cellsRead, findings: this.findings };
  }

  private segment(seg: Segment): void {
    const hasValues = seg.values.some((v) => !isBlankText(v));
    if (seg.labels.length === 0) {
      if (hasValues) this.unlabeledValues(seg.values);
      return;
    }
    const last = seg.labels[seg.labels.length - 1];
    const rowMatch = matchLabel(this.index, last, ROW_ONLY, this.current);
    if (hasValues || (rowMatch?.exact && !this.isOtherLabel(last))) {
      if (rowMatch) this.dataRow(seg, rowMatch);
      else this.unknownRow(seg);
      return;
    }
    this.flushPendingRow();
    this.labelRow(seg.labels);
  }

  /** The label is also, word for word, a caption or header (总计 is a column and, numbered, a row). */
  private isOtherLabel(text: string): boolean {
    const m = matchLabel(this.index, text, ANY_LABEL, this.current);
    return Boolean(m && m.exact && m.entry.kind !== "row");
  }

  /** A row of labels only: a caption, a header, a group heading, or text the format does not know. */
  private labelRow(labels: string[]): void {
    for (let i = 0; i < labels.length; i++) {
      const text = labels[i];
      const m = matchLabel(this.index, text, ANY_LABEL, this.current);
      if (!m) {
        this.addHeaderText(text);
        continue;
      }
      const { entry } = m;
      switch (entry.kind) {
        case "caption":
          this.current = entry.table;
          this.captioned = entry.table;
          this.pendingHeader = null;
          this.seen.add(entry.table.id);
          if (!m.exact) this.labelDiffers("表题", text, entry.label, entry.table, typedCells(entry.table));
          break;
        case "rowHeader": {
          const table = this.captioned;
          this.pendingHeader = { labels: labels.slice(i + 1), table };
          if (table) this.checkColumnHeader(table);
          return;
        }
        case "row":
        case "rowGroup":
          this.current = entry.table;
          this.seen.add(entry.table.id);
          if (!m.exact && entry.kind === "rowGroup") this.labelDiffers("行标题", text, entry.label, entry.table, []);
          if (entry.kind === "row" && entry.row && m.exact) this.pendingRow = { table: entry.table, row: entry.row };
          break;
        default:
          // note, columnsHeader, column, columnGroup: the header of 三 or 四.
          this.current = entry.table;
          this.seen.add(entry.table.id);
          this.addHeaderText(text);
      }
    }
  }

  private addHeaderText(text: string): void {
    if (!this.current || this.headerChecked.has(this.current.id)) return;
    this.headerText.set(this.current.id, (this.headerText.get(this.current.id) ?? "") + labelKey(text));
  }

  private dataRow(seg: Segment, match: LabelMatch): void {
    this.flushPendingRow();
    const { table, row } = match.entry as { table: TableSpec; row: RowSpec };
    this.current = table;
    this.seen.add(table.id);
    if (this.pendingHeader) {
      if (!this.pendingHeader.table) this.pendingHeader.table = table;
      this.checkColumnHeader(this.pendingHeader.table);
    }
    this.captioned = null;
    this.checkPresenceHeader(table);
    const label = seg.labels[seg.labels.length - 1];
    if (!match.exact) this.labelDiffers("行标签", label, row.label, table, rowCells(table, row));
    this.checkGroupLabels(seg.labels.slice(0, -1), table);
    const values = seg.values;
    if (values.length === 0) {
      // Printed with empty cells: a row left blank (null values). A label alone: its values may follow.
      if (seg.blanks > 0) this.filled.add(rowId(table, row));
      else this.pendingRow = { table, row };
      return;
    }
    this.fillRow(table, row, values, label);
  }

  /** Values with no label: 四's one row, or the values of a row whose label stood alone. */
  private unlabeledValues(values: string[]): void {
    if (this.pendingRow) {
      const { table, row } = this.pendingRow;
      this.pendingRow = null;
      this.fillRow(table, row, values, row.label);
      return;
    }
    const count = values.filter((v) => !isBlankText(v)).length;
    const unlabeled = (t: TableSpec) => t.rows.length === 1 && t.rows[0].label === "";
    let table = this.current && unlabeled(this.current) && !this.filled.has(rowId(this.current, this.current.rows[0]))
      ? this.current
      : null;
    table ??= Object.values(this.tablesSpec()).find(
      (t) => unlabeled(t) && t.columns.length === count && !this.filled.has(rowId(t, t.rows[0])),
    ) ?? null;
    if (!table) {
      this.findings.push(finding("S3", `表格中有一行数字（${values.map(printed).join("、")}）无法对应到规定的任何一行，未读入`));
      return;
    }
    this.current = table;
    this.seen.add(table.id);
    this.checkPresenceHeader(table);
    this.fillRow(table, table.rows[0], values, "");
  }

  private unknownRow(seg: Segment): void {
    this.flushPendingRow();
    const label = seg.labels.map(printed).join(" ");
    const count = seg.values.filter((v) => !isBlankText(v)).length;
    this.findings.push(
      finding("S3", `表格行“${label}”与规定格式的任何一行都对应不上，其中的${count}个数未读入`),
    );
  }

  private fillRow(table: TableSpec, row: RowSpec, rawValues: string[], printedLabel: string): void {
    const id = rowId(table, row);
    const name = this.rowName(table, row);
    if (this.filled.has(id)) {
      this.findings.push(finding("S3", `${name}在表格中重复出现（“${printed(printedLabel)}”），只读入第一次出现的数字`, rowCells(table, row)));
      return;
    }
    this.filled.add(id);
    const expected = table.columns.length;
    const values = [...rawValues];
    // Blank cells at either end beyond the expected count are grid padding, not values.
    while (values.length > expected && isBlankText(values[values.length - 1])) values.pop();
    while (values.length > expected && isBlankText(values[0])) values.shift();
    if (values.length !== expected) {
      const how = values.length > expected
        ? `已按顺序读入前${expected}个，多出的${values.slice(expected).map(printed).join("、")}未读入`
        : `已按顺序读入前${values.length}列，其余${expected - values.length}列留空`;
      this.findings.push(
        finding("S5", `${name}有${values.length}个单元格，应为${expected}个（${table.columns.map((c) => c.label).join("、")}）；${how}`, rowCells(table, row)),
      );
    }
    const target = this.tables[table.id][row.key];
    table.columns.forEach((column, i) => {
      if (i >= values.length) return;
      const value = readCell(values[i], column.kind);
      target[column.key] = value;
      if (value !== null) this.cellsRead++;
    });
  }

  /** A row label that stood alone and got no values: reported at the end unless the row turns up again with numbers. */
  private flushPendingRow(): void {
    if (!this.pendingRow) return;
    const { table, row } = this.pendingRow;
    this.pendingRow = null;
    this.emptyRows.add(rowId(table, row));
  }

  /** Column labels printed under 信息内容 compared one by one with the table's. */
  private checkColumnHeader(table: TableSpec): void {
    const pending = this.pendingHeader;
    this.pendingHeader = null;
    if (!pending || this.headerChecked.has(table.id)) return;
    this.headerChecked.add(table.id);
    const labels = pending.labels.filter((l) => !isBlankText(l));
    table.columns.forEach((column, i) => {
      const text = labels[i];
      if (text === undefined) return;
      if (labelKey(text) !== labelKey(column.label)) {
        this.labelDiffers("列标签", text, column.label, table, table.rows.map((r) => `${table.id}.${r.key}.${column.key}`));
      }
    });
    if (labels.length !== table.columns.length) {
      this.findings.push(
        finding("S3", `${tableName(this.formatId, table)}的表头有${labels.length}列（${labels.map(printed).join("、")}），规定为${table.columns.length}列（${table.columns.map((c) => c.label).join("、")}）`),
      );
    }
  }

  /** 三 and 四 print their column labels over several header rows, often broken; check each appears. */
  private checkPresenceHeader(table: TableSpec): void {
    if (table.rowHeader || this.headerChecked.has(table.id)) return;
    this.headerChecked.add(table.id);
    const text = this.headerText.get(table.id) ?? "";
    const labels = new Set<string>();
    if (table.columnsHeader) labels.add(table.columnsHeader);
    for (const c of table.columns) {
      for (const g of c.groups ?? []) labels.add(g);
      labels.add(c.label);
    }
    const missing = [...labels].filter((l) => !isSubsequence(labelKey(l), text));
    if (missing.length === 0) return;
    this.findings.push(
      finding("S3", text === ""
        ? `${tableName(this.formatId, table)}的表格没有表头（规定的列为${missing.map((l) => `“${l}”`).join("、")}）`
        : `${tableName(this.formatId, table)}的表头中没有规定的列标签${missing.map((l) => `“${l}”`).join("、")}`),
    );
  }

  private checkGroupLabels(labels: string[], table: TableSpec): void {
    for (const text of labels) {
      const m = matchLabel(this.index, text, ["rowGroup"], table);
      if (m && !m.exact && m.entry.table === table) this.labelDiffers("行标题", text, m.entry.label, table, []);
    }
  }

  private checkHeaders(): void {
    for (const table of Object.values(this.tablesSpec())) {
      if (this.seen.has(table.id) && this.filledRows(table) > 0) this.checkPresenceHeader(table);
    }
  }

  /** S2 for a table the document does not have; S5 for rows missing from a table it has. */
  private checkCompleteness(): void {
    const format = getFormat(this.formatId);
    for (const section of format.sections) {
      for (const table of section.tables) {
        const name = tableName(this.formatId, table);
        if (this.filledRows(table) === 0) {
          // A table that is there but has no numbers is validate()'s S2; a missing one only the document shows.
          if (!this.seen.has(table.id)) this.findings.push(finding("S2", `缺少${name}的表格`, typedCells(table)));
          continue;
        }
        for (const row of table.rows) {
          const id = rowId(table, row);
          if (this.filled.has(id)) continue;
          const expected = `${table.columns.length}个数（${table.columns.map((c) => c.label).join("、")}）`;
          this.findings.push(
            this.emptyRows.has(id)
              ? finding("S5", `${this.rowName(table, row)}没有数字，应有${expected}`, rowCells(table, row))
              : finding("S5", `${name}的表格缺少“${row.label}”行（应有${table.columns.length}个数）`, rowCells(table, row)),
          );
        }
      }
    }
  }

  private filledRows(table: TableSpec): number {
    return table.rows.filter((r) => this.filled.has(rowId(table, r))).length;
  }

  private labelDiffers(what: string, printedText: string, official: string, table: TableSpec, cells: string[]): void {
    this.findings.push(
      finding("S3", `${tableName(this.formatId, table)}：${what}“${printed(printedText)}”与规定的“${official}”不一致`, cells),
    );
  }

  private rowName(table: TableSpec, row: RowSpec): string {
    return row.label ? `${tableName(this.formatId, table)}“${row.label}”行` : `${tableName(this.formatId, table)}的数字行`;
  }

  private tablesSpec(): TableSpec[] {
    return getFormat(this.formatId).sections.flatMap((s) => s.tables);
  }
}

function rowId(table: TableSpec, row: RowSpec): string {
  return `${table.id}.${row.key}`;
}

