import { describe, expect, it } from "vitest";
import { renderDocx } from "@/lib/export/docx";
import type { ReportContent } from "@/lib/report/content";
import { SAMPLE_REPORTS } from "@/lib/report/fixtures/sample-reports";
import { getFormat } from "@/lib/report/formats";
import { parseCellInput } from "@/lib/report/parse-value";
import { renderHtml } from "@/lib/export/html";
import { importDocx, importHtml, toTablesJson } from "@/lib/import";

/** Stored values in their canonical form (an amount typed as the number 0 is the decimal "0"). */
function canonical(content: ReportContent): ReportContent {
  const copy = structuredClone(content);
  for (const table of getFormat(copy.format).sections.flatMap((s) => s.tables)) {
    for (const row of table.rows) {
      for (const column of table.columns) {
        const parsed = parseCellInput(copy.tables[table.id][row.key][column.key], column.kind);
        if (parsed.ok) copy.tables[table.id][row.key][column.key] = parsed.value;
      }
    }
  }
  return copy;
}

/** What the exporter (lib/export) writes, the importer reads back: the same tables, unit, year and format, and no structural finding. */
describe("export → import round trip", () => {
  it.each(Object.keys(SAMPLE_REPORTS))("%s as DOCX", async (name) => {
    const content = SAMPLE_REPORTS[name as keyof typeof SAMPLE_REPORTS];
    const result = await importDocx(new Uint8Array(await renderDocx(content)));
    expect(result.format).toBe(content.format);
    expect(toTablesJson(result.content)).toEqual(toTablesJson(canonical(content)));
    expect(result.year).toBe(content.meta.year);
    expect(result.organization).toBe(content.meta.organization);
    expect(result.documentFindings).toEqual([]);
  });

  it.each(Object.keys(SAMPLE_REPORTS))("%s as HTML", (name) => {
    const content = SAMPLE_REPORTS[name as keyof typeof SAMPLE_REPORTS];
    const result = importHtml(renderHtml(content));
    expect(result.format).toBe(content.format);
    expect(toTablesJson(result.content)).toEqual(toTablesJson(canonical(content)));
    expect(result.year).toBe(content.meta.year);
    expect(result.organization).toBe(content.meta.organization);
    expect(result.documentFindings).toEqual([]);
  });
});
