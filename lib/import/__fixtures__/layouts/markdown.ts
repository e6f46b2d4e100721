import type { ReportContent } from "@/lib/report/content";
import type { LayoutCell, LayoutTable } from "../grid-layout";
import { gridRows, layoutDocument } from "./document";

/**
 * Markdown as OCR and AI conversion tools write a published report: `#` headings, bold markers,
 * half-width brackets in ordinals (`(六)`), pipe tables whose header row is a placeholder
 * (`列1`, `Unnamed: 2`) or simply the first row of the table, merged cells as empty cells,
 * `<br>` where a long label wrapped, and the captions of 二 and 三's outcome groups lifted out of
 * the tables as `###` lines that cut the table in pieces.
 */
export function ocrMarkdown(content: ReportContent): string {
  const doc = layoutDocument(content);
  const out: string[] = [`# **${doc.title.join("")}**`, ""];
  for (const p of doc.preface) out.push(halfWidth(p), "");
  let tableNumber = 0;
  for (const section of doc.sections) {
    out.push(`## ${section.heading}`, "");
    for (const p of section.paragraphs) out.push(halfWidth(p), "");
    for (const table of section.tables) {
      for (const piece of pieces(table)) {
        if (piece.heading) out.push(`### ${halfWidth(piece.heading)}`, "");
        out.push(
          ...pipeTable(
            piece.rows.map((row) => row.map(markCell)),
            tableNumber++,
          ),
          "",
        );
      }
    }
  }
  out.push(...doc.closing.map((l) => `**${l}**`));
  return out.join("\n");
}

/**
 * Markdown of a data frame (the tables read into pandas and written with `to_markdown()`): an
 * index column, `Unnamed: n` column names, and `nan` for every empty cell.
 */
export function dataFrameMarkdown(content: ReportContent): string {
  const doc = layoutDocument(content);
  const out: string[] = [...doc.title, "", ...doc.preface.flatMap((p) => [p, ""])];
  for (const section of doc.sections) {
    out.push(section.heading, "");
    for (const p of section.paragraphs) out.push(p, "");
    for (const table of section.tables) {
      const rows = gridRows(table);
      const width = rows[0].length;
      out.push(`|    | ${Array.from({ length: width }, (_, i) => `Unnamed: ${i}`).join(" | ")} |`);
      out.push(`|---:|${new Array(width).fill(":---").join("|")}|`);
      rows.forEach((row, i) =>
        out.push(
          `| ${String(i).padStart(2)} | ${row.map((c) => (c === "" ? "nan" : c)).join(" | ")} |`,
        ),
      );
      out.push("");
    }
  }
  out.push(...doc.closing);
  return out.join("\n");
}

interface Piece {
  heading: string | null;
  rows: LayoutCell[][];
}

/**
 * The table cut where a converter lifts a heading out of it: 二's caption row goes above the
 * table, and each outcome group of 三 (`（三）不予公开`) starts a new piece under its own heading,
 * its merged group cell left empty.
 */
function pieces(table: LayoutTable): Piece[] {
  const rows = gridRows(table).map((row) => row.map((text): LayoutCell => ({ text, colSpan: 1 })));
  if (table.rows[0].length === 1 && table.rows[0][0].colSpan === table.columns) {
    return [{ heading: table.rows[0][0].text, rows: rows.slice(1) }];
  }
  if (table.id !== "requests") return [{ heading: null, rows }];
  const out: Piece[] = [{ heading: null, rows: [] }];
  table.rows.forEach((source, r) => {
    const group =
      source.length > 2 &&
      source[1].vMerge === "restart" &&
      /^[（(][三四五六][）)]/.test(source[1].text)
        ? source[1].text
        : null;
    if (group) out.push({ heading: group, rows: [] });
    const row = rows[r];
    if (group) row[1] = { text: "", colSpan: 1 };
    out[out.length - 1].rows.push(row);
  });
  return out;
}

/** What a converter does to a cell: bold header text, `<br>` in a long label, half-width brackets. */
function markCell(cell: LayoutCell, column: number): string {
  let text = halfWidth(cell.text);
  if (text.length > 16 && !/^\d/.test(text)) text = `${text.slice(0, 8)}<br>${text.slice(8)}`;
  return column === 0 && /^(?:信息内容|行政复议|结果维持)$/.test(text) ? `**${text}**` : text;
}

/** A pipe table under a header row the converter made up: `列1 …`, `Unnamed: n`, or the first row itself. */
function pipeTable(rows: string[][], n: number): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) =>
    `| ${[...cells, ...new Array<string>(width - cells.length).fill("")].join(" | ")} |`;
  const kind = n % 3;
  const header =
    kind === 0
      ? Array.from({ length: width }, (_, i) => `列${i + 1}`)
      : kind === 1
        ? Array.from({ length: width }, (_, i) => `Unnamed: ${i}`)
        : rows[0];
  const body = kind === 2 ? rows.slice(1) : rows;
  return [line(header), `|${new Array(width).fill(" --- ").join("|")}|`, ...body.map(line)];
}

function halfWidth(text: string): string {
  return text.replace(/（([一二三四五六七八九十]{1,3})）/g, "($1)");
}

/**
 * Markdown as pandoc writes a Word report: headings and paragraphs, and each table as a grid table
 * (`+----+----+` borders, `+====+` under the header row) in which a long label wraps over several
 * lines of its cell; merged cells are repeated as empty cells.
 */
export function pandocMarkdown(content: ReportContent): string {
  const doc = layoutDocument(content);
  const out: string[] = [
    ...doc.title.map((t) => `# ${t}`),
    "",
    ...doc.preface.flatMap((p) => [p, ""]),
  ];
  for (const section of doc.sections) {
    out.push(`# ${section.heading}`, "");
    for (const p of section.paragraphs) out.push(p, "");
    for (const table of section.tables) out.push(...gridTable(gridRows(table)), "");
  }
  out.push(...doc.closing.flatMap((l) => [l, ""]));
  return out.join("\n");
}

const WRAP = 10;

function gridTable(rows: string[][]): string[] {
  const wrapped = rows.map((row) =>
    row.map((text) =>
      text === ""
        ? [""]
        : Array.from({ length: Math.ceil(text.length / WRAP) }, (_, i) =>
            text.slice(i * WRAP, (i + 1) * WRAP),
          ),
    ),
  );
  const widths = rows[0].map((_, c) =>
    Math.max(...wrapped.map((row) => Math.max(...row[c].map(displayWidth)))),
  );
  const border = (ch: string) => `+${widths.map((w) => ch.repeat(w + 2)).join("+")}+`;
  const out = [border("-")];
  wrapped.forEach((row, r) => {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let line = 0; line < height; line++) {
      out.push(`| ${row.map((cell, c) => pad(cell[line] ?? "", widths[c])).join(" | ")} |`);
    }
    out.push(border(r === 0 ? "=" : "-"));
  });
  return out;
}

function displayWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
}

function pad(text: string, width: number): string {
  return text + " ".repeat(width - displayWidth(text));
}
