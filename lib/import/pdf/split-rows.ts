import { LABEL_ORDINAL } from "../layout/cells";
import type { TableCell } from "../types";
import { isBlankText, isValueText } from "../values";
import type { PagePiece } from "./page-layout";

/**
 * A table row broken over a page: its label starts in the last row on one page (no figures there)
 * and goes on, with the figures, in the first data row of the table on the next page. Labels that
 * open a row start with an ordinal (`2.申请人…`); the part on the next page does not — that is how
 * the two halves are recognised and joined.
 */
export function joinRowsSplitAcrossPages(pieces: PagePiece[]): PagePiece[] {
  for (let i = 0; i + 1 < pieces.length; i++) {
    const a = pieces[i];
    const b = pieces[i + 1];
    if (a.kind !== "table" || b.kind !== "table" || b.page !== a.page + 1) continue;
    const lastRow = a.table.rows[a.table.rows.length - 1];
    const head = lastRow ? rowLabel(lastRow) : null;
    if (!lastRow || head === null || lastRow.some((c) => isValueText(c.text)) || !LABEL_ORDINAL.test(head.text.trim())) continue;
    const firstData = b.table.rows.find((r) => r.some((c) => isValueText(c.text)));
    const tail = firstData ? rowLabel(firstData) : null;
    if (!tail || LABEL_ORDINAL.test(tail.text.trim())) continue;
    tail.text = head.text + tail.text;
    a.table.rows.pop();
  }
  return pieces;
}

/** The last label cell before the first figure of a row. */
function rowLabel(row: TableCell[]): TableCell | null {
  let label: TableCell | null = null;
  for (const c of row) {
    if (isValueText(c.text)) break;
    if (!isBlankText(c.text)) label = c;
  }
  return label;
}
