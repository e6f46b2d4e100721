/**
 * A page rebuilt from positioned text: what the PDF reader gets from pdf.js text items and what the
 * aligned-text reader gets from character columns. Both hand the same lines to one layout step.
 */

/** A run of text with no gap inside, at horizontal extent [x0, x1). */
export interface Word {
  x0: number;
  x1: number;
  text: string;
}

/** One printed line: its words left to right, its vertical extent (y grows downwards) and its page. */
export interface Line {
  words: Word[];
  top: number;
  bottom: number;
  page: number;
}

/** The units of a source, so one layout step serves points (PDF) and character columns (text). */
export interface LayoutScale {
  /** Width of one CJK character: the unit of indents and widths. */
  em: number;
  /** A horizontal gap at least this wide separates two cells. */
  cellGap: number;
  /** A vertical gap between lines wider than this ends a table or a paragraph. */
  blockGap: number;
  /**
   * Positions are exact (PDF), so a header cell clear of every figure marks a column left blank in
   * every row; in text laid out by a tool (pdftotext) header lines drift and only figures are trusted.
   */
  exactPositions: boolean;
}
