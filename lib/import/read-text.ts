import { joinCellLines } from "./cell-lines";
import { ImportRefusedError } from "./import-bytes";
import { looksAligned, readAlignedText } from "./read-aligned-text";
import { looksMarkdown, readMarkdown } from "./read-markdown";
import { splitRunOn } from "./read-run-on";
import type { DocBlock, TableBlock, TableCell } from "./types";
import { isValueText } from "./values";
import { stripArtifacts } from "./text-utils";

/** Longest text read (UTF-16 code units, about 2 MB): a report is a few dozen kilobytes. */
export const MAX_TEXT_LENGTH = 2 * 1024 * 1024;

/**
 * Plain text of a report, in whichever layout it came:
 *  - Markdown from OCR and AI conversion tools (pipe tables) → read-markdown.ts;
 *  - column-aligned text (pdftotext -layout, copied from a PDF) → read-aligned-text.ts;
 *  - otherwise line by line (readLines): Word's and WPS's two text layouts, a web page copied
 *    from the browser (cells separated by TAB), and lines that hold a whole article or a table
 *    row separated by spaces (read-run-on.ts).
 * Text beyond MAX_TEXT_LENGTH is refused rather than read slowly.
 */
export function readText(input: string): DocBlock[] {
  if (input.length > MAX_TEXT_LENGTH) {
    const mb = (input.length / 1024 / 1024).toFixed(1);
    throw new ImportRefusedError(
      `文本过长（约 ${mb} MB），超过可导入的 2 MB。年度报告的正文通常只有几十 KB，请只粘贴报告本身，或上传报告的 DOCX、HTML 文件。`,
    );
  }
  const text = stripArtifacts(input).replace(/\r\n?/g, "\n");
  if (looksMarkdown(text)) return readMarkdown(text);
  if (looksAligned(text)) return readAlignedText(text);
  return readLines(text);
}

/** A line with TABs this long is not a table row but an article whose line breaks were lost. */
const MAX_TAB_ROW = 300;

/**
 * Text whose tables have TABs between cells, in the layouts found in the wild:
 *  - one cell per line: each cell on its own tab-indented line (an empty cell a line of only a
 *    TAB), rows separated by blank lines, a label broken across lines continues on un-indented
 *    lines (`→商业` / `企业`);
 *  - one row per line: the cells of a row separated by TABs. Word pads a merged cell with empty
 *    fields (`行政许可\t639\t\t`); a browser's copy of a web page keeps every blank cell as an empty
 *    field (`行政许可\t`). Both are real grids: the matcher trims fields beyond a row's columns.
 *  - one cell per line without indent (a page whose cells hold paragraphs, PDF text): runs of such
 *    lines are read by cell-lines.ts.
 * Lines without TABs are paragraphs, unless they hold section headings or table rows inside them.
 */
function readLines(text: string): DocBlock[] {
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

  for (const line of joinCellLines(text.split("\n"))) {
    if (typeof line !== "string") {
      endTable();
      blocks.push(line);
      lastWasCellLine = false;
      continue;
    }
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
    const split = line.includes("\t") && line.length <= MAX_TAB_ROW ? null : splitRunOn(line);
    if (split) {
      endTable();
      blocks.push(...split);
      lastWasCellLine = false;
      continue;
    }
    const figures = table ? null : (figureRow(line) ?? labelledRow(line));
    const previous = blocks[blocks.length - 1];
    if (figures && previous?.type === "table") {
      previous.rows.push(figures.map(cell));
      lastWasCellLine = false;
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
  return joinAdjacentTables(blocks);
}

function cell(text: string): TableCell {
  return { text, colSpan: 1, rowSpan: 1 };
}

/** A short un-indented line right after a label cell is the rest of that label (`社会` / `公益` / `组织`). */
function continuesCell(previous: TableCell, line: string): boolean {
  const text = line.trim();
  const prev = previous.text.trim();
  return (
    prev !== "" &&
    !isValueText(prev) &&
    text.length <= 24 &&
    !/[。！？]$/.test(text) &&
    !isValueText(text)
  );
}

/**
 * A line of figures alone separated by spaces, right after a table: its next row (四's row has no
 * label). Five figures at least, so that a page number (`- 3 -`) is never taken for one.
 */
function figureRow(line: string): string[] | null {
  const words = line.trim().split(/[ \u3000\u00a0]+/);
  if (words.length < 5 || !words.every(isValueText) || words.filter((w) => /\d/.test(w)).length < 2)
    return null;
  return words;
}

/**
 * A line right after a table's rows that is a short label and figures separated by spaces, where the
 * label is none the format prints (a misprinted `2.其他法律行政止公开 0 0 2 0 0 0 2`): that table's
 * next row, so the matcher can recognise the label as a variant and say so, instead of the row's
 * figures being lost in a paragraph. A sentence (full stop, comma) is never taken for one.
 */
function labelledRow(line: string): string[] | null {
  const words = line.trim().split(/[ \u3000\u00a0]+/);
  let k = words.length;
  while (k > 0 && isValueText(words[k - 1])) k--;
  if (k !== 1 || k === words.length) return null;
  const label = words[0];
  if (
    label.length > MAX_ROW_LABEL ||
    !/\p{Script=Han}/u.test(label) ||
    /[。！？；，,;!?：:]/.test(label)
  )
    return null;
  return words;
}

/** Longer than the longest row label of either format (三's 2.申请人逾期未按收费通知要求… is 37). */
const MAX_ROW_LABEL = 60;

/** Rows recovered line by line (one row of spaces per line) are one table, as they were printed. */
function joinAdjacentTables(blocks: DocBlock[]): DocBlock[] {
  const out: DocBlock[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (
      block.type === "table" &&
      previous?.type === "table" &&
      previous.positional === block.positional
    ) {
      previous.rows.push(...block.rows);
      continue;
    }
    out.push(block);
  }
  return out;
}
