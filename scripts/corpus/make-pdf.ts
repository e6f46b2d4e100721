import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { chromium, type Browser } from "playwright-core";
import { sofficeConvert } from "@/lib/export/__fixtures__/soffice";
import { imagePdf, readPgm } from "@/lib/import/__fixtures__/pdf/write-pdf";

/**
 * PDFs made the way portals make them, from our own exports: a DOCX through LibreOffice (what Word
 * and WPS "save as PDF" give: every border drawn as a path) and an HTML page printed by Chromium.
 * Variants shrink the table columns (labels wrap over several lines) or remove the borders (a table
 * set without rules). Used by the PDF fixtures, the batch check and the benchmark.
 */

export interface PdfOptions {
  timeoutMs?: number;
}

/** DOCX → PDF with LibreOffice headless (its own throwaway profile, so parallel runs never collide). */
export async function docxToPdf(
  docx: Uint8Array,
  { timeoutMs = 120_000 }: PdfOptions = {},
): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-pdf-"));
  try {
    const input = join(dir, "report.docx");
    writeFileSync(input, docx);
    const { output } = await sofficeConvert(input, "pdf", dir, { timeoutMs });
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An encrypted PDF (password to open) from a DOCX, through LibreOffice's PDF export options. */
export async function docxToEncryptedPdf(
  docx: Uint8Array,
  password: string,
  { timeoutMs = 120_000 }: PdfOptions = {},
): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-pdf-"));
  try {
    const input = join(dir, "report.docx");
    writeFileSync(input, docx);
    const filter = JSON.stringify({
      EncryptFile: { type: "boolean", value: "true" },
      DocumentOpenPassword: { type: "string", value: password },
    });
    const { output } = await sofficeConvert(input, `pdf:writer_pdf_Export:${filter}`, dir, {
      timeoutMs,
    });
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A scan: the first page of a PDF rendered to a grey image (pdftoppm) and that image alone put into
 * a PDF — no text layer, as a scanner or "print to image" gives.
 */
export async function scannedPdf(pdf: Uint8Array, dpi = 60): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-scan-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    await run("pdftoppm", [
      "-r",
      String(dpi),
      "-gray",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(dir, "in.pdf"),
      join(dir, "page"),
    ]);
    const { width, height, pixels } = readPgm(new Uint8Array(readFileSync(join(dir, "page.pgm"))));
    return imagePdf(pixels, width, height);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((c): c is string => Boolean(c) && existsSync(c!));
  if (!found) throw new Error("Chromium not found (set CHROMIUM_PATH)");
  return found;
}

export interface PrintOptions extends PdfOptions {
  /** A browser to print with (kept open); by default one is launched and closed. */
  browser?: Browser;
  landscape?: boolean;
  /** A running footer (Chromium's template: `pageNumber` and `totalPages` spans are filled in). */
  footer?: string;
}

/** HTML → PDF as a browser prints it (A4, backgrounds on). */
export async function htmlToPdf(
  html: string,
  { timeoutMs = 60_000, browser: shared, landscape = false, footer }: PrintOptions = {},
): Promise<Uint8Array> {
  const browser =
    shared ?? (await chromium.launch({ executablePath: chromiumPath(), timeout: timeoutMs }));
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: "load", timeout: timeoutMs });
    const pdf = await page.pdf({
      format: "A4",
      landscape,
      printBackground: true,
      margin: { top: "20mm", bottom: "20mm", left: "18mm", right: "18mm" },
      ...(footer
        ? {
            displayHeaderFooter: true,
            headerTemplate: "<span></span>",
            footerTemplate: `<div style="width:100%;text-align:center;font-size:11pt;font-family:'Noto Serif CJK SC',serif">${footer}</div>`,
          }
        : {}),
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
    if (!shared) await browser.close();
  }
}

/** The DOCX with every table `factor` times as wide (its columns too), so long labels wrap over several lines. */
export async function narrowDocxTables(docx: Uint8Array, factor: number): Promise<Uint8Array> {
  return editDocument(docx, (xml) =>
    xml.replace(
      /<w:(gridCol|tblW|tcW)\b([^>]*?)w:w="(\d+)"/g,
      (_m, tag: string, before: string, w: string) =>
        `<w:${tag}${before}w:w="${Math.round(Number(w) * factor)}"`,
    ),
  );
}

/** The DOCX with its table borders removed: a table laid out by position alone. */
export async function unruledDocx(docx: Uint8Array): Promise<Uint8Array> {
  return editDocument(docx, (xml) =>
    xml.replace(
      /<w:(tblBorders|tcBorders)>[\s\S]*?<\/w:\1>/g,
      (_m, tag: string) =>
        `<w:${tag}><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:${tag}>`,
    ),
  );
}

async function editDocument(docx: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  return editDocxParts(docx, (name) => (name === "word/document.xml" ? edit : null));
}

/** The DOCX with each XML part for which `editFor(name)` gives an edit rewritten by it. */
export async function editDocxParts(
  docx: Uint8Array,
  editFor: (name: string) => ((xml: string) => string) | null,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  if (!zip.file("word/document.xml")) throw new Error("word/document.xml missing");
  for (const name of Object.keys(zip.files)) {
    const edit = name.endsWith(".xml") ? editFor(name) : null;
    const part = zip.file(name);
    if (edit && part) zip.file(name, edit(await part.async("string")));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** `pdftotext -layout` of a PDF (poppler), the column-aligned text that copying from a PDF gives. */
export function pdfToLayoutText(pdf: Uint8Array): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-pdftext-"));
  const input = join(dir, "in.pdf");
  writeFileSync(input, pdf);
  return run("pdftotext", ["-layout", "-enc", "UTF-8", input, "-"]).finally(() =>
    rmSync(dir, { recursive: true, force: true }),
  );
}
