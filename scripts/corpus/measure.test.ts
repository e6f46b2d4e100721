import { describe, expect, it } from "vitest";
import { importText } from "@/lib/import";
import { wordRowPerLine } from "@/lib/import/__fixtures__/layouts/word-text";
import { runTogetherRows } from "@/lib/import/__fixtures__/layouts/run-together";
import { withCell } from "@/lib/report/__fixtures__/edit";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { measureImport, refusedImport } from "./measure";
import { narrowHtmlTables } from "./layouts";

describe("the corpus measure", () => {
  const content = fullReport("2021");
  const imported = importText(wordRowPerLine(content));

  it("counts every cell of the format, and all of them when the import is exact", () => {
    expect(measureImport(imported, content)).toEqual({
      exact: 200,
      total: 200,
      wrong: 0,
      blankWithFinding: 0,
      blankSilently: 0,
      planted: 0,
      plantedFound: 0,
      falseErrors: 0,
      refused: null,
    });
  });

  it("counts a cell read wrong as not exact, and an error the report does not have as a false error", () => {
    const other = withCell(content, "requests.new.natural", 999);
    const measured = measureImport(imported, other);
    expect(measured.exact).toBe(199);
    expect(measured.wrong).toBe(1);
    // The imported report balances; the one it is compared with has its own A1 errors, so none is false.
    expect(measured.falseErrors).toBe(0);
    const broken = importText(wordRowPerLine(other));
    expect(measureImport(broken, content).falseErrors).toBeGreaterThan(0);
  });

  it("a refused file reads no cell", () => {
    expect(refusedImport({ content, planted: ["A1"] }, "不支持")).toEqual({
      exact: 0,
      total: 200,
      wrong: 0,
      blankWithFinding: 0,
      blankSilently: 0,
      planted: 1,
      plantedFound: 0,
      falseErrors: 0,
      refused: "不支持",
    });
  });

  it("a planted defect counts as found only under its rule id", () => {
    const unbalanced = withCell(content, "requests.new.natural", 999);
    const read = importText(wordRowPerLine(unbalanced));
    expect(measureImport(read, { content: unbalanced, planted: ["A1"] }).plantedFound).toBe(1);
    expect(measureImport(read, { content: unbalanced, planted: ["X2"] }).plantedFound).toBe(0);
  });

  it("a row left blank with an S5 that names it counts as blank with a finding, not as a false error", () => {
    const read = structuredClone(imported);
    const cells = Object.keys(read.content.tables.requests.r3_1).map((c) => `requests.r3_1.${c}`);
    for (const column of Object.keys(read.content.tables.requests.r3_1))
      read.content.tables.requests.r3_1[column] = null;
    read.findings.push({ rule: "S5", severity: "error", message: "该行留空", cells });
    const expected = content.tables.requests.r3_1;
    const printed = Object.values(expected).filter((v) => v !== null).length;
    const measured = measureImport(read, content);
    expect(measured.blankWithFinding).toBe(printed);
    expect(measured.falseErrors).toBe(0);

    read.findings.pop();
    expect(measureImport(read, content).blankSilently).toBe(printed);
    // An S5 that names a cell the import did fill is an error about a cell it read: it counts.
    const filled = structuredClone(imported);
    filled.findings.push({ rule: "S5", severity: "error", message: "行有误", cells });
    expect(measureImport(filled, content).falseErrors).toBe(1);
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
