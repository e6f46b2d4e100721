import { ImportRefusedError } from "./import-bytes";
import { blocksFromLines } from "./layout/lines-to-blocks";
import type { LayoutScale, Line } from "./layout/types";
import { MAX_GARBAGE_SHARE, MIN_TEXT_CHARS, PDF_LIMITS, type PdfLimits } from "./pdf/limits";
import { layOutPage, type PagePiece } from "./pdf/page-layout";
import { loadPdfJs, pdfJsAssets, type PdfJs } from "./pdf/pdfjs";
import { refuse } from "./pdf/refusals";
import { rulesOf, type Matrix, type Rule } from "./pdf/rules";
import { joinCellsSplitAcrossPages } from "./pdf/split-rows";
import { wordsOfItems, type PlacedWord, type TextItemLike } from "./pdf/text-items";
import type { DocBlock } from "./types";

/**
 * A published report as PDF → blocks. pdf.js gives each page's text items with their positions and
 * its drawing operators; the borders a table draws give its grid (merged cells included), text items
 * fall into its cells, and the text outside tables is laid out as lines (paragraphs, and tables set
 * without rules) by the layout step the aligned-text reader shares. Refuses, in Chinese, files it
 * cannot read for certain: no text layer, undecodable text, encryption, and the size, page and time caps.
 */
export interface ReadPdfOptions {
  /** Named in refusals. */
  fileName?: string;
  /** Tighter caps (tests, a caller with its own budget); the defaults are PDF_LIMITS. */
  limits?: Partial<PdfLimits>;
}

interface PageContent {
  words: PlacedWord[];
  rules: Rule[];
}

export async function readPdf(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadPdfOptions = {},
): Promise<DocBlock[]> {
  const { fileName } = options;
  const limits: PdfLimits = { ...PDF_LIMITS, ...options.limits };
  const size = bytes.byteLength;
  if (size > limits.maxBytes) throw refuse.tooLarge(fileName, size, limits);
  // pdf.js may take over the buffer it is given: it gets a copy.
  const data = new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  if (!hasPdfHeader(data)) throw refuse.notPdf(fileName);

  const pdfjs = await loadPdfJs();
  const { cMapUrl, standardFontDataUrl } = pdfJsAssets();
  const task = pdfjs.getDocument({
    data,
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    // Images are never drawn here: skipping them keeps scanned pages cheap.
    maxImageSize: 1,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      void task.destroy();
    },
    Math.max(0, limits.maxMillis),
  );
  const deadline = Date.now() + limits.maxMillis;
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPages) throw refuse.tooManyPages(fileName, doc.numPages, limits);
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (timedOut || Date.now() > deadline) throw refuse.tooSlow(fileName, limits);
      pages.push(await readPage(pdfjs, doc, n));
    }
    checkText(pages, fileName);
    return layOut(pages);
  } catch (error) {
    if (timedOut) throw refuse.tooSlow(fileName, limits);
    throw refusalFor(error, fileName);
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => undefined);
  }
}

function hasPdfHeader(data: Uint8Array): boolean {
  // The header may follow some junk (allowed within the first kilobyte).
  const head = new TextDecoder("latin1").decode(data.subarray(0, 1024));
  return head.includes("%PDF-");
}

type Doc = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

async function readPage(pdfjs: PdfJs, doc: Doc, n: number): Promise<PageContent> {
  // No page.cleanup() between pages: it drops the fonts the next page needs again; the document is destroyed at the end.
  const page = await doc.getPage(n);
  const toPage = page.getViewport({ scale: 1 }).transform as Matrix;
  const text = await page.getTextContent({
    includeMarkedContent: false,
    disableNormalization: false,
  });
  const items = text.items.filter((i): i is typeof i & TextItemLike => "str" in i);
  const words = wordsOfItems(items, toPage);
  // No text, no table to find: a scanned page's drawing operators are not even read.
  const rules =
    words.length === 0
      ? []
      : rulesOf(
          pdfjs,
          await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }),
          toPage,
        );
  return { words, rules };
}

const GARBAGE = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu;
const HAN = /\p{Script=Han}/gu;

/** No text layer, or text made of glyphs without a character mapping: refused, since nothing read could be trusted. */
function checkText(pages: PageContent[], fileName: string | undefined): void {
  let total = 0;
  let garbage = 0;
  let han = 0;
  for (const page of pages) {
    const text = page.words.map((w) => w.text).join("");
    total += [...text].length;
    garbage += text.match(GARBAGE)?.length ?? 0;
    han += text.match(HAN)?.length ?? 0;
  }
  if (total - garbage < MIN_TEXT_CHARS && garbage < MIN_TEXT_CHARS) throw refuse.scanned(fileName);
  if (garbage / total > MAX_GARBAGE_SHARE) throw refuse.garbled(fileName);
  // A Chinese report whose text has (almost) no Chinese characters was decoded into the wrong letters.
  if (han < MIN_TEXT_CHARS && total >= 200) throw refuse.garbled(fileName);
}

function dominantSize(pages: PageContent[]): number {
  const counts = new Map<number, number>();
  for (const p of pages)
    for (const w of p.words)
      counts.set(Math.round(w.size), (counts.get(Math.round(w.size)) ?? 0) + w.text.length);
  let best = 12;
  let most = 0;
  for (const [size, n] of counts) {
    if (n > most) {
      best = size;
      most = n;
    }
  }
  return Math.max(4, best);
}

function layOut(pages: PageContent[]): DocBlock[] {
  const em = dominantSize(pages);
  const scale: LayoutScale = { em, cellGap: em * 0.9, blockGap: em * 1.2, exactPositions: true };
  const pieces: PagePiece[] = [];
  pages.forEach((p, k) => pieces.push(...layOutPage(p.words, p.rules, k, scale)));
  joinCellsSplitAcrossPages(pieces);
  const blocks: DocBlock[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push(...blocksFromLines(run, scale));
    run = [];
  };
  for (const piece of pieces) {
    if (piece.kind === "lines") run.push(...piece.lines);
    else {
      flush();
      blocks.push(piece.table);
    }
  }
  flush();
  return blocks;
}

function refusalFor(error: unknown, fileName: string | undefined): Error {
  if (error instanceof ImportRefusedError) return error;
  if (error instanceof Error && error.name === "PasswordException")
    return refuse.encrypted(fileName);
  return refuse.notPdf(fileName);
}
