import type { ReportContent } from "@/lib/report/content";
import { layoutDocument, placedRows } from "./document";
import type { LayoutTable } from "../grid-layout";

/**
 * What a browser gives for a portal page showing the report (`innerText`, which is also what
 * copying the page yields): a table row per line, cells separated by TAB, a blank cell as an empty
 * field, a cell merged over several columns as one field, and the positions a cell merged down
 * from a row above covers left out. Paragraphs are separated by a blank line, headings and tables
 * by a line break — as Chromium prints our own HTML export.
 */
export function webPageCopy(content: ReportContent): string {
  const doc = layoutDocument(content);
  const out = new InnerText();
  out.block(doc.title.join("\n"), 1);
  for (const p of doc.preface) out.block(p, 2);
  for (const section of doc.sections) {
    out.block(section.heading, 1);
    for (const p of section.paragraphs) out.block(p, 2);
    for (const table of section.tables) out.block(tableText(table), 1);
  }
  for (const line of doc.closing) out.block(line, 2);
  return out.toString();
}

/**
 * The copy of a portal page whose table cells hold `<p>` paragraphs (pages converted from Word):
 * every cell comes out as a paragraph of its own. Selecting and copying gives the cells separated
 * by blank lines, rows and empty cells lost; `innerText` (as Chromium prints it) puts a line with a
 * TAB between the cells of a row, so an empty cell is two TAB lines in a row, and leaves a wider gap
 * between rows.
 */
export function webPageCopyOfCellParagraphs(
  content: ReportContent,
  { innerText = false } = {},
): string {
  const doc = layoutDocument(content);
  const out = new InnerText();
  out.block(doc.title.join("\n"), 1);
  for (const p of doc.preface) out.block(p, 2);
  for (const section of doc.sections) {
    out.block(section.heading, 1);
    for (const p of section.paragraphs) out.block(p, 2);
    for (const table of section.tables) {
      for (const row of placedRows(table)) {
        // innerText: a TAB between cells, an empty cell leaves two TABs in a row; a selection drops both.
        const parts = innerText
          ? row.flatMap((c, i) => [...(i > 0 ? ["\t"] : []), ...(c.text ? [c.text] : [])])
          : row.map((c) => c.text).filter((t) => t !== "");
        if (parts.length > 0) out.block(parts.join("\n\n"), innerText ? 5 : 2);
      }
    }
  }
  for (const line of doc.closing) out.block(line, 2);
  return out.toString();
}

function tableText(table: LayoutTable): string {
  return placedRows(table)
    .map((row) => row.map((c) => c.text).join("\t"))
    .join("\n");
}

/** innerText's "required line breaks": between two blocks, the larger of their counts of line feeds. */
class InnerText {
  private text = "";
  private pending = 0;

  block(text: string, breaks: number): void {
    if (this.text !== "") this.text += "\n".repeat(Math.max(this.pending, breaks));
    this.text += text;
    this.pending = breaks;
  }

  toString(): string {
    return this.text;
  }
}
