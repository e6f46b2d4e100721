import type { ReportContent } from "@/lib/report/content";
import type { FormatId, SectionKey } from "@/lib/report/spec-types";
import type { Finding } from "@/lib/report/validate";

/**
 * The common intermediate every reader produces: the document as a flat list of blocks.
 * Readers only transcribe what the file holds; the matcher (match-tables.ts, structure.ts)
 * decides what a block means by comparing it with the format description.
 */
export type DocBlock = ParagraphBlock | TableBlock;

export interface ParagraphBlock {
  type: "paragraph";
  text: string;
  /** The source marks it as a heading (HTML h1–h6, a Word heading style); a hint only. */
  heading?: boolean;
}

export interface TableCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface TableBlock {
  type: "table";
  /** Rows as the source gives them: cells covered by a span above or to the left are absent. */
  rows: TableCell[][];
  /**
   * true when the cells stand in a real grid (DOCX, HTML), so an empty cell is an empty value;
   * false for tables recovered from plain text, whose empty cells are layout padding.
   */
  positional: boolean;
  /**
   * Rebuilt from text laid out in columns (pdftotext -layout): a row with fewer cells than its table
   * lost blanks whose place the layout did not show, so they may have stood anywhere in it.
   */
  blanksUnplaced?: boolean;
}

export interface ImportResult {
  format: FormatId;
  year: number | null;
  organization: string | null;
  isPeoplesGovernment: boolean;
  preface: string;
  /** Narrative text per section (for 二–四 the text above the tables). */
  sections: Record<SectionKey, string>;
  /** Tables filled as printed (a cell the document does not give is null), narratives and meta. */
  content: ReportContent;
  /** How many table cells got a value from the document. */
  cellsRead: number;
  /** Structural findings of the import (S1, S2, S3, S5) followed by validate()'s. */
  findings: Finding[];
  /**
   * The importer's own findings alone (the head of `findings`): what only the document could show.
   * Callers that run validate() themselves (the CLI, the editor after changes) combine these with
   * its findings through keepValidatedFinding().
   */
  documentFindings: Finding[];
  /**
   * The source holds only the tables of 二, 三 and 四 (an Excel workbook): applying it takes those
   * tables and keeps the draft's texts.
   */
  tablesOnly?: boolean;
}

export interface ImportTextOptions {
  /** Used only as a fallback hint for the year (e.g. `2021-hulan-district.txt`). */
  fileName?: string;
  /**
   * Last year's report of the same unit, when known: validate() then checks X1, X2 and X8, and its
   * counts help cut figures that ran together.
   */
  previous?: ReportContent;
}
