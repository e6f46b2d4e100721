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
    const natives = keepNatives();
    try {
      const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
      return await import("pdfjs-dist/legacy/build/pdf.mjs");
    } finally {
      natives.restore();
    }
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * The legacy build carries core-js, which replaces a few built-ins of the whole process when it
 * loads: Array.prototype.push (a slow JavaScript version, for an edge case of arrays with a frozen
 * length), JSON.parse, Function.prototype.toString, and adds a global `self`, which makes other
 * libraries think they run in a browser. pdf.js needs none of these; the originals are put back.
 * (What core-js only adds, such as Promise.withResolvers, stays: pdf.js needs it on Node 20.)
 */
function keepNatives(): { restore: () => void } {
  const push = Array.prototype.push;
  const parse = JSON.parse;
  const toString = Function.prototype.toString;
  const hadSelf = Object.getOwnPropertyDescriptor(globalThis, "self");
  return {
    restore() {
      Object.defineProperty(Array.prototype, "push", {
        value: push,
        writable: true,
        configurable: true,
        enumerable: false,
      });
      Object.defineProperty(JSON, "parse", {
        value: parse,
        writable: true,
        configurable: true,
        enumerable: false,
      });
      Object.defineProperty(Function.prototype, "toString", {
        value: toString,
        writable: true,
        configurable: true,
        enumerable: false,
      });
      if (hadSelf) Object.defineProperty(globalThis, "self", hadSelf);
      else delete (globalThis as { self?: unknown }).self;
    },
  };
}

let assets: { cMapUrl: string; standardFontDataUrl: string } | null = null;

/**
 * The CMaps (without them Chinese text in CID fonts comes out empty) and the standard font data,
 * as folder paths of the installed package: pdf.js reads them with fs in Node.
 */
export function pdfJsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  if (assets) return assets;
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  assets = {
    cMapUrl: join(root, "cmaps") + "/",
    standardFontDataUrl: join(root, "standard_fonts") + "/",
  };
  return assets;
}
