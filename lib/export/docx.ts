import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IRunOptions,
  type ISpacingProperties,
} from "docx";
import type { ReportContent } from "@/lib/report/content";
import { finishDocxPackage } from "./docx-package";
import { columnWidths, type GridCell, type GridSegment, type TableGrid } from "./grid";
import {
  buildPublication,
  closingIndents,
  type BodyParagraph,
  type Publication,
  type SectionBlock,
} from "./publication";

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

/**
 * The document grid Word's 页面设置 shows as 每页22行: a line grid of 28.95 pt. Not a character grid
 * (linesAndChars with w:charSpace −841, i.e. 156 mm / 28 = 15.79 pt a character), although that is
 * what makes Word show 每行28字: LibreOffice (7.x, 24.x) lays out any non-zero charSpace as a wider
 * pitch and sets only about 20 characters a line, stretching the report by half (checked by
 * converting the samples to PDF). The 28 characters come from condensing the body runs instead.
 * Table text does not snap to the line grid (see finishDocxPackage), or every table row would grow
 * to a full 28.95 pt line.
 */
const DOCUMENT_GRID = { type: DocumentGridType.LINES, linePitch: LINE_PITCH };

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
  return new TextRun({
    text,
    font: font(fontName),
    size,
    sizeComplexScript: size,
    characterSpacing: size === SIZE.三号 ? CONDENSE : undefined,
  });
}

const BODY_SPACING: ISpacingProperties = {
  line: LINE_PITCH,
  lineRule: LineRuleType.EXACT,
  before: 0,
  after: 0,
};
const TWO_CHARS = { firstLineChars: 200, firstLine: 2 * CHAR };

function titleParagraphs(lines: Publication["titleLines"]): Paragraph[] {
  return lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: {
          line: 700,
          lineRule: LineRuleType.EXACT,
          before: 0,
          after: i === lines.length - 1 ? LINE_PITCH : 0,
        },
        keepNext: true,
        children: [run(line, FONTS.title, SIZE.二号)],
      }),
  );
}

function bodyParagraph(p: BodyParagraph, { keepWithClosing = false } = {}): Paragraph {
  const children: TextRun[] = [];
  if (p.lead) children.push(run(p.lead, FONTS.subheading, SIZE.三号));
  if (p.text) children.push(run(p.text, FONTS.body, SIZE.三号));
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: BODY_SPACING,
    indent: TWO_CHARS,
    // A paragraph that is only a sub-heading belongs with the text below it; the last paragraph of
    // the body goes, whole, onto the page of the closing (GB/T 9704 7.3.5: the closing never stands
    // alone on a page — the body is moved with it instead of padding it with blank lines).
    keepNext: p.text === "" || keepWithClosing ? true : undefined,
    keepLines: keepWithClosing ? true : undefined,
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

/** A thin gap between two tables, so that Word does not join them into one. */
function tableGap(): Paragraph {
  return new Paragraph({
    spacing: { line: 240, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [],
  });
}

const CELL_SPACING: ISpacingProperties = {
  line: 240,
  lineRule: LineRuleType.AUTO,
  before: 0,
  after: 0,
};

/**
 * Table text takes its font and size from named paragraph styles (表格文字 小4号 仿宋, 表头 黑体,
 * 表格行标题 left-aligned) rather than from each of the ~300 cells: smaller XML, faster export, and
 * one place for an office to change the look of every table in Word or WPS.
 */
export const TABLE_STYLES = {
  text: "TableText",
  header: "TableHeader",
  label: "TableLabel",
} as const;

const tableParagraphStyles = [
  {
    id: TABLE_STYLES.text,
    name: "表格文字",
    quickFormat: true,
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: CELL_SPACING,
      indent: { firstLine: 0, firstLineChars: 0 },
    },
    run: { font: font(FONTS.body), size: SIZE.小四, sizeComplexScript: SIZE.小四 },
  },
  {
    id: TABLE_STYLES.header,
    name: "表头",
    basedOn: TABLE_STYLES.text,
    quickFormat: true,
    run: { font: font(FONTS.heading) },
  },
  {
    id: TABLE_STYLES.label,
    name: "表格行标题",
    basedOn: TABLE_STYLES.text,
    quickFormat: true,
    paragraph: { alignment: AlignmentType.LEFT },
  },
];

function cellStyle(cell: GridCell): string {
  if (cell.role === "caption" || cell.role === "header") return TABLE_STYLES.header;
  return cell.role === "label" || cell.role === "group" ? TABLE_STYLES.label : TABLE_STYLES.text;
}

/**
 * A caption or item header row carries keepNext in its paragraphs: Word and LibreOffice then keep it
 * on the page of the row below (a row of a table has no keep-with-next of its own).
 */
function cellParagraph(cell: GridCell, keepNext: boolean, continued: boolean): Paragraph {
  return new Paragraph({
    style: cellStyle(cell),
    keepNext: keepNext ? true : undefined,
    children: !continued && cell.text ? [new TextRun(cell.text)] : [],
  });
}

function segmentCell(segment: GridSegment, widths: number[], keepNext: boolean): TableCell {
  const { cell, col, continued } = segment;
  const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    verticalMerge:
      cell.rowSpan > 1
        ? continued
          ? VerticalMergeType.CONTINUE
          : VerticalMergeType.RESTART
        : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    // A continued cell is only the lower part of a merge: it carries an empty paragraph.
    children: [cellParagraph(cell, keepNext, continued)],
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
    borders: {
      top: LINE,
      bottom: LINE,
      left: LINE,
      right: LINE,
      insideHorizontal: LINE,
      insideVertical: LINE,
    },
    rows: grid.rows.map(
      (row) =>
        new TableRow({
          // Header rows are all at the top of the table, so Word and WPS repeat them (issues 2425, 2310).
          tableHeader: row.header ? true : undefined,
          cantSplit: true,
          height: { value: 400, rule: HeightRule.ATLEAST },
          children: row.segments.map((segment) => segmentCell(segment, widths, row.keepWithNext)),
        }),
    ),
  });
}

function sectionBlocks(blocks: SectionBlock[], { last = false } = {}): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((block, i) => {
    if (block.type === "paragraph")
      out.push(
        bodyParagraph(block.paragraph, { keepWithClosing: last && i === blocks.length - 1 }),
      );
    else {
      if (blocks[i - 1]?.type === "table") out.push(tableGap());
      out.push(docxTable(block.grid));
    }
  });
  return out;
}

/**
 * The closing block: issuing organ centred above the 成文日期, four characters in from the right,
 * one blank line below the body (GB/T 9704 7.3.5.1: 空一行). Space before is kept where the block
 * starts a page, so it never sits against the top margin either.
 */
function closingParagraphs(closing: Publication["closing"]): Paragraph[] {
  const out: Paragraph[] = [];
  const indents = closingIndents(closing);
  if (closing.organ) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { ...BODY_SPACING, before: LINE_PITCH },
        indent: { right: Math.round(indents.organ * CHAR) },
        keepNext: closing.date ? true : undefined,
        keepLines: true,
        children: [run(closing.organ, FONTS.body, SIZE.三号)],
      }),
    );
  }
  if (closing.date) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { ...BODY_SPACING, before: closing.organ ? 0 : LINE_PITCH },
        indent: { right: Math.round(indents.date * CHAR) },
        keepLines: true,
        children: [run(closing.date, FONTS.body, SIZE.三号)],
      }),
    );
  }
  return out;
}

/** The page number's line: 15 pt, exact, so its 一字线 (at the middle of the line) has a known height. */
const PAGE_NUMBER_LINE = 300;
/**
 * Footer distance from the bottom edge of the page to the bottom of the page number's line, so that
 * the 一字线 (the middle of that line) sits 7 mm below the text block (GB/T 9704 7.5).
 */
export const FOOTER_DISTANCE = PAGE.bottom - mmToTwips(7) - PAGE_NUMBER_LINE / 2;

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
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: oneChar } : { left: oneChar },
        spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [numberRun],
      }),
    ],
  });
}

/** docProps/core.xml's subject: what kind of document this is. */
const REPORT_SUBJECT = "政府信息公开工作年度报告";

export function buildDocument(
  content: ReportContent,
  publication: Publication = buildPublication(content),
): Document {
  const children: (Paragraph | Table)[] = [
    ...titleParagraphs(publication.titleLines),
    ...publication.preface.map((p) => bodyParagraph(p)),
  ];
  publication.sections.forEach((section, i) => {
    const last = i === publication.sections.length - 1;
    children.push(sectionHeading(section.heading), ...sectionBlocks(section.blocks, { last }));
  });
  children.push(...closingParagraphs(publication.closing));

  return new Document({
    title: publication.titleLines.join(""),
    subject: REPORT_SUBJECT,
    creator: publication.closing.organ,
    lastModifiedBy: publication.closing.organ,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: font(FONTS.body),
            size: SIZE.三号,
            sizeComplexScript: SIZE.三号,
            language: { value: "zh-CN", eastAsia: "zh-CN" },
          },
          paragraph: { spacing: BODY_SPACING },
        },
      },
      paragraphStyles: tableParagraphStyles,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              footer: FOOTER_DISTANCE,
              header: mmToTwips(15),
            },
          },
          grid: DOCUMENT_GRID,
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children,
      },
    ],
  });
}

/** The report as a .docx file: the `docx` package, then the parts it cannot write (font table, app properties). */
export async function renderDocx(content: ReportContent): Promise<Buffer> {
  const publication = buildPublication(content);
  return finishDocxPackage(await Packer.toBuffer(buildDocument(content, publication)), {
    fonts: Object.values(FONTS),
    company: publication.closing.organ,
    offGridStyles: [TABLE_STYLES.text],
  });
}
