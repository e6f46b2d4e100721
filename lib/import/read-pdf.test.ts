import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importBytes } from "./import-bytes";
import { toTablesJson } from "./index";
import { canonical } from "./__fixtures__/pdf/canonical";
import { PDF_FIXTURE_DIR, PDF_FIXTURES } from "./__fixtures__/pdf/manifest";

/**
 * PDFs made from our own reports (DOCX export → LibreOffice, with narrow columns and without
 * borders; HTML export → Chromium) read back: every table cell equal to the report's, its unit,
 * year and format, and no finding of the importer's own (no false error).
 */
const read = (name: string) => new Uint8Array(readFileSync(join(PDF_FIXTURE_DIR, `${name}.pdf`)));

describe("PDF fixtures read back as the report they were made from", { timeout: 30_000 }, () => {
  it.each(PDF_FIXTURES.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    const content = fixture.content();
    const result = await importBytes(`${fixture.name}.pdf`, read(fixture.name));
    expect(result.format).toBe(content.format);
    expect(toTablesJson(result.content)).toEqual(toTablesJson(canonical(content)));
    expect(result.year).toBe(content.meta.year);
    expect(result.organization).toBe(content.meta.organization);
    expect(result.documentFindings).toEqual([]);
  });
});
