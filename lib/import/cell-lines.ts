import { findLabels } from "./label-tokens";
import type { TableBlock, TableCell } from "./types";
import { isValueText } from "./values";

/**
 * Tables whose every cell came out as a line (or paragraph) of its own: what a browser gives for
 * a portal page whose cells hold `<p>` paragraphs, what `pdftotext` gives without -layout, what
 * copying a table from many PDF viewers gives. Two forms:
 *  - a browser's innerText keeps a line holding a TAB between the cells of a row and a wider gap
 *    between rows, so the grid comes back whole, blanks included (`1` / `\t` / `\t` / `12` has an
 *    empty cell in the middle): the run becomes a table as it is;
 *  - without those TABs (a copied selection, PDF text) rows and blank cells are lost, but the labels
 *    are known: the run is joined into one line of cells, which read-run-on.ts cuts into rows again.
 */
export function joinCellLines(lines: string[]): (string | TableBlock)[] {
  const out: (string | TableBlock)[] = [];
  for (let i = 0; i < lines.length;) {
    const run = isLabelLine(lines[i]) ? cellRun(lines, i) : null;
    if (!run) {
      out.push(lines[i]);
      i++;
      continue;
    }
    const source = lines.slice(i, run.end);
    out.push(source.some((l) => TAB_LINE.test(l)) ? innerTextTable(source) : run.cells.join(" "));
    i = run.end;
  }
  return out;
}

/** The TABs innerText prints between the cells of a row (one per boundary: `\t\t\t` for two empty cells). */
const TAB_LINE = /^\t+[ ]*$/;
/** A cell holding only a no-break or ideographic space (`<p>&nbsp;</p>`) is an empty cell, not a gap. */
const BLANK_CELL = /^[ \t]*[\u00a0\u3000][\s\u00a0\u3000]*$/;

/**
 * The rows of innerText's `<p>`-cell layout: cells separated by TAB lines, rows by two empty lines
 * or more. A TAB with no text since the previous one closes an empty cell.
 */
function innerTextTable(source: string[]): TableBlock {
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  let textSinceTab = false;
  let emptyLines = 0;
  const push = (text: string) => row.push({ text, colSpan: 1, rowSpan: 1 });
  const endRow = () => {
    if (row.length > 0 && !textSinceTab) push("");
    if (row.length > 0) rows.push(row);
    row = [];
    textSinceTab = false;
  };
  for (const line of source) {
    if (line.trim() === "" && !BLANK_CELL.test(line) && !TAB_LINE.test(line)) {
      emptyLines++;
      continue;
    }
    if (emptyLines >= 2) endRow();
    emptyLines = 0;
    if (TAB_LINE.test(line)) {
      const tabs = line.trim() === "" ? line.split("\t").length - 1 : 0;
      // The first TAB closes the cell before it (empty when no text came since the last TAB); each further one an empty cell.
      if (!textSinceTab) push("");
      for (let k = 1; k < tabs; k++) push("");
      textSinceTab = false;
      continue;
    }
    push(BLANK_CELL.test(line) ? "" : line.trim());
    textSinceTab = true;
  }
  endRow();
  return { type: "table", rows, positional: true };
}

/** A line between cells that carries nothing: empty, or the TAB a browser puts between `<p>` cells. */
const SEPARATOR = /^[\t \u3000\u00a0]*$/;
const MAX_UNKNOWN = 12;
const PROSE = /[。！？；，、,;!?：:]/;
const ORDINAL_START = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]+部分)/;

/** The run of cell lines starting at `start`, when it is clearly a table: two labels and a figure, or four labels. */
function cellRun(lines: string[], start: number): { cells: string[]; end: number } | null {
  const cells: string[] = [];
  let labels = 0;
  let figures = 0;
  let end = start;
  for (let k = start; k < lines.length; k++) {
    const line = lines[k];
    if (TAB_LINE.test(line)) end = k + 1;
    if (SEPARATOR.test(line)) continue;
    if (line.startsWith("\t")) break;
    const text = line.trim();
    if (isLabelLine(line)) labels++;
    else if (text.split(/[ \u3000\u00a0]+/).every((w) => isValueText(w))) figures++;
    else if (text.length > MAX_UNKNOWN || PROSE.test(text) || ORDINAL_START.test(text)) break;
    cells.push(text);
    end = k + 1;
  }
  // A table printed without a single figure still has its header: four labels in a row.
  return (labels >= 2 && figures >= 1) || labels >= 4 ? { cells, end } : null;
}

/** A plain line that is one of the format's table labels and nothing else. */
function isLabelLine(line: string): boolean {
  if (line.startsWith("\t")) return false;
  const text = line.trim();
  if (text === "" || text.length > 80) return false;
  const tokens = findLabels(text);
  return tokens.length === 1 && tokens[0].start === 0 && tokens[0].end === text.length;
}
