import { describe, expect, it } from "vitest";
import { normalizeSubheading, normalizeSubheadings } from "./heading-text";

describe("normalizeSubheading", () => {
  it("writes level-2 headings with full-width brackets and no spaces", () => {
    expect(normalizeSubheading("(一) 主动公开方面。")).toBe("（一）主动公开方面。");
    expect(normalizeSubheading("（二)依法办理申请")).toBe("（二）依法办理申请");
    expect(normalizeSubheading("( 三 ）　政府信息管理")).toBe("（三）政府信息管理");
    expect(normalizeSubheading("　　(十)其他")).toBe("（十）其他");
  });

  it("leaves other lines alone", () => {
    for (const line of [
      "（一）主动公开。",
      "1.属于国家秘密",
      "全年(一)共计",
      "(十一)不是二级标题",
      "（本列数据的勾稽关系为）",
      "",
    ]) {
      expect(normalizeSubheading(line)).toBe(line);
    }
  });

  it("works line by line and keeps the line breaks", () => {
    expect(normalizeSubheadings("(一) 甲。\r\n正文(二)不动。\n（二)乙")).toBe(
      "（一）甲。\r\n正文(二)不动。\n（二）乙",
    );
  });
});
