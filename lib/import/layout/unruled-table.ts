import type { TableBlock, TableCell } from "../types";
import { LABEL_ORDINAL, isValueCell, type Cell } from "./cells";
import { columnsOfCompleteRows, placeInOrder, type FigureColumn } from "./figure-columns";
import { splitLabelLanes } from "./label-lanes";
import type { LayoutScale, Word } from "./types";

/** A line of a table region: its cells, and where its figures start if it is a figure line. */
export interface RegionLine {
  cells: Cell[];
  /** Index of the first value cell of a figure line; -1 for a line without figures. */
  firstValue: number;
}

/**
 * A row label left unfinished at the end of a page (its figures are on the next page): carried to
 * the next region, where it opens the first row unless that row starts a label of its own.
 */
export interface Carry {
  leaf: string;
}

interface Anchor {
  line: number;
  head: string[];
  own: string;
  tail: string[];
  values: string[];
}

/**
 * A table printed without rules, rebuilt from its lines: figure lines are the rows; the column of
 * each figure is found from where the figures of its band stand (and, for columns blank in every
 * row, from the header above), so a blank stays a blank in its column; the lines of a wrapped row
 * label are given to the figure line they belong to. The result is a positional table.
 */
export interface RegionTable {
  table: TableBlock;
  carry: Carry | null;
  /**
   * Label lines above the first figure line of a region that continues a table from the page
   * before, without an ordinal of their own: the end of that table's last row label (`请`).
   */
  tail: string | null;
}

export function tableFromRegion(
  lines: RegionLine[],
  scale: LayoutScale,
  carry: Carry | null,
  continues = false,
): RegionTable {
  const tol = scale.em * 0.5;
  const valueX = lines.reduce(
    (m, l) => (l.firstValue >= 0 ? Math.min(m, l.cells[l.firstValue].x0) : m),
    Infinity,
  );
  const header = headerLines(lines, valueX, tol, scale);
  const isHeader = (l: RegionLine) => header.has(l);
  const rows: TableCell[][] = [];
  let pendingCarry = carry;
  let tail: string | null = null;
  let firstBand = true;

  // The last header row with several cells: a header line below it whose every cell sits under one of
  // its cells is the wrapped rest of those labels (`本年收费金额（单` / `位：万元）`).
  let stack: { x0: number; x1: number; cell: TableCell }[] | null = null;
  let i = 0;
  while (i < lines.length) {
    if (isHeader(lines[i])) {
      const cells = lines[i].cells;
      const under = stack ? cells.map((c) => stack!.filter((h) => c.x0 < h.x1 && c.x1 > h.x0)) : [];
      const continues =
        stack !== null &&
        under.every((hs) => hs.length === 1) &&
        new Set(under.map((hs) => hs[0])).size === cells.length;
      if (continues) {
        cells.forEach((c, k) => (under[k][0].cell.text += c.text));
      } else {
        const row = cells.map((c) => cell(c.text));
        rows.push(row);
        stack =
          cells.length >= 2 ? cells.map((c, k) => ({ x0: c.x0, x1: c.x1, cell: row[k] })) : null;
      }
      i++;
      continue;
    }
    stack = null;
    const start = i;
    while (i < lines.length && !isHeader(lines[i])) i++;
    const band = lines.slice(start, i);
    // Header cells over the figures; where no row has a label (四's one row), over the whole width.
    const labelled = band.some((l) => l.firstValue > 0 || (l.firstValue < 0 && l.cells.length > 0));
    // Words, not cells: the headings of neighbouring narrow columns run together into one cell.
    // A tool laying text on a character grid centres a wide heading over a narrow figure, so it may
    // start left of the first figure column: there a heading counts by its middle.
    const overFigures = (w: Word) =>
      !labelled || (scale.exactPositions ? w.x0 : (w.x0 + w.x1) / 2 - scale.em) >= valueX - tol;
    const headerAbove = headerCellsAbove(lines, start, isHeader)
      .flatMap((c) => c.words)
      .filter(overFigures);
    const lowest =
      start > 0 && isHeader(lines[start - 1])
        ? lines[start - 1].cells.flatMap((c) => c.words).filter(overFigures)
        : [];
    const built = bandRows(
      band,
      scale.exactPositions ? headerAbove : lowest,
      valueX,
      tol,
      scale,
      pendingCarry,
      continues && firstBand,
    );
    if (firstBand) tail = built.tail;
    firstBand = false;
    pendingCarry = built.carry;
    rows.push(...built.rows);
  }
  return { table: { type: "table", rows, positional: true }, carry: pendingCarry, tail };
}

/**
 * Header lines: lines without figures that reach over the figure columns, and the caption of a
 * table stacked under another (`第二十条第（六）项`): an indented line without an ordinal right above a header.
 */
function headerLines(
  lines: RegionLine[],
  valueX: number,
  tol: number,
  scale: LayoutScale,
): Set<RegionLine> {
  const out = new Set<RegionLine>();
  const left = lines.reduce((m, l) => l.cells.reduce((n, c) => Math.min(n, c.x0), m), Infinity);
  // Where the row labels of figure lines end: a second cell starting beyond it is a column heading,
  // even one narrower than the figures' column reaches (`本年收费金额（单` over a right-aligned `0`).
  const labelRight = lines.reduce(
    (m, l) => (l.firstValue > 0 ? Math.max(m, l.cells[l.firstValue - 1].x1) : m),
    -Infinity,
  );
  // No figure line with a label of its own (every label wrapped around its figures): only the figures tell.
  const reachesFigures = (l: RegionLine) =>
    l.cells.some((c) => c.x1 > valueX + tol || (labelRight > -Infinity && c.x0 > labelRight + tol));
  // On a character grid a label set one space before its figures may reach past where another row's
  // figures start; a line that opens a numbered label left of the figures is that, not a heading.
  const opensLabel = (l: RegionLine) =>
    l.cells.some((c) => c.words.some((w) => w.x0 < valueX && LABEL_ORDINAL.test(w.text)));
  lines.forEach((l, k) => {
    if (l.firstValue >= 0 || !reachesFigures(l)) return;
    if (!scale.exactPositions && opensLabel(l)) return;
    out.add(l);
    const above = lines[k - 1];
    if (
      above &&
      above.firstValue < 0 &&
      above.cells.length === 1 &&
      above.cells[0].x0 > left + scale.em * 2 &&
      !LABEL_ORDINAL.test(above.cells[0].text)
    )
      out.add(above);
  });
  return out;
}

function headerCellsAbove(
  lines: RegionLine[],
  start: number,
  isHeader: (l: RegionLine) => boolean,
): Cell[] {
  const out: Cell[] = [];
  for (let k = start - 1; k >= 0 && isHeader(lines[k]); k--) out.push(...lines[k].cells);
  return out;
}

function bandRows(
  band: RegionLine[],
  header: Word[],
  valueX: number,
  tol: number,
  scale: LayoutScale,
  carry: Carry | null,
  continues: boolean,
): { rows: TableCell[][]; carry: Carry | null; tail: string | null } {
  // On a character grid the figures of a column drift: the rows that print them all give the columns.
  const ordered = scale.exactPositions
    ? null
    : columnsOfCompleteRows(
        band.filter((l) => l.firstValue >= 0).map((l) => figuresOf(l.cells.slice(l.firstValue))),
      );
  const columns = valueColumns(band, header, scale, ordered);
  const labelWords: Word[][] = band.map((l) => {
    const cells =
      l.firstValue >= 0
        ? l.cells.slice(0, l.firstValue)
        : l.cells.filter((c) => c.x0 < valueX - tol);
    return cells.flatMap((c) => c.words);
  });
  const lanes = splitLabelLanes(labelWords, scale);

  const anchors: Anchor[] = [];
  band.forEach((l, k) => {
    if (l.firstValue < 0) return;
    anchors.push({
      line: k,
      head: [],
      own: lanes[k].leaf,
      tail: [],
      values: ordered
        ? placeOrdered(figuresOf(l.cells.slice(l.firstValue)), ordered, columns)
        : placeValues(l.cells.slice(l.firstValue), columns),
    });
  });
  if (anchors.length === 0) {
    return { rows: band.map((l) => l.cells.map((c) => cell(c.text))), carry, tail: null };
  }

  const leafAt = (k: number) => lanes[k].leaf;
  const gapLines = (from: number, to: number) => {
    const ks: number[] = [];
    for (let k = from; k < to; k++) if (band[k].firstValue < 0 && leafAt(k) !== "") ks.push(k);
    return ks;
  };

  // Above the first figure line: header rows, then possibly the opening lines of its label (from a
  // line that starts with an ordinal), or the rest of a label carried over from the page before.
  const first = anchors[0];
  const above = gapLines(0, first.line);
  const opener = LABEL_ORDINAL.test(first.own)
    ? -1
    : lastIndexWhere(above, (k) => LABEL_ORDINAL.test(leafAt(k)));
  let headFrom = opener >= 0 ? above[opener] : first.line;
  let tail: string | null = null;
  // The end of the last label of the page before stands in the label column (where this row's label
  // starts); header lines a tool drifted to the left do not.
  const leafX = lanes[headFrom < first.line ? headFrom : first.line].leafX0;
  const inLabelColumn = (k: number) =>
    leafX !== null && lanes[k].leafX0 !== null && Math.abs(lanes[k].leafX0! - leafX) <= scale.em;
  const tailLines = above.filter((k) => k < headFrom && inLabelColumn(k));
  if (continues && !carry && tailLines.length > 0) {
    tail = tailLines.map(leafAt).join("");
  } else if (opener < 0 && !LABEL_ORDINAL.test(first.own) && above.length > 0) {
    // A label without an ordinal wrapped above its figures (`行政规范性` / `文件  32  8  80`).
    headFrom = above[0];
  }
  first.head = above.filter((k) => k >= headFrom).map(leafAt);
  const rowsBefore: TableCell[][] = band
    .slice(0, headFrom)
    .filter((l, k) => l.cells.length > 0 && !(tail !== null && tailLines.includes(k)))
    .map((l) => l.cells.map((c) => cell(c.text)));
  if (carry) {
    if (LABEL_ORDINAL.test(first.head[0] ?? first.own)) rowsBefore.push([cell(carry.leaf)]);
    else first.head.unshift(carry.leaf);
  }

  for (let a = 0; a < anchors.length - 1; a++) {
    const above = anchors[a];
    const below = anchors[a + 1];
    const gap = gapLines(above.line + 1, below.line).map(leafAt);
    const split = splitGap(gap, above, below);
    above.tail = gap.slice(0, split);
    below.head = gap.slice(split);
  }

  // After the last figure line: the rest of its label, then possibly a label whose figures are on the next page.
  const last = anchors[anchors.length - 1];
  const after = gapLines(last.line + 1, band.length).map(leafAt);
  const orphanAt = after.findIndex((t) => LABEL_ORDINAL.test(t));
  let nextCarry: Carry | null = null;
  if (orphanAt >= 0) {
    last.tail = after.slice(0, orphanAt);
    nextCarry = { leaf: after.slice(orphanAt).join("") };
  } else {
    last.tail = after;
  }

  const rows = [
    ...rowsBefore,
    ...anchors.map((a) => {
      const label = [...a.head, a.own, ...a.tail].join("");
      return label === "" ? a.values.map(cell) : [cell(label), ...a.values.map(cell)];
    }),
  ];
  return { rows, carry: nextCarry, tail };
}

/**
 * Where the label lines between two figure lines divide: a line opening with an ordinal starts the
 * lower row's label; a label still inside an open bracket goes on; otherwise a label is centred on
 * its figures, so the upper row takes as many lines below as it had above.
 */
function splitGap(gap: string[], above: Anchor, below: Anchor): number {
  const opener = gap.findIndex((t) => LABEL_ORDINAL.test(t));
  if (opener >= 0) return opener;
  if (LABEL_ORDINAL.test(below.own)) return gap.length;
  let depth = bracketDepth([...above.head, above.own].join(""));
  if (depth > 0) {
    let k = 0;
    while (k < gap.length && depth > 0) depth += bracketDepth(gap[k++]);
    return k;
  }
  if (LABEL_ORDINAL.test(above.head[0] ?? above.own) && above.own === "" && above.head.length > 0) {
    // The figures stood on a line of their own between the label's lines: the label continues below.
    return Math.min(gap.length, above.head.length);
  }
  let split = Math.min(gap.length, above.head.length);
  if (below.own === "" && split === gap.length && gap.length > 0) split = gap.length - 1;
  return split;
}

function lastIndexWhere(items: number[], test: (k: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

function bracketDepth(text: string): number {
  let d = 0;
  for (const ch of text) {
    if (ch === "（" || ch === "(") d++;
    else if ((ch === "）" || ch === ")") && d > 0) d--;
  }
  return d;
}

interface Column {
  x0: number;
  x1: number;
}

/** Column extents of a band: figures that overlap share a column; a narrow header cell clear of every figure is a column blank in all rows. */
function valueColumns(
  band: RegionLine[],
  header: Word[],
  scale: LayoutScale,
  ordered: FigureColumn[] | null,
): Column[] {
  const figures = band.flatMap((l) => (l.firstValue >= 0 ? l.cells.slice(l.firstValue) : []));
  // Text laid out on a character grid puts a column's figures a character apart from line to line.
  const slack = scale.exactPositions ? 0 : scale.cellGap / 2;
  const columns =
    ordered ??
    mergeIntervals(
      figures.map((c) => ({ x0: c.x0, x1: c.x1 })),
      slack,
    );
  const clear = scale.em * 0.5;
  // Text laid out by a tool (pdftotext) lets header lines drift from the figures: there the header
  // line right above (its column labels) counts only if each figure column stands under one of its words.
  const overlaps = (w: Word, c: Column) => w.x0 < c.x1 && w.x1 > c.x0;
  if (
    !scale.exactPositions &&
    !columns.every((c) => header.filter((w) => overlaps(w, c)).length === 1)
  )
    return columns;
  const extra = header.filter((h) => {
    const overlapping = columns.filter((c) => h.x0 < c.x1 + clear && h.x1 > c.x0 - clear).length;
    return overlapping === 0;
  });
  if (ordered) return [...ordered, ...extra.map((h) => ({ x0: h.x0, x1: h.x1 }))].sort(byX);
  return mergeIntervals([...columns, ...extra.map((h) => ({ x0: h.x0, x1: h.x1 }))], 0);
}

const byX = (a: Column, b: Column) => a.x0 - b.x0;

function figuresOf(cells: Cell[]): Cell[] {
  return cells.filter(isValueCell);
}

/** Figures placed in order among the complete rows' columns, then set among all columns (header-only ones blank). */
function placeOrdered(figures: Cell[], ordered: FigureColumn[], columns: Column[]): string[] {
  const values: string[] = columns.map(() => "");
  placeInOrder(figures, ordered).forEach((j, i) => {
    const at = columns.indexOf(ordered[j]);
    values[at >= 0 ? at : j] = figures[i].text;
  });
  return values;
}

function mergeIntervals(items: Column[], slack: number): Column[] {
  const sorted = [...items].sort((a, b) => a.x0 - b.x0);
  const out: Column[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && it.x0 < last.x1 + slack) last.x1 = Math.max(last.x1, it.x1);
    else out.push({ ...it });
  }
  return out;
}

function placeValues(cells: Cell[], columns: Column[]): string[] {
  const values: string[] = columns.map(() => "");
  const extra: string[] = [];
  for (const c of cells) {
    if (!isValueCell(c)) continue;
    const mid = (c.x0 + c.x1) / 2;
    let best = -1;
    let bestDistance = Infinity;
    columns.forEach((col, k) => {
      const d = mid < col.x0 ? col.x0 - mid : mid > col.x1 ? mid - col.x1 : 0;
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    });
    if (best >= 0 && values[best] === "") values[best] = c.text;
    else extra.push(c.text);
  }
  return [...values, ...extra];
}

function cell(text: string): TableCell {
  return { text, colSpan: 1, rowSpan: 1 };
}
