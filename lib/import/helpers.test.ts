import { describe, expect, it } from "vitest";
import { getFormat } from "@/lib/report/formats";
import { toGrid } from "./grid";
import { decodeText } from "./import-file";
import { labelIndex, matchLabel } from "./label-index";
import { fullName, isGovernmentName } from "./meta";
import { readDocumentXml } from "./read-docx";
import { matchHeading } from "./structure";
import { labelKey } from "./text-utils";
import { isValueText } from "./values";

describe("labels", () => {
  it("compare equal across widths, brackets, spaces, quotes and 其它/其他", () => {
    expect(labelKey("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)")).toBe(
      labelKey("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    );
    expect(labelKey('3.危及"三安全一稳定"')).toBe(labelKey("3.危及“三安全一稳定”"));
    expect(labelKey("六、其它需要报告的事项")).toBe(labelKey("六、其他需要报告的事项"));
  });

  it("match tolerantly, exact only when the words are the official ones", () => {
    const index = labelIndex("2021");
    expect(matchLabel(index, "社会公益组织", ["column"])).toMatchObject({
      exact: true,
      entry: { label: "社会公益组织" },
    });
    expect(matchLabel(index, "（二）部分公开", ["row"])).toMatchObject({
      exact: false,
      entry: { row: { key: "r2" } },
    });
    expect(matchLabel(index, "本年收费金额(单位:万元,保留4位小数)", ["column"])).toMatchObject({
      exact: false,
      entry: { label: "本年收费金额（单位：万元）" },
    });
    expect(matchLabel(index, "总计", ["row"])).toMatchObject({
      entry: { row: { key: "r7_total" } },
    });
    expect(matchLabel(index, "理结果", ["row", "rowGroup"])).toBeNull();
    expect(matchLabel(index, "行政处罚", ["row"])?.entry.row?.key).toBe("penalty");
  });

  it("tell values from labels", () => {
    for (const v of ["0", " 0 ", "37,438", "３７４３８", "2387.47225", "-3", "—", "/"])
      expect(isValueText(v)).toBe(true);
    for (const v of ["1.属于国家秘密", "", "总计", "（七）总计", "2、"])
      expect(isValueText(v)).toBe(false);
  });
});

describe("section headings", () => {
  const sections = getFormat("2021").sections;
  const key = (text: string, after = -1) =>
    matchHeading(text, sections, after)?.section.key ?? null;

  it("accept numbering variants, extra words and no number", () => {
    expect(key("一、总体情况")).toBe("s1");
    expect(key("1、 总体情况")).toBe("s1");
    expect(key("二、行政机关主动公开政府信息情况")).toBe("s2");
    expect(key("4、 因政府信息公开工作被申请行政复议、提起行政诉讼情况")).toBe("s4");
    expect(key(" 存在的主要问题及改进情况")).toBe("s5");
    expect(key("政府信息公开行政复议、行政诉讼情况")).toBe("s4");
  });

  it("refuse sub-headings, sentences, wrong numbers and sections already passed", () => {
    expect(key("（一）存在的主要问题")).toBeNull();
    expect(key("1.主动公开情况")).toBeNull();
    expect(
      key("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况共六个部分组成。"),
    ).toBeNull();
    expect(key("三、总体情况")).toBeNull();
    expect(key("一、总体情况", 2)).toBeNull();
  });
});

describe("unit names", () => {
  it("take the longest form the document prints, without words before it", () => {
    expect(fullName("呼兰区", "若有疑问，请联系哈尔滨市呼兰区政府办公室，联系电话")).toBe(
      "哈尔滨市呼兰区",
    );
    expect(fullName("新伟街道办事处", "无。\n          哈尔滨市平房区新伟街道办事处\n")).toBe(
      "哈尔滨市平房区新伟街道办事处",
    );
    expect(fullName("呼兰区", "通过“呼兰区人民政府网站”向社会公布")).toBe("呼兰区");
    expect(fullName("北关区灯塔路街道办事处", "在北关区人民政府网发布信息")).toBe(
      "北关区灯塔路街道办事处",
    );
  });

  it("call districts, counties and cities people's governments, not street offices, townships or departments", () => {
    expect(isGovernmentName("哈尔滨市呼兰区")).toBe(true);
    expect(isGovernmentName("鹤岗市兴安区")).toBe(true);
    expect(isGovernmentName("哈尔滨市平房区友协街道办事处")).toBe(false);
    expect(isGovernmentName("哈尔滨市呼兰区教育局")).toBe(false);
    expect(isGovernmentName("某县某镇人民政府")).toBe(false);
  });
});

describe("readers", () => {
  it("grid placement honours spans from above and to the left", () => {
    const grid = toGrid({
      type: "table",
      positional: true,
      rows: [
        [
          { text: "a", colSpan: 1, rowSpan: 2 },
          { text: "b", colSpan: 2, rowSpan: 1 },
        ],
        [
          { text: "c", colSpan: 1, rowSpan: 1 },
          { text: "d", colSpan: 1, rowSpan: 1 },
        ],
      ],
    });
    expect(grid.map((r) => r.map((c) => (c.covered ? "·" : c.text)).join(""))).toEqual([
      "ab·",
      "·cd",
    ]);
  });

  it("WordprocessingML: vMerge without a value continues, content controls are transparent, deleted text is not read", () => {
    const tc = (inner: string, pr = "") => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;
    const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    const xml = `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
      <w:p><w:r><w:t>三、收到和</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:t>处理</w:t></w:r></w:p>
      <w:tbl>
        <w:tr>${tc(p("甲"), '<w:vMerge w:val="restart"/>')}${tc(p("1"), '<w:gridSpan w:val="2"/>')}</w:tr>
        <w:sdt><w:sdtContent><w:tr>${tc(p(""), "<w:vMerge/>")}${tc(p("0"))}${tc(p(" 7 "))}</w:tr></w:sdtContent></w:sdt>
      </w:tbl></w:body></w:document>`;
    const blocks = readDocumentXml(xml);
    expect(blocks[0]).toEqual({ type: "paragraph", text: "三、收到和处理" });
    expect(blocks[1]).toEqual({
      type: "table",
      positional: true,
      rows: [
        [
          { text: "甲", colSpan: 1, rowSpan: 2 },
          { text: "1", colSpan: 2, rowSpan: 1 },
        ],
        [
          { text: "0", colSpan: 1, rowSpan: 1 },
          { text: " 7 ", colSpan: 1, rowSpan: 1 },
        ],
      ],
    });
  });

  it("text files: UTF-8 with or without BOM, GB18030 otherwise", () => {
    const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae]); // 政府 in GBK
    expect(decodeText(gbk)).toBe("政府");
    expect(decodeText(new TextEncoder().encode("\ufeff政府"))).toBe("政府");
    expect(decodeText(new TextEncoder().encode("政府"))).toBe("政府");
  });
});
