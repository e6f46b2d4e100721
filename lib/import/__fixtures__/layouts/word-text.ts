import type { ReportContent } from "@/lib/report/content";
import type { LayoutCell, LayoutTable } from "../grid-layout";
import { gridRows, layoutDocument, type LayoutDocument } from "./document";

/**
 * The two layouts Word and WPS give when a report is saved as plain text (the samples show both).
 */

/**
 * One table row per line, cells separated by TAB, every grid position printed: a cell merged over
 * several columns is followed by empty fields, a position merged down from above is an empty
 * field. The tables of 二 are one Word table as in the official template, so the rows of the
 * narrower ones end in padding (`行政许可\t639\t\t`).
 */
export function wordRowPerLine(content: ReportContent): string {
  return lines(layoutDocument(content), (tables) => {
    const width = Math.max(...tables.map((t) => t.columns));
    return tables.flatMap((t) => gridRows(widen(t, width)).map((row) => row.join("\t")));
  });
}

/**
 * One cell per line, indented by a TAB, rows separated by an empty line; a position merged down
 * from above is an empty cell line, a cell merged over several columns is printed once.
 */
export function wordCellPerLine(content: ReportContent): string {
  return lines(layoutDocument(content), (tables) =>
    tables.flatMap((t) =>
      t.rows.flatMap((row) => [
        ...row.map((cell) => `\t${cell.vMerge === "continue" ? "" : cell.text}`),
        "",
      ]),
    ),
  );
}

function lines(doc: LayoutDocument, tableLines: (tables: LayoutTable[]) => string[]): string {
  const out: string[] = [...doc.title, "", ...doc.preface.flatMap((p) => [p, ""])];
  for (const section of doc.sections) {
    out.push(section.heading, "");
    for (const p of section.paragraphs) out.push(p, "");
    if (section.tables.length > 0) out.push(...tableLines(section.tables), "");
  }
  out.push(...doc.closing);
  return out.join("\n");
}

/** The table widened to `width` grid columns: the last cell of each row spans the extra ones. */
function widen(table: LayoutTable, width: number): LayoutTable {
  const extra = width - table.columns;
  if (extra <= 0) return table;
  const rows = table.rows.map((row): LayoutCell[] =>
    row.map((cell, i) =>
      i === row.length - 1 ? { ...cell, colSpan: cell.colSpan + extra } : cell,
    ),
  );
  return { ...table, columns: width, rows };
}
