import { describe, expect, it } from "vitest";
import { renderHtml } from "@/lib/export/html";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { withCell } from "@/lib/report/__fixtures__/edit";
import { importHtml, readHtml, toTablesJson, type ImportResult } from "@/lib/import";
import { placeCells, toGrid } from "./grid";
import { importBytes, ImportRefusedError } from "./import-bytes";
import { HTML_LIMITS } from "./html/limits";
import { portalPage } from "./__fixtures__/portal/portal-pages";

/** The refusal a call ends in (the test fails if it returns instead). */
function refusal(run: () => unknown): ImportRefusedError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportRefusedError) return error;
    throw error;
  }
  throw new Error("expected an ImportRefusedError");
}

function wellFormed(result: ImportResult): void {
  expect(["2021", "2019"]).toContain(result.format);
  expect(toTablesJson(result.content).appeals).toHaveLength(15);
}

/** 四 as a portal prints it, with the numbers given (each a cell's inner HTML). */
function appealsPage(values: string[]): string {
  return `<h2>某区2022年政府信息公开工作年度报告</h2><p>四、政府信息公开行政复议、行政诉讼情况</p>
    <table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
    <tr>${["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map((l) => `<td rowspan="2">${l}</td>`).join("")}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
    <tr>${"<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>".repeat(2)}</tr>
    <tr>${values.map((v) => `<td>${v}</td>`).join("")}</tr></table>`;
}

describe("bounds of the HTML reader", () => {
  it("refuses a page of more than 5 million characters, naming the file and the limit", async () => {
    const page = `<p>${"年".repeat(HTML_LIMITS.maxChars)}</p>`;
    const error = refusal(() => importHtml(page, { fileName: "年报.html" }));
    expect(error.message).toMatch(/^年报\.html：网页有 500 万个字符，超过 500 万个字符的上限/);
    await expect(importBytes("年报.html", new TextEncoder().encode(page))).rejects.toBeInstanceOf(
      ImportRefusedError,
    );
  });

  it(
    "refuses the 42 KB span bomb (colspan and rowspan 1000 in every cell) without building its grid",
    { timeout: 20_000 },
    async () => {
      const row = `<tr>${`<td colspan="1000" rowspan="1000">1</td>`.repeat(5)}</tr>`;
      const page = `<p>四、政府信息公开行政复议、行政诉讼情况</p><table>${row.repeat(200)}</table>`;
      expect(page.length).toBeGreaterThan(40_000);
      const error = refusal(() => importHtml(page, { fileName: "bomb.html" }));
      expect(error.message).toBe(
        "bomb.html：网页中第 1 个表格的单元格（含 colspan/rowspan 合并）展开后超过 20000 格，远超年度报告表格的规模，无法可靠读取；请检查该表格，或提供 DOCX。",
      );
      await expect(importBytes("bomb.html", new TextEncoder().encode(page))).rejects.toThrow(
        "超过 20000 格",
      );
    },
  );

  it(
    "refuses a page whose tables together pass 200,000 positions, each within its own limit",
    { timeout: 20_000 },
    () => {
      const table = `<table>${`<tr>${`<td colspan="50">1</td>`.repeat(4)}</tr>`.repeat(95)}</table>`;
      const error = refusal(() => importHtml(table.repeat(11)));
      expect(error.message).toMatch(/^网页中的表格合计超过 200000 格/);
    },
  );

  it(
    "reads the 400 KB nesting bomb within bounds: the text at the bottom is read, nothing overflows",
    { timeout: 20_000 },
    () => {
      const depth = 40_000;
      const page = `${"<div>".repeat(depth)}四、政府信息公开行政复议、行政诉讼情况${"</div>".repeat(depth)}`;
      expect(page.length).toBeGreaterThanOrEqual(400_000);
      const blocks = readHtml(page);
      expect(blocks).toEqual([
        { type: "paragraph", text: "四、政府信息公开行政复议、行政诉讼情况" },
      ]);
      wellFormed(importHtml(page));
    },
  );

  it("reads 400 KB of nested tables within bounds", { timeout: 20_000 }, () => {
    const depth = 12_000;
    wellFormed(
      importHtml(`${"<table><tr><td>".repeat(depth)}1${"</td></tr></table>".repeat(depth)}`),
    );
  });

  it("places spans of at most 50 columns and 500 rows, and gives up past 20,000 positions", () => {
    const wide = placeCells({
      type: "table",
      positional: true,
      rows: [[{ text: "a", colSpan: 1000, rowSpan: 1 }]],
    })!;
    expect(wide[0]).toHaveLength(50);
    const tall = {
      type: "table" as const,
      positional: true,
      rows: Array.from({ length: 600 }, (_, r) =>
        r === 0 ? [{ text: "a", colSpan: 1, rowSpan: 9999 }] : [],
      ),
    };
    expect(placeCells(tall)!.filter((row) => row[0]?.covered)).toHaveLength(499);
    const bomb = {
      type: "table" as const,
      positional: true,
      rows: Array.from({ length: 200 }, () =>
        Array.from({ length: 5 }, () => ({ text: "1", colSpan: 1000, rowSpan: 1000 })),
      ),
    };
    expect(placeCells(bomb)).toBeNull();
    expect(() => toGrid(bomb)).toThrow(ImportRefusedError);
  });
});

describe("cells as portals print them", () => {
  it("two numbers in one cell on two lines are not read as one number: kept as printed and reported", () => {
    const result = importHtml(
      appealsPage(["1", "0", "0", "1<br>2", "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]),
    );
    expect(toTablesJson(result.content).appeals[3]).toBe("1 / 2");
    expect(
      result.findings.find((f) => f.cells.includes("appeals.row.rc_pending"))?.message,
    ).toContain("“1 / 2”不是数字");
  });

  it("a number set in paragraphs and spans is one number", () => {
    const result = importHtml(
      appealsPage([
        "<p><span>1</span></p>",
        "<p>0</p>",
        "0",
        "0",
        "<p><font size=2>1</font></p>",
        ...Array(10).fill("0"),
      ]),
    );
    expect(toTablesJson(result.content).appeals.slice(0, 5)).toEqual([1, 0, 0, 0, 1]);
  });

  it("&nbsp; alone (in a p, a span, Word's o:p) is a blank in its own column", () => {
    const blanks = [
      "&nbsp;",
      "<p>&nbsp;</p>",
      "<span>&nbsp;&nbsp;</span>",
      "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>",
      "　",
    ];
    const result = importHtml(appealsPage([...blanks, ...Array(10).fill("0")]));
    expect(toTablesJson(result.content).appeals).toEqual([
      null,
      null,
      null,
      null,
      null,
      ...Array(10).fill(0),
    ]);
  });

  it("blank cells of a report stay blank in their columns on a TRS page (&nbsp; in every blank cell)", () => {
    let report = fullReport("2021");
    for (const id of ["appeals.row.rc_pending", "requests.new.natural", "20.1.rules.repealed"])
      report = withCell(report, id, null);
    const page = portalPage(report, "trs");
    expect(page).toContain("&nbsp;");
    const tables = toTablesJson(importHtml(page).content);
    expect(tables).toEqual(toTablesJson(importHtml(renderHtml(report)).content));
    expect(tables.appeals[3]).toBeNull();
  });

  it("leaves out what the page hides (display:none, visibility:hidden, Word's mso-hide, the hidden attribute)", () => {
    const page = `<p>可见的段落</p><p style="display: none">隐藏一</p><div style="color:red;visibility:hidden">隐藏二</div>
      <span style='mso-hide:all'>隐藏三</span><p hidden>隐藏四</p>`;
    expect(readHtml(page)).toEqual([{ type: "paragraph", text: "可见的段落" }]);
  });
});

describe("layout tables and page furniture", () => {
  it("a heading printed in a cell of a one-column layout table is a paragraph of its own, not a table", () => {
    const page = `<table><tr><td><h1>某区2022年政府信息公开工作年度报告</h1></td></tr><tr><td>一、总体情况</td></tr></table>
      <table><tr><td>第二十条第（一）项</td></tr></table>`;
    expect(readHtml(page)).toEqual([
      { type: "paragraph", text: "某区2022年政府信息公开工作年度报告", heading: true },
      { type: "paragraph", text: "一、总体情况" },
      { type: "paragraph", text: "第二十条第（一）项" },
    ]);
  });

  it("a two-column layout table (navigation beside the article) is read as running text", () => {
    const article = "一、总体情况。".repeat(40);
    const page = `<table><tr><td><ul><li>政府信息公开指南</li></ul></td><td><p>${article}</p></td></tr></table>`;
    expect(readHtml(page)).toEqual([
      { type: "paragraph", text: "政府信息公开指南" },
      { type: "paragraph", text: article },
    ]);
  });

  it("leaves out breadcrumbs, print/close and share bars, font-size switches, info lines and site footers", () => {
    const furniture = [
      "当前位置：首页 > 政务公开 > 年报",
      "您现在的位置：首页",
      "首页 > 政务公开",
      "【打印本页】【关闭窗口】",
      "[ 打印本页 ] [ 关闭窗口 ]",
      "打印 | 关闭",
      "分享到：",
      "字号：大 中 小",
      "【字体：大 中 小】",
      "扫一扫在手机上打开",
      "上一篇：2021年报告",
      "发布时间：2023-01-20　来源：区政府办公室　浏览次数：128",
      "网站标识码：2301110001　黑ICP备00000000号",
    ];
    const page = `<p>报告正文</p>${furniture.map((f) => `<p>${f}</p>`).join("")}<p>来源于群众的意见，我们逐条办理。</p>`;
    expect(readHtml(page).map((b) => (b.type === "paragraph" ? b.text : ""))).toEqual([
      "报告正文",
      "来源于群众的意见，我们逐条办理。",
    ]);
  });

  it("leaves out furniture containers by class or id, but never a whole article that a theme happens to name so", () => {
    const article = "一、总体情况。".repeat(400);
    const page = `<div class="bdsharebuttonbox"><a>微信</a></div><div id="jiathis_style">分享</div><div class="top-nav">首页 政务公开</div>
      <div class="nav-content"><p>${article}</p></div>`;
    expect(readHtml(page)).toEqual([{ type: "paragraph", text: article }]);
  });
});
