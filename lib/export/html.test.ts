import { beforeAll, describe, expect, it } from "vitest";
import { allTables } from "@/lib/report/content";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { getFormat } from "@/lib/report/formats";
import { computeTotals } from "@/lib/report/compute-totals";
import { renderDocx } from "./docx";
import { hostileReport } from "./fixtures";
import {
  escapeHtml,
  renderHtml,
  renderHtmlFragment,
  renderPortalFragment,
  REPORT_CLASS,
  REPORT_CSS,
} from "./html";
import { docxParts, mergedCells, readXmlTables } from "./__fixtures__/docx-tables";
import { attrOf, byClass, byId, byTag, children, parseHtml, textOf } from "./__fixtures__/html-dom";
import { readHtmlTables } from "./__fixtures__/html-tables";

const report = fullReport("2021");
const html = renderHtml(report);

describe("renderHtml", () => {
  it("is one self-contained zh-CN HTML5 page: inline CSS with an A4 print sheet, no script, nothing fetched", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain(`<meta charset="utf-8">`);
    expect(html).toContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }");
    expect(REPORT_CSS).not.toContain("@page");
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|@import|url\(/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("has a two-line h1 title and the six sections as h2 in the format's order", () => {
    const root = parseHtml(html);
    expect(textOf(byTag(root, "title")[0])).toBe("某市某区2022年政府信息公开工作年度报告");
    expect(byTag(root, "h1")).toHaveLength(1);
    expect(byTag(byTag(root, "h1")[0], "span").map(textOf)).toEqual([
      "某市某区2022年",
      "政府信息公开工作年度报告",
    ]);
    expect(byTag(root, "h2").map(textOf)).toEqual(
      getFormat("2021").sections.map((s) => `${s.ordinal}、${s.title}`),
    );
    expect(textOf(byClass(root, "lead")[0])).toBe("（一）主动公开。");
    const closing = byClass(root, "closing")[0];
    expect(textOf(byClass(closing, "organ")[0])).toBe("某市某区人民政府");
    expect(textOf(byClass(closing, "date")[0])).toBe("2023年1月18日");
  });

  it("labels every table by its section heading; headers carry a scope; 三's note is its corner cell", () => {
    const tables = readHtmlTables(html);
    expect(tables.map((t) => t.labelledBy)).toEqual(["nb-s2", "nb-s3", "nb-s4"]);
    expect(tables.every((t) => t.caption === null)).toBe(true);
    expect(textOf(byId(parseHtml(html), "nb-s4")!)).toBe("四、政府信息公开行政复议、行政诉讼情况");
    for (const table of tables) {
      for (const cell of table.cells) {
        if (cell.tag === "th") expect(["col", "colgroup", "row"]).toContain(cell.scope);
        else expect(cell.scope).toBeNull();
      }
    }
    const requests = tables[1].cells;
    expect(requests[0]).toMatchObject({
      text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      tag: "td",
      row: 0,
      col: 0,
      colSpan: 3,
      rowSpan: 3,
    });
    expect(html).not.toContain('<p style="text-indent:2em;text-align:justify">（本列数据');
    expect(requests.find((c) => c.text === "申请人情况")).toMatchObject({
      scope: "colgroup",
      colSpan: 7,
    });
    expect(requests.find((c) => c.text === "自然人")).toMatchObject({ scope: "col", rowSpan: 2 });
    expect(requests.find((c) => c.text === "三、本年度办理结果")).toMatchObject({
      scope: "row",
      rowSpan: 22,
    });
    const active = tables[0].cells;
    expect(active.filter((c) => c.colSpan === 4).map((c) => [c.text, c.scope])).toEqual(
      ["（一）", "（五）", "（六）", "（八）"].map((item) => [`第二十条第${item}项`, "colgroup"]),
    );
  });

  it("merges exactly the cells the DOCX merges", async () => {
    const docTables = readXmlTables(
      (await docxParts(new Uint8Array(await renderDocx(report))))["word/document.xml"],
    );
    const htmlTables = readHtmlTables(html);
    expect(htmlTables).toHaveLength(docTables.length);
    docTables.forEach((docTable, t) => {
      const fromDocx = mergedCells(docTable).map((c) => [
        c.text,
        c.row,
        c.col,
        c.colSpan,
        c.rowSpan,
      ]);
      const fromHtml = htmlTables[t].cells.map((c) => [c.text, c.row, c.col, c.colSpan, c.rowSpan]);
      expect(fromHtml, `table ${t}`).toEqual(fromDocx);
    });
  });

  it("puts every number of the full report in a value cell (totals as computed)", () => {
    const tables = readHtmlTables(html);
    const values = tables.flatMap((t) =>
      t.cells
        .filter((c) => c.tag === "td" && c.row > 0 && /^[\d.]+$/.test(c.text))
        .map((c) => c.text),
    );
    const totalled = computeTotals(report);
    const expected = allTables(getFormat("2021")).flatMap((spec) =>
      spec.rows.flatMap((row) =>
        spec.columns.map((column) => String(totalled.tables[spec.id][row.key][column.key])),
      ),
    );
    expect(values).toHaveLength(200);
    expect([...values].sort()).toEqual([...expected].sort());
  });
});

describe("escaping", () => {
  let hostile: string;
  beforeAll(() => {
    hostile = renderHtml(hostileReport());
  });

  it("escapes text and attribute values", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
  });

  it("keeps user markup inert: no script or img element, the text shown escaped", () => {
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).not.toMatch(/<img/i);
    expect(hostile).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt;");
    expect(hostile).toContain("&lt;img src=x onerror=alert(1)&gt;&amp;");
    const root = parseHtml(hostile);
    expect(byTag(root, "script", "img")).toHaveLength(0);
    // The reader sees the characters typed, as text.
    expect(textOf(byTag(root, "title")[0])).toBe(
      '某区<script>alert("org")</script>&2022年政府信息公开工作年度报告',
    );
    expect(hostile).toContain(
      "<title>某区&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt;&amp;2022年",
    );
    expect(hostile).toContain("😀👍🏽");
  });

  it("drops characters XML and HTML cannot carry, keeps the rest", () => {
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(hostile)).toBe(false);
    expect(hostile.isWellFormed()).toBe(true);
  });
});

describe("renderHtmlFragment", () => {
  it("is the article alone, with the scoped class", () => {
    const fragment = renderHtmlFragment(report);
    expect(fragment.startsWith(`<article class="${REPORT_CLASS}">`)).toBe(true);
    expect(fragment.endsWith("</article>")).toBe(true);
    expect(fragment).not.toMatch(/<html|<head|<body|<style/);
    expect(html).toContain(fragment);
  });

  it("for a portal: the scoped stylesheet and the article, no page, no page rules, everything needed inline", () => {
    const portal = renderPortalFragment(report);
    expect(portal).not.toMatch(/<html|<head|<body|@page/);
    expect(portal).toContain(renderHtmlFragment(report));
    const root = parseHtml(portal);
    expect(attrOf(byTag(root, "h1")[0], "style")).toContain("text-align:center");
    for (const table of byTag(root, "table")) {
      expect([attrOf(table, "border"), attrOf(table, "cellspacing")]).toEqual(["1", "0"]);
      for (const cell of byTag(table, "td", "th"))
        expect(attrOf(cell, "style")).toMatch(/border:1px solid #000;padding:/);
    }
    for (const p of byClass(root, "closing").flatMap((c) => byTag(c, "p")))
      expect(attrOf(p, "style")).toMatch(/text-align:right;padding-right:[\d.]+em/);
    for (const p of byTag(root, "section").flatMap((s) => byTag(s, "p")))
      expect(attrOf(p, "style")).toContain("text-indent:2em");
  });

  it("lets only a URL break anywhere; numbers and years stay whole", () => {
    expect(REPORT_CSS).not.toContain("break-all");
    const withUrl = {
      ...report,
      preface:
        "本报告电子版可在http://www.example.gov.cn/col/col123/index.html查阅，2023年1月1日起施行。",
    };
    const preface = children(byTag(parseHtml(renderHtmlFragment(withUrl)), "article")[0], "p")[0];
    const url = byClass(preface, "url").find((e) => e.tagName === "span")!;
    expect(textOf(url)).toBe("http://www.example.gov.cn/col/col123/index.html");
    expect(attrOf(url, "style")).toContain("overflow-wrap:anywhere");
  });
});
