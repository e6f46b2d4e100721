import { describe, expect, it } from "vitest";
import { importText } from "@/lib/import";
import { wordRowPerLine } from "@/lib/import/__fixtures__/layouts/word-text";
import { runTogetherRows } from "@/lib/import/__fixtures__/layouts/run-together";
import { withCell } from "@/lib/report/fixtures/edit";
import { fullReport } from "@/lib/report/fixtures/full-report";
import { measureImport, refusedImport } from "./measure";
import { narrowHtmlTables } from "./layouts";

describe("the corpus measure", () => {
  const content = fullReport("2021");
  const imported = importText(wordRowPerLine(content));

  it("counts every cell of the format, and all of them when the import is exact", () => {
    expect(measureImport(imported, content)).toEqual({
      exact: 200,
      total: 200,
      falseErrors: 0,
      refused: null,
    });
  });

  it("counts a cell read wrong as not exact, and an error the report does not have as a false error", () => {
    const other = withCell(content, "requests.new.natural", 999);
    const measured = measureImport(imported, other);
    expect(measured.exact).toBe(199);
    // The imported report balances; the one it is compared with has its own A1 errors, so none is false.
    expect(measured.falseErrors).toBe(0);
    const broken = importText(wordRowPerLine(other));
    expect(measureImport(broken, content).falseErrors).toBeGreaterThan(0);
  });

  it("a refused file reads no cell", () => {
    expect(refusedImport(content, "不支持")).toEqual({
      exact: 0,
      total: 200,
      falseErrors: 0,
      refused: "不支持",
    });
  });
});

describe("corpus layouts", () => {
  it("run-together rows glue a row's figures to its label and to each other", () => {
    const text = runTogetherRows(fullReport("2021"));
    expect(text).toMatch(/^一、本年新收政府信息公开申请数量\d{7,}$/m);
    expect(text).not.toContain("\t");
  });

  it("narrow HTML tables: a style that overrides the tables' inline width", () => {
    expect(narrowHtmlTables("<html><head><title>t</title></head></html>", 0.55)).toContain(
      "<style>table{width:55% !important}</style>\n</head>",
    );
  });
});
