import { describe, expect, it } from "vitest";
import { parseCount } from "../chinese-number";
import type { ReportContent } from "../content";
import { withCell, withContent } from "../__fixtures__/edit";
import { fullReport } from "../__fixtures__/full-report";
import { SAMPLE_REPORTS } from "../__fixtures__/sample-reports";
import { validate } from ".";
import { tableClaims } from "./narrative-claims";

const x5 = (report: ReportContent) => validate(report).filter((f) => f.rule === "X5");
const s1 = (report: ReportContent, text: string) =>
  withContent(report, { narratives: { s1: text } });

describe("parseCount", () => {
  it("reads Arabic and Chinese counts and refuses what is not one", () => {
    expect(
      ["13", "十二", "十", "二十", "一百零五", "两", "零", "三千二百"].map(parseCount),
    ).toEqual([13, 12, 10, 20, 105, 2, 0, 3200]);
    expect(["二三", "十十", "千千", ""].map(parseCount)).toEqual([null, null, null, null]);
  });
});

// fullReport: （七）265→250 handled, （一）10, （二）12, （三）98, （四）36, （五）60; 四: 行政复议3, 行政诉讼3+1.
for (const formatId of ["2021", "2019"] as const) {
  const report = fullReport(formatId);
  const handled = formatId === "2021" ? 250 : 227;
  const received = formatId === "2021" ? 265 : 242;
  describe(`X5 on results, cases and documents (${formatId} format)`, () => {
    const cases: [string, string, string][] = [
      // [phrase with the table's figure, phrase with a wrong one, cell the finding names]
      [`办结${handled}件`, `办结${handled + 1}件`, "requests.r7_total.total"],
      [`共答复申请${handled}件`, `共答复申请${handled - 3}件`, "requests.r7_total.total"],
      ["其中予以公开10件", "其中予以公开11件", "requests.r1.total"],
      ["部分公开十二件", "部分公开十三件", "requests.r2.total"],
      ["予以公开及部分公开22件", "予以公开及部分公开20件", "requests.r1.total"],
      ["不予公开98件", "不予公开9件", "requests.r3_1.total"],
      ["无法提供36件", "无法提供30件", "requests.r4_1.total"],
      ["不予处理60件", "不予处理6件", "requests.r5_1.total"],
      ["发生行政复议案件3起", "发生行政复议案件2起", "appeals.row.rc_total"],
      ["行政诉讼4件", "行政诉讼3件", "appeals.row.ld_total"],
    ];
    for (const [right, wrong, cell] of cases) {
      it(`“${wrong}” is flagged, “${right}” is not`, () => {
        expect(x5(s1(report, `本年度${right}。`))).toEqual([]);
        const found = x5(s1(report, `本年度${wrong}。`));
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe("warning");
        expect(found[0].cells).toContain("narrative.s1");
        expect(found[0].cells).toContain(cell);
      });
    }

    it("names the sentence and both figures", () => {
      expect(x5(s1(report, "全年办结申请10件，其中不予公开9件。"))).toMatchObject([
        {
          message: `第一部分“总体情况”中“办结申请10件”与表格不一致：文字为10，第三部分“收到和处理政府信息公开申请情况”的“（七）总计”为${handled}`,
        },
        {
          message:
            "第一部分“总体情况”中“不予公开9件”与表格不一致：文字为9，第三部分“收到和处理政府信息公开申请情况”的“（三）不予公开”各项之和为98",
        },
      ]);
    });

    it("accepts 办结N件 counting the requests received, alone or with those carried over", () => {
      expect(x5(s1(report, `办理申请${received}件。`))).toEqual([]);
      expect(x5(s1(report, `办理申请${received + 6}件（含上年结转6件）。`))).toEqual([]);
    });

    it("checks a share printed after a result (占N%) against 办结 or 收到, to its printed decimals", () => {
      const pct = (10 / handled) * 100;
      expect(x5(s1(report, `予以公开10件，占${pct.toFixed(1)}%。`))).toEqual([]);
      expect(x5(s1(report, `予以公开10件（占${((10 / received) * 100).toFixed(2)}％）。`))).toEqual(
        [],
      );
      const found = x5(s1(report, `予以公开10件，占${(pct + 1).toFixed(1)}%。`));
      expect(found).toHaveLength(1);
      expect(found[0].message).toContain(`比例都不是${(pct + 1).toFixed(1)}%`);
    });

    it("does not check a figure about another year or another body", () => {
      for (const text of [
        "上年办结申请3件，不予公开1件。",
        "与去年相比，行政复议1起。",
        `${report.meta.year - 1}年行政复议案件1起。`,
        "全区各单位共办结申请5000件，予以公开3000件。",
        "各街道办结申请40件。",
        "较上年同比，予以公开1件。",
      ])
        expect(x5(s1(report, text)), text).toEqual([]);
      expect(x5(s1(report, `${report.meta.year}年行政复议案件1起。`))).toHaveLength(1);
    });

    it("flags 均获维持 while cases are corrected or pending, not when all are upheld", () => {
      const found = x5(s1(report, "全年发生行政复议、行政诉讼案件，均获维持。"));
      expect(found).toHaveLength(1);
      expect(found[0].message).toContain("有4件未获维持或尚未审结");
      expect(found[0].cells).toContain("appeals.row.rc_pending");
      let upheld = report;
      for (const id of ["rc_corrected", "rc_pending", "ld_other", "la_corrected"])
        upheld = withCell(upheld, `appeals.row.${id}`, 0);
      expect(x5(s1(upheld, "全年发生行政复议案件，均获维持。"))).toEqual([]);
      expect(x5(s1(report, "上级检查中各项工作均获维持。"))).toEqual([]);
    });
  });
}

describe("X5 on 规章 and 规范性文件", () => {
  it("2021: 制发, 废止, 现行有效 against 第二十条第（一）项", () => {
    const r21 = fullReport("2021");
    expect(
      x5(
        s1(
          r21,
          "本年制发规章1件、行政规范性文件32件，废止规范性文件8件，现行有效规章12件，现行有效规范性文件80件。",
        ),
      ),
    ).toEqual([]);
    const found = x5(s1(r21, "本年制发行政规范性文件30件，废止规章2件，规范性文件现行有效81件。"));
    expect(found.map((f) => f.cells[1])).toEqual([
      "20.1.normative.issued",
      "20.1.rules.repealed",
      "20.1.normative.effective",
    ]);
  });

  it("2019: 制发 against 本年新制作数量; no column to check 废止 or 现行有效 against", () => {
    const r19 = fullReport("2019");
    expect(x5(s1(r19, "本年制发规范性文件23件。"))).toEqual([]);
    expect(x5(s1(r19, "本年制发规范性文件2件。"))[0].cells).toEqual([
      "narrative.s1",
      "20.1.normative.made",
    ]);
    expect(x5(s1(r19, "废止规范性文件99件，现行有效规章99件。"))).toEqual([]);
  });
});

describe("tableClaims", () => {
  it("does not read 复议后起诉 as 行政复议, nor 含上年结转 as another year", () => {
    expect(
      tableClaims("行政诉讼1件（复议后起诉1件）。", 2022).map((c) => c.kind === "count" && c.key),
    ).toEqual(["litigation"]);
    expect(tableClaims("收到申请15件（含上年结转2件），办结14件。", 2022)).toMatchObject([
      { key: "handled", value: 14 },
    ]);
    expect(tableClaims("结转下年度继续办理21件。", 2022)).toEqual([]);
  });

  it("finds no false alarm in the five samples", () => {
    for (const sample of Object.values(SAMPLE_REPORTS)) expect(x5(sample)).toEqual([]);
  });
});
