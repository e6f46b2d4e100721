import { describe, expect, it } from "vitest";
import { importText } from "@/lib/import";
import { layoutContents } from "./__fixtures__/layouts/contents";
import { expectFaithful, expectNarratives } from "./__fixtures__/layouts/faithful";
import { wordCellPerLine, wordRowPerLine } from "./__fixtures__/layouts/word-text";

describe.each(layoutContents())("Word text layouts of $name", ({ content }) => {
  it("one row per line: padding after merged cells is not a value, a blank cell stays in its column", () => {
    const text = wordRowPerLine(content);
    expectFaithful(importText(text), content);
    expectNarratives(importText(text), content);
  });

  it("one cell per line: an empty cell line is a blank in its column", () => {
    const text = wordCellPerLine(content);
    expectFaithful(importText(text), content);
    expectNarratives(importText(text), content);
  });
});

describe("tab-separated rows", () => {
  it("trailing empty fields beyond the row's columns are padding; within them they are blanks", () => {
    const padded = importText(
      "第二十条第（五）项\t\t\t\n信息内容\t本年处理决定数量\t\t\n行政许可\t639\t\t\n",
    );
    expect(padded.content.tables["20.5"].licensing.decisions).toBe(639);
    const blank = importText("第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t\n");
    expect(blank.content.tables["20.5"].licensing.decisions).toBeNull();
    expect(blank.findings.filter((f) => f.rule === "S5")).toEqual([]);
  });
});
