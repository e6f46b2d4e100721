import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { renderDocx } from "./docx";
import { hostileReport } from "./fixtures";
import { sofficeConvertAll, sofficePath } from "./__fixtures__/soffice";

/**
 * The DOCX opens in LibreOffice (a strict reader: it rejects malformed parts) and converts to a
 * PDF of real pages. Skipped, with a message, only where LibreOffice is not installed; CI installs
 * it (.ci/run: libreoffice-writer when soffice is missing).
 */
const soffice = sofficePath();
if (!soffice)
  console.warn(
    "[lib/export] soffice (LibreOffice) is not installed: skipping the DOCX → PDF conversion tests",
  );

const dir = mkdtempSync(join(tmpdir(), "nianbao-export-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function pdfPages(pdf: string): number {
  return (readFileSync(pdf, "latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The three reports the tests read, converted by one LibreOffice start-up (most of a conversion's time). */
const reports = {
  "full-2021": () => renderDocx(fullReport("2021")),
  hostile: () => renderDocx(hostileReport()),
  "full-2019": () => renderDocx(fullReport("2019")),
};
const pdfs: Record<string, string> = {};

describe.skipIf(!soffice)("LibreOffice opens the DOCX", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    const inputs: string[] = [];
    for (const [name, render] of Object.entries(reports)) {
      const input = join(dir, `${name}.docx`);
      writeFileSync(input, await render());
      inputs.push(input);
    }
    const outputs = await sofficeConvertAll(inputs, "pdf", dir, { timeoutMs: 540_000 });
    Object.keys(reports).forEach((name, i) => (pdfs[name] = outputs[i]));
  }, 600_000);

  it("converts a full report to a PDF of A4 pages holding its title, headings and figures", () => {
    const output = pdfs["full-2021"];
    expect(readFileSync(output).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(statSync(output).size).toBeGreaterThan(20_000);
    expect(pdfPages(output)).toBeGreaterThanOrEqual(4);
    expect(readFileSync(output, "latin1")).toMatch(/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/); // A4 in points
    if (hasTool("pdftotext")) {
      const text = execFileSync("pdftotext", ["-layout", output, "-"], { encoding: "utf8" });
      const squashed = text.replace(/\s+/g, "");
      expect(squashed).toContain("某市某区2022年");
      expect(squashed).toContain("政府信息公开工作年度报告");
      expect(squashed).toContain("三、收到和处理政府信息公开申请情况");
      expect(squashed).toContain("120.4722");
      expect(squashed).toContain("2023年1月18日");
      expect(text).toMatch(/—\s*1\s*—/);
    }
  });

  it("converts a report full of hostile text (markup, &, ]]>, emoji, control characters)", () => {
    const output = pdfs.hostile;
    expect(statSync(output).size).toBeGreaterThan(20_000);
    if (hasTool("pdftotext")) {
      const text = execFileSync("pdftotext", [output, "-"], { encoding: "utf8" });
      expect(text).toContain("<script>alert(1)</script> & ]]>");
    }
  });

  it("converts a 2019-format report", () => {
    expect(pdfPages(pdfs["full-2019"])).toBeGreaterThanOrEqual(4);
  });
});
