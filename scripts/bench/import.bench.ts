import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importDocx, importHtml, importPdf, importText } from "../../lib/import";
import { PDF_FIXTURE_DIR } from "../../lib/import/__fixtures__/pdf/manifest";
import { buildDocx } from "../../lib/import/__fixtures__/build-docx";
import { buildHtml } from "../../lib/import/__fixtures__/build-html";
import { HULAN_TABLES } from "../../lib/import/__fixtures__/expected";
import { HULAN_DOCUMENT } from "../../lib/import/__fixtures__/hulan-document";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";
import { timeRuns, type Figure } from "./support/stats";

const kbOf = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * The importer on each published sample (text, reader + matcher + validate()), and on hulan's
 * figures as a DOCX with merged cells and as a portal page. Target < 50 ms per document.
 */
export async function run(): Promise<Record<string, Figure>> {
  const figures: Record<string, Figure> = {};
  for (const file of readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const text = readFileSync(join(SAMPLES_DIR, file), "utf8");
    figures[`import_${file}`] = {
      ...(await timeRuns(() => importText(text, { fileName: file }))),
      kb: kbOf(Buffer.byteLength(text)),
      note: "目标 < 50 ms",
    };
  }
  const docx = await buildDocx("2021", HULAN_DOCUMENT, HULAN_TABLES);
  figures["import_hulan-fixture.docx"] = {
    ...(await timeRuns(() => importDocx(docx))),
    kb: kbOf(docx.byteLength),
    note: "合并单元格的DOCX；目标 < 50 ms",
  };
  const html = buildHtml("2021", HULAN_DOCUMENT, HULAN_TABLES);
  figures["import_hulan-fixture.html"] = {
    ...(await timeRuns(() => importHtml(html))),
    kb: kbOf(Buffer.byteLength(html)),
    note: "门户网站页面；目标 < 50 ms",
  };
  // A 6-page report as LibreOffice prints it to PDF (every table border a path), and as Chromium prints the HTML export.
  for (const [name, note] of [
    ["full-2021", "6 页，LibreOffice 由 DOCX 导出，表格边框为路径"],
    ["full-2021-chromium", "Chromium 打印的 HTML 导出"],
  ]) {
    const pdf = new Uint8Array(readFileSync(join(PDF_FIXTURE_DIR, `${name}.pdf`)));
    figures[`import_${name}.pdf`] = {
      ...(await timeRuns(() => importPdf(pdf), { warmup: 2, iterations: 15 })),
      kb: kbOf(pdf.byteLength),
      note: `${note}；目标 < 300 ms`,
    };
  }
  // Hostile pages of the security review: read within the HTML reader's bounds, or refused.
  const nesting = `${"<div>".repeat(40_000)}四、政府信息公开行政复议、行政诉讼情况${"</div>".repeat(40_000)}`;
  figures["import_nesting-bomb.html"] = {
    ...(await timeRuns(() => importHtml(nesting), { warmup: 2, iterations: 10 })),
    kb: kbOf(nesting.length),
    note: "嵌套 40000 层的 div（超过 200 层的部分被展平）；目标 < 2000 ms",
  };
  const spans = `<table>${`<tr>${`<td colspan="1000" rowspan="1000">1</td>`.repeat(5)}</tr>`.repeat(200)}</table>`;
  const refused = () => {
    try {
      importHtml(spans);
    } catch {
      return;
    }
    throw new Error("the span bomb was not refused");
  };
  figures["import_span-bomb.html"] = {
    ...(await timeRuns(refused, { warmup: 2, iterations: 20 })),
    kb: kbOf(spans.length),
    note: "每格 colspan/rowspan=1000，拒绝读取；目标 < 500 ms",
  };
  return figures;
}
