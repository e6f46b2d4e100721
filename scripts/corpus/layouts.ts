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
import { chromiumPath, docxToPdf, htmlToPdf, narrowDocxTables, pdfToLayoutText } from "./make-pdf";

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

  pdf(route: PdfRoute): Promise<Uint8Array> {
    return this.once(`pdf:${route}`, async () => {
      switch (route) {
        case "docx":
          return docxToPdf(await this.docx());
        case "docx-narrow":
          return docxToPdf(await narrowDocxTables(await this.docx(), NARROW));
        case "html":
          return htmlToPdf(this.html());
        case "html-narrow":
          return htmlToPdf(narrowHtmlTables(this.html(), NARROW));
      }
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

export type PdfRoute = "docx" | "docx-narrow" | "html" | "html-narrow";

/** Tables at 55 % of the text width: long row labels wrap over two or three lines. */
const NARROW = 0.55;

/** The exported page with every table at `factor` of its width (a portal template with a side column does this). */
export function narrowHtmlTables(html: string, factor: number): string {
  return html.replace(
    "</head>",
    `<style>table{width:${Math.round(factor * 100)}% !important}</style>\n</head>`,
  );
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
const pdfText = async (sources: LayoutSources, route: PdfRoute) =>
  text("pdftotext.txt", await pdfToLayoutText(await sources.pdf(route)));

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
    make: async (s) => ({ fileName: "report.pdf", bytes: await s.pdf("docx") }),
  },
  {
    id: "docx-pdf-narrow",
    source: "export",
    label: "DOCX→PDF（窄列，标签折行）",
    make: async (s) => ({ fileName: "report.pdf", bytes: await s.pdf("docx-narrow") }),
  },
  {
    id: "html-pdf",
    source: "export",
    label: "HTML→PDF（Chromium）",
    make: async (s) => ({ fileName: "report.pdf", bytes: await s.pdf("html") }),
  },
  {
    id: "html-pdf-narrow",
    source: "export",
    label: "HTML→PDF（窄列，标签折行）",
    make: async (s) => ({ fileName: "report.pdf", bytes: await s.pdf("html-narrow") }),
  },
  {
    id: "docx-pdf-layout-text",
    source: "export",
    label: "pdftotext -layout（DOCX→PDF）",
    make: (s) => pdfText(s, "docx"),
  },
  {
    id: "docx-pdf-narrow-layout-text",
    source: "export",
    label: "pdftotext -layout（DOCX→PDF 窄列）",
    make: (s) => pdfText(s, "docx-narrow"),
  },
  {
    id: "html-pdf-layout-text",
    source: "export",
    label: "pdftotext -layout（HTML→PDF）",
    make: (s) => pdfText(s, "html"),
  },
  {
    id: "html-pdf-narrow-layout-text",
    source: "export",
    label: "pdftotext -layout（HTML→PDF 窄列）",
    make: (s) => pdfText(s, "html-narrow"),
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

/** One Chromium for every innerText of a run, launched on first use. */
export function sharedBrowser(): { get: () => Promise<Browser>; close: () => Promise<void> } {
  let browser: Promise<Browser> | null = null;
  return {
    get: () => (browser ??= chromium.launch({ executablePath: chromiumPath() })),
    close: async () => {
      if (browser) await (await browser).close();
    },
  };
}
