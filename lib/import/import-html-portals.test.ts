import { describe, expect, it } from "vitest";
import { renderHtml } from "@/lib/export/html";
import { SAMPLE_REPORTS, type SampleName } from "@/lib/report/__fixtures__/sample-reports";
import { importHtml, toTablesJson, type ImportResult } from "@/lib/import";
import { importBytes } from "./import-bytes";
import { encodeGbk } from "./__fixtures__/portal/gbk";
import { PORTAL_STYLES, portalPage, type PortalOptions } from "./__fixtures__/portal/portal-pages";
import {
  groupLabelsAsRows,
  leadingEmptyColumn,
  splitGridColumn,
  trailingEmptyColumn,
} from "./__fixtures__/portal/table-mutations";

/**
 * Our HTML export of the five sample reports, re-published the way portal CMSs publish it (TRS,
 * Hanweb, UEditor, Word's "save as web page"), with the grid changes portal editors make. The
 * importer must read each page exactly as it reads our own export: the same tables, narratives,
 * preface, unit and year, and no structural finding of its own.
 */
const names = Object.keys(SAMPLE_REPORTS) as SampleName[];

/** What the importer reads that a portal's markup must not change. */
function reading(result: ImportResult) {
  return {
    format: result.format,
    year: result.year,
    organization: result.organization,
    preface: result.preface,
    sections: result.sections,
    tables: toTablesJson(result.content),
    documentFindings: result.documentFindings,
  };
}

const ownExport = new Map(
  names.map((name) => [name, reading(importHtml(renderHtml(SAMPLE_REPORTS[name])))]),
);

describe("our own export reads back as written (the reference for the portal pages)", () => {
  it.each(names)("%s", (name) => {
    const own = ownExport.get(name)!;
    expect(own.documentFindings).toEqual([]);
    expect(own.year).toBe(SAMPLE_REPORTS[name].meta.year);
  });
});

describe.each(PORTAL_STYLES)("a %s portal page", (style) => {
  it.each(names)("%s reads exactly as our own export", (name) => {
    expect(reading(importHtml(portalPage(SAMPLE_REPORTS[name], style)))).toEqual(
      ownExport.get(name),
    );
  });
});

const GRID_CHANGES: Record<string, PortalOptions["mutateTable"]> = {
  "a value column split in two (each value cell spans 2 grid columns)": (rows) =>
    splitGridColumn(rows, rows[0].length > 4 ? 4 : 2),
  "group labels printed as rows across the whole table": groupLabelsAsRows,
  "an empty column at the right of every row": trailingEmptyColumn,
  "an empty column down the left of the table": leadingEmptyColumn,
};

describe.each(Object.entries(GRID_CHANGES))("tables with %s", (_, mutateTable) => {
  it.each(names)("%s reads exactly as our own export", (name) => {
    expect(reading(importHtml(portalPage(SAMPLE_REPORTS[name], "trs", { mutateTable })))).toEqual(
      ownExport.get(name),
    );
  });
});

describe("pages in GBK", () => {
  it.each(names)(
    "%s saved by Word as GB2312 (declared in http-equiv) is decoded by its declaration",
    async (name) => {
      const bytes = encodeGbk(portalPage(SAMPLE_REPORTS[name], "word"));
      expect(reading(await importBytes(`${name}.htm`, bytes))).toEqual(ownExport.get(name));
    },
  );

  it("a page declared GBK by <meta charset> reads the same as its UTF-8 original", async () => {
    const page = portalPage(SAMPLE_REPORTS.hulan, "hanweb").replace(
      `<meta charset="utf-8">`,
      `<meta charset="gbk">`,
    );
    expect(reading(await importBytes("hulan.html", encodeGbk(page)))).toEqual(
      ownExport.get("hulan"),
    );
  });
});
