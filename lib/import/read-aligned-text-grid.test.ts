import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonical } from "./__fixtures__/pdf/canonical";
import { PDF_FIXTURE_DIR, PDF_FIXTURES } from "./__fixtures__/pdf/manifest";
import { assembleReport } from "./import-report";
import { readAlignedText } from "./read-aligned-text";
import { toTablesJson } from "./tables-json";
import { blocksFromLines } from "./layout/lines-to-blocks";
import type { Line, Word } from "./layout/types";
import type { DocBlock } from "./types";

/**
 * Column-aligned text as pdftotext -layout gives it for a browser-printed PDF: figures one space
 * apart, columns that drift a character or more from row to row, row labels one space before their
 * figures and wrapped around them, group headings a character or two a line.
 */
function rowsOf(blocks: DocBlock[]): string[][] {
  return blocks.flatMap((b) => (b.type === "table" ? b.rows.map((r) => r.map((c) => c.text)) : []));
}

const rows = (lines: string[]) => rowsOf(readAlignedText(lines.join("\n")));

/** Lines read as pdftotext lays them out (every character one column wide), straight into the layout step. */
function gridRows(text: string[]): string[][] {
  const lines: Line[] = text.map((raw, row) => {
    const words: Word[] = [];
    for (const m of raw.matchAll(/\S+/g))
      words.push({ x0: m.index, x1: m.index + m[0].length, text: m[0] });
    return { words, top: row, bottom: row + 1, page: 0 };
  });
  return rowsOf(
    blocksFromLines(lines, { em: 1, cellGap: 2, blockGap: 0.5, exactPositions: false }),
  );
}

describe("pdftotext -layout of a browser-printed table", () => {
  it("figures one space apart, and one space after the label, are cells of their own", () => {
    expect(
      rows([
        "            甲 乙 丙",
        "一、第一行 41 44 265",
        "二、第二行 10 12 22",
        "三、第三行 7 8 15",
      ]).slice(-3),
    ).toEqual([
      ["一、第一行", "41", "44", "265"],
      ["二、第二行", "10", "12", "22"],
      ["三、第三行", "7", "8", "15"],
    ]);
  });

  it("a sentence ending in a number after a space is not a table row", () => {
    const blocks = readAlignedText(
      [
        "本报告中所列数据的统计期限自 2022 年",
        "全年通过政府门户网站共发布信息 1250",
        "条，其中规范性文件 32 条。",
        "            甲    乙    丙",
        "一、第一行    41    44    265",
        "二、第二行    10    12    22",
        "三、第三行     7     8    15",
      ].join("\n"),
    );
    expect(rowsOf(blocks).flat()).not.toContain("1250");
  });

  it("columns that drift from row to row are told apart by order; a row with a blank keeps it in place", () => {
    // 44 stands where 1 stood a row below, 265 where 6 stood: overlap alone runs the columns together.
    expect(
      rows([
        "              甲 乙 丙",
        "一、第一行数量 41 44 265",
        "二、第二行数量 0 1 6",
        "三、第三行数量     3    10",
        "四、第四行数量 5 6",
      ]).slice(-4),
    ).toEqual([
      ["一、第一行数量", "41", "44", "265"],
      ["二、第二行数量", "0", "1", "6"],
      ["三、第三行数量", "", "3", "10"],
      ["四、第四行数量", "5", "6", ""],
    ]);
  });

  it("a heading wider than its column counts by its middle: a column blank in the one row stays a blank cell", () => {
    expect(
      gridRows([
        "  信息内容   上一年项目数量    本年增/减   处理决定数量",
        "行政许可        10         0",
      ]).slice(-1),
    ).toEqual([["行政许可", "10", "0", ""]]);
  });

  it("a numbered label line reaching past the first figure column, below figure lines, is a label, not a heading", () => {
    expect(
      gridRows([
        "本表按申请人类型分列本年度收到和处理的政府信息公开申请，统计期限为全年。",
        "               甲 乙",
        "       2.重复申请 3 1",
        "       1.本机关不掌握相 0 3",
        "       关政府信息",
        "   （四） 2.没有现成信息需",
        "   无法提 要另行制作 2 0",
      ]).slice(-3),
    ).toEqual([
      ["2.重复申请", "3", "1"],
      ["1.本机关不掌握相关政府信息", "0", "3"],
      ["2.没有现成信息需要另行制作", "2", "0"],
    ]);
  });

  it("a group ordinal beside the wrapped end of a row label opens the group heading", () => {
    expect(
      rows([
        "                    甲 乙",
        "       3.危及“三安全一 3 1",
        "       稳定”",
        "       4.保护第三方合法 0 3",
        "   （三） 权益",
        "   不予公 5.属于三类内部事 2 0",
        "   开   务信息",
      ]).slice(-3),
    ).toEqual([
      ["3.危及“三安全一稳定”", "3", "1"],
      ["4.保护第三方合法权益", "0", "3"],
      ["5.属于三类内部事务信息", "2", "0"],
    ]);
  });

  it("a first figure one space after its label, before figures in columns, is a cell of its own", () => {
    expect(
      gridRows([
        "本表按申请人类型分列本年度收到和处理的政府信息公开申请，统计期限为全年。",
        "                 甲   乙   丙",
        "       1.信访举报 3   0   3",
        "    理 2.重复申请 0    1   1",
        "       3.要求提供 2   0   2",
        "       公开出版物",
      ]).slice(-3),
    ).toEqual([
      ["1.信访举报", "3", "0", "3"],
      ["2.重复申请", "0", "1", "1"],
      ["3.要求提供公开出版物", "2", "0", "2"],
    ]);
  });

  it("a table whose every label wraps around its figures (no figure line has a label) keeps its labels", () => {
    expect(
      gridRows([
        "本表列出本年度行政事业性收费的项目数量和增减情况，数据来自各部门报送。",
        "              第二十条第（八）项",
        "              上一年项",
        "       信息内容                  本年增/减",
        "               目数量",
        "      行政事业",
        "               10                 2",
        "      性收费",
      ]).slice(-1),
    ).toEqual([["行政事业性收费", "10", "2"]]);
  });

  it.each(["full-2021-chromium", "sample-xingan-chromium"])(
    "%s: every cell of the report, no error",
    (name) => {
      const fixture = PDF_FIXTURES.find((f) => f.name === name)!;
      const text = readFileSync(join(PDF_FIXTURE_DIR, `${name}.txt`), "utf8");
      const result = assembleReport(readAlignedText(text));
      expect(toTablesJson(result.content)).toEqual(toTablesJson(canonical(fixture.content())));
      expect(result.documentFindings.filter((f) => f.severity === "error")).toEqual([]);
    },
  );
});
