import { labelIndex } from "./label-index";
import { readHtml } from "./read-html";
import { labelKey } from "./text-utils";
import type { DocBlock, TableBlock } from "./types";

/**
 * Markdown as OCR and AI conversion tools write a report: `#` headings, `**bold**`, pipe tables
 * (with or without outer pipes) with a `|---|` separator under a header row that is often made up
 * (`列1`, `Unnamed: 2`, `0 1 2`), pandoc's grid tables (`+----+`, a cell wrapped over lines),
 * merged cells as empty cells, `<br>` where a cell's text wrapped, pandas' index column and `nan`,
 * HTML `<table>`s where the tool gave up on pipes, and headings lifted out of a table (`### (三)不予公开`)
 * that cut it in pieces. Pipe tables are real grids: an empty cell is an empty value.
 */
export function looksMarkdown(text: string): boolean {
  return (
    SEPARATOR_ROW.test(text) || GRID_BORDER_ROW.test(text) || /^[ \t]*<table[\s>]/im.test(text)
  );
}

// Written so that no two runs of blanks can trade characters: a long line fails in linear time.
const SEPARATOR_ROW =
  /^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+(?:\|[ \t]*)?$/m;
const SEPARATOR_LINE = new RegExp(`^${SEPARATOR_ROW.source.slice(1, -1)}$`);
/** The border of a grid table (pandoc): `+------+----+`, `+======+====+` under the header. */
const GRID_BORDER_ROW = /^[ \t]*\+(?:[-=:]+\+){2,}[ \t]*$/m;
const GRID_BORDER = /^\+(?:[-=:]+\+)+$/;

export function readMarkdown(text: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lower = text.toLowerCase();
  let last = 0;
  // HTML tables inside the Markdown are read by the HTML reader, the text around them line by line.
  for (
    let start = lower.indexOf("<table", last);
    start >= 0;
    start = lower.indexOf("<table", last)
  ) {
    const end = lower.indexOf("</table>", start);
    if (end < 0) break;
    blocks.push(...readMarkdownLines(text.slice(last, start)));
    blocks.push(...readHtml(text.slice(start, end + "</table>".length)));
    last = end + "</table>".length;
  }
  blocks.push(...readMarkdownLines(text.slice(last)));
  return mergeLiftedHeadings(blocks);
}

function readMarkdownLines(text: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let table: TableBlock | null = null;
  /** In a grid table, the text lines of the row being read, split into cells. */
  let gridLines: string[][] | null = null;
  const endGridRow = () => {
    if (table && gridLines && gridLines.length > 0) table.rows.push(...gridRow(gridLines));
    gridLines = gridLines ? [] : null;
  };
  const endTable = () => {
    endGridRow();
    gridLines = null;
    if (table) {
      dropIndexColumn(table);
      if (table.rows.length > 0) blocks.push(table);
    }
    table = null;
  };
  const lines = text.split("\n").map((l) => l.trim());
  lines.forEach((line, i) => {
    if (SEPARATOR_LINE.test(line)) {
      // The row above the separator is the header row, which converters often make up.
      if (table && table.rows.length > 0) cleanHeader(table);
      return;
    }
    if (GRID_BORDER.test(line)) {
      endGridRow();
      table ??= { type: "table", rows: [], positional: true };
      gridLines ??= [];
      return;
    }
    // A row has its outer pipes, or at least stands in a table or right above its separator.
    const row =
      line.startsWith("|") ||
      (line.includes("|") && (table !== null || SEPARATOR_LINE.test(lines[i + 1] ?? "")));
    if (row && gridLines) {
      gridLines.push(splitRow(line));
      return;
    }
    if (row) {
      table ??= { type: "table", rows: [], positional: true };
      table.rows.push(splitRow(line).map((t) => ({ text: cellText(t), colSpan: 1, rowSpan: 1 })));
      return;
    }
    endTable();
    if (line === "") return;
    const heading = /^#{1,6}[ \t]+/.exec(line);
    const body = inlineText(
      heading
        ? line.slice(heading[0].length).replace(/[ \t]+#+$/, "")
        : line.replace(/^>[ \t]?/, ""),
    );
    if (body !== "")
      blocks.push({ type: "paragraph", text: body, heading: heading ? true : undefined });
  });
  endTable();
  return blocks;
}

/**
 * One row of a grid table from its text lines: a cell's text wrapped over several lines is joined
 * column by column. Lines with different numbers of cells (merged cells) stay rows of their own.
 */
function gridRow(lines: string[][]): TableBlock["rows"] {
  const width = lines[0].length;
  if (lines.some((l) => l.length !== width))
    return lines.map((l) => l.map((t) => ({ text: cellText(t), colSpan: 1, rowSpan: 1 })));
  return [
    Array.from({ length: width }, (_, c) => ({
      text: cellText(lines.map((l) => l[c]).join("<br>")),
      colSpan: 1,
      rowSpan: 1,
    })),
  ];
}

/** Cells between unescaped pipes; the outer pipes, where the row has them, are not cells. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && line[i + 1] === "|") {
      current += "|";
      i++;
    } else if (ch === "|") {
      cells.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  cells.push(current);
  if (line.startsWith("|")) cells.shift();
  if (line.endsWith("|") && !line.endsWith("\\|") && cells.length > 0) cells.pop();
  return cells;
}

const NULL_CELL = /^(?:nan|NaN|None|null|NULL|<NA>|NaT)$/;

function cellText(raw: string): string {
  const lines = raw.split(/<br\s*\/?>/i).map(inlineText);
  if (lines.length === 1 && NULL_CELL.test(lines[0])) return "";
  // A label wrapped in its cell is one label; numbers on separate lines stay apart.
  return lines.reduce((text, line) =>
    /\d$/.test(text) && /^\d/.test(line) ? `${text} ${line}` : text + line,
  );
}

/** Markdown emphasis, escapes and entities removed; `(六)` read as the `（六）` it stands for. */
function inlineText(text: string): string {
  return text
    .replace(/\*\*/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, "$1")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\(([一二三四五六七八九十]{1,3})\)/g, "（$1）")
    .trim();
}

/** Column names a converter makes up for a header it could not read. */
const PLACEHOLDER =
  /^(?:(?:列|字段|Column|column|Col|col|Field|field)\s*_?\d+|Unnamed:\s*\d+(?:_level_\d+)?)$/;

/**
 * The header row made up by the converter is dropped; made-up names in a real header are blanked.
 * pandas without a header names the columns 0, 1, 2 …: a header of consecutive numbers is made up too.
 */
function cleanHeader(table: TableBlock): void {
  const row = table.rows[table.rows.length - 1];
  const named = row.map((c) => c.text).filter((t) => t !== "");
  const numbered =
    named.length > 1 &&
    named.every((t, i) => /^\d+$/.test(t) && Number(t) === Number(named[0]) + i) &&
    Number(named[0]) <= 1;
  if (numbered || row.every((c) => c.text === "" || PLACEHOLDER.test(c.text))) {
    table.rows.pop();
    return;
  }
  for (const c of row) if (PLACEHOLDER.test(c.text)) c.text = "";
}

/** pandas' index column: an unnamed first column counting the rows 0, 1, 2 … (or 1, 2, 3 …). */
function dropIndexColumn(table: TableBlock): void {
  const first = table.rows.map((r) => r[0]?.text ?? "");
  const data = first[0] === "" ? first.slice(1) : first;
  if (data.length < 2) return;
  const start = Number(data[0]);
  if (
    !(start === 0 || start === 1) ||
    !data.every((t, i) => /^\d+$/.test(t) && Number(t) === start + i)
  )
    return;
  for (const row of table.rows) row.shift();
}

/**
 * A heading that the converter lifted out of a table (`### 第二十条第(一)项`, `### (三)不予公开`)
 * is a row of that table: it names the table or the group of rows under it, and it is not text of
 * the section. Tables cut apart by such headings are joined again.
 */
function mergeLiftedHeadings(blocks: DocBlock[]): DocBlock[] {
  const out: DocBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const next = blocks[i + 1];
    if (block.type === "paragraph" && next?.type === "table" && isTableLabel(block.text)) {
      next.rows.unshift([{ text: block.text, colSpan: 1, rowSpan: 1 }]);
      continue;
    }
    const previous = out[out.length - 1];
    if (block.type === "table" && previous?.type === "table") {
      previous.rows.push(...block.rows);
      continue;
    }
    out.push(block);
  }
  return out;
}

const LABEL_KINDS = new Set(["caption", "rowGroup", "row", "note", "columnsHeader", "rowHeader"]);
let labelKeys: Set<string> | null = null;

function isTableLabel(text: string): boolean {
  labelKeys ??= new Set(
    (["2021", "2019"] as const).flatMap((id) =>
      labelIndex(id)
        .entries.filter((e) => LABEL_KINDS.has(e.kind))
        .map((e) => e.key),
    ),
  );
  return labelKeys.has(labelKey(text));
}
