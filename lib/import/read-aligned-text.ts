import { cellsOf, isValueCell } from "./layout/cells";
import { blocksFromLines } from "./layout/lines-to-blocks";
import type { LayoutScale, Line, Word } from "./layout/types";
import { stripArtifacts } from "./text-utils";
import type { DocBlock } from "./types";

/**
 * Text whose tables separate columns by runs of spaces instead of tabs: what `pdftotext -layout`
 * and most "copy from PDF" give. A character column is the x position, so the one layout step of
 * the PDF reader rebuilds paragraphs and tables from it.
 */

const FIGURE_ROW =
  /\S[ \u3000]{2,}[+\-−]?[\d０-９][\d０-９,，.]*(?:[ \u3000]{2,}[+\-−]?[\d０-９][\d０-９,，.]*|[ \u3000]{2,}[-—–－])*[ \u3000]*$/;
const MAX_CHARS = 2_000_000;

/** At least three lines hold a label and figures (or figures alone) set apart by runs of spaces, and no line uses tabs for it. */
export function looksAligned(text: string): boolean {
  if (text.length > MAX_CHARS) return false;
  let rows = 0;
  for (const line of text.split(/\r\n?|\n/)) {
    if (line.includes("\t")) return false;
    if (FIGURE_ROW.test(line)) rows++;
    if (rows >= 3) return true;
  }
  return false;
}

export function readAlignedText(text: string): DocBlock[] {
  const source = stripArtifacts(text.slice(0, MAX_CHARS)).replace(/\r\n?/g, "\n");
  // Editors and terminals draw a CJK character two columns wide; pdftotext counts it as one. The
  // reading in which the figures of different rows line up better is the one the text was laid out in.
  const wide = toLines(source, 2);
  const narrow = toLines(source, 1);
  const useNarrow = alignment(narrow, scaleFor(1)) > alignment(wide, scaleFor(2));
  const blocks = useNarrow
    ? blocksFromLines(narrow, scaleFor(1))
    : blocksFromLines(wide, scaleFor(2));
  // A tool places each figure on a character grid of its own: where a row prints fewer figures than
  // the columns its band shows, the blank's column is not certain, and the matcher must not read
  // the figures in order.
  return blocks.map((b) => (b.type === "table" ? { ...b, blanksUnplaced: true } : b));
}

function scaleFor(wideWidth: number): LayoutScale {
  return { em: wideWidth, cellGap: 2, blockGap: 0.5, exactPositions: false };
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Lines with each word at its character column; a form feed (pdftotext's page break) starts a page. */
function toLines(text: string, wideWidth: number): Line[] {
  const lines: Line[] = [];
  let page = 0;
  let row = 0;
  for (const raw of text.split("\n")) {
    let rest = raw;
    while (rest.includes("\f")) {
      page++;
      rest = rest.replace("\f", "");
    }
    const words: Word[] = [];
    let x = 0;
    let current: Word | null = null;
    for (const ch of rest) {
      const w = WIDE.test(ch) ? wideWidth : 1;
      if (ch === " " || ch === "\u3000" || ch === "\u00a0" || ch === "\t") {
        current = null;
      } else if (current) {
        current.text += ch;
        current.x1 = x + w;
      } else {
        current = { x0: x, x1: x + w, text: ch };
        words.push(current);
      }
      x += w;
    }
    lines.push({ words, top: row, bottom: row + 1, page });
    row++;
  }
  return lines;
}

/**
 * Share of figures that stand over a figure of the figure line before (same page, a few lines up):
 * rows of one table line up in the reading the text was laid out in, and drift apart in the other.
 */
function alignment(lines: Line[], scale: LayoutScale): number {
  let total = 0;
  let aligned = 0;
  let previous: { line: number; page: number; figures: { x0: number; x1: number }[] } | null = null;
  for (let k = 0; k < lines.length && total < 4000; k++) {
    const cells = cellsOf(lines[k], scale);
    const figures = cells.slice(1).filter(isValueCell);
    if (figures.length < 2) continue;
    if (previous && previous.page === lines[k].page && k - previous.line <= 6) {
      for (const f of figures) {
        const mid = (f.x0 + f.x1) / 2;
        total++;
        if (previous.figures.some((g) => mid >= g.x0 - 0.5 && mid <= g.x1 + 0.5)) aligned++;
      }
    }
    previous = { line: k, page: lines[k].page, figures };
  }
  return total === 0 ? 0 : aligned / total;
}
