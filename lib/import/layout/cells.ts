import { isValueText } from "../values";
import type { LayoutScale, Line, Word } from "./types";

/** Words of a line merged where the gap between them is narrower than a cell gap. */
export interface Cell {
  x0: number;
  x1: number;
  text: string;
  /** The words it was made of, for splitting a label area into its columns. */
  words: Word[];
}

const LATIN_END = /[A-Za-z0-9.,:;%)\]]$/;
const LATIN_START = /^[A-Za-z0-9(\[]/;

/** Text of words laid side by side: a space only where Latin text meets Latin text across a real gap. */
export function joinWords(words: Word[], scale: LayoutScale): string {
  let out = "";
  let prev: Word | null = null;
  for (const w of words) {
    if (prev && w.x0 - prev.x1 > scale.em * 0.2 && LATIN_END.test(out) && LATIN_START.test(w.text))
      out += " ";
    out += w.text;
    prev = w;
  }
  return out;
}

export function cellsOf(line: Line, scale: LayoutScale): Cell[] {
  const cells: Cell[] = [];
  let group: Word[] = [];
  const flush = () => {
    if (group.length === 0) return;
    cells.push({
      x0: group[0].x0,
      x1: group[group.length - 1].x1,
      text: joinWords(group, scale),
      words: group,
    });
    group = [];
  };
  for (const w of line.words) {
    const last = group[group.length - 1];
    if (last && (w.x0 - last.x1 >= scale.cellGap || separateFigures(last, w, scale))) close();
    group.push(w);
  }
  close();
  if (!scale.exactPositions) splitFigureBeforeColumns();
  return cells;

  /**
   * The label's cell of a row whose figures stand in columns may end in the first figure, set one
   * space after it on a narrow grid (`2.重复申请 0    0   0`): it is a cell of its own.
   */
  function splitFigureBeforeColumns(): void {
    let k = cells.length;
    while (k > 0 && isValueText(cells[k - 1].text)) k--;
    if (k === cells.length || k === 0) return;
    const words = cells[k - 1].words;
    let from = words.length;
    while (from > 1 && BARE_FIGURE.test(words[from - 1].text)) from--;
    if (from === words.length) return;
    const rest = cells.splice(k);
    const head = cells.pop()!;
    group = head.words.slice(0, from);
    flush();
    for (const w of head.words.slice(from)) {
      group = [w];
      flush();
    }
    cells.push(...rest);
  }

  function close(): void {
    if (!scale.exactPositions) splitTrailingFigures(group);
    flush();
  }

  /**
   * A tool that lays text out on a character grid (pdftotext of a browser-printed PDF) may leave a
   * single space between a row's figures, and between its label and the first: figures at the end
   * of a cell are cells of their own even then. Two bare numbers at least: a sentence justified to
   * the margin ends in one (`共发布信息 1250` / `条`), and `3件` or `—` after one space may be prose.
   */
  function splitTrailingFigures(words: Word[]): void {
    let k = words.length;
    while (k > 0 && BARE_FIGURE.test(words[k - 1].text)) k--;
    if (words.length - k < 2) return;
    const figures = words.splice(k);
    flush();
    for (const f of figures) {
      group = [f];
      flush();
    }
  }
}

const BARE_FIGURE = /^[+\-−]?\d[\d,，]*(?:\.\d+)?$/;

/**
 * With exact positions (PDF), the pieces of one number were joined before (they touch): two figures
 * still apart are two cells, however narrow the columns of a table set without rules put them
 * (`2429 2472 2766` in columns closer than the body text's cell gap).
 */
function separateFigures(a: Word, b: Word, scale: LayoutScale): boolean {
  return (
    scale.exactPositions &&
    b.x0 - a.x1 >= scale.em * 0.3 &&
    BARE_FIGURE.test(a.text) &&
    BARE_FIGURE.test(b.text)
  );
}

export function isValueCell(cell: Cell): boolean {
  return isValueText(cell.text);
}

/** An ordinal that opens a row or group label: `一、`, `（三）`, `(3)`, `1.`, `2、`. */
export const LABEL_ORDINAL =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))/;
