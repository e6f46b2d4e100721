import { joinWords } from "../layout/cells";
import type { LayoutScale, Line } from "../layout/types";
import type { TableBlock, TableCell } from "../types";
import { cellAt, tablesFromRules, type RuledTable } from "./grid";
import type { Rule } from "./rules";
import { linesOfWords, type PlacedWord } from "./text-items";

/** A page as the reader lays it out: its ruled tables and the lines of text outside them, top to bottom. */
export type PagePiece =
  { kind: "lines"; lines: Line[] } | { kind: "table"; table: TableBlock; page: number };

/**
 * Words that fall inside a ruled table go to the cell under their middle; the rest stay lines for
 * the paragraph and unruled-table layout. Tables that hold no word at all (page frames, decoration)
 * are dropped and their space left to the lines.
 */
export function layOutPage(
  words: PlacedWord[],
  rules: Rule[],
  page: number,
  scale: LayoutScale,
): PagePiece[] {
  const tables = tablesFromRules(rules);
  const inCell = new Map<RuledTable, Map<number, PlacedWord[]>>();
  const free: PlacedWord[] = [];
  for (const w of words.flatMap((word) => withoutFiguresOverBorders(word, tables))) {
    const x = (w.x0 + w.x1) / 2;
    const y = w.y - w.size * 0.35;
    let placed = false;
    for (const t of tables) {
      const c = cellAt(t, x, y);
      if (c < 0) continue;
      const byCell = inCell.get(t) ?? new Map<number, PlacedWord[]>();
      inCell.set(t, byCell);
      byCell.set(c, [...(byCell.get(c) ?? []), w]);
      placed = true;
      break;
    }
    if (!placed) free.push(w);
  }

  const pieces: { top: number; piece: PagePiece }[] = [];
  for (const t of tables) {
    const byCell = inCell.get(t);
    if (!byCell) continue;
    if (byCell.size < 2) {
      // A frame around one block of text (a boxed note), not a table.
      for (const ws of byCell.values()) free.push(...ws);
      continue;
    }
    pieces.push({
      top: t.ys[0],
      piece: { kind: "table", table: tableBlock(t, byCell, page, scale), page },
    });
  }
  for (const line of linesOfWords(free, page))
    pieces.push({ top: line.top, piece: { kind: "lines", lines: [line] } });
  pieces.sort((a, b) => a.top - b.top);

  const out: PagePiece[] = [];
  for (const { piece } of pieces) {
    const last = out[out.length - 1];
    if (piece.kind === "lines" && last?.kind === "lines") last.lines.push(...piece.lines);
    else out.push(piece);
  }
  return out;
}

function tableBlock(
  t: RuledTable,
  byCell: Map<number, PlacedWord[]>,
  page: number,
  scale: LayoutScale,
): TableBlock {
  const rows: TableCell[][] = Array.from({ length: t.ys.length - 1 }, () => []);
  t.cells.forEach((cell, k) => {
    const text = cellText(byCell.get(k) ?? [], page, scale);
    rows[cell.row].push({ text, colSpan: cell.colSpan, rowSpan: cell.rowSpan });
  });
  return { type: "table", rows, positional: true };
}

/** The lines of a cell joined: Chinese wraps without a space, Latin words get one back. */
export function cellText(words: PlacedWord[], page: number, scale: LayoutScale): string {
  let out = "";
  for (const line of linesOfWords(words, page)) {
    const text = joinWords(line.words, scale);
    out += /[A-Za-z0-9]$/.test(out) && /^[A-Za-z]/.test(text) ? ` ${text}` : text;
  }
  return out;
}

const DIGITS = /^\d+$/;

/**
 * Figures wider than their column (a narrow table printed by a browser) run over the border into
 * the next cell, where pdf.js joins them with the neighbour's figure into one text item
 * (`156126`). Where to cut it cannot be known for certain (a font's digits differ in width, and
 * the overflow need not be even on both sides): a run of digits that a cell border crosses is left
 * out, and its cells stay blank, rather than read as one number or cut by a guess.
 */
function withoutFiguresOverBorders(word: PlacedWord, tables: RuledTable[]): PlacedWord[] {
  if (!DIGITS.test(word.text) || word.text.length < 2) return [word];
  const y = word.y - word.size * 0.35;
  const table = tables.find((t) => cellAt(t, (word.x0 + word.x1) / 2, y) >= 0);
  if (!table) return [word];
  const crossed = table.xs.some(
    (x) =>
      x > word.x0 + 0.5 &&
      x < word.x1 - 0.5 &&
      cellAt(table, x - 0.5, y) !== cellAt(table, x + 0.5, y),
  );
  return crossed ? [] : [word];
}
