import { describe, expect, it } from "vitest";
import { importText, readText } from "@/lib/import";
import { layoutContents } from "./__fixtures__/layouts/contents";
import { expectFaithful, expectNarratives } from "./__fixtures__/layouts/faithful";
import { dataFrameMarkdown, ocrMarkdown, pandocMarkdown } from "./__fixtures__/layouts/markdown";

describe.each(layoutContents())("Markdown of $name", ({ content }) => {
  it("from an OCR or AI converter: made-up headers, lifted headings, (六), bold, <br>", () => {
    const text = ocrMarkdown(content);
    const result = importText(text);
    expectFaithful(result, content);
    expectNarratives(result, content);
  });

  it("from a data frame: index column, Unnamed headers, nan for blanks", () => {
    expectFaithful(importText(dataFrameMarkdown(content)), content);
  });

  it("from pandoc: grid tables whose labels wrap over several lines of their cell", () => {
    const result = importText(pandocMarkdown(content));
    expectFaithful(result, content);
    expectNarratives(result, content);
  });
});

describe("the Markdown reader", () => {
  it("the OCR fixture has what converters print", () => {
    const text = ocrMarkdown(layoutContents()[0].content);
    expect(text).toContain("| 列1 | 列2 |");
    expect(text).toContain("| Unnamed: 0 |");
    expect(text).toContain("### (三)不予公开");
    expect(text).toContain("<br>");
    expect(text).toContain("**信息内容**");
  });

  it("reads half-width ordinals as full-width, drops bold markers and joins a label wrapped with <br>", () => {
    const blocks = readText(
      "## (六)其他需要报告的事项\n\n| 列1 | 列2 |\n|---|---|\n| **(二)部分公开<br>（区分处理的） | 5 |\n",
    );
    expect(blocks[0]).toEqual({
      type: "paragraph",
      text: "（六）其他需要报告的事项",
      heading: true,
    });
    expect(blocks[1]).toMatchObject({
      type: "table",
      positional: true,
      rows: [[{ text: "（二）部分公开（区分处理的）" }, { text: "5" }]],
    });
  });

  it("an HTML table inside the Markdown is read as a table with its spans", () => {
    const text =
      '二、主动公开政府信息情况\n\n<table><tr><td colspan="2">第二十条第（五）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>639</td></tr></table>\n\n| a | b |\n|---|---|\n';
    const result = importText(text);
    expect(result.content.tables["20.5"].licensing.decisions).toBe(639);
  });

  it("rows without outer pipes are rows of the table", () => {
    const text =
      "第二十条第（一）项\n\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n--- | --- | --- | ---\n规章 | 1 |  | 9\n行政规范性文件 | 2 | 0 | 7\n";
    const result = importText(text);
    expect(result.content.tables["20.1"].rules).toEqual({
      issued: 1,
      repealed: null,
      effective: 9,
    });
    expect(result.content.tables["20.1"].normative).toEqual({
      issued: 2,
      repealed: 0,
      effective: 7,
    });
  });

  it("a pipe table's empty cell is a blank, never a shift", () => {
    const text =
      "| 列1 | 列2 | 列3 | 列4 |\n|---|---|---|---|\n| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 |  | 3 | 9 |\n";
    expect(importText(text).content.tables["20.1"].rules).toEqual({
      issued: null,
      repealed: 3,
      effective: 9,
    });
  });
});
