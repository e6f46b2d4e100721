import type { DocBlock, TableBlock, TableCell } from "./types";
import { isValueText } from "./values";
import { stripArtifacts } from "./text-utils";

/**
 * Plain text extracted from a Word report, in either layout found in the wild:
 *  - one cell per line: each cell on its own tab-indented line, rows separated by blank lines,
 *    a label broken across lines continues on un-indented lines (`→商业` / `企业`);
 *  - one row per line: the cells of a row separated by tabs.
 * Lines without tabs are paragraphs; a table runs from its first tabbed line to the next paragraph.
 */
export function readText(input: string): DocBlock[] {
  const lines = stripArtifacts(input).replace(/\r\n?/g, "\n").split("\n");
  const blocks: DocBlock[] = [];
  let table: TableBlock | null = null;
  let row: TableCell[] | null = null;
  let lastWasCellLine = false;

  const endRow = () => {
    if (row && table) table.rows.push(row);
    row = null;
  };
  const endTable = () => {
    endRow();
    if (table && table.rows.length > 0) blocks.push(table);
    table = null;
  };
  const ensureTable = (): TableBlock => (table ??= { type: "table", rows: [], positional: true });

  for (const line of lines) {
    // Inside a table a line of only a TAB is an empty cell (one cell per line); elsewhere it is a blank line.
    if (table && /^\t[^\S\n]*$/.test(line)) {
      (row ??= []).push(cell(""));
      lastWasCellLine = true;
      continue;
    }
    if (line.trim() === "") {
      endRow();
      lastWasCellLine = false;
      continue;
    }
    if (/^\t[^\t]*$/.test(line)) {
      ensureTable();
      (row ??= []).push(cell(line.slice(1)));
      lastWasCellLine = true;
      continue;
    }
    if (line.includes("\t")) {
      endRow();
      ensureTable().rows.push(line.split("\t").map(cell));
      lastWasCellLine = false;
      continue;
    }
    const current: TableCell[] | null = row;
    if (lastWasCellLine && current && continuesCell(current[current.length - 1], line)) {
      current[current.length - 1].text += line.trim();
      continue;
    }
    endTable();
    blocks.push({ type: "paragraph", text: line });
    lastWasCellLine = false;
  }
  endTable();
  return blocks;
}

function cell(text: string): TableCell {
  return { text, colSpan: 1, rowSpan: 1 };
}

/** A short un-indented line right after a label cell is the rest of that label (`社会` / `公益` / `组织`). */
function continuesCell(previous: TableCell, line: string): boolean {
  const text = line.trim();
  const prev = previous.text.trim();
  return prev !== "" && !isValueText(prev) && text.length <= 24 && !/[。！？]$/.test(text) && !isValueText(text);
}
