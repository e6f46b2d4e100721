import { describe, expect, it } from "vitest";
import { emptyReport } from "../content";
import { withCell, withContent } from "../__fixtures__/edit";
import { fullReport } from "../__fixtures__/full-report";
import { SAMPLE_REPORTS } from "../__fixtures__/sample-reports";
import { validate } from ".";

const r21 = fullReport("2021");
const only = (rule: string, ...args: Parameters<typeof validate>) =>
  validate(...args).filter((f) => f.rule === rule);

describe("V1: counts", () => {
  it("quotes what was typed and names the table, row and column", () => {
    expect(only("V1", withCell(r21, "requests.r3_1.natural", "1.5"))).toEqual([
      {
        rule: "V1",
        severity: "error",
        message:
          "第三部分“三、本年度办理结果 （三）不予公开 1.属于国家秘密”行“自然人”列：“1.5”不是整数，件数只能填写0或正整数",
        cells: ["requests.r3_1.natural"],
      },
    ]);
    expect(only("V1", withCell(r21, "20.1.rules.issued", "abc"))[0].message).toBe(
      "第二部分“第二十条第（一）项 规章”行“本年制发件数”列：“abc”不是数字",
    );
    expect(only("V1", withCell(r21, "appeals.row.la_pending", -2))[0].message).toBe(
      "第四部分“行政诉讼 复议后起诉 尚未审结”：“-2”是负数，件数只能填写0或正整数",
    );
  });

  it("reports typed text even in a computed cell (imported reports carry typed totals)", () => {
    expect(only("V1", withCell(r21, "requests.new.total", "十三"))).toHaveLength(1);
  });

  it("lets 2019's 本年增/减 be negative, but whole", () => {
    const r19 = fullReport("2019");
    expect(only("V1", withCell(r19, "20.5.licensing.change", -3))).toEqual([]);
    expect(only("V1", withCell(r19, "20.5.licensing.change", "－3"))).toEqual([]);
    expect(only("V1", withCell(r19, "20.5.licensing.change", "1.5"))).toHaveLength(1);
    expect(only("V1", withCell(r19, "20.5.licensing.previous", -3))).toHaveLength(1);
  });

  it("treats blanks as unfinished only at the submission gate", () => {
    const report = withCell(
      withCell(r21, "requests.r5_2.legal", null),
      "requests.r5_2.total",
      null,
    );
    expect(only("V1", report)).toEqual([]);
    const gate = only("V1", report, { complete: true });
    // The blank computed 总计 is not the user's to fill.
    expect(gate).toEqual([
      {
        rule: "V1",
        severity: "error",
        message: "第三部分“三、本年度办理结果 （五）不予处理 2.重复申请”行“法律服务机构”列未填写",
        cells: ["requests.r5_2.legal"],
      },
    ]);
  });

  it("checks the structured fee statement", () => {
    const report = withContent(r21, {
      fees: { notices: "两件", noticeAmount: "200", collected: "200" },
    });
    expect(only("V1", report)).toMatchObject([{ cells: ["fees.notices"] }]);
    expect(only("V1", report)[0].message).toContain("“两件”不是数字");
  });
});

describe("V2: amounts", () => {
  it("is an error for a negative amount or one that is not a number", () => {
    expect(only("V2", withCell(r21, "20.8.fees.amount", "-1"))).toEqual([
      {
        rule: "V2",
        severity: "error",
        message:
          "第二部分“第二十条第（八）项 行政事业性收费”行“本年收费金额（单位：万元）”列：“-1”是负数，金额不能为负数",
        cells: ["20.8.fees.amount"],
      },
    ]);
    expect(only("V2", withCell(r21, "20.8.fees.amount", "约2000"))[0].message).toContain(
      "“约2000”不是数字",
    );
    expect(
      only(
        "V2",
        withContent(r21, { fees: { notices: 1, noticeAmount: "二百", collected: "200" } }),
      ),
    ).toHaveLength(1);
  });

  it("is a warning beyond 4 decimal places (hulan's 2387.47225)", () => {
    expect(only("V2", SAMPLE_REPORTS.hulan)).toEqual([
      {
        rule: "V2",
        severity: "warning",
        message:
          "第二部分“第二十条第（八）项 行政事业性收费”行“本年收费金额（单位：万元）”列：“2387.47225”有5位小数，金额最多保留4位小数",
        cells: ["20.8.fees.amount"],
      },
    ]);
    expect(only("V2", withCell(r21, "20.8.fees.amount", "2387.4722"))).toEqual([]);
    expect(only("V2", withCell(r21, "20.8.fees.amount", 2387.47225))).toHaveLength(1);
  });

  it("applies to the 2019 format's 采购总金额", () => {
    expect(only("V2", withCell(fullReport("2019"), "20.9.procurement.amount", "-3"))).toHaveLength(
      1,
    );
  });
});

describe("V3: empty narrative sections", () => {
  it("names each empty section among 一, 五 and 六", () => {
    const report = withContent(r21, {
      narratives: { s1: "", s5: " \n", s6: "" },
      fees: { notices: null, noticeAmount: null, collected: null },
    });
    expect(only("V3", report).map((f) => [f.message, f.cells])).toEqual([
      ["第一部分“总体情况”未填写", ["narrative.s1"]],
      ["第五部分“存在的主要问题及改进情况”未填写", ["narrative.s5"]],
      ["第六部分“其他需要报告的事项”未填写", ["narrative.s6"]],
    ]);
  });

  it("counts the structured fee statement as content of 六, and never asks text of 二–四", () => {
    expect(only("V3", withContent(r21, { narratives: { s6: "" } }))).toEqual([]);
    expect(only("V3", withContent(fullReport("2019"), { narratives: { s6: "" } }))).toHaveLength(1);
    expect(
      only("V3", emptyReport("2021", { organization: "某区", year: 2022 })).map((f) => f.cells[0]),
    ).toEqual(["narrative.s1", "narrative.s5", "narrative.s6"]);
  });
});

describe("V4: a thin section 五", () => {
  it("warns on 无 and on fewer than 50 characters", () => {
    expect(only("V4", withContent(r21, { narratives: { s5: "无" } }))[0]).toMatchObject({
      severity: "warning",
      message: "第五部分“存在的主要问题及改进情况”只写了“无”，应说明存在的主要问题和改进情况",
    });
    expect(
      only("V4", withContent(r21, { narratives: { s5: "人员不足，将加强培训。" } }))[0].message,
    ).toContain("只有9个字");
    expect(only("V4", withContent(r21, { narratives: { s5: "" } }))).toEqual([]);
    expect(only("V4", SAMPLE_REPORTS.dengtalu)).toEqual([]);
  });
});
