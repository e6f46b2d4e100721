import { cellId } from "@/lib/report/cells";
import {
  emptyTables,
  type CellValue,
  type ReportContent,
  type TableValues,
} from "@/lib/report/content";
import type { Finding } from "@/lib/report/rules";
import { FORMATS, getFormat } from "@/lib/report/formats";
import type { ColumnSpec, FormatId, RowSpec, TableSpec } from "@/lib/report/spec-types";
import { validationPlan } from "@/lib/report/validate/plan";
import { finding, rowCells, tableName, typedCells } from "./findings";
import { toGrid, type GridCell } from "./grid";
import {
  labelIndex,
  matchLabel,
  type LabelEntry,
  type LabelIndex,
  type LabelKind,
  type LabelMatch,
} from "./label-index";
import { mayHoldSeveral, resolveGluedRows, type GluedTableRow } from "./resolve-glued-rows";
import { isSubsequence, labelKey, printed, stripArtifacts } from "./text-utils";
import type { DocBlock, TableBlock } from "./types";
import { figureWithUnit, isBlankText, isValueText, readCell, readFigureWithUnit } from "./values";

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
  /** Indices of paragraph blocks read as table rows (a row printed as a line: `规章1012`). */
  paragraphRows: Set<number>;
}

interface Segment {
  labels: string[];
  /** Value cells after the labels; blanks only where the source is a real grid. */
  values: string[];
  /** Empty cells after the labels in text, where they are left out of `values`: a row printed with blank cells. */
  blanks: number;
}

/** The longest line of text taken for a table row (三's longest label with seven figures fits easily). */
const MAX_PARAGRAPH_ROW = 160;

const ANY_LABEL: readonly LabelKind[] = [
  "caption",
  "rowHeader",
  "note",
  "columnsHeader",
  "column",
  "columnGroup",
  "row",
  "rowGroup",
];
const ROW_ONLY: readonly LabelKind[] = ["row"];

export interface MatchOptions {
  /** Last year's report: its counts (X2) help cut figures that ran together. */
  previous?: ReportContent;
}

export function matchTables(
  blocks: DocBlock[],
  formatId: FormatId,
  options: MatchOptions = {},
): TableMatch {
  return new Matcher(formatId, options).run(blocks);
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
  /** Rows printed with fewer figures than cells where figures may have run together, by table id. */
  private readonly glued = new Map<string, GluedTableRow[]>();
  /** Rows read with a cell too few or too many: their cells may be shifted. */
  private readonly unreliable = new Set<string>();
  /**
   * The rows being read come from text where a blank cell leaves no trace (figures apart by spaces,
   * not in a grid): a row with fewer figures than cells may hold blanks anywhere.
   */
  private traceless = false;
  /** The table was rebuilt from a text layout (see TableBlock.blanksUnplaced). */
  private blanksUnplaced = false;
  /** Group headings printed with a row of figures, decided at the end (applyGroupRows). */
  private readonly groupRows: {
    label: string;
    printedLabel: string;
    table: TableSpec;
    rows: RowSpec[];
    values: string[];
  }[] = [];
  /** Rows of the other format that one of ours stands for (2021's three （六） rows in a 2019 table), by our row. */
  private readonly splitRows = new Map<
    string,
    {
      table: TableSpec;
      row: RowSpec;
      source: string;
      labels: string[];
      printed: Map<string, string[]>;
    }
  >();

  constructor(
    private readonly formatId: FormatId,
    private readonly options: MatchOptions = {},
  ) {
    this.index = labelIndex(formatId);
    this.tables = emptyTables(getFormat(formatId));
  }

  run(blocks: DocBlock[]): TableMatch {
    const paragraphRows = new Set<number>();
    blocks.forEach((block, index) => {
      if (block.type === "paragraph") {
        this.traceless = true;
        this.blanksUnplaced = false;
        if (this.paragraphRow(block.text)) paragraphRows.add(index);
        return;
      }
      this.traceless = !block.positional || block.blanksUnplaced === true;
      this.blanksUnplaced = block.blanksUnplaced === true;
      for (const segments of segmentsOf(block)) {
        for (const segment of segments) this.segment(segment);
      }
      this.flushPendingRow();
    });
    this.flushPendingRow();
    this.applyGroupRows();
    this.sumSplitRows();
    this.resolveGlued();
    this.checkHeaders();
    this.checkCompleteness();
    return {
      tables: this.tables,
      cellsRead: this.cellsRead,
      findings: this.findings,
      paragraphRows,
    };
  }

  /**
   * A table row that a reader left as a line of text, as copying a PDF gives (`规章1012`,
   * `三、本年度办理结果 （一）予以公开03142010`, or 四's figures alone under its header): read when the
   * words before the figures are, word for word, a row's label (with its group headings), or when
   * bare figures follow the header of 四, whose row has no label.
   */
  private paragraphRow(text: string): boolean {
    const t = stripArtifacts(text).normalize("NFKC").trim();
    if (t === "" || t.length > MAX_PARAGRAPH_ROW) return false;
    if (/^\d[\d\s]*$/.test(t)) {
      // A year or a page number alone is not 四's row: at least two figures, or five digits run together.
      if (!/\s/.test(t) && t.length < 5) return false;
      const table = this.current;
      if (
        !table ||
        table.rows.length !== 1 ||
        table.rows[0].label !== "" ||
        this.filled.has(rowId(table, table.rows[0]))
      )
        return false;
      this.segment({ labels: [], values: t.split(/\s+/), blanks: 0 });
      return true;
    }
    // Figures may carry a minus sign (2019's 增/减) and the last one a unit (`行政许可251387件`).
    const m = /^(.*?[^\d\s.,-])[\s]*(-?\d(?:[\d\s.,]|-(?=\d))*)(件|个|项|条|万元|元)?$/u.exec(t);
    if (!m) return false;
    const unit = m[3] ?? "";
    const words = m[1].trim().split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      const label = words.slice(i).join("");
      if (this.exactEntries(label, "row").length === 0) continue;
      // Only group headings may stand before the row's label.
      if (!words.slice(0, i).every((w) => this.exactEntries(w, "rowGroup").length > 0))
        return false;
      // A label glued to its figures (no space between) is split and noted by unglueLabel.
      const glued = !/\s$/.test(m[1]) && !/^\s/.test(t.slice(m[1].length));
      const values = m[2].trim().split(/\s+/);
      values[values.length - 1] += unit;
      this.segment(
        glued
          ? { labels: [...words.slice(0, i), label + m[2].trim() + unit], values: [], blanks: 0 }
          : { labels: [...words.slice(0, i), label], values, blanks: 0 },
      );
      this.flushPendingRow();
      return true;
    }
    return false;
  }

  private segment(seg: Segment): void {
    const hasValues = seg.values.some((v) => !isBlankText(v));
    if (seg.labels.length === 0) {
      if (hasValues) this.unlabeledValues(seg.values);
      return;
    }
    const unglued = this.unglueLabel(seg);
    if (unglued) {
      this.segment(unglued);
      return;
    }
    const last = seg.labels[seg.labels.length - 1];
    const rowMatch = matchLabel(this.index, last, ROW_ONLY, this.current);
    if (hasValues && !rowMatch?.exact && (this.groupRow(seg) || this.otherFormatSubRow(seg)))
      return;
    if (hasValues || (rowMatch?.exact && !this.isOtherLabel(last))) {
      if (rowMatch) this.dataRow(seg, rowMatch);
      else this.unknownRow(seg);
      return;
    }
    this.flushPendingRow();
    this.labelRow(seg.labels);
  }

  /**
   * A row label with its figures glued on (`行政规范性文件693665`, `行政许可 37438`): labels never end
   * in digits, so the digits are figures; they are split off when what is left is a row's label. A
   * minus sign starts a figure (2019's 增/减: `行政许可0-30`), and a unit may follow the last one
   * (`行政许可251387件`, read with its note like any figure with a unit).
   */
  private unglueLabel(seg: Segment): Segment | null {
    const last = seg.labels[seg.labels.length - 1];
    const m =
      /^(.*[^\d\s.．,，\-])[\s\u3000]*(-?\d(?:[\d\s\u3000]|[.-](?=\d))*)(件|个|项|条|万元|元)?$/u.exec(
        last.normalize("NFKC").trim(),
      );
    if (!m || !/\p{Script=Han}/u.test(m[1])) return null;
    if (this.exactEntries(last, "row").length > 0) return null;
    const rowMatch = matchLabel(this.index, m[1], ROW_ONLY, this.current);
    if (!rowMatch) return null;
    const figures = m[2]
      .trim()
      .split(/[\s\u3000]+/)
      .flatMap((f) => f.split(/(?=-)/));
    if (m[3]) figures[figures.length - 1] += m[3];
    this.findings.push(
      finding(
        "S3",
        `${tableName(this.formatId, rowMatch.entry.table)}：行标签与数字连在一起（“${printed(last)}”），已分开读为“${printed(m[1])}”和${figures.map((f) => `“${f}”`).join("、")}`,
        rowMatch.entry.row ? rowCells(rowMatch.entry.table, rowMatch.entry.row) : [],
      ),
    );
    return {
      labels: [...seg.labels.slice(0, -1), m[1]],
      values: [...figures, ...seg.values],
      blanks: seg.blanks,
    };
  }

  /**
   * A group heading printed as one row of figures (`（六）其他处理` with seven numbers, as the 2019
   * format prints it, in a 2021-format table): the rows under it cannot be told apart from their sum,
   * so they stay blank — except where the printed figure is 0, which makes every row under it 0
   * (counts are never negative). Every other row stays where it is.
   */
  private groupRow(seg: Segment): boolean {
    const last = seg.labels[seg.labels.length - 1];
    const entries = this.exactEntries(last, "rowGroup");
    const entry = entries.find((e) => e.table === this.current) ?? entries[0];
    if (!entry) return false;
    const table = entry.table;
    const rows = table.rows.filter((r) => r.groups?.includes(entry.label) && !r.computed);
    if (rows.length === 0) return false;
    this.flushPendingRow();
    this.current = table;
    this.seen.add(table.id);
    this.checkPresenceHeader(table);
    const values = seg.values.filter(
      (v, i) =>
        !(
          isBlankText(v) &&
          (i === 0 || i === seg.values.length - 1) &&
          seg.values.length > table.columns.length
        ),
    );
    // Decided once the table is read: the rows under the heading may still turn up with their own labels.
    this.groupRows.push({ label: entry.label, printedLabel: last, table, rows, values });
    return true;
  }

  /** Group headings printed with figures (groupRow), now that it is known which rows under them were printed. */
  private applyGroupRows(): void {
    for (const { label, printedLabel, table, rows, values } of this.groupRows) {
      const figures = values.map(printed).join("、");
      const place = `${tableName(this.formatId, table)}“${label}”`;
      if (rows.some((r) => this.filled.has(rowId(table, r)))) {
        // Its rows are printed too: the figures beside the heading belong to none of them for certain.
        this.findings.push(
          finding(
            "S3",
            `${place}这一标题行印有数字（${figures}），其下各行另有印出，无法确定这些数字属于哪一行，未读入`,
          ),
        );
        continue;
      }
      this.applyGroupRow(label, printedLabel, table, rows, values, place, figures);
    }
  }

  private applyGroupRow(
    label: string,
    printedLabel: string,
    table: TableSpec,
    rows: RowSpec[],
    values: string[],
    place: string,
    figures: string,
  ): void {
    const list = rows.map((r) => `“${r.label}”`).join("");
    const cells = rows.flatMap((r) => rowCells(table, r));
    const otherFormat = Object.values(FORMATS).find(
      (f) =>
        f.id !== this.formatId &&
        f.sections.some((s) =>
          s.tables.some((t) => t.rows.some((r) => labelKey(r.label) === labelKey(printedLabel))),
        ),
    );
    const how = otherFormat
      ? `按${otherFormat.source}规定的格式印为一行数字（${figures}），本报告的格式应分为${rows.length}行${list}`
      : `印为一行数字（${figures}），规定应分为${rows.length}行${list}`;
    for (const r of rows) this.filled.add(rowId(table, r));
    if (values.length !== table.columns.length) {
      this.findings.push(
        finding(
          otherFormat ? "S4" : "S5",
          `${place}${how}；该行有${values.length}个数，应为${table.columns.length}个，各行留空`,
          cells,
        ),
      );
      return;
    }
    const zeroColumns: string[] = [];
    table.columns.forEach((column, i) => {
      const value = readCell(values[i], column.kind);
      if (value !== 0) return;
      zeroColumns.push(column.label);
      for (const r of rows) {
        this.tables[table.id][r.key][column.key] = 0;
        this.cellsRead++;
      }
    });
    const kept =
      zeroColumns.length === table.columns.length
        ? `；合计为0，${rows.length}行均读为0`
        : zeroColumns.length > 0
          ? `；无法从合计分出各行，${zeroColumns.map((c) => `“${c}”`).join("")}列合计为0，各行读为0，其余列留空`
          : "；无法从合计分出各行，已留空";
    this.findings.push(finding(otherFormat ? "S4" : "S5", `${place}${how}${kept}`, cells));
  }

  /**
   * A row the other format splits out of one of ours (2021's three rows under （六）其他处理 in a
   * 2019-format table, whose （六）其他处理 is one row): gathered, and summed into our row once the
   * table is read — a sum is exact, so it is read only when every one of them is there in full.
   */
  private otherFormatSubRow(seg: Segment): boolean {
    const key = labelKey(seg.labels[seg.labels.length - 1]);
    for (const other of Object.values(FORMATS)) {
      if (other.id === this.formatId) continue;
      for (const table of other.sections.flatMap((s) => s.tables)) {
        const row = table.rows.find(
          (r) => labelKey(r.label) === key && (r.groups?.length ?? 0) > 0,
        );
        const parent = row?.groups?.[row.groups.length - 1];
        if (!row || !parent) continue;
        const target = this.exactEntries(parent, "row").find((e) => e.table.id === table.id);
        if (!target?.row) return false;
        const parts = this.splitRows.get(rowId(target.table, target.row)) ?? {
          table: target.table,
          row: target.row,
          source: other.source,
          labels: table.rows.filter((r) => r.groups?.includes(parent)).map((r) => r.label),
          printed: new Map<string, string[]>(),
        };
        parts.printed.set(
          row.label,
          seg.values.filter((v) => !isBlankText(v)),
        );
        this.splitRows.set(rowId(target.table, target.row), parts);
        this.current = target.table;
        this.seen.add(target.table.id);
        return true;
      }
    }
    return false;
  }

  /** The other format's rows gathered by otherFormatSubRow, summed into our row (or left blank, with the reason). */
  private sumSplitRows(): void {
    for (const parts of this.splitRows.values()) {
      const { table, row } = parts;
      if (this.filled.has(rowId(table, row))) continue;
      this.filled.add(rowId(table, row));
      const place = `${tableName(this.formatId, table)}“${row.label}”`;
      const how = `按${parts.source}规定的格式分为${parts.labels.length}行${parts.labels.map((l) => `“${l}”`).join("")}`;
      const numbers = parts.labels.map((label) =>
        (parts.printed.get(label) ?? []).map((v) => readCell(v, "count")),
      );
      const complete = numbers.every(
        (values) =>
          values.length === table.columns.length && values.every((v) => typeof v === "number"),
      );
      if (!complete) {
        this.findings.push(
          finding(
            "S4",
            `${place}${how}印出，其中有的行缺少或数字不全，无法合计，该行留空`,
            rowCells(table, row),
          ),
        );
        continue;
      }
      table.columns.forEach((column, c) => {
        this.tables[table.id][row.key][column.key] = numbers.reduce(
          (sum, values) => sum + (values[c] as number),
          0,
        );
        this.cellsRead++;
      });
      this.findings.push(
        finding(
          "S4",
          `${place}${how}印出，已将这${parts.labels.length}行逐列相加读入本行`,
          rowCells(table, row),
        ),
      );
    }
  }

  /** Entries of one kind whose label is this text word for word (width, punctuation and spacing aside). */
  private exactEntries(text: string, kind: LabelKind): LabelEntry[] {
    return (this.index.byKey.get(labelKey(text)) ?? []).filter((e) => e.kind === kind);
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
          if (!m.exact)
            this.labelDiffers("表题", text, entry.label, entry.table, typedCells(entry.table));
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
          if (!m.exact && entry.kind === "rowGroup")
            this.labelDiffers("行标题", text, entry.label, entry.table, []);
          if (entry.kind === "row" && entry.row && m.exact)
            this.pendingRow = { table: entry.table, row: entry.row };
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
    this.headerText.set(
      this.current.id,
      (this.headerText.get(this.current.id) ?? "") + labelKey(text),
    );
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
    let table =
      this.current &&
      unlabeled(this.current) &&
      !this.filled.has(rowId(this.current, this.current.rows[0]))
        ? this.current
        : null;
    // Fewer figures than cells, some of which may have run together: the solver decides, or says it cannot.
    const glued = values.some(mayHoldSeveral);
    table ??=
      Object.values(this.tablesSpec()).find(
        (t) =>
          unlabeled(t) &&
          (t.columns.length === count || (glued && count < t.columns.length)) &&
          !this.filled.has(rowId(t, t.rows[0])),
      ) ?? null;
    if (!table) {
      this.findings.push(
        finding(
          "S3",
          `表格中有一行数字（${values.map(printed).join("、")}）无法对应到规定的任何一行，未读入`,
        ),
      );
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
    // 四's one row has no label, yet some reports give it one (`数量`, `件数`): its fifteen figures, under its header, are still 四's.
    const unlabeled = this.tablesSpec().find(
      (t) => t.rows.length === 1 && t.rows[0].label === "" && !this.filled.has(rowId(t, t.rows[0])),
    );
    if (unlabeled && (count === unlabeled.columns.length || this.current === unlabeled)) {
      this.findings.push(
        finding(
          "S3",
          `${tableName(this.formatId, unlabeled)}的数字行印有行标签“${label}”，规定的表格该行没有标签；已按该表读入`,
          rowCells(unlabeled, unlabeled.rows[0]),
        ),
      );
      this.unlabeledValues(seg.values);
      return;
    }
    this.findings.push(
      finding("S3", `表格行“${label}”与规定格式的任何一行都对应不上，其中的${count}个数未读入`),
    );
  }

  private fillRow(table: TableSpec, row: RowSpec, rawValues: string[], printedLabel: string): void {
    const id = rowId(table, row);
    const name = this.rowName(table, row);
    if (this.filled.has(id)) {
      this.findings.push(
        finding(
          "S3",
          `${name}在表格中重复出现（“${printed(printedLabel)}”），只读入第一次出现的数字`,
          rowCells(table, row),
        ),
      );
      return;
    }
    this.filled.add(id);
    const expected = table.columns.length;
    const values = [...rawValues];
    // Blank cells at either end beyond the expected count are grid padding, not values.
    while (values.length > expected && isBlankText(values[values.length - 1])) values.pop();
    while (values.length > expected && isBlankText(values[0])) values.shift();
    const printedValues = values.filter((v) => !isBlankText(v));
    // Figures printed apart where a blank leaves no trace: blanks may stand anywhere among them.
    // In a text layout six digits at once, or digits after a leading 0, are figures that touch
    // (narrow columns): they are cut as run together, without blanks among them.
    const touching = this.blanksUnplaced && printedValues.some((v) => /\d{6}|^0\d/.test(v));
    const blanks = this.traceless && printedValues.length >= 2 && !touching;
    if (values.length < expected && (blanks || values.some(mayHoldSeveral))) {
      // Decided once the whole table is read (its equations need the other rows).
      const list = this.glued.get(table.id) ?? [];
      list.push({ row, printedValues, name, blanks });
      this.glued.set(table.id, list);
      return;
    }
    if (values.length !== expected) {
      this.unreliable.add(id);
      const how =
        values.length > expected
          ? `已按顺序读入前${expected}个，多出的${values.slice(expected).map(printed).join("、")}未读入`
          : `已按顺序读入前${values.length}列，其余${expected - values.length}列留空`;
      this.findings.push(
        finding(
          "S5",
          `${name}有${values.length}个单元格，应为${expected}个（${table.columns.map((c) => c.label).join("、")}）；${how}；读入的数可能错位，涉及该行的勾稽关系未核对`,
          rowCells(table, row),
        ),
      );
    }
    const target = this.tables[table.id][row.key];
    table.columns.forEach((column, i) => {
      if (i >= values.length) return;
      const value = this.readValue(table, row, column, values[i]);
      target[column.key] = value;
      if (value !== null) this.cellsRead++;
    });
  }

  /** A printed cell's value; a figure with a unit is read with a note, or kept as printed when its unit disagrees. */
  private readValue(table: TableSpec, row: RowSpec, column: ColumnSpec, text: string): CellValue {
    const found = figureWithUnit(text);
    if (!found) return readCell(text, column.kind);
    const id = cellId(table.id, row.key, column.key);
    const place = validationPlan(this.formatId).byId.get(id)?.place ?? this.rowName(table, row);
    const reading = readFigureWithUnit(found, printed(text), column.kind, column.label);
    if (reading.agrees) {
      this.findings.push(finding("S3", `${place}：${reading.note}`, [id]));
      return reading.value;
    }
    this.findings.push(
      finding(column.kind === "amount" ? "V2" : "V1", `${place}：${reading.problem}`, [id]),
    );
    return reading.value;
  }

  /** Rows whose figures ran together, cut table by table with the table's equations. */
  private resolveGlued(): void {
    for (const [tableId, rows] of this.glued) {
      const table = this.tablesSpec().find((t) => t.id === tableId)!;
      const resolved = resolveGluedRows(
        this.formatId,
        {
          table,
          rows,
          unreliableRows: new Set(
            table.rows.filter((r) => this.unreliable.has(rowId(table, r))).map((r) => r.key),
          ),
        },
        this.tables[tableId],
        this.options.previous,
      );
      this.cellsRead += resolved.cellsRead;
      this.findings.push(...resolved.findings);
    }
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
        this.labelDiffers(
          "列标签",
          text,
          column.label,
          table,
          table.rows.map((r) => `${table.id}.${r.key}.${column.key}`),
        );
      }
    });
    if (labels.length !== table.columns.length) {
      this.findings.push(
        finding(
          "S3",
          `${tableName(this.formatId, table)}的表头有${labels.length}列（${labels.map(printed).join("、")}），规定为${table.columns.length}列（${table.columns.map((c) => c.label).join("、")}）`,
        ),
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
      finding(
        "S3",
        text === ""
          ? `${tableName(this.formatId, table)}的表格没有表头（规定的列为${missing.map((l) => `“${l}”`).join("、")}）`
          : `${tableName(this.formatId, table)}的表头中没有规定的列标签${missing.map((l) => `“${l}”`).join("、")}`,
      ),
    );
  }

  private checkGroupLabels(labels: string[], table: TableSpec): void {
    for (const text of labels) {
      const m = matchLabel(this.index, text, ["rowGroup"], table);
      if (m && !m.exact && m.entry.table === table)
        this.labelDiffers("行标题", text, m.entry.label, table, []);
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
          if (!this.seen.has(table.id))
            this.findings.push(finding("S2", `缺少${name}的表格`, typedCells(table)));
          continue;
        }
        for (const row of table.rows) {
          const id = rowId(table, row);
          if (this.filled.has(id)) continue;
          const expected = `${table.columns.length}个数（${table.columns.map((c) => c.label).join("、")}）`;
          this.findings.push(
            this.emptyRows.has(id)
              ? finding(
                  "S5",
                  `${this.rowName(table, row)}没有数字，应有${expected}`,
                  rowCells(table, row),
                )
              : finding(
                  "S5",
                  `${name}的表格缺少“${row.label}”行（应有${table.columns.length}个数）`,
                  rowCells(table, row),
                ),
          );
        }
      }
    }
  }

  private filledRows(table: TableSpec): number {
    return table.rows.filter((r) => this.filled.has(rowId(table, r))).length;
  }

  private labelDiffers(
    what: string,
    printedText: string,
    official: string,
    table: TableSpec,
    cells: string[],
  ): void {
    this.findings.push(
      finding(
        "S3",
        `${tableName(this.formatId, table)}：${what}“${printed(printedText)}”与规定的“${official}”不一致`,
        cells,
      ),
    );
  }

  private rowName(table: TableSpec, row: RowSpec): string {
    return row.label
      ? `${tableName(this.formatId, table)}“${row.label}”行`
      : `${tableName(this.formatId, table)}的数字行`;
  }

  private tablesSpec(): TableSpec[] {
    return getFormat(this.formatId).sections.flatMap((s) => s.tables);
  }
}

function rowId(table: TableSpec, row: RowSpec): string {
  return `${table.id}.${row.key}`;
}
