import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderDocx } from "../../lib/export/docx";
import { renderHtml } from "../../lib/export/html";
import { sofficeConvert, sofficePath } from "../../lib/export/__fixtures__/soffice";
import { fullReport } from "../../lib/report/__fixtures__/full-report";
import { timeRuns, type Figure } from "./support/stats";

/**
 * Export of the complete 2021 report (every cell filled, realistic narratives): our DOCX (target
 * < 100 ms) and HTML, and for comparison LibreOffice turning that same HTML into a DOCX — the
 * usual way to get a Word file without a library (process start included, warm profile).
 */
export async function run(): Promise<Record<string, Figure>> {
  const report = fullReport("2021");
  const html = renderHtml(report);
  const docx = await renderDocx(report);
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

  const figures: Record<string, Figure> = {
    export_docx_full_report: {
      ...(await timeRuns(() => renderDocx(report), { warmup: 10, iterations: 100 })),
      kb: kb(docx.length),
      note: "目标 < 100 ms",
    },
    export_html_full_report: {
      ...(await timeRuns(() => renderHtml(report), { warmup: 50, iterations: 1000 })),
      kb: kb(Buffer.byteLength(html)),
    },
  };

  if (!sofficePath()) {
    figures.soffice_docx_full_report = { note: "未安装 LibreOffice（soffice），跳过" };
    return figures;
  }
  const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-soffice-"));
  try {
    const input = join(dir, "report.html");
    writeFileSync(input, html);
    // One profile for all runs: the first (warm-up) run creates it, as on a machine that has used LibreOffice.
    const profile = join(dir, "profile");
    const convert = () => sofficeConvert(input, "docx:MS Word 2007 XML", dir, { profile });
    const soffice = await timeRuns(convert, { warmup: 1, iterations: 5 });
    const ratio = Math.round(
      (soffice.median_ms ?? 0) / (figures.export_docx_full_report.median_ms ?? 1),
    );
    figures.soffice_docx_full_report = {
      median_ms: soffice.median_ms,
      p95_ms: soffice.p95_ms,
      note: `soffice --headless --convert-to docx（同一 HTML，含进程启动，已建好的用户配置，5 次）：约为本导出的 ${ratio} 倍`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
