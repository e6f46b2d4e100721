import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_REPORTS, type SampleName } from "@/lib/report/__fixtures__/sample-reports";
import { renderDocx } from "./docx";
import { buildPublication } from "./publication";
import { byTag, children, parseHtml, textOf } from "./__fixtures__/html-dom";
import { hasPdftotext, pdfPageTexts, pdfWords, ptToMm } from "./__fixtures__/pdf-text";
import { sofficeConvertAll, sofficePath } from "./__fixtures__/soffice";

/**
 * The five samples as LibreOffice lays out our DOCX — the acceptance checks of the printed layout:
 * the closing never stands alone on a page, the page number's 一字线 sits 7 mm (± 1 mm) below the
 * text block, 二 is one table and 三's note is inside its corner cell. Skipped where LibreOffice or
 * poppler is not installed (CI installs both).
 */
const ready = Boolean(sofficePath()) && hasPdftotext();
if (!ready)
  console.warn(
    "[lib/export] soffice or pdftotext is not installed: skipping the LibreOffice layout checks",
  );

const names = Object.keys(SAMPLE_REPORTS) as SampleName[];
const dir = mkdtempSync(join(tmpdir(), "nianbao-export-layout-"));
const profile = join(dir, "profile");
const pdfs: Record<string, string> = {};
const htmls: Record<string, string> = {};

/** Text block bottom: the 35 mm bottom margin above the foot of an A4 page. */
const BLOCK_BOTTOM_MM = 297 - 35;
const squash = (text: string) => text.replace(/\s+/g, "");

describe.skipIf(!ready)("the samples as LibreOffice prints them", { timeout: 600_000 }, () => {
  beforeAll(async () => {
    mkdirSync(join(dir, "html"));
    const inputs: string[] = [];
    for (const name of names) {
      const input = join(dir, `${name}.docx`);
      writeFileSync(input, await renderDocx(SAMPLE_REPORTS[name]));
      inputs.push(input);
    }
    // One profile for both runs: a start-up of LibreOffice is most of the time a conversion takes.
    (await sofficeConvertAll(inputs, "pdf", dir, { profile })).forEach(
      (pdf, i) => (pdfs[names[i]] = pdf),
    );
    (await sofficeConvertAll(inputs, "html", join(dir, "html"), { profile })).forEach(
      (html, i) => (htmls[names[i]] = readFileSync(html, "utf8")),
    );
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(names)(
    "%s: no page holds only the closing; the last page has body text above the closing",
    (name) => {
      const { closing } = buildPublication(SAMPLE_REPORTS[name]);
      const closingLines = [closing.organ, closing.date]
        .filter((l): l is string => Boolean(l))
        .map(squash);
      const pages = pdfPageTexts(pdfs[name]);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const [index, page] of pages.entries()) {
        const lines = page.split("\n").map(squash).filter(Boolean);
        // What is on the page besides the closing and the page number `— N —`.
        const body = lines.filter((l) => !closingLines.includes(l) && !/^—\d+—$/.test(l));
        expect(body.length, `${name}, page ${index + 1}`).toBeGreaterThan(0);
      }
      const last = pages.at(-1)!.split("\n").map(squash).filter(Boolean);
      for (const line of closingLines) expect(last).toContain(line);
      expect(last.findIndex((l) => l === closingLines[0])).toBeGreaterThan(0);
    },
  );

  it.each(names)(
    "%s: the page number's 一字线 sits 7 mm ± 1 mm below the text block on every page",
    (name) => {
      const layout = pdfWords(pdfs[name]);
      const pages = pdfPageTexts(pdfs[name]).length;
      const dashes = layout.words.filter((w) => w.text === "—" && ptToMm(w.yMin) > BLOCK_BOTTOM_MM);
      // Two dashes a page, one each side of the number.
      expect(new Set(dashes.map((d) => d.page)).size).toBe(pages);
      for (const dash of dashes) {
        const middle = ptToMm((dash.yMin + dash.yMax) / 2);
        expect(
          Math.abs(middle - BLOCK_BOTTOM_MM - 7),
          `${name}, page ${dash.page + 1}: ${(middle - BLOCK_BOTTOM_MM).toFixed(2)} mm`,
        ).toBeLessThanOrEqual(1);
      }
    },
  );

  it.each(names)("%s: 二 is ONE table; 三's 勾稽关系 note is inside its corner cell", (name) => {
    const root = parseHtml(htmls[name]);
    const tables = byTag(root, "table");
    expect(tables).toHaveLength(3);
    const firstCell = (i: number) => squash(textOf(byTag(tables[i], "td")[0]));
    const captions = ["（一）", "（五）", "（六）", "（八）"].map((item) => `第二十条第${item}项`);
    if (SAMPLE_REPORTS[name].format === "2019") captions.push("第二十条第（九）项");
    for (const caption of captions) expect(squash(textOf(tables[0]))).toContain(caption);
    expect(firstCell(0)).toBe("第二十条第（一）项");
    expect(firstCell(1)).toBe(
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    );
    // …and not printed as a paragraph of its own.
    const body = children(root, "body")[0];
    const outsideTables = squash(
      [...children(body, "p"), ...children(body, "div").flatMap((d) => children(d, "p"))]
        .map(textOf)
        .join(""),
    );
    expect(outsideTables).not.toContain("本列数据的勾稽关系");
  });
});
