import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderDocx } from "@/lib/export/docx";
import { hasPdftotext, pdfPageTexts } from "@/lib/export/__fixtures__/pdf-text";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { docxToPdf, sofficeBinary } from "./libreoffice";

/**
 * The server's DOCX → PDF conversion with the real LibreOffice: a valid PDF of several pages, each
 * with its `— N —`, the title on page 1; two slots converting at once do not trip over each other's
 * profile. Skipped where LibreOffice or poppler is not installed (CI installs both).
 */
const ready = Boolean(sofficeBinary()) && hasPdftotext();
const dir = mkdtempSync(join(tmpdir(), "nianbao-pdf-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!ready)("docxToPdf", { timeout: 300_000 }, () => {
  it("makes a valid PDF: pages, page numbers, the title on page 1 — two at once in two slots", async () => {
    const docx = new Uint8Array(await renderDocx(fullReport("2021")));
    const pdfs = await Promise.all(
      [0, 1].map((slot) => docxToPdf(docx, { slot, timeoutMs: 240_000 })),
    );
    for (const [i, pdf] of pdfs.entries()) {
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const file = join(dir, `report-${i}.pdf`);
      writeFileSync(file, pdf);
      expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Pages:\s+[3-9]/);
      const pages = pdfPageTexts(file);
      expect(pages[0].replace(/\s+/g, "")).toContain("某市某区2022年政府信息公开工作年度报告");
      pages.forEach((page, p) => expect(page).toMatch(new RegExp(`—\\s*${p + 1}\\s*—`)));
    }
  });

  it("gives up, killing LibreOffice, when the time limit passes", async () => {
    const docx = new Uint8Array(await renderDocx(fullReport("2021")));
    await expect(docxToPdf(docx, { slot: 7, timeoutMs: 1 })).rejects.toThrow(/did not finish/);
  });
});
