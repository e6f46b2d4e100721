import type { ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { toTablesJson } from "../../tables-json";
import { layoutTables, withRowSpans, type LayoutTable } from "../grid-layout";

/**
 * A report's content as the parts a published document prints, in order: the layout generators
 * (web-page copy, Markdown, one-line article, Word text) each render these parts their own way.
 * Built from the content alone (title from the unit and year, headings from the format, the
 * tables as the official merged grid of grid-layout.ts), so a fixture says exactly what the
 * content says and no exporter's choices leak into the importer's tests.
 */
export interface LayoutDocument {
  title: string[];
  preface: string[];
  sections: LayoutSection[];
  /** Issuing organ and date as printed under the report (`某市某区人民政府`, `2023年1月18日`); empty without a date. */
  closing: string[];
}

export interface LayoutSection {
  heading: string;
  paragraphs: string[];
  tables: LayoutTable[];
}

/** A cell of a table as the HTML table model places it: covered positions are absent. */
export interface PlacedCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  header?: boolean;
}

export function layoutDocument(content: ReportContent): LayoutDocument {
  const format = getFormat(content.format);
  const tables = new Map(layoutTables(content.format, toTablesJson(content)).map((t) => [t.id, t]));
  const date = printedDate(content.meta.issuedDate);
  return {
    title: [`${content.meta.organization}${content.meta.year}年`, "政府信息公开工作年度报告"],
    preface: linesOf(content.preface),
    sections: format.sections.map((section) => ({
      heading: `${section.ordinal}、${section.title}`,
      paragraphs:
        section.key === "s6" && linesOf(content.narratives.s6).length === 0
          ? ["无。"]
          : linesOf(content.narratives[section.key]),
      tables: section.tables.map((t) => tables.get(t.id)!),
    })),
    // A closing is the organ over the date; content without a date prints none.
    closing: date ? [content.meta.issuingOrgan || content.meta.organization, date] : [],
  };
}

/** The rows of a table with rowspans: each cell where it starts, the positions it covers left out. */
export function placedRows(table: LayoutTable): PlacedCell[][] {
  return withRowSpans(table);
}

/**
 * The rows of a table as a full grid: every position of every row, a merged cell's text at its
 * first position and "" at the positions it covers (what Word's text export prints).
 */
export function gridRows(table: LayoutTable): string[][] {
  return table.rows.map((row) =>
    row.flatMap((cell) => [
      cell.vMerge === "continue" ? "" : cell.text,
      ...new Array<string>(cell.colSpan - 1).fill(""),
    ]),
  );
}

function linesOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

function printedDate(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : null;
}
