import type { DocBlock, ParagraphBlock, TableBlock } from "../types";
import { isValueText } from "../values";
import { cellsOf, isValueCell, type Cell } from "./cells";
import { isPageFurniture } from "./page-furniture";
import { joinWords } from "./cells";
import type { LayoutScale, Line } from "./types";
import { tableFromRegion, type Carry, type RegionLine } from "./unruled-table";

type Kind = "prose" | "figure" | "other";

interface Info {
  line: Line;
  cells: Cell[];
  text: string;
  firstValue: number;
  kind: Kind;
  /** A blank line or a wide vertical gap separates it from the line before (a page break does not: paragraphs run on). */
  breakBefore: boolean;
  /** The first line of a page: a table region ends here (its next part is laid out on its own). */
  pageBreakBefore: boolean;
}

const SECTION_HEADING = /^[一二三四五六七八九十]{1,2}[、.．]\S{2,}/;
const SENTENCE_END = /[。；;！？]$/;

/**
 * Lines of positioned text → paragraphs and tables. Page numbers are dropped; runs of lines that
 * hold figures set in columns become tables (tableFromRegion); the other lines are joined into
 * paragraphs where one wraps onto the next (no first-line indent, previous line running to the margin).
 */
export function blocksFromLines(input: Line[], scale: LayoutScale): DocBlock[] {
  const { lines, pageStarts } = withoutFurniture(input, scale);
  const infos = classify(lines, scale, pageStarts);
  const blocks: DocBlock[] = [];
  const margins = marginsOf(lines);
  let carry: Carry | null = null;
  let i = 0;
  while (i < infos.length) {
    const start = i;
    if (infos[i].kind !== "prose") {
      i++;
      while (
        i < infos.length &&
        infos[i].kind !== "prose" &&
        !infos[i].breakBefore &&
        !infos[i].pageBreakBefore
      )
        i++;
      const run = infos.slice(start, i);
      if (run.some((l) => l.kind === "figure")) {
        const previous = blocks[blocks.length - 1];
        const continues = previous?.type === "table" && run[0].pageBreakBefore;
        const built = tableFromRegion(run.map(toRegionLine), scale, carry, continues);
        if (built.tail && previous?.type === "table") appendToLastLabel(previous, built.tail);
        blocks.push(built.table);
        carry = built.carry;
        continue;
      }
      const blank = blankTable(run);
      if (blank) {
        blocks.push(blank);
        continue;
      }
    } else {
      i++;
    }
    if (carry) {
      blocks.push({
        type: "table",
        rows: [[{ text: carry.leaf, colSpan: 1, rowSpan: 1 }]],
        positional: true,
      });
      carry = null;
    }
    appendParagraphs(blocks, infos.slice(start, i));
  }
  if (carry)
    blocks.push({
      type: "table",
      rows: [[{ text: carry.leaf, colSpan: 1, rowSpan: 1 }]],
      positional: true,
    });
  return mergeParagraphRuns(blocks, margins, scale);
}

/**
 * A table with a header but not one figure (every cell left blank): its rows are the label lines
 * under the header, each with an empty cell per header column, so the table is there, empty.
 */
function blankTable(run: Info[]): TableBlock | null {
  const headerAt = run.findIndex((l) => l.cells.length >= 2);
  if (headerAt < 0) return null;
  const header = run[headerAt].cells;
  const rows: TableBlock["rows"] = [];
  let headerRow: TableBlock["rows"][number] = [];
  run.forEach((l, k) => {
    const cells = l.cells.map((c) => ({ text: c.text, colSpan: 1, rowSpan: 1 }));
    // Under the figure columns' labels only: the wrapped rest of a label (`位：万元）`).
    const under = l.cells.map((c) => header.findIndex((h) => c.x0 < h.x1 && c.x1 > h.x0));
    if (k > headerAt && under.every((u) => u >= 1)) {
      under.forEach((u, n) => (headerRow[u].text += cells[n].text));
      return;
    }
    if (k > headerAt && cells.length === 1 && l.cells[0].x1 <= header[1].x0) {
      for (let n = 1; n < header.length; n++) cells.push({ text: "", colSpan: 1, rowSpan: 1 });
    }
    if (k === headerAt) headerRow = cells;
    rows.push(cells);
  });
  return { type: "table", rows, positional: true };
}

/** The end of a row label printed at the top of the next page, put back onto the row. */
function appendToLastLabel(table: TableBlock, text: string): void {
  for (let r = table.rows.length - 1; r >= 0; r--) {
    const row = table.rows[r];
    const firstValue = row.findIndex((c) => isValueText(c.text));
    if (firstValue <= 0) continue;
    const label = row
      .slice(0, firstValue)
      .reverse()
      .find((c) => c.text.trim() !== "");
    if (label) {
      label.text += text;
      return;
    }
  }
}

function toRegionLine(info: Info): RegionLine {
  return { cells: info.cells, firstValue: info.kind === "figure" ? info.firstValue : -1 };
}

/** The lines without page numbers; the first line with text after a page number starts a new page. */
function withoutFurniture(
  lines: Line[],
  scale: LayoutScale,
): { lines: Line[]; pageStarts: Set<Line> } {
  const kept: Line[] = [];
  const pageStarts = new Set<Line>();
  let afterFurniture = false;
  lines.forEach((line, k) => {
    const text = joinWords(line.words, scale);
    if (text !== "" && isPageFurniture(text, pageEdge(lines, k, -1) || pageEdge(lines, k, 1))) {
      afterFurniture = true;
      return;
    }
    if (text !== "" && afterFurniture) {
      pageStarts.add(line);
      afterFurniture = false;
    }
    kept.push(line);
  });
  return { lines: kept, pageStarts };
}

/** No line with text between this one and the start (dir −1) or end (dir 1) of its page. */
function pageEdge(lines: Line[], k: number, dir: 1 | -1): boolean {
  for (let j = k + dir; j >= 0 && j < lines.length && lines[j].page === lines[k].page; j += dir) {
    if (lines[j].words.length > 0) return false;
  }
  return true;
}

interface Margins {
  left: number;
  right: number;
}

function marginsOf(lines: Line[]): Margins {
  const xs0 = lines
    .filter((l) => l.words.length > 0)
    .map((l) => l.words[0].x0)
    .sort((a, b) => a - b);
  const xs1 = lines
    .filter((l) => l.words.length > 0)
    .map((l) => l.words[l.words.length - 1].x1)
    .sort((a, b) => a - b);
  if (xs0.length === 0) return { left: 0, right: 0 };
  // The body text's edges: a low and a high percentile, so one stray line does not move them.
  return { left: xs0[Math.floor(xs0.length * 0.1)], right: xs1[Math.floor(xs1.length * 0.9)] };
}

function classify(lines: Line[], scale: LayoutScale, pageStarts: Set<Line>): Info[] {
  const margins = marginsOf(lines);
  const width = Math.max(margins.right - margins.left, scale.em * 10);
  const out: Info[] = [];
  let prev: Line | null = null;
  let blankBefore = false;
  for (const line of lines) {
    if (line.words.length === 0) {
      blankBefore = true;
      continue;
    }
    const cells = cellsOf(line, scale);
    const text = cells.map((c) => c.text).join(" ");
    const firstValue = figureStart(cells, margins, scale);
    const pageBreakBefore = prev === null || prev.page !== line.page || pageStarts.has(line);
    // Blank lines around a page number are the page's margin, not a paragraph break.
    const breakBefore =
      prev === null ||
      (!pageBreakBefore && (blankBefore || line.top - prev.bottom > scale.blockGap));
    let kind: Kind = firstValue >= 0 ? "figure" : "other";
    if (kind === "other" && cells.length === 1) {
      const c = cells[0];
      if (c.x1 - c.x0 >= width * 0.6 || SENTENCE_END.test(c.text) || SECTION_HEADING.test(c.text))
        kind = "prose";
    }
    out.push({ line, cells, text, firstValue, kind, breakBefore, pageBreakBefore });
    prev = line;
    blankBefore = false;
  }
  // A heading-like line right above a figure line is a row label whose figures stand on the next line.
  out.forEach((info, k) => {
    if (info.kind !== "prose" || !SECTION_HEADING.test(info.text) || SENTENCE_END.test(info.text))
      return;
    const next = out[k + 1];
    if (next && !next.breakBefore && !next.pageBreakBefore && next.kind === "figure")
      info.kind = "other";
  });
  return out;
}

/**
 * Index of the first figure of a line whose figures stand in columns after its label (or that is
 * figures alone, away from the left margin); -1 otherwise.
 */
function figureStart(cells: Cell[], margins: Margins, scale: LayoutScale): number {
  let k = cells.length;
  while (k > 0 && isValueCell(cells[k - 1])) k--;
  if (k === cells.length) return -1;
  if (k > 0) return k;
  return cells.length >= 2 || cells[0].x0 > margins.left + scale.em * 3 ? 0 : -1;
}

function appendParagraphs(blocks: DocBlock[], infos: Info[]): void {
  for (const info of infos) {
    const hinted: Hinted = {
      type: "paragraph",
      text: info.text,
      x0: info.cells[0].x0,
      x1: info.cells[info.cells.length - 1].x1,
      breakBefore: info.breakBefore,
    };
    blocks.push(hinted);
  }
}

/** Where a paragraph line stood: kept on the block until paragraphs are joined, then dropped. */
interface Hinted extends ParagraphBlock {
  x0?: number;
  x1?: number;
  breakBefore?: boolean;
}

/**
 * Consecutive paragraph lines become one paragraph where the text runs on: the line before reached
 * the right margin and this one starts at the left margin without an indent and without a gap above.
 */
function mergeParagraphRuns(blocks: DocBlock[], margins: Margins, scale: LayoutScale): DocBlock[] {
  const out: DocBlock[] = [];
  let open: Hinted | null = null;
  for (const block of blocks) {
    if (block.type !== "paragraph") {
      out.push(block);
      open = null;
      continue;
    }
    const b = block as Hinted;
    const runsOn =
      open !== null &&
      !b.breakBefore &&
      (open.x1 ?? 0) >= margins.right - scale.em * 1.5 &&
      (b.x0 ?? 0) <= margins.left + scale.em * 0.5 &&
      !SENTENCE_END.test(open.text) &&
      !SECTION_HEADING.test(b.text);
    if (runsOn && open) {
      open.text = joinRunOn(open.text, b.text);
      open.x1 = b.x1;
      continue;
    }
    const fresh: Hinted = { type: "paragraph", text: b.text, x0: b.x0, x1: b.x1 };
    out.push(fresh);
    open = fresh;
  }
  return out.map((b) => (b.type === "paragraph" ? { type: "paragraph", text: b.text } : b));
}

/** Chinese wraps anywhere, even inside a number (`202` / `2年`): only Latin words get a space back. */
function joinRunOn(a: string, b: string): string {
  return /[A-Za-z][,.;:]?$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}
