import type { CellValue, ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import type { RowSpec, TableSpec } from "@/lib/report/spec-types";

/**
 * A report written out as column-aligned text, the way a PDF's text comes out when copied or run
 * through `pdftotext -layout`: columns separated by runs of spaces (a CJK character two columns
 * wide), row labels wrapped in a narrow column with the figures on the middle line, group headings
 * wrapped two characters a line in their own narrow columns, page numbers between rows, the table
 * header repeated after a page break, blank cells left as spaces.
 */
export interface AlignedOptions {
  /** Width of the row-label column in CJK characters: labels longer than this wrap. */
  labelChars: number;
  /** Lines per page: a footer (and the header again, inside a table) after that many. */
  pageLines: number;
  /** The page footer; `— n —` by default. */
  footer?: (page: number) => string;
  /** Repeat a table's header after a page break (default true). */
  repeatHeader?: boolean;
}

const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));
const padLeft = (s: string, w: number) => " ".repeat(Math.max(0, w - width(s))) + s;
const centre = (s: string, w: number) =>
  " ".repeat(Math.max(0, Math.floor((w - width(s)) / 2))) + s;
const LINE = 80;

function chunks(text: string, size: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out.length > 0 ? out : [""];
}

function printed(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v);
}

class Page {
  readonly lines: string[] = [];
  private onPage = 0;
  private page = 1;
  /** Lines to print again at the top of a new page (a table's header). */
  repeat: string[] = [];

  push(line: string): void {
    if (this.onPage >= this.pageLines) {
      this.lines.push("", centre(this.footer(this.page), LINE), "");
      this.page++;
      this.onPage = 0;
      if (this.repeatHeader) for (const r of this.repeat) this.put(r);
    }
    this.put(line);
  }

  private put(line: string): void {
    this.lines.push(line);
    this.onPage++;
  }

  constructor(
    private readonly pageLines: number,
    private readonly footer: (page: number) => string,
    private readonly repeatHeader: boolean,
  ) {}
}

function paragraph(page: Page, text: string): void {
  const body = chunks(text, 38);
  body.forEach((line, i) => page.push(i === 0 ? `    ${line}` : line));
}

export function alignedText(
  content: ReportContent,
  { labelChars, pageLines, footer, repeatHeader = true }: AlignedOptions,
): string {
  const format = getFormat(content.format);
  const page = new Page(pageLines, footer ?? ((n) => `— ${n} —`), repeatHeader);
  page.push(centre(`${content.meta.organization}${content.meta.year}年`, LINE));
  page.push(centre("政府信息公开工作年度报告", LINE));
  page.push("");
  paragraph(page, content.preface);
  for (const section of format.sections) {
    page.push(`    ${section.ordinal}、${section.title}`);
    if (content.narratives[section.key]) paragraph(page, content.narratives[section.key]);
    for (const table of section.tables) {
      page.push("");
      writeTable(page, table, content, labelChars);
      page.repeat = [];
    }
  }
  page.push("");
  page.push(padLeft(content.meta.issuingOrgan, LINE - 8));
  if (content.meta.issuedDate) {
    const [y, m, d] = content.meta.issuedDate.split("-").map(Number);
    page.push(padLeft(`${y}年${m}月${d}日`, LINE - 8));
  }
  return page.lines.join("\n") + "\n";
}

function writeTable(
  page: Page,
  table: TableSpec,
  content: ReportContent,
  labelChars: number,
): void {
  const values = content.tables[table.id];
  const groupLevels = Math.max(0, ...table.rows.map((r) => r.groups?.length ?? 0));
  const groupWidth = 6; // two CJK characters and a gap, per level
  const labelWidth = groupLevels * groupWidth + labelChars * 2 + 2;
  const colWidth = Math.max(8, ...table.columns.map((c) => Math.min(width(c.label), 16) + 2));

  const header: string[] = [];
  if (table.caption)
    header.push(centre(table.caption, labelWidth + colWidth * table.columns.length));
  if (table.columnsHeader)
    header.push(
      " ".repeat(labelWidth) + centre(table.columnsHeader, colWidth * table.columns.length),
    );
  const groupDepth = Math.max(0, ...table.columns.map((c) => c.groups?.length ?? 0));
  for (let level = 0; level < groupDepth; level++) {
    let line = " ".repeat(labelWidth);
    let c = 0;
    while (c < table.columns.length) {
      const name = table.columns[c].groups?.[level] ?? "";
      let span = 1;
      while (
        c + span < table.columns.length &&
        (table.columns[c + span].groups?.[level] ?? "") === name
      )
        span++;
      line += pad(centre(name, colWidth * span), colWidth * span);
      c += span;
    }
    header.push(line.replace(/\s+$/, ""));
  }
  // Column labels wrapped in their column, as a narrow table prints them.
  const labelLines = table.columns.map((c) => chunks(c.label, Math.floor((colWidth - 2) / 2)));
  const depth = Math.max(...labelLines.map((l) => l.length));
  for (let k = 0; k < depth; k++) {
    const left =
      k === 0 && table.rowHeader ? pad(table.rowHeader, labelWidth) : " ".repeat(labelWidth);
    header.push(left + labelLines.map((l) => padLeft(l[k] ?? "", colWidth)).join(""));
  }
  for (const h of header) page.push(h);
  page.repeat = header;

  // Group headings spread two characters a line over the lines of the rows they head.
  const rowLines = table.rows.map((row) => chunks(row.label, labelChars));
  const groupText = new Map<string, string[]>();
  table.rows.forEach((row) => {
    (row.groups ?? []).forEach((g) => {
      if (!groupText.has(g)) groupText.set(g, chunks(g, 2));
    });
  });
  const used = new Map<string, number>();

  table.rows.forEach((row: RowSpec, r) => {
    const lines = rowLines[r];
    const middle = Math.floor((lines.length - 1) / 2);
    const level = row.groups?.length ?? 0;
    lines.forEach((text, k) => {
      let left = "";
      for (let g = 0; g < level; g++) {
        const name = row.groups![g];
        const at = used.get(name) ?? 0;
        used.set(name, at + 1);
        left += pad(groupText.get(name)![at] ?? "", groupWidth);
      }
      const label = pad(left + text, labelWidth);
      const figures =
        k === middle
          ? table.columns.map((c) => padLeft(printed(values[row.key][c.key]), colWidth)).join("")
          : "";
      page.push((label + figures).replace(/\s+$/, ""));
    });
  });
}
