import { describe, expect, it } from "vitest";
import { importDocx, importHtml, toTablesJson } from "@/lib/import";
import { allTables, type ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { parseCellInput } from "@/lib/report/parse-value";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { SAMPLE_REPORTS } from "@/lib/report/__fixtures__/sample-reports";
import { renderDocx } from "./docx";
import { hostileReport } from "./fixtures";
import { renderHtml } from "./html";

/**
 * What we publish, engineer B's importer reads back to the same tables: the exported file is a
 * faithful, machine-readable report (and `nianbao export` can re-issue any imported one).
 */
const reports: [string, ReportContent][] = [
  ["full 2021", fullReport("2021")],
  ["full 2019", fullReport("2019")],
  ...Object.entries(SAMPLE_REPORTS).map(([name, r]): [string, ReportContent] => [
    `sample ${name}`,
    r,
  ]),
];

/** The tables with every cell in its stored form (the sample fixtures hold amounts as the number 0; the content model's form is "0"). */
function canonicalTables(report: ReportContent) {
  const copy = structuredClone(report);
  for (const table of allTables(getFormat(report.format))) {
    for (const row of table.rows) {
      for (const column of table.columns) {
        const cells = copy.tables[table.id][row.key];
        const parsed = parseCellInput(cells[column.key], column.kind);
        if (parsed.ok) cells[column.key] = parsed.value;
      }
    }
  }
  return toTablesJson(copy);
}

describe("export → import", () => {
  for (const [name, report] of reports) {
    it(`${name}: DOCX and HTML import back to the same tables, unit, year and format`, async () => {
      const expected = canonicalTables(report);
      for (const imported of [
        await importDocx(new Uint8Array(await renderDocx(report))),
        importHtml(renderHtml(report)),
      ]) {
        expect(toTablesJson(imported.content)).toEqual(expected);
        expect(imported.format).toBe(report.format);
        expect(imported.year).toBe(report.meta.year);
        expect(imported.organization).toBe(report.meta.organization);
        // Headings are printed exactly as the spec has them: no S3 (label differs) or S1 (section missing).
        expect(imported.documentFindings.filter((f) => f.rule === "S1" || f.rule === "S3")).toEqual(
          [],
        );
      }
    });
  }

  it("keeps the narratives and the fee statement", async () => {
    const report = fullReport("2021");
    const imported = await importDocx(new Uint8Array(await renderDocx(report)));
    expect(imported.content.narratives.s5).toBe(report.narratives.s5);
    expect(imported.content.narratives.s6).toBe(report.narratives.s6);
    expect(imported.content.preface).toBe(report.preface);
  });

  it("reads a report full of hostile text back without choking", async () => {
    const report = hostileReport();
    const imported = await importDocx(new Uint8Array(await renderDocx(report)));
    expect(toTablesJson(imported.content).appeals).toEqual(toTablesJson(report).appeals);
  });
});
