import { GRID_LIMITS } from "../grid";

/**
 * What the HTML reader takes on; beyond these it refuses with a message that states the limit, or
 * (nesting) reads the page flattened. A published report page is 50–300 KB, nests 10–30 elements
 * deep and has six tables of at most a few hundred positions.
 */
export const HTML_LIMITS = {
  /** Characters of markup (5 MB of ASCII; a GBK page of 10 MB is about this many characters). */
  maxChars: 5_000_000,
  /** Elements open at once; deeper markup loses its tags and its text joins the element at this depth. */
  maxDepth: 200,
  /** A cell with more text than this is a page-layout cell, not a data cell (the longest official label has 37). */
  maxDataCellChars: 200,
  /** Grid positions of all data tables of one page together. */
  maxDocumentPositions: 200_000,
  ...GRID_LIMITS,
} as const;
