import { describe, expect, it } from "vitest";
import { renderDocx } from "@/lib/export/docx";
import { SAMPLE_REPORTS } from "@/lib/report/__fixtures__/sample-reports";
import { renderHtml } from "@/lib/export/html";
import { importDocx, importHtml, toTablesJson } from "@/lib/import";
import { canonical } from "./__fixtures__/pdf/canonical";

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
