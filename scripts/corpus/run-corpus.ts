import { importBytes } from "@/lib/import/import-bytes";
import { computeTotals } from "@/lib/report/compute-totals";
import { layoutContents } from "@/lib/import/__fixtures__/layouts/contents";
import { LAYOUTS, LayoutSources, sharedBrowser, type Layout, type LayoutFile } from "./layouts";
import { measureImport, notMade, refusedImport, type Measured } from "./measure";

export interface CorpusReport {
  name: string;
}

export interface LayoutResult {
  layout: Layout;
  /** One per report, in `reports` order. */
  cells: Measured[];
  /** Import time per document (ms), building the layout left out. */
  importMs: number[];
}

export interface CorpusRun {
  reports: CorpusReport[];
  layouts: LayoutResult[];
}

/**
 * Builds every layout of every corpus report (the five samples' figures and the full reports with
 * blanks), imports each file through the one dispatch the app uses, and compares every cell with the
 * report it was made from. A layout's converter failing is a failure of the run; the importer refusing
 * a file is a result (its cells count as not read).
 */
export async function runCorpus(
  options: { only?: string[]; onProgress?: (line: string) => void } = {},
): Promise<CorpusRun> {
  const reports = layoutContents();
  const layouts = LAYOUTS.filter((l) => !options.only?.length || options.only.includes(l.id));
  const browser = sharedBrowser();
  const results: LayoutResult[] = layouts.map((layout) => ({ layout, cells: [], importMs: [] }));
  try {
    for (const report of reports) {
      const sources = new LayoutSources(report.content);
      const printedByExport = computeTotals(report.content);
      for (const result of results) {
        const expected = result.layout.source === "export" ? printedByExport : report.content;
        let file: LayoutFile;
        try {
          file = await makeWithRetry(() => result.layout.make(sources, browser.get));
        } catch (error) {
          // A converter that fails twice (LibreOffice under load) says nothing about the importer.
          const measured = notMade(
            error instanceof Error ? error.message.split("\n")[0] : String(error),
          );
          result.cells.push(measured);
          options.onProgress?.(
            `${report.name} · ${result.layout.label}：未生成（${measured.notMade}）`,
          );
          continue;
        }
        const started = performance.now();
        let measured: Measured;
        try {
          measured = measureImport(await importBytes(file.fileName, file.bytes), expected);
        } catch (error) {
          measured = refusedImport(
            expected,
            error instanceof Error ? error.message : String(error),
          );
        }
        result.importMs.push(performance.now() - started);
        result.cells.push(measured);
        options.onProgress?.(
          `${report.name} · ${result.layout.label}：${measured.exact}/${measured.total}${measured.refused ? `（${measured.refused}）` : ""}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  return { reports: reports.map((r) => ({ name: r.name })), layouts: results };
}

async function makeWithRetry(make: () => Promise<LayoutFile>): Promise<LayoutFile> {
  try {
    return await make();
  } catch {
    return make();
  }
}

export function layoutTotals(result: LayoutResult): {
  exact: number;
  total: number;
  percent: number;
  falseErrors: number;
  refused: number;
  notMade: number;
} {
  const exact = result.cells.reduce((n, c) => n + c.exact, 0);
  const total = result.cells.reduce((n, c) => n + c.total, 0);
  return {
    exact,
    total,
    percent: total ? (100 * exact) / total : 0,
    falseErrors: result.cells.reduce((n, c) => n + c.falseErrors, 0),
    refused: result.cells.filter((c) => c.refused !== null).length,
    notMade: result.cells.filter((c) => c.notMade !== undefined).length,
  };
}
