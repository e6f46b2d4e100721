import { getFormat } from "@/lib/report/formats";
import { findLabels, type LabelToken } from "./label-tokens";
import { matchHeading } from "./structure";
import type { DocBlock, TableBlock, TableCell } from "./types";
import { isValueText } from "./values";

/**
 * A line of text that holds what should have been many: a whole article pasted from a portal page
 * without its line breaks, or a table row whose cells are separated by spaces. The line is cut
 * before the section headings it contains (`一、总体情况` … `六、其他需要报告的事项`), and runs of
 * the format's table labels with figures between them become table rows again. TABs, when the
 * copy kept them, still separate cells, so a blank cell stays a blank in its column.
 *
 * Returns null when the line is an ordinary paragraph (no heading inside it, no table row).
 */
export function splitRunOn(line: string): DocBlock[] | null {
  // Most lines are plain paragraphs: without a space inside or a heading after their start there is nothing to cut.
  if (!/[ \t\u3000\u00a0]/.test(line.trim()) && !MIDLINE_HEADING.test(line)) return null;
  const pieces = splitAtHeadings(line);
  const blocks: DocBlock[] = [];
  let found = pieces.length > 1;
  pieces.forEach((piece, i) => {
    if (piece.heading) {
      blocks.push({ type: "paragraph", text: piece.text.trim() });
      return;
    }
    for (const part of splitZones(piece.text, i === 0 && pieces.length > 1)) {
      if (part.type === "table") found = true;
      blocks.push(part);
    }
  });
  if (!found) return null;
  return splitClosing(blocks.flatMap((b) => (b.type === "paragraph" ? paragraphsOf(b.text) : [b])));
}

interface Piece {
  text: string;
  heading: boolean;
}

const SECTIONS = getFormat("2021").sections;
const HEADING_START = /(?:第([一二三四五六])部分|([一二三四五六])\s*[、.．]|([1-6])\s*[、．])/g;
const HEADING_WINDOW = 60;
const MIDLINE_HEADING = /.(?:第[一二三四五六]部分|[一二三四五六1-6]\s*[、.．])/;

/** The line cut before and after each section heading in it, in the sections' order. */
function splitAtHeadings(line: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  let after = -1;
  for (const m of line.matchAll(HEADING_START)) {
    const start = m.index;
    // A heading numbered in digits (`2、`) must not be the end of a figure (`12、`).
    if (start < last || (m[3] && start > 0 && /[\d.]/.test(line[start - 1]))) continue;
    // A heading holds no figure and no full stop: the window ends before the first after its number.
    const window = line.slice(start, start + HEADING_WINDOW).replace(/^(.[^\d。]*).*$/s, "$1");
    let best: { end: number; score: number; section: number } | null = null;
    // A title ends in 况 or 项 (…情况, …事项), or in a variant's 措施 (…及整改措施); trying only
    // those ends keeps this linear.
    for (let end = m[0].length + 2; end <= window.length; end++) {
      if (!/[况项施]/.test(window[end - 1])) continue;
      const match = matchHeading(window.slice(0, end), SECTIONS, after);
      if (match && (!best || match.score > best.score + 1e-9))
        best = { end, score: match.score, section: SECTIONS.indexOf(match.section) };
    }
    if (!best) continue;
    if (start > last) pieces.push({ text: line.slice(last, start), heading: false });
    pieces.push({ text: window.slice(0, best.end), heading: true });
    last = start + best.end;
    after = best.section;
  }
  if (last < line.length) pieces.push({ text: line.slice(last), heading: false });
  return pieces.filter((p) => p.text.trim() !== "");
}

type Item =
  { type: "label"; text: string; token: LabelToken | null } | { type: "value"; text: string };

interface Zone {
  start: number;
  end: number;
  items: Item[];
  tabs: boolean;
}

const TITLE = "政府信息公开工作年度报告";
/** Text that cannot be a cell of a table: sentence punctuation, or an enumeration comma. */
const PROSE = /[。！？；，、,;!?]/;
const MAX_UNKNOWN_LABEL = 40;

/**
 * The piece as text and table rows. A zone is a run of labels and figures with nothing but
 * whitespace between them; it becomes a table when it is clearly one: at least two labels and a
 * figure, or a whole piece of labels and figures (a row on a line of its own).
 */
function splitZones(text: string, opensDocument: boolean): DocBlock[] {
  const tokens = findLabels(text);
  const zones: Zone[] = [];
  let zone: Zone | null = null;
  let pos = 0;
  const close = (at: number) => {
    if (zone) {
      zone.end = at;
      zones.push(zone);
    }
    zone = null;
  };
  for (let i = 0; i <= tokens.length; i++) {
    const token = tokens[i];
    const gapEnd = token ? token.start : text.length;
    if (zone) {
      const stop = readGap(text.slice(pos, gapEnd), (zone as Zone).items, !token);
      if (stop >= 0) close(pos + stop);
    }
    if (!token) break;
    zone ??= { start: token.start, end: token.end, items: [], tabs: false };
    zone.items.push({ type: "label", text: text.slice(token.start, token.end), token });
    pos = token.end;
  }
  close(text.length);

  const whole = text.trim();
  const accepted = zones.filter((z) => {
    const labels = z.items.filter((it) => it.type === "label" && it.token).length;
    const figures = z.items.filter((it) => it.type === "value" && it.text !== "").length;
    const alone = text.slice(z.start, z.end).trim() === whole;
    return (labels >= 2 && figures >= 1) || (alone && labels >= 1 && (figures >= 1 || labels >= 2));
  });
  const blocks: DocBlock[] = [];
  let last = 0;
  for (const z of accepted) {
    pushText(blocks, text.slice(last, z.start), opensDocument && last === 0);
    blocks.push(tableOf(z.items, text.slice(z.start, z.end).includes("\t")));
    last = z.end;
  }
  pushText(blocks, text.slice(last), opensDocument && last === 0);
  return blocks;
}

/**
 * The cells in the text between two labels (or after the last): figures, blanks (an empty field
 * between TABs), and short unknown labels followed by figures (a label worded differently).
 * Returns where the zone stops in the gap, or -1 when the whole gap belongs to it.
 */
function readGap(gap: string, items: Item[], atEnd: boolean): number {
  const tabs = gap.includes("\t");
  const fields = tabs ? gap.split("\t") : [gap];
  let offset = 0;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f];
    if (tabs && field.trim() === "") {
      // An empty field between TABs is a blank cell; at the edge of the gap it is the label's own
      // field, unless it holds the space that a lost line break left (the row ended or began blank).
      const edge = f === 0 || (f === fields.length - 1 && !atEnd);
      if (!edge || field !== "") items.push({ type: "value", text: "" });
    } else {
      const stop = readWords(field, items);
      if (stop >= 0) return offset + stop;
    }
    offset += field.length + 1;
  }
  return -1;
}

/** Figures and short unknown labels in text without TABs; where the zone stops, or -1. */
function readWords(field: string, items: Item[]): number {
  let unknown: { text: string; start: number } | null = null;
  for (const m of field.matchAll(/[^ \u3000\u00a0\r\n]+/g)) {
    const word = m[0];
    if (isFigure(word)) {
      if (unknown) items.push({ type: "label", text: unknown.text, token: null });
      unknown = null;
      items.push({ type: "value", text: word });
    } else if (
      !PROSE.test(word) &&
      !/^\d/.test(word) &&
      (unknown?.text.length ?? 0) + word.length <= MAX_UNKNOWN_LABEL
    ) {
      unknown = unknown
        ? { text: `${unknown.text} ${word}`, start: unknown.start }
        : { text: word, start: m.index };
    } else {
      return unknown ? unknown.start : m.index;
    }
  }
  // Unknown words not followed by figures are the text after the table, not a label.
  return unknown ? unknown.start : -1;
}

/** Table rows from a zone: a new row at each caption, header or row label and after each run of figures. */
function tableOf(items: Item[], positional: boolean): TableBlock {
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  let previous: Item | null = null;
  for (const item of items) {
    if (row.length > 0 && startsRow(item, previous)) {
      rows.push(row);
      row = [];
    }
    row.push({ text: item.text.trim(), colSpan: 1, rowSpan: 1 });
    previous = item;
  }
  if (row.length > 0) rows.push(row);
  return { type: "table", rows, positional };
}

function startsRow(item: Item, previous: Item | null): boolean {
  if (!previous) return false;
  const kinds = item.type === "label" ? item.token?.kinds : undefined;
  const previousKinds = previous.type === "label" ? previous.token?.kinds : undefined;
  const afterGroup = previousKinds?.has("rowGroup") ?? false;
  if (item.type === "value") {
    // Figures after a column header (四's 总计) are a row of their own.
    return previous.type === "label" && previousKinds !== undefined && !previousKinds.has("row");
  }
  if (previous.type === "value") return true;
  if (!kinds) return !afterGroup;
  if (
    kinds.has("caption") ||
    kinds.has("note") ||
    kinds.has("rowHeader") ||
    kinds.has("columnsHeader")
  )
    return true;
  return kinds.has("row") && !afterGroup;
}

/** Text outside tables; the document's title, when the line opens with it, on its own. */
function pushText(blocks: DocBlock[], text: string, opensDocument: boolean): void {
  let rest = text.trim();
  if (opensDocument) {
    const at = rest.indexOf(TITLE);
    const title = at >= 0 ? rest.slice(0, at + TITLE.length) : "";
    if (at >= 0 && title.length <= 60 && !PROSE.test(title) && rest.length > title.length) {
      blocks.push({ type: "paragraph", text: title.trim() });
      rest = rest.slice(title.length).trim();
    }
  }
  if (rest !== "") blocks.push({ type: "paragraph", text: rest });
}

/** Paragraphs of the article: a space after the end of a sentence is where a line break was. */
function paragraphsOf(text: string): DocBlock[] {
  return text
    .split(/(?<=[。！？][”’」』）)]?)[ \t\u3000\u00a0]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => ({ type: "paragraph", text: p }));
}

const CN = "[〇零○一二三四五六七八九十]";
const DATE_AT_END = new RegExp(
  `(?:\\d{4}|${CN}{4})\\s*年\\s*(?:\\d{1,2}|${CN}{1,3})\\s*月\\s*(?:\\d{1,2}|${CN}{1,3})\\s*日\\s*$`,
);
const ORGAN =
  /(?:人民政府|政府|办事处|办公室|委员会|管委会|局|委|厅|院|中心|所|站|队|处|署|街道|镇|乡|区|县|市)$/;

/** The issuing organ and the date at the very end of the article, each on a line of its own as printed. */
function splitClosing(blocks: DocBlock[]): DocBlock[] {
  const last = blocks[blocks.length - 1];
  if (last?.type !== "paragraph") return blocks;
  const date = DATE_AT_END.exec(last.text);
  if (!date || date.index === 0) return blocks;
  const before = last.text.slice(0, date.index).trimEnd();
  const sentenceEnd = Math.max(
    before.lastIndexOf("。"),
    before.lastIndexOf("！"),
    before.lastIndexOf("？"),
  );
  const organ = before.slice(sentenceEnd + 1).trim();
  const out = blocks.slice(0, -1);
  if (
    organ.length >= 2 &&
    organ.length <= 40 &&
    !PROSE.test(organ) &&
    ORGAN.test(organ.replace(/\s/g, ""))
  ) {
    const text = before.slice(0, sentenceEnd + 1).trim();
    if (text) out.push({ type: "paragraph", text });
    out.push({ type: "paragraph", text: organ });
  } else if (/[。！？]$/.test(before) || before.length <= 40) {
    out.push({ type: "paragraph", text: before });
  } else {
    return blocks;
  }
  out.push({ type: "paragraph", text: date[0].trim() });
  return out;
}

/** A figure; plain digits, by far the most common, without the full reading of values.ts. */
function isFigure(word: string): boolean {
  return /^\d+$/.test(word) || isValueText(word);
}
