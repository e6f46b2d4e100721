import type { ImportResult } from "@/lib/import";
import { ImportRefusedError, importBytes } from "@/lib/import/import-bytes";
import { assembleReport } from "@/lib/import/import-report";
import { readPdf } from "@/lib/import/read-pdf";
import type { ReportContent } from "@/lib/report/content";
import { computeTotals } from "@/lib/report/compute-totals";
import { corpusCases } from "@/lib/import/__fixtures__/layouts/contents";
import { applyEdits } from "@/lib/import/__fixtures__/layouts/print-edits";
import type { PrintEdit } from "@/lib/import/__fixtures__/layouts/generated-reports";
import { LAYOUTS, LayoutSources, sharedBrowser, type Layout, type LayoutFile } from "./layouts";
import { measureImport, notMade, refusedImport, type Measured } from "./measure";

export interface CorpusReport {
  name: string;
  /** The rule ids of the defects planted in it. */
  planted: string[];
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
  const reports = corpusCases();
  const layouts = LAYOUTS.filter((l) => !options.only?.length || options.only.includes(l.id));
  const browser = sharedBrowser();
  const results: LayoutResult[] = layouts.map((layout) => ({ layout, cells: [], importMs: [] }));
  try {
    for (const report of reports) {
      const sources = new LayoutSources(report.content, report.edits);
      const printedByExport = computeTotals(report.content);
      for (const result of results) {
        const expected = result.layout.source === "export" ? printedByExport : report.content;
        let file: LayoutFile;
        try {
          file = await makeWithRetry(() => result.layout.make(sources, browser.get));
          // The export-based layouts print the edits through the edited DOCX and HTML; the others here.
          if (result.layout.source === "content") file = editedText(file, report.edits);
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
          const imported = await importAllowingLoad(file, report.previous);
          measured = measureImport(imported, {
            content: expected,
            previous: report.previous,
            planted: report.planted,
          });
        } catch (error) {
          measured = refusedImport(
            { content: expected, planted: report.planted },
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
  return {
    reports: reports.map((r) => ({ name: r.name, planted: [...r.planted] })),
    layouts: results,
  };
}

/**
 * The import as the app does it; a PDF refused only for its time cap is read again with a wider one.
 * The corpus measures what is read, and the machine it runs on may be loaded many times over (the
 * time a read takes is the benchmark's figure, measured on its own).
 */
async function importAllowingLoad(
  file: LayoutFile,
  previous: ReportContent | undefined,
): Promise<ImportResult> {
  try {
    return await importBytes(file.fileName, file.bytes, { previous });
  } catch (error) {
    const tooSlow = error instanceof ImportRefusedError && /秒仍未完成/.test(error.message);
    if (!tooSlow || !file.fileName.endsWith(".pdf")) throw error;
    const blocks = await readPdf(file.bytes, {
      fileName: file.fileName,
      limits: { maxMillis: LOADED_MACHINE_MILLIS },
    });
    return assembleReport(blocks, { previous, fileName: file.fileName });
  }
}

const LOADED_MACHINE_MILLIS = 180_000;

function editedText(file: LayoutFile, edits: PrintEdit[]): LayoutFile {
  if (edits.length === 0) return file;
  const text = applyEdits(new TextDecoder().decode(file.bytes), edits, file.fileName);
  return { ...file, bytes: new TextEncoder().encode(text) };
}

async function makeWithRetry(make: () => Promise<LayoutFile>): Promise<LayoutFile> {
  try {
    return await make();
  } catch {
    return make();
  }
}

export interface LayoutTotals {
  exact: number;
  total: number;
  percent: number;
  wrong: number;
  blankWithFinding: number;
  blankSilently: number;
  planted: number;
  plantedFound: number;
  falseErrors: number;
  refused: number;
  notMade: number;
}

export function layoutTotals(result: LayoutResult): LayoutTotals {
  const sum = (pick: (c: Measured) => number) => result.cells.reduce((n, c) => n + pick(c), 0);
  const exact = sum((c) => c.exact);
  const total = sum((c) => c.total);
  return {
    exact,
    total,
    percent: total ? (100 * exact) / total : 0,
    wrong: sum((c) => c.wrong),
    blankWithFinding: sum((c) => c.blankWithFinding),
    blankSilently: sum((c) => c.blankSilently),
    planted: sum((c) => c.planted),
    plantedFound: sum((c) => c.plantedFound),
    falseErrors: sum((c) => c.falseErrors),
    refused: result.cells.filter((c) => c.refused !== null).length,
    notMade: result.cells.filter((c) => c.notMade !== undefined).length,
  };
}
