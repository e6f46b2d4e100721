import { describe, expect, it } from "vitest";
import { getFormat } from "./formats";
import { printedTables, tableLayout, valueSpans } from "./layout";

const table = (format: "2021" | "2019", id: string) =>
  getFormat(format)
    .sections.flatMap((s) => s.tables)
    .find((t) => t.id === id)!;

describe("tableLayout", () => {
  it("gives 三 the official merged header: 申请人情况 over all, 法人或其他组织 over five", () => {
    const layout = tableLayout(table("2021", "requests"));
    expect(layout.labelColumns).toBe(3);
    const [first, second, third] = layout.headerRows;
    expect(first.map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([
      ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3],
      ["申请人情况", 7, 1],
    ]);
    expect(first[0].note).toBe(true);
    expect(second.map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([
      ["自然人", 1, 2],
      ["法人或其他组织", 5, 1],
      ["总计", 1, 2],
    ]);
    expect(third.map((c) => c.text)).toEqual([
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
    ]);
  });

  it("merges 三、本年度办理结果 over its rows and each （三）…（六） over its items", () => {
    const layout = tableLayout(table("2021", "requests"));
    const groupCells = layout.bodyRows.flatMap((r) =>
      r.labelCells.filter((c) => c.isGroup).map((c) => [c.text, c.rowSpan]),
    );
    expect(groupCells).toEqual([
      ["三、本年度办理结果", 22],
      ["（三）不予公开", 8],
      ["（四）无法提供", 3],
      ["（五）不予处理", 5],
      ["（六）其他处理", 3],
    ]);
    const first = layout.bodyRows[0].labelCells;
    expect(first).toEqual([
      { text: "一、本年新收政府信息公开申请数量", colSpan: 3, rowSpan: 1, isGroup: false },
    ]);
    // Every body row fills exactly the label columns it is not covered in.
    expect(layout.bodyRows).toHaveLength(25);
  });

  it("gives 四 行政复议 over five and 行政诉讼 over ten, split in two", () => {
    const layout = tableLayout(table("2021", "appeals"));
    expect(layout.labelColumns).toBe(0);
    expect(layout.headerRows[0].map((c) => [c.text, c.colSpan])).toEqual([
      ["行政复议", 5],
      ["行政诉讼", 10],
    ]);
    expect(layout.headerRows[1].map((c) => c.text)).toEqual([
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
      "总计",
      "未经复议直接起诉",
      "复议后起诉",
    ]);
    expect(layout.headerRows[2]).toHaveLength(10);
  });

  it("captions 第二十条 tables and keeps the 2019 （六）其他处理 a single row", () => {
    const active = tableLayout(table("2019", "20.5"));
    expect(active.captionRow?.text).toBe("第二十条第（五）项");
    expect(active.headerRows[0].map((c) => c.text)).toEqual([
      "信息内容",
      "上一年项目数量",
      "本年增/减",
      "处理决定数量",
    ]);
    const requests = tableLayout(table("2019", "requests"));
    const other = requests.bodyRows.find((r) => r.row.key === "r6")!;
    expect(other.labelCells).toEqual([
      { text: "（六）其他处理", colSpan: 2, rowSpan: 1, isGroup: false },
    ]);
    expect(requests.bodyRows).toHaveLength(23);
  });
});

describe("printedTables", () => {
  it("prints 二 as ONE table of a label column and three value columns, item by item", () => {
    for (const format of ["2021", "2019"] as const) {
      const section = getFormat(format).sections.find((s) => s.key === "s2")!;
      const [printed] = printedTables(section.tables);
      expect(printedTables(section.tables)).toHaveLength(1);
      expect(printed.columnCount).toBe(4);
      for (const row of printed.rows) expect(row.cells.reduce((n, c) => n + c.colSpan, 0)).toBe(4);
      const captions = printed.rows
        .filter((r) => r.cells[0].role === "caption")
        .map((r) => r.cells[0].text);
      expect(captions).toEqual(section.tables.map((t) => t.caption));
      // caption, 信息内容 header, then the item's rows
      const first = printed.rows
        .slice(0, 4)
        .map((r) => r.cells.map((c) => c.text || c.row?.label || ""));
      expect(first[1][0]).toBe("信息内容");
    }
  });

  it("spreads a narrower item's values over the three columns, the last taking what is left", () => {
    expect(valueSpans(1, 3)).toEqual([3]);
    expect(valueSpans(2, 3)).toEqual([1, 2]);
    expect(valueSpans(3, 3)).toEqual([1, 1, 1]);
  });

  it("prints 三 and 四 each alone, 三 with its note in the corner", () => {
    const sections = getFormat("2021").sections;
    const [requests] = printedTables(sections.find((s) => s.key === "s3")!.tables);
    expect(requests.rows[0].cells[0]).toMatchObject({ role: "note", colSpan: 3, rowSpan: 3 });
    expect(printedTables(sections.find((s) => s.key === "s4")!.tables)[0].columnCount).toBe(15);
  });
});
