import { clampSpan, GRID_LIMITS } from "../grid";
import type { TableBlock, TableCell } from "../types";
import {
  attr,
  childrenOf,
  isElement,
  isHidden,
  isText,
  type HtmlElement,
  type HtmlNode,
} from "./dom";
import { HTML_LIMITS } from "./limits";
import { BLOCK_TAGS, SKIP_TAGS } from "./tags";

export interface ReadTable {
  block: TableBlock;
  /**
   * A table the page uses for layout rather than data: no row with two cells, a heading in a cell,
   * or a cell holding more text than any label or number does. Its cells are read as running text.
   */
  layout: boolean;
}

/**
 * A table without tables inside, as rows of cells with their spans (as printed: covered positions are
 * absent). A `<caption>` becomes a first row across the table, as Word prints a caption row.
 */
export function readTable(table: HtmlElement): ReadTable {
  const rows: TableCell[][] = [];
  let caption: string | null = null;
  let widest = 0;
  let twoCells = false;
  let layout = false;
  for (const tr of partsOf(table)) {
    if (tr.tagName === "caption") {
      caption ??= cellText(tr).text.replace(/\n/g, "");
      continue;
    }
    const cells: TableCell[] = [];
    let width = 0;
    for (const td of childrenOf(tr)) {
      if (!isElement(td) || (td.tagName !== "td" && td.tagName !== "th") || isHidden(td)) continue;
      const { text, heading } = cellText(td);
      if (heading || text.length > HTML_LIMITS.maxDataCellChars) layout = true;
      const cell = {
        text,
        colSpan: spanOf(attr(td, "colspan")),
        rowSpan: spanOf(attr(td, "rowspan")),
      };
      width += clampSpan(cell.colSpan, GRID_LIMITS.maxColSpan);
      cells.push(cell);
    }
    if (cells.length > 1) twoCells = true;
    widest = Math.max(widest, width);
    rows.push(cells);
  }
  if (caption) rows.unshift([{ text: caption, colSpan: Math.max(1, widest), rowSpan: 1 }]);
  return { block: { type: "table", rows, positional: true }, layout: layout || !twoCells };
}

/** The table's caption and rows (directly, or in thead/tbody/tfoot), in document order. */
function partsOf(table: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack: HtmlNode[] = [...childrenOf(table)].reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (!isElement(child) || isHidden(child)) continue;
    if (child.tagName === "tr" || child.tagName === "caption") out.push(child);
    else if (child.tagName === "thead" || child.tagName === "tbody" || child.tagName === "tfoot") {
      const rows = childrenOf(child);
      for (let i = rows.length - 1; i >= 0; i--) stack.push(rows[i]);
    }
  }
  return out;
}

/** An HTML span attribute: digits after optional spaces (`" 3 "`, `"2.5"` → 2); anything else is 1. */
function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/**
 * A cell's text with its line structure: `<br>`, `<p>` and `<div>` break lines, so a label set over
 * two paragraphs stays one label (the matcher compares labels without whitespace) and two numbers
 * set over two lines stay two (they are not one number). Whitespace within a line collapses to one
 * space; a line of `&nbsp;` alone is empty, so a cell of them is a blank in its own column.
 */
export function cellText(td: HtmlElement): { text: string; heading: boolean } {
  const parts: string[] = [];
  let heading = false;
  // A string on the stack is text to emit when reached (the line break after a block).
  const stack: (HtmlNode | string)[] = [...childrenOf(td)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === "string") {
      parts.push(node);
      continue;
    }
    if (isText(node)) {
      parts.push(node.value.replace(/[ \t\r\n\f]+/g, " "));
      continue;
    }
    if (!isElement(node) || SKIP_TAGS.has(node.tagName) || isHidden(node)) continue;
    if (node.tagName === "br") {
      parts.push("\n");
      continue;
    }
    if (/^h[1-6]$/.test(node.tagName)) heading = true;
    if (BLOCK_TAGS.has(node.tagName)) {
      parts.push("\n");
      stack.push("\n");
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  const text = parts
    .join("")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
  return { text, heading };
}
