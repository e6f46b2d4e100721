import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, HeightRule, LineRuleType, Packer, PageNumber, Paragraph,
  Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, VerticalMergeType, WidthType,
  type IRunOptions, type ISpacingProperties,
} from "docx";
import type { ReportContent } from "@/lib/report/content";
import { columnWidths, type GridCell, type GridSegment, type TableGrid } from "./grid";
import { buildPublication, closingIndents, type BodyParagraph, type Publication, type SectionBlock } from "./publication";

/**
 * The report as a Word document laid out to GB/T 9704-2012 (党政机关公文格式): A4, margins
 * 37/35/28/26 mm, 22 lines of 28 characters, 2号 方正小标宋简体 title, 3号 仿宋_GB2312 body,
 * 黑体 / 楷体_GB2312 headings, `— N —` page numbers on alternating sides. Pure: returns the bytes.
 */

/** Millimetres to twentieths of a point (twips), rounded: 37 mm → 2098. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export const PAGE = {
  width: 11906, // 210 mm
  height: 16838, // 297 mm
  top: mmToTwips(37),
  bottom: mmToTwips(35),
  left: mmToTwips(28),
  right: mmToTwips(26),
} as const;

/** Width of the text block (156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 22 lines in the 225 mm text block: 28.95 pt, what 公文 templates set as 固定值. */
export const LINE_PITCH = 579;
/**
 * 28 characters of 3号 per 156 mm line need a pitch of 15.79 pt: body runs are condensed by
 * 0.25 pt. (A character grid — docGrid linesAndChars — does the same in Word, but LibreOffice
 * spreads every line to a few characters with it.)
 */
const CONDENSE = -5;

export const FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading: "黑体",
  subheading: "楷体_GB2312",
  pageNumber: "宋体",
} as const;

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小4号 12 pt. */
const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24 } as const;
/** One character of 3号 in twips (indents are counted in characters). */
const CHAR = 320;

/** East Asian documents name the font for every script, so WPS and Word pick the same one. */
function font(name: string): IRunOptions["font"] {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

function run(text: string, fontName: string, size: number): TextRun {
  return new TextRun({ text, font: font(fontName), size, sizeComplexScript: size, characterSpacing: size === SIZE.三号 ? CONDENSE : undefined });
}

const BODY_SPACING: ISpacingProperties = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const TWO_CHARS = { firstLineChars: 200, firstLine: 2 * CHAR };

function titleParagraphs(lines: Publication["titleLines"]): Paragraph[] {
  return lines.map((line, i) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: i === lines.length - 1 ? LINE_PITCH : 0 },
      keepNext: true,
      children: [run(line, FONTS.title, SIZE.二号)],
    }),
  );
}

function bodyParagraph(p: BodyParagraph): Paragraph {
  const children: TextRun[] = [];
  if (p.lead) children.push(run(p.lead, FONTS.subheading, SIZE.三号));
  if (p.text) children.push(run(p.text, FONTS.body, SIZE.三号));
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: BODY_SPACING,
    indent: TWO_CHARS,
    // A paragraph that is only a sub-heading belongs with the text below it.
    keepNext: p.text === "" ? true : undefined,
    outlineLevel: p.text === "" && p.lead ? 1 : undefined,
    children,
  });
}

function sectionHeading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: BODY_SPACING,
    indent: TWO_CHARS,
    keepNext: true,
    outlineLevel: 0,
    children: [run(text, FONTS.heading, SIZE.三号)],
  });
}

function noteParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 60, after: 60 },
    keepNext: true,
    children: [run(text, FONTS.body, SIZE.小四)],
  });
}

/** A thin gap between two tables, so that Word does not join them into one. */
function tableGap(): Paragraph {
  return new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
}

const CELL_SPACING: ISpacingProperties = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

/**
 * Table text takes its font and size from named paragraph styles (表格文字 小4号 仿宋, 表头 黑体,
 * 表格行标题 left-aligned) rather than from each of the ~300 cells: smaller XML, faster export, and
 * one place for an office to change the look of every table in Word or WPS.
 */
export const TABLE_STYLES = { text: "TableText", header: "TableHeader", label: "TableLabel" } as const;

const tableParagraphStyles = [
  {
    id: TABLE_STYLES.text, name: "表格文字", quickFormat: true,
    paragraph: { alignment: AlignmentType.CENTER, spacing: CELL_SPACING, indent: { firstLine: 0, firstLineChars: 0 } },
    run: { font: font(FONTS.body), size: SIZE.小四, sizeComplexScript: SIZE.小四 },
  },
  { id: TABLE_STYLES.header, name: "表头", basedOn: TABLE_STYLES.text, quickFormat: true, run: { font: font(FONTS.heading) } },
  { id: TABLE_STYLES.label, name: "表格行标题", basedOn: TABLE_STYLES.text, quickFormat: true, paragraph: { alignment: AlignmentType.LEFT } },
];

function cellParagraph(cell: GridCell, header: boolean): Paragraph {
  const style = header ? TABLE_STYLES.header : cell.role === "label" ? TABLE_STYLES.label : TABLE_STYLES.text;
  return new Paragraph({ style, children: cell.text ? [new TextRun(cell.text)] : [] });
}

function segmentCell(segment: GridSegment, widths: number[], header: boolean): TableCell {
  const { cell, col, continued } = segment;
  const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    verticalMerge: cell.rowSpan > 1 ? (continued ? VerticalMergeType.CONTINUE : VerticalMergeType.RESTART) : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    // A continued cell is only the lower part of a merge: it carries an empty paragraph.
    children: [continued ? new Paragraph({ style: header ? TABLE_STYLES.header : TABLE_STYLES.text, children: [] }) : cellParagraph(cell, header)],
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

export function docxTable(grid: TableGrid): Table {
  const widths = columnWidths(grid, TEXT_WIDTH);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    // Narrow side margins keep two characters of 小4号 per line in 四's fifteen columns.
    margins: { left: 40, right: 40, top: 30, bottom: 30 },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: grid.rows.map((row, r) =>
      new TableRow({
        // Header rows are all at the top of the table, so Word and WPS repeat them (issues 2425, 2310).
        tableHeader: row.header && grid.rows.slice(0, r).every((above) => above.header) ? true : undefined,
        cantSplit: true,
        height: { value: 400, rule: HeightRule.ATLEAST },
        children: row.segments.map((segment) => segmentCell(segment, widths, row.header)),
      }),
    ),
  });
}

function sectionBlocks(blocks: SectionBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((block, i) => {
    if (block.type === "paragraph") out.push(bodyParagraph(block.paragraph));
    else if (block.type === "note") out.push(noteParagraph(block.text));
    else {
      if (blocks[i - 1]?.type === "table") out.push(tableGap());
      out.push(docxTable(block.grid));
    }
  });
  return out;
}

/** The closing block: issuing organ centred above the 成文日期, four characters in from the right. */
function closingParagraphs(closing: Publication["closing"]): Paragraph[] {
  const out: Paragraph[] = [];
  const indents = closingIndents(closing);
  if (closing.organ) {
    out.push(new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { ...BODY_SPACING, before: 2 * LINE_PITCH },
      indent: { right: Math.round(indents.organ * CHAR) },
      keepNext: true,
      children: [run(closing.organ, FONTS.body, SIZE.三号)],
    }));
  }
  if (closing.date) {
    out.push(new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { ...BODY_SPACING, before: closing.organ ? 0 : 2 * LINE_PITCH },
      indent: { right: Math.round(indents.date * CHAR) },
      children: [run(closing.date, FONTS.body, SIZE.三号)],
    }));
  }
  return out;
}

/** `— N —` in 4号 宋体, one character in from the outer edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const oneChar = 280; // one character of 4号
  const numberRun = new TextRun({
    children: ["— ", PageNumber.CURRENT, " —"],
    font: font(FONTS.pageNumber),
    size: SIZE.四号,
    sizeComplexScript: SIZE.四号,
  });
  return new Footer({
    children: [new Paragraph({
      alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === "odd" ? { right: oneChar } : { left: oneChar },
      spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [numberRun],
    })],
  });
}

export function buildDocument(content: ReportContent): Document {
  const publication = buildPublication(content);
  const children: (Paragraph | Table)[] = [
    ...titleParagraphs(publication.titleLines),
    ...publication.preface.map(bodyParagraph),
  ];
  for (const section of publication.sections) {
    children.push(sectionHeading(section.heading), ...sectionBlocks(section.blocks));
  }
  children.push(...closingParagraphs(publication.closing));

  return new Document({
    title: publication.titleLines.join(""),
    creator: publication.closing.organ,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.三号, sizeComplexScript: SIZE.三号, language: { value: "zh-CN", eastAsia: "zh-CN" } },
          paragraph: { spacing: BODY_SPACING },
        },
      },
      paragraphStyles: tableParagraphStyles,
    },
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: {
            top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right,
            // The page number's line starts 7 mm below the text block.
            footer: PAGE.bottom - mmToTwips(7) - 300, header: mmToTwips(15),
          },
        },
        // No document grid: the exact line pitch already gives 22 lines, and LibreOffice snaps table
        // text to a grid of lines (and spreads characters over a grid of characters).
        grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
      },
      footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
      children,
    }],
  });
}

/** The report as a .docx file. */
export async function renderDocx(content: ReportContent): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(content));
}
