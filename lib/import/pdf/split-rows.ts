import { LABEL_ORDINAL } from "../layout/cells";
import { isPageFurniture } from "../layout/page-furniture";
import type { TableBlock, TableCell } from "../types";
import { isBlankText, isValueText } from "../values";
import type { PagePiece } from "./page-layout";

/**
 * A table broken over a page cuts the cells that straddle the break: a row label starts in the last
 * row on one page and goes on, with the figures, on the next (`2.申请人逾期未按收` / `费通知…`),
 * and a merged group heading is split the same way (`三、本年度办理` / `结果`). Labels open with an
 * ordinal; the part on the next page does not — that is how the halves are recognised. The halves
 * are joined where the label is read: a row label with its figures, a group heading where it began.
 */
export function joinCellsSplitAcrossPages(pieces: PagePiece[]): PagePiece[] {
  for (let i = 0; i < pieces.length; i++) {
    const a = pieces[i];
    if (a.kind !== "table") continue;
    // Only page numbers and running footers may stand between the two parts.
    let j = i + 1;
    while (j < pieces.length && pieces[j].kind === "lines" && onlyFurniture(pieces[j])) j++;
    const b = pieces[j];
    if (b?.kind === "table" && b.page === a.page + 1) joinPair(a.table, b.table);
  }
  return pieces;
}

function onlyFurniture(piece: PagePiece): boolean {
  return (
    piece.kind === "lines" &&
    piece.lines.every((l) => isPageFurniture(l.words.map((w) => w.text).join(""), true))
  );
}

interface Placed {
  cell: TableCell;
  row: number;
  col: number;
}

function joinPair(a: TableBlock, b: TableBlock): void {
  const placedA = place(a);
  const placedB = place(b);
  const lastRow = a.rows.length - 1;
  if (lastRow >= 0 && joinLabelTail(a, placedA, placedB, lastRow)) return;
  const firstData = b.rows.findIndex((r) => r.some((c) => isValueText(c.text)));
  if (lastRow < 0 || firstData < 0) return;
  const lastRowHasFigures = a.rows[lastRow].some((c) => isValueText(c.text));
  for (const pb of placedB) {
    if (pb.row !== firstData || !isLabel(pb.cell) || LABEL_ORDINAL.test(pb.cell.text.trim()))
      continue;
    const pa = placedA.find(
      (p) => p.col === pb.col && p.row + p.cell.rowSpan - 1 === lastRow && isLabel(p.cell),
    );
    if (!pa || !LABEL_ORDINAL.test(pa.cell.text.trim())) continue;
    const startsHere = pa.row === lastRow && pa.cell.rowSpan === 1;
    if (startsHere && !lastRowHasFigures) {
      // The row itself was cut: its label goes to the half that has the figures.
      pb.cell.text = pa.cell.text + pb.cell.text;
      pa.cell.text = "";
    } else {
      pa.cell.text += pb.cell.text;
      pb.cell.text = "";
    }
  }
}

/**
 * A row allowed to break over the page keeps its figures on the first page and wraps the end of its
 * label onto the next (`2.没有现成信息需要` … / `另行制作`): the next part opens with a row that
 * holds only that end, under the label of the last row, and nothing under the last row's figures
 * (a repeated header would). The end goes back onto the label; the row left empty stays blank.
 */
function joinLabelTail(
  a: TableBlock,
  placedA: Placed[],
  placedB: Placed[],
  lastRow: number,
): boolean {
  const firstB = placedB.filter((p) => p.row === 0);
  const lastA = placedA.filter((p) => p.row + Math.max(1, p.cell.rowSpan) - 1 === lastRow);
  if (!a.rows[lastRow].some((c) => isValueText(c.text))) return false;
  if (firstB.some((p) => isValueText(p.cell.text))) return false;
  const filled = firstB.filter((p) => !isBlankText(p.cell.text));
  if (filled.length === 0) return false;
  const pairs = filled.map((pb) => ({
    pb,
    pa: lastA.find((p) => p.col === pb.col && p.row === lastRow && isLabel(p.cell)),
  }));
  const joinable = pairs.every(
    ({ pb, pa }) =>
      pa !== undefined &&
      LABEL_ORDINAL.test(pa.cell.text.trim()) &&
      !LABEL_ORDINAL.test(pb.cell.text.trim()) &&
      isLabel(pb.cell),
  );
  if (!joinable) return false;
  for (const { pb, pa } of pairs) {
    pa!.cell.text += pb.cell.text;
    pb.cell.text = "";
  }
  return true;
}

function isLabel(cell: TableCell): boolean {
  return !isBlankText(cell.text) && !isValueText(cell.text);
}

/** Cells with the grid row and column they start at (spans from above taken into account). */
function place(table: TableBlock): Placed[] {
  const out: Placed[] = [];
  const taken: boolean[][] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r]?.[c]) c++;
      out.push({ cell, row: r, col: c });
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++)
          (taken[r + dr] ??= [])[c + dc] = true;
      }
      c += Math.max(1, cell.colSpan);
    }
  });
  return out;
}
