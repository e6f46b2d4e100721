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
 * every cell comes out as a paragraph of its own and the rows are lost. Selecting and copying
 * gives the cells separated by blank lines; `innerText` puts a line with a TAB between the cells
 * of a row. An empty cell leaves no trace either way.
 */
export function webPageCopyOfCellParagraphs(content: ReportContent, { innerText = false } = {}): string {
  const doc = layoutDocument(content);
  const out = new InnerText();
  out.block(doc.title.join("\n"), 1);
  for (const p of doc.preface) out.block(p, 2);
  for (const section of doc.sections) {
    out.block(section.heading, 1);
    for (const p of section.paragraphs) out.block(p, 2);
    for (const table of section.tables) {
      for (const row of placedRows(table)) {
        const cells = row.map((c) => c.text).filter((t) => t !== "");
        if (cells.length > 0) out.block(cells.join(innerText ? "\n\n\t\n\n" : "\n\n"), innerText ? 3 : 2);
      }
    }
  }
  for (const line of doc.closing) out.block(line, 2);
  return out.toString();
}

function tableText(table: LayoutTable): string {
  return placedRows(table).map((row) => row.map((c) => c.text).join("\t")).join("\n");
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
