import { execFileSync } from "node:child_process";

/**
 * What a PDF shows, read with poppler's pdftotext (tests only): the text of each page, and each
 * word with its box in points from the top-left corner of its page (`pdftotext -bbox`).
 */
export function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The text of every page, in reading order (pages are separated by form feeds). */
export function pdfPageTexts(pdf: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = text.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

export interface PdfWord {
  /** 0-based page index. */
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLayout {
  pageHeight: number;
  pageWidth: number;
  words: PdfWord[];
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};

export function pdfWords(pdf: string): PdfLayout {
  const xhtml = execFileSync("pdftotext", ["-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const words: PdfWord[] = [];
  let pageWidth = 0;
  let pageHeight = 0;
  xhtml
    .split(/<page /)
    .slice(1)
    .forEach((page, index) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
      if (size) [pageWidth, pageHeight] = [Number(size[1]), Number(size[2])];
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        words.push({
          page: index,
          text: m[5].replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]),
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
        });
      }
    });
  return { pageWidth, pageHeight, words };
}

/** Points to millimetres. */
export function ptToMm(pt: number): number {
  return (pt * 25.4) / 72;
}
