import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportContent } from "@/lib/report/content";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { SAMPLE_REPORTS } from "@/lib/report/__fixtures__/sample-reports";
import { alignedText, type AlignedOptions } from "./__fixtures__/aligned-text";
import { canonical } from "./__fixtures__/pdf/canonical";
import { fullReportWithBlanks, PDF_FIXTURE_DIR, PDF_FIXTURES } from "./__fixtures__/pdf/manifest";
import { assembleReport } from "./import-report";
import { looksAligned, readAlignedText } from "./read-aligned-text";
import { toTablesJson } from "./tables-json";

/**
 * Column-aligned text — pdftotext -layout of our PDFs (a CJK character one column wide) and text
 * laid out as an editor shows it (two columns wide) — read back as the report it came from.
 */
function expectReadBack(text: string, content: ReportContent, what: string): void {
  expect(looksAligned(text), what).toBe(true);
  const result = assembleReport(readAlignedText(text));
  expect(toTablesJson(result.content), what).toEqual(toTablesJson(canonical(content)));
  expect(result.year, what).toBe(content.meta.year);
  expect(result.organization, what).toBe(content.meta.organization);
  expect(result.format, what).toBe(content.format);
  expect(result.documentFindings, what).toEqual([]);
}

describe("pdftotext -layout of our PDFs", () => {
  it.each(["full-2021", "full-2021-unruled", "sample-hulan"])(
    "%s reads back every cell",
    (name) => {
      const fixture = PDF_FIXTURES.find((f) => f.name === name)!;
      expectReadBack(
        readFileSync(join(PDF_FIXTURE_DIR, `${name}.txt`), "utf8"),
        fixture.content(),
        name,
      );
    },
  );

  it("a column blank in the one row of 四 cannot be placed from text alone: the count is short and S5 says so", () => {
    const result = assembleReport(
      readAlignedText(readFileSync(join(PDF_FIXTURE_DIR, "blanks-2021.txt"), "utf8")),
    );
    const content = canonical(fullReportWithBlanks());
    // Everything but 四 is read exactly; 四 is flagged rather than passed off as complete.
    expect(toTablesJson(result.content).active).toEqual(toTablesJson(content).active);
    expect(toTablesJson(result.content).requests).toEqual(toTablesJson(content).requests);
    expect(result.documentFindings.map((f) => f.rule)).toEqual(["S5"]);
    expect(result.documentFindings[0].message).toContain("第四部分");
  });
});

describe("aligned text laid out from report content", () => {
  const layouts: [string, AlignedOptions][] = [
    [
      "labels wrapped at 8 characters, figures on the middle line",
      { labelChars: 8, pageLines: 40 },
    ],
    ["labels wrapped at 6 characters (three lines and more)", { labelChars: 6, pageLines: 45 }],
    ["wide labels, long pages", { labelChars: 14, pageLines: 90 }],
    [
      "footers `-3-` and no header after a page break",
      { labelChars: 8, pageLines: 33, footer: (n) => `-${n}-`, repeatHeader: false },
    ],
    ["footers `第3页 共6页`", { labelChars: 7, pageLines: 37, footer: (n) => `第${n}页 共9页` }],
  ];

  it.each(layouts)("a full 2021 report: %s", (_what, options) => {
    expectReadBack(alignedText(fullReport("2021"), options), fullReport("2021"), _what);
  });

  it.each(layouts)("a full 2019 report: %s", (_what, options) => {
    expectReadBack(alignedText(fullReport("2019"), options), fullReport("2019"), _what);
  });

  it("blank cells stay blank in their columns, the figures after them do not move (a whole table blank included)", () => {
    // Not with 6-character labels: there the blank 第二十条第（八）项 loses its caption to the page before
    // and its one label wraps; with no figure to anchor it the two lines are not known to be one label.
    for (const [what, options] of layouts.filter(([, o]) => o.labelChars !== 6)) {
      expectReadBack(alignedText(fullReportWithBlanks(), options), fullReportWithBlanks(), what);
    }
  });

  it("the samples' figures", () => {
    // (hulan and dengtalu print half-width brackets in sub-headings, which the importer rightly reports.)
    for (const name of ["xinwei", "xingan"] as const) {
      expectReadBack(
        alignedText(SAMPLE_REPORTS[name], { labelChars: 8, pageLines: 42 }),
        SAMPLE_REPORTS[name],
        name,
      );
    }
  });
});

describe("looksAligned", () => {
  it("is false for prose, for tab-separated tables and for numbers inside sentences", () => {
    expect(
      looksAligned("一、总体情况\n全年共收到申请 13 件，办结 13 件。\n二、主动公开政府信息情况\n"),
    ).toBe(false);
    expect(
      looksAligned("规章\t1\t0\t12\n行政规范性文件\t32\t8\t80\n行政许可\t10\n行政处罚\t10\n"),
    ).toBe(false);
    expect(
      looksAligned("规章    1    0    12\n行政规范性文件    32    8    80\n行政许可     10\n"),
    ).toBe(true);
  });
});
