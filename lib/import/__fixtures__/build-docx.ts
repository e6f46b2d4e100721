import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { FormatId } from "@/lib/report/spec-types";
import type { TablesJson } from "../tables-json";
import { layoutTables, type LayoutTable } from "./grid-layout";

/** A report document as fixtures describe it: title lines, preface, sections with narrative and where the tables go. */
export interface FixtureDocument {
  title: string[];
  preface: string[];
  /** Section headings as printed, with narrative paragraphs; `tables` lists the table ids printed after the text. */
  sections: { heading: string; paragraphs: string[]; tables: string[] }[];
  closing?: string[];
}

const GRID_WIDTH = 9000;

function tableOf(layout: LayoutTable): Table {
  const width = Math.floor(GRID_WIDTH / layout.columns);
  return new Table({
    columnWidths: new Array(layout.columns).fill(width),
    width: { size: GRID_WIDTH, type: WidthType.DXA },
    rows: layout.rows.map(
      (row) =>
        new TableRow({
          children: row.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
                verticalMerge:
                  cell.vMerge === "restart"
                    ? VerticalMergeType.RESTART
                    : cell.vMerge === "continue"
                      ? VerticalMergeType.CONTINUE
                      : undefined,
                width: { size: width * cell.colSpan, type: WidthType.DXA },
                // Long labels wrap inside the cell as separate lines, as Word users type them.
                children: (cell.text === "" ? [""] : cell.text.split("\n")).map(
                  (line) =>
                    new Paragraph({ children: [new TextRun({ text: line, bold: cell.header })] }),
                ),
              }),
          ),
        }),
    ),
  });
}

/** A .docx of the document with its tables as real Word tables (gridSpan / vMerge). */
export async function buildDocx(
  formatId: FormatId,
  doc: FixtureDocument,
  data: TablesJson,
  /** Change the layout before rendering (drop a cell, …) to build a defective document. */
  edit?: (tables: Map<string, LayoutTable>) => void,
): Promise<Uint8Array> {
  const layouts = new Map(layoutTables(formatId, data).map((t) => [t.id, t]));
  edit?.(layouts);
  const children: (Paragraph | Table)[] = [
    ...doc.title.map(
      (t) =>
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          children: [new TextRun(t)],
        }),
    ),
    ...doc.preface.map((p) => new Paragraph({ children: [new TextRun(p)] })),
  ];
  for (const section of doc.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
    );
    for (const p of section.paragraphs)
      children.push(new Paragraph({ children: [new TextRun(p)] }));
    for (const id of section.tables) {
      children.push(tableOf(layouts.get(id)!));
      children.push(new Paragraph({ children: [] }));
    }
  }
  for (const line of doc.closing ?? [])
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(line)] }));
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
