import { describe, expect, it } from "vitest";
import { importHtml, readHtml, toTablesJson } from "@/lib/import";
import { buildHtml } from "./__fixtures__/build-html";
import { HULAN_TABLES, SAMPLES } from "./__fixtures__/expected";
import { HULAN_DOCUMENT } from "./__fixtures__/hulan-document";

/**
 * What the hulan fixture itself gets wrong, whatever it is read from: 2387.47225 has five decimals (V2),
 * 六 says nothing of the processing fees (X3), the closing has no date (V5) and names the district
 * instead of its people's government (V6).
 */
const FIXTURE_RULES = ["V2", "V5", "V6", "X3"];

describe("HTML portal page with rowspan/colspan tables", () => {
  const html = buildHtml("2021", HULAN_DOCUMENT, HULAN_TABLES);

  it("reads data tables as tables and skips scripts, navigation, breadcrumb and footer", () => {
    const blocks = readHtml(html);
    expect(blocks.filter((b) => b.type === "table")).toHaveLength(6);
    const text = blocks
      .filter((b) => b.type === "paragraph")
      .map((b) => (b as { text: string }).text)
      .join("\n");
    expect(text).not.toMatch(/统计代码|当前位置|版权所有|首页/);
    expect(text).toContain("呼兰区2021年");
  });

  it("imports to the same tables as the text sample", () => {
    const result = importHtml(html);
    expect(toTablesJson(result.content)).toEqual(HULAN_TABLES);
    expect(result.cellsRead).toBe(SAMPLES.find((s) => s.file.includes("hulan"))!.cellsRead);
    expect(result).toMatchObject({
      format: "2021",
      year: 2021,
      organization: "哈尔滨市呼兰区",
      isPeoplesGovernment: true,
    });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.map((f) => f.rule).sort()).toEqual(FIXTURE_RULES);
    expect(result.content.meta.portalUrl).toBe("http://www.hulan.gov.cn/");
  });

  it("with the captions of 二 as paragraphs above the tables, header rows still belong to the right table", () => {
    const result = importHtml(
      buildHtml("2021", HULAN_DOCUMENT, HULAN_TABLES, { captionsAsParagraphs: true }),
    );
    expect(toTablesJson(result.content)).toEqual(HULAN_TABLES);
    expect(result.findings.map((f) => f.rule).sort()).toEqual(FIXTURE_RULES);
    expect(result.sections.s2).toBe("");
  });

  it("reads a page whose tables use plain rows without tbody and entities in cells", () => {
    const page = `<h2>某区2022年政府信息公开工作年度报告</h2>
      <p>四、政府信息公开行政复议、行政诉讼情况</p>
      <table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
      <tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td>
      <td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
      <tr>${"<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>".repeat(2)}</tr>
      <tr>${["1", "0", "0", "1", "2", "&nbsp;", "0", "0", "0", "0", "0", "0", "0", "0", "0"].map((v) => `<td>${v}</td>`).join("")}</tr></table>`;
    const result = importHtml(page);
    expect(toTablesJson(result.content).appeals).toEqual([
      1,
      0,
      0,
      1,
      2,
      null,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(result.year).toBe(2022);
    expect(result.findings.filter((f) => f.rule === "S5")).toEqual([]);
  });
});
