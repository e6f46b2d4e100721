/**
 * Export for publication: report content → DOCX (GB/T 9704 layout) or HTML (portal page).
 * Pure: no React, no database; returns bytes and strings.
 */
export { renderDocx, buildDocument, mmToTwips, PAGE, TEXT_WIDTH, LINE_PITCH, FONTS } from "./docx";
export {
  renderHtml,
  renderHtmlFragment,
  renderPortalFragment,
  escapeHtml,
  REPORT_CSS,
  PAGE_CSS,
  REPORT_CLASS,
} from "./html";
export { feeSentence, sectionSixText, statesFees } from "./fee-sentence";
export {
  buildPublication,
  formatIssuedDate,
  splitLead,
  REPORT_TITLE,
  type Publication,
} from "./publication";
export { publicationText } from "./plain-text";
export {
  tableGrid,
  printedGrid,
  sectionGrids,
  type TableGrid,
  type GridCell,
  type GridRow,
  type GridSegment,
} from "./grid";
export { sanitizeText } from "./sanitize";
