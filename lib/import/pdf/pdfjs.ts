import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * pdf.js (legacy build, for Node) loaded once. Its "fake worker" runs the parser in this thread; the
 * worker module is imported here and handed over through globalThis.pdfjsWorker, so pdf.js never
 * has to find pdf.worker.mjs by URL — that lookup fails in a bundled server and in worker_threads.
 */
export type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

let assets: { cMapUrl: string; standardFontDataUrl: string } | null = null;

/**
 * The CMaps (without them Chinese text in CID fonts comes out empty) and the standard font data,
 * as folder paths of the installed package: pdf.js reads them with fs in Node.
 */
export function pdfJsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  if (assets) return assets;
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  assets = { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
  return assets;
}
