import { chromium, type Browser } from "playwright-core";
import { renderDocx } from "@/lib/export/docx";
import { renderHtml } from "@/lib/export/html";
import { dataFrameMarkdown, ocrMarkdown } from "@/lib/import/__fixtures__/layouts/markdown";
import { runOnArticle, spaceSeparatedRows } from "@/lib/import/__fixtures__/layouts/run-on";
import { runTogetherRows } from "@/lib/import/__fixtures__/layouts/run-together";
import { wordCellPerLine, wordRowPerLine } from "@/lib/import/__fixtures__/layouts/word-text";
import type { PrintEdit } from "@/lib/import/__fixtures__/layouts/generated-reports";
import { applyEdits, editDocx } from "@/lib/import/__fixtures__/layouts/print-edits";
import type { ReportContent } from "@/lib/report/content";
import {
  chromiumPath,
  docxToPdf,
  editDocxParts,
  htmlToPdf,
  narrowDocxTables,
  pdfToLayoutText,
} from "./make-pdf";
import { cachedPdf } from "./pdf-cache";
import {
  dashedFooterXml,
  FOOTERS,
  headerOnceDocumentXml,
  HTML_VARIANT_CSS,
  htmlWithCss,
  landscapeDocumentXml,
  oneFontXml,
  spacedXml,
  threeLineDocumentXml,
  unruledDocumentXml,
} from "./pdf-variants";

/** One report in one layout: the file a user would hand the importer. */
export interface LayoutFile {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The sources a layout is made from, built once per report and shared: our two exports, the PDFs
 * made from them, and a browser for what a page gives when copied.
 */
export class LayoutSources {
  private readonly cache = new Map<string, Promise<unknown>>();

  /** `edits`: how the printed report differs from our export (variant wording, a unit in a cell …). */
  constructor(
    readonly content: ReportContent,
    readonly edits: readonly PrintEdit[] = [],
  ) {}

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as Promise<T>;
  }

  docx(): Promise<Uint8Array> {
    return this.once("docx", async () =>
      editDocx(new Uint8Array(await renderDocx(this.content)), this.edits),
    );
  }

  html(): string {
    return applyEdits(renderHtml(this.content), this.edits, "report.html");
  }

  /** The report as a PDF made by one route; the browser prints the HTML routes. */
  pdf(route: PdfRoute, browser: () => Promise<Browser>): Promise<Uint8Array> {
    return this.once(`pdf:${route}`, async () => {
      const how: PdfRouteMaker = PDF_ROUTES[route];
      if (how.from === "docx") {
        const docx = await how.edit(await this.docx());
        return cachedPdf(`libreoffice:${route}`, docx, () => docxToPdf(docx));
      }
      const html = htmlWithCss(this.html(), how.css);
      const print = { landscape: how.landscape, footer: how.footer };
      return cachedPdf(`chromium:${route}:${JSON.stringify(print)}`, html, async () =>
        htmlToPdf(html, { ...print, browser: await browser() }),
      );
    });
  }

  /** What Chromium's innerText gives for the exported page: what selecting it all and copying gives. */
  async innerText(shared: () => Promise<Browser>): Promise<string> {
    const browser = await shared();
    const page = await browser.newPage();
    try {
      await page.setContent(this.html(), { waitUntil: "load" });
      return await page.evaluate(() => document.body.innerText);
    } finally {
      await page.close();
    }
  }
}

/** How each PDF of the corpus is made: an edit of the DOCX before LibreOffice, or CSS and print options for Chromium. */
type PdfRouteMaker =
  | { from: "docx"; edit: (docx: Uint8Array) => Promise<Uint8Array> }
  | { from: "html"; css: string; landscape?: boolean; footer?: string };

/** Tables at 55 % of the text width: long row labels wrap over two or three lines. */
const NARROW = 0.55;

const asIs = async (docx: Uint8Array) => docx;
const documentEdit = (edit: (xml: string) => string) => (docx: Uint8Array) =>
  editDocxParts(docx, (name) => (name === "word/document.xml" ? edit : null));
const everyPartEdit = (edit: (xml: string) => string) => (docx: Uint8Array) =>
  editDocxParts(docx, (name) => (name.startsWith("word/") ? edit : null));

const PDF_ROUTES = {
  docx: { from: "docx", edit: asIs },
  "docx-narrow": { from: "docx", edit: (docx) => narrowDocxTables(docx, NARROW) },
  "docx-three-line": { from: "docx", edit: documentEdit(threeLineDocumentXml) },
  "docx-unruled": { from: "docx", edit: documentEdit(unruledDocumentXml) },
  "docx-landscape": { from: "docx", edit: documentEdit(landscapeDocumentXml) },
  "docx-header-once": {
    from: "docx",
    edit: (docx) =>
      editDocxParts(docx, (name) =>
        name === "word/document.xml"
          ? headerOnceDocumentXml
          : name.startsWith("word/footer")
            ? dashedFooterXml
            : null,
      ),
  },
  "docx-serif": {
    from: "docx",
    edit: everyPartEdit((xml) => oneFontXml(xml, "Noto Serif CJK SC")),
  },
  "docx-spaced": { from: "docx", edit: everyPartEdit((xml) => spacedXml(xml, 40)) },
  html: { from: "html", css: "" },
  "html-narrow": { from: "html", css: narrowTablesCss(NARROW) },
  "html-three-line": { from: "html", css: HTML_VARIANT_CSS.threeLine },
  "html-unruled": { from: "html", css: HTML_VARIANT_CSS.unruled },
  "html-landscape": { from: "html", css: "", landscape: true, footer: FOOTERS.dashed },
  "html-header-once": {
    from: "html",
    css: HTML_VARIANT_CSS.headerOnce,
    footer: FOOTERS.pageOfPages,
  },
  "html-sans": { from: "html", css: HTML_VARIANT_CSS.sans },
  "html-spaced": { from: "html", css: HTML_VARIANT_CSS.spaced },
} satisfies Record<string, PdfRouteMaker>;

export type PdfRoute = keyof typeof PDF_ROUTES;

/** The exported page with every table at `factor` of its width (a portal template with a side column does this). */
export function narrowHtmlTables(html: string, factor: number): string {
  return htmlWithCss(html, narrowTablesCss(factor));
}

function narrowTablesCss(factor: number): string {
  return `table{width:${Math.round(factor * 100)}% !important}`;
}

export interface Layout {
  id: string;
  /** Chinese, for the table. */
  label: string;
  /**
   * What the file is made from: our exporter (which prints every total as computed, so the figures to
   * read are the computed ones) or the content itself (the generators print the cells as stored).
   */
  source: "export" | "content";
  make(sources: LayoutSources, browser: () => Promise<Browser>): Promise<LayoutFile>;
}

const text = (fileName: string, value: string): LayoutFile => ({
  fileName,
  bytes: new TextEncoder().encode(value),
});
const pdfText = async (sources: LayoutSources, route: PdfRoute, browser: () => Promise<Browser>) =>
  text("pdftotext.txt", await pdfToLayoutText(await sources.pdf(route, browser)));
const pdfFile = async (
  sources: LayoutSources,
  route: PdfRoute,
  browser: () => Promise<Browser>,
) => ({
  fileName: "report.pdf",
  bytes: await sources.pdf(route, browser),
});

/**
 * Every layout of the corpus: our exports, PDFs made from them (also with narrow columns, so labels
 * wrap), the column-aligned text of those PDFs, a browser's copy of the page, Markdown, the article
 * run onto one line, rows with figures run together, and Word's plain-text layouts.
 */
export const LAYOUTS: Layout[] = [
  {
    id: "docx",
    source: "export",
    label: "DOCX（本系统导出）",
    make: async (s) => ({ fileName: "report.docx", bytes: await s.docx() }),
  },
  {
    id: "html",
    source: "export",
    label: "HTML（本系统导出）",
    make: async (s) => text("report.html", s.html()),
  },
  {
    id: "docx-pdf",
    source: "export",
    label: "DOCX→PDF（LibreOffice）",
    make: (s, b) => pdfFile(s, "docx", b),
  },
  {
    id: "docx-pdf-narrow",
    source: "export",
    label: "DOCX→PDF（窄列，标签折行）",
    make: (s, b) => pdfFile(s, "docx-narrow", b),
  },
  {
    id: "html-pdf",
    source: "export",
    label: "HTML→PDF（Chromium）",
    make: (s, b) => pdfFile(s, "html", b),
  },
  {
    id: "html-pdf-narrow",
    source: "export",
    label: "HTML→PDF（窄列，标签折行）",
    make: (s, b) => pdfFile(s, "html-narrow", b),
  },
  pdfVariant("docx-three-line", "DOCX→PDF（三线表）"),
  pdfVariant("docx-unruled", "DOCX→PDF（无表格线）"),
  pdfVariant("docx-landscape", "DOCX→PDF（横向页面）"),
  pdfVariant("docx-header-once", "DOCX→PDF（续页无表头，页码 -3-）"),
  pdfVariant("docx-serif", "DOCX→PDF（全文 Noto Serif CJK）"),
  pdfVariant("docx-spaced", "DOCX→PDF（字符间距加宽）"),
  pdfVariant("html-three-line", "HTML→PDF（三线表）"),
  pdfVariant("html-unruled", "HTML→PDF（无表格线）"),
  pdfVariant("html-landscape", "HTML→PDF（横向页面，页码 -3-）"),
  pdfVariant("html-header-once", "HTML→PDF（续页无表头，第3页 共6页）"),
  pdfVariant("html-sans", "HTML→PDF（全文 Noto Sans CJK）"),
  pdfVariant("html-spaced", "HTML→PDF（字间距加宽，逐字定位）"),
  {
    id: "docx-pdf-layout-text",
    source: "export",
    label: "pdftotext -layout（DOCX→PDF）",
    make: (s, b) => pdfText(s, "docx", b),
  },
  {
    id: "docx-pdf-narrow-layout-text",
    source: "export",
    label: "pdftotext -layout（DOCX→PDF 窄列）",
    make: (s, b) => pdfText(s, "docx-narrow", b),
  },
  {
    id: "html-pdf-layout-text",
    source: "export",
    label: "pdftotext -layout（HTML→PDF）",
    make: (s, b) => pdfText(s, "html", b),
  },
  {
    id: "html-pdf-narrow-layout-text",
    source: "export",
    label: "pdftotext -layout（HTML→PDF 窄列）",
    make: (s, b) => pdfText(s, "html-narrow", b),
  },
  {
    id: "inner-text",
    source: "export",
    label: "网页复制（Chromium innerText）",
    make: async (s, browser) => text("web-copy.txt", await s.innerText(browser)),
  },
  {
    id: "markdown-ocr",
    source: "content",
    label: "Markdown（OCR/AI 转换）",
    make: async (s) => text("report.txt", ocrMarkdown(s.content)),
  },
  {
    id: "markdown-dataframe",
    source: "content",
    label: "Markdown（数据框 to_markdown）",
    make: async (s) => text("report.txt", dataFrameMarkdown(s.content)),
  },
  {
    id: "one-line",
    source: "content",
    label: "整篇一行文字",
    make: async (s) => text("one-line.txt", runOnArticle(s.content)),
  },
  {
    id: "space-rows",
    source: "content",
    label: "每行一段、单元格以空格分隔",
    make: async (s) => text("rows.txt", spaceSeparatedRows(s.content)),
  },
  {
    id: "run-together",
    source: "content",
    label: "数字连写（单元格无分隔）",
    make: async (s) => text("run-together.txt", runTogetherRows(s.content)),
  },
  {
    id: "word-rows",
    source: "content",
    label: "Word 另存文本（每行一行表格）",
    make: async (s) => text("word-rows.txt", wordRowPerLine(s.content)),
  },
  {
    id: "word-cells",
    source: "content",
    label: "Word 另存文本（每格一行）",
    make: async (s) => text("word-cells.txt", wordCellPerLine(s.content)),
  },
];

/** A PDF layout made by one of the variant routes (how real portals print differently from our exports). */
function pdfVariant(route: PdfRoute, label: string): Layout {
  return { id: `${route}-pdf`, source: "export", label, make: (s, b) => pdfFile(s, route, b) };
}

/** One Chromium for every innerText of a run, launched on first use. */
export function sharedBrowser(): { get: () => Promise<Browser>; close: () => Promise<void> } {
  let browser: Promise<Browser> | null = null;
  return {
    // A browser that crashed (printing under heavy load can take it down) is launched again.
    get: async () => {
      const current = browser ? await browser.catch(() => null) : null;
      if (current?.isConnected()) return current;
      browser = chromium.launch({ executablePath: chromiumPath() });
      return browser;
    },
    close: async () => {
      if (browser) await (await browser.catch(() => null))?.close();
    },
  };
}
