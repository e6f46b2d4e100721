import { describe, expect, it } from "vitest";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { buildPublication, closingIndents, formatIssuedDate, splitLead } from "./publication";
import { paragraphsOf, sanitizeText } from "./sanitize";

describe("splitLead", () => {
  it("takes a level-2 heading off the start of a paragraph, up to its full stop", () => {
    expect(splitLead("（一）主动公开。全年发布信息1250条。")).toEqual({
      lead: "（一）主动公开。",
      text: "全年发布信息1250条。",
    });
    expect(splitLead("（十）其他：说明")).toEqual({ lead: "（十）其他：", text: "说明" });
    expect(splitLead("(二)依申请公开情况")).toEqual({ lead: "(二)依申请公开情况", text: "" });
  });

  it("keeps only the ordinal when no short heading can be told apart, and leaves other paragraphs alone", () => {
    const long =
      "（三）我区严格执行公开前保密审查制度，开展规范性文件清理，对不予公开的政府信息定期评估审查，动态更新目录。";
    expect(splitLead(long)).toEqual({ lead: "（三）", text: long.slice(3) });
    expect(splitLead("1.属于国家秘密")).toEqual({ lead: "", text: "1.属于国家秘密" });
    expect(splitLead("（十一）不是二级标题")).toEqual({ lead: "", text: "（十一）不是二级标题" });
  });
});

describe("formatIssuedDate", () => {
  it("writes 成文日期 with Arabic numerals, the full year and no zero padding", () => {
    expect(formatIssuedDate("2024-01-17")).toBe("2024年1月17日");
    expect(formatIssuedDate("2023-10-05")).toBe("2023年10月5日");
    expect(formatIssuedDate(null)).toBeNull();
    expect(formatIssuedDate("2024-13-01")).toBeNull();
  });
});

describe("closingIndents", () => {
  it("puts the date four characters in and centres the organ above it", () => {
    expect(closingIndents({ organ: "某市某区人民政府", date: "2024年1月17日" })).toEqual({
      organ: 3.25,
      date: 4,
    });
  });

  it("sets an organ wider than that flush right, with the date under its middle", () => {
    const organ = "哈尔滨市平房区友协街道办事处党政综合办公室";
    expect(closingIndents({ organ, date: "2024年1月17日" })).toEqual({
      organ: 0,
      date: (organ.length - 6.5) / 2,
    });
  });
});

describe("sanitize", () => {
  it("strips what XML 1.0 forbids and keeps tabs, line breaks, emoji and paired surrogates", () => {
    expect(sanitizeText("a\u0000b\u0008\u000B\u000C\u001F\uFFFE\uFFFFc\t\n\r😀\uD800x\uDC00")).toBe(
      "abc\t\n\r😀x",
    );
  });

  it("splits text into trimmed, non-blank paragraphs", () => {
    expect(paragraphsOf("\u3000\u3000第一段。\r\n\n  \n第二段。\r第三段。")).toEqual([
      "第一段。",
      "第二段。",
      "第三段。",
    ]);
  });
});

describe("buildPublication", () => {
  it("lays the report out in the format's order: 二 as one table, 三 and 四, closing from the meta", () => {
    const p = buildPublication(fullReport("2021"));
    expect(p.titleLines).toEqual(["某市某区2022年", "政府信息公开工作年度报告"]);
    expect(
      p.sections.map((s) =>
        s.blocks.filter((b) => b.type === "table").map((b) => b.type === "table" && b.grid.id),
      ),
    ).toEqual([[], ["20.1+20.5+20.6+20.8"], ["requests"], ["appeals"], [], []]);
    expect(p.closing).toEqual({ organ: "某市某区人民政府", date: "2023年1月18日" });
    expect(p.blankCells).toEqual([]);
  });

  it("falls back to the organization for the issuing organ, and prints no date while unknown", () => {
    const report = fullReport("2021");
    report.meta.issuingOrgan = "";
    report.meta.issuedDate = null;
    expect(buildPublication(report).closing).toEqual({ organ: "某市某区", date: null });
  });

  it("writes level-2 headings typed with half-width brackets or spaces the official way", () => {
    const report = fullReport("2021");
    report.narratives.s1 =
      "(一) 主动公开方面。全年发布信息10条。\n（二)依法办理申请。\n（ 三 ）政府信息管理";
    const s1 = buildPublication(report).sections[0].blocks.map((b) =>
      b.type === "paragraph" ? b.paragraph : null,
    );
    expect(s1).toEqual([
      { lead: "（一）主动公开方面。", text: "全年发布信息10条。" },
      { lead: "（二）依法办理申请。", text: "" },
      { lead: "（三）政府信息管理", text: "" },
    ]);
  });

  it("lists the typed cells it prints blank, and prints computed totals even where they were not stored", () => {
    const report = fullReport("2021");
    for (const key of Object.keys(report.tables.appeals.row)) report.tables.appeals.row[key] = null;
    report.tables.requests.new.total = null;
    const p = buildPublication(report);
    const outcomes = ["upheld", "corrected", "other", "pending"];
    expect(p.blankCells.map((f) => f.cells[0])).toEqual(
      ["rc", "ld", "la"].flatMap((group) => outcomes.map((o) => `appeals.row.${group}_${o}`)),
    );
    expect(p.blankCells).toHaveLength(12);
    expect(p.blankCells[0]).toMatchObject({
      rule: "V1",
      severity: "warning",
      message: "第四部分“行政复议 结果维持”未填写，发布稿中该格留空",
    });
    const requests = p.sections[2].blocks.find((b) => b.type === "table")!;
    const newTotal =
      requests.type === "table" &&
      requests.grid.rows
        .flatMap((r) => r.segments)
        .find((s) => s.cell.cellId === "requests.new.total");
    expect(newTotal && newTotal.cell.text).toBe(
      String(
        Object.entries(report.tables.requests.new)
          .filter(([k]) => k !== "total")
          .reduce((sum, [, v]) => sum + Number(v), 0),
      ),
    );
  });
});
