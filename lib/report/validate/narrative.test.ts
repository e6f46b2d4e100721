import { describe, expect, it } from "vitest";
import { computeTotals } from "../compute-totals";
import type { ReportContent } from "../content";
import { readFeeText } from "../fee-statement";
import { withCell, withContent } from "../__fixtures__/edit";
import { fullReport } from "../__fixtures__/full-report";
import { SAMPLE_REPORTS } from "../__fixtures__/sample-reports";
import { validate } from ".";
import { statedFigures } from "./narrative-figures";

const noFees = { notices: null, noticeAmount: null, collected: null };
const r21 = withContent(fullReport("2021"), { fees: noFees });
const only = (rule: string, report: ReportContent) =>
  validate(report).filter((f) => f.rule === rule);
const six = (text: string) => withContent(r21, { narratives: { s6: text } });

describe("X3: section 六 states the fees (2021 format)", () => {
  it("accepts a statement of notices and collection; 0 notices imply 0 amount", () => {
    expect(
      only(
        "X3",
        six("依据《政府信息公开信息处理费管理办法》，2022年发出收费通知0件，实际收取金额0元。"),
      ),
    ).toEqual([]);
    expect(only("X3", six("本年度共发出收费通知2件，总金额300元，实际收取金额300元。"))).toEqual(
      [],
    );
    expect(only("X3", six("本年度未发出信息处理费收费通知，未收取信息处理费。"))).toEqual([]);
  });

  it("flags 无, 无。 and a text that only says no fee was collected", () => {
    for (const text of ["无", "无。", "2021年，呼兰区政府无收取政府信息公开信息处理费情况。"]) {
      expect(only("X3", six(text))).toHaveLength(1);
    }
    expect(only("X3", six("无。"))[0]).toMatchObject({
      severity: "warning",
      message:
        "第六部分“其他需要报告的事项”未说明信息处理费情况（国办函〔2020〕109号），缺少：发出收费通知的件数、收费通知的总金额（元）、实际收取的金额（元）",
      cells: ["narrative.s6", "fees.notices", "fees.noticeAmount", "fees.collected"],
    });
    expect(
      only("X3", six("2021年，呼兰区政府无收取政府信息公开信息处理费情况。"))[0].message,
    ).toMatch(/缺少：发出收费通知的件数、收费通知的总金额（元）$/);
    // Notices issued but their amount not stated.
    expect(only("X3", six("本年度发出收费通知2件，实际收取金额300元。"))[0].message).toMatch(
      /缺少：收费通知的总金额（元）$/,
    );
  });

  it("takes the structured fee statement", () => {
    expect(
      only(
        "X3",
        withContent(r21, {
          narratives: { s6: "无。" },
          fees: { notices: 0, noticeAmount: null, collected: "0" },
        }),
      ),
    ).toEqual([]);
    expect(
      only(
        "X3",
        withContent(r21, {
          narratives: { s6: "无。" },
          fees: { notices: 1, noticeAmount: null, collected: "0" },
        }),
      ),
    ).toHaveLength(1);
  });

  it("is not asked of the 2019 format", () => {
    expect(only("X3", withContent(fullReport("2019"), { narratives: { s6: "无。" } }))).toEqual([]);
  });

  it("reads counts in Chinese numerals", () => {
    expect(readFeeText("发出收费通知书两份，金额共计300元，实际收取300元。")).toEqual({
      notices: 2,
      noticeAmountStated: true,
      collectedStated: true,
    });
    expect(readFeeText("共发出3件收费通知").notices).toBe(3);
    expect(readFeeText("收费通知十二件").notices).toBe(12);
  });
});

describe("X4: requests dropped for unpaid fees without any fee notice", () => {
  const unpaid = computeTotals(withCell(fullReport("2021"), "requests.r6_2.natural", 2));
  it("warns when 六 reports no notice or none at all", () => {
    const zero = withContent(unpaid, {
      fees: { notices: 0, noticeAmount: "0", collected: "0" },
      narratives: { s6: "2022年发出收费通知0件，实际收取金额0元。" },
    });
    expect(only("X4", zero)[0]).toMatchObject({
      severity: "warning",
      cells: ["requests.r6_2.total", "narrative.s6", "fees.notices"],
    });
    expect(only("X4", zero)[0].message).toContain(
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    );
    expect(
      only("X4", withContent(unpaid, { fees: noFees, narratives: { s6: "无" } })),
    ).toHaveLength(1);
  });
  it("is silent when notices were issued, or nobody was dropped", () => {
    expect(only("X4", unpaid)).toEqual([]);
    let none = unpaid;
    for (const key of Object.keys(none.tables.requests.r6_2))
      none = withCell(none, `requests.r6_2.${key}`, 0);
    expect(only("X4", withContent(none, { fees: noFees, narratives: { s6: "无" } }))).toEqual([]);
  });
});

describe("X5: figures in the narratives", () => {
  const hulan = SAMPLE_REPORTS.hulan;
  const s1 = (report: ReportContent, text: string) =>
    withContent(report, { narratives: { s1: text } });

  it("accepts 收到N件 as 一 alone or 一 + 二", () => {
    let report = withCell(
      withCell(hulan, "requests.carried.natural", 2),
      "requests.carried.total",
      2,
    );
    expect(only("X5", s1(report, "全年共收到政府信息公开申请13件。"))).toEqual([]);
    expect(only("X5", s1(report, "全年共收到政府信息公开申请15件（含上年结转2件）。"))).toEqual([]);
    report = s1(report, "全年共收到政府信息公开申请14件。");
    expect(only("X5", report)).toEqual([
      {
        rule: "X5",
        severity: "warning",
        message:
          "第一部分“总体情况”中“收到政府信息公开申请14件”与第三部分“收到和处理政府信息公开申请情况”的表格不一致：“一、本年新收政府信息公开申请数量”总计为13，“二、上年结转政府信息公开申请数量”总计为2",
        cells: ["narrative.s1", "requests.new.total", "requests.carried.total"],
      },
    ]);
  });

  it("reads 依申请公开…共有N条 (hulan's 13 equals 一) and the text above 三", () => {
    expect(only("X5", hulan)).toEqual([]);
    expect(only("X5", s1(hulan, "一年来全区依申请公开政府信息共有12条。"))).toHaveLength(1);
    expect(
      only("X5", withContent(hulan, { narratives: { s3: "本年度收到申请20件。" } }))[0].cells[0],
    ).toBe("narrative.s3");
    expect(only("X5", withContent(hulan, { preface: "本年度新收政府信息公开申请13件。" }))).toEqual(
      [],
    );
  });

  it("checks a listed breakdown against its total (dengtalu's 127 adds up)", () => {
    const dengtalu = SAMPLE_REPORTS.dengtalu;
    expect(only("X5", dengtalu)).toEqual([]);
    const wrong = s1(dengtalu, dengtalu.narratives.s1.replace("共计127条", "共计128条"));
    expect(only("X5", wrong)).toMatchObject([
      {
        message:
          "第一部分“总体情况”中“2022年度在北关区人民政府网发布信息共计128条。包含：公共文化服务领域公开12条；安全生产领域公开12条；救灾领域公…”：所列各项之和12+12+51+12+23+17=127，与所说的“共计128条”不一致",
        cells: ["narrative.s1"],
      },
    ]);
    expect(only("X5", s1(r21, "发布政策解读12条、图片新闻15条，共计28条。"))).toHaveLength(1);
    expect(only("X5", s1(r21, "发布政策解读12条、图片新闻15条，共计27条。"))).toEqual([]);
  });

  it("lets a selection (其中) add up to less than its total, not more", () => {
    expect(only("X5", s1(r21, "全年共发布信息1250条，其中规范性文件32条，政策解读45条。"))).toEqual(
      [],
    );
    expect(
      only("X5", s1(r21, "全年共发布信息50条，其中规范性文件32条，政策解读45条。")),
    ).toHaveLength(1);
  });

  it("names the sentence of a stated total whose listed parts do not add up to it", () => {
    expect(
      only(
        "X5",
        s1(r21, "全年共发布信息1234条，包括政策文件100条、工作动态1000条、通知公告100条。"),
      ),
    ).toEqual([
      {
        rule: "X5",
        severity: "warning",
        message:
          "第一部分“总体情况”中“全年共发布信息1234条，包括政策文件100条、工作动态1000条、通知公告100条”：所列各项之和100+1000+100=1200，与所说的“共发布信息1234条”不一致",
        cells: ["narrative.s1"],
      },
    ]);
    expect(
      only(
        "X5",
        s1(r21, "全年共发布信息1200条，包括政策文件100条、工作动态1000条、通知公告100条。"),
      ),
    ).toEqual([]);
  });

  it("holds a selection (其中) that ends in a catch-all (其他…) to its total", () => {
    const text = (rest: number) =>
      `全年共公开信息1234条，其中政策文件100条、工作动态1000条、其他信息${rest}条。`;
    expect(only("X5", s1(r21, text(134)))).toEqual([]);
    expect(only("X5", s1(r21, text(34)))[0].message).toBe(
      `第一部分“总体情况”中“${text(34).slice(0, -1)}”：所列各项之和100+1000+34=1134，与所说的“共公开信息1234条”不一致`,
    );
  });

  it("does not take a change from last year for a part of the breakdown", () => {
    for (const text of [
      "全年共发布信息1200条，包括政策文件200条、工作动态1000条，较上年增加150条。",
      "全年共发布信息1200条，其中政策文件200条、工作动态1000条，同比增长30条。",
      "全年共发布信息1200条，较上年增加150条，其中政策文件200条、工作动态1000条。",
    ])
      expect(only("X5", s1(r21, text)), text).toEqual([]);
    // Parts that are not a breakdown at all: no list marker, or a single part.
    for (const text of [
      "全年共发布信息1200条，网站访问量达50000次，回复留言30条、解答咨询20条。",
      "全年共发布信息1200条，其中政策文件200条。",
    ])
      expect(only("X5", s1(r21, text)), text).toEqual([]);
  });

  it("compares a total with parts (共受理…其中…) to 一 of 三, unless the sentence is about another year", () => {
    const received = r21.tables.requests.new.total as number;
    const carried = r21.tables.requests.carried.total as number;
    const wrong = received + carried + 7;
    const text = `全年共受理政府信息公开申请${wrong}件，其中自然人申请${wrong - 2}件、法人或其他组织申请2件。`;
    const findings = only("X5", s1(r21, text));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(`“受理政府信息公开申请${wrong}件”与第三部分`);
    expect(findings[0].cells).toEqual([
      "narrative.s1",
      "requests.new.total",
      "requests.carried.total",
    ]);
    expect(only("X5", s1(r21, `${r21.meta.year - 1}年${text}`))).toEqual([]);
    expect(only("X5", s1(r21, `较上年，${text}`))).toEqual([]);
    // The parts must still add up, whatever the year.
    expect(
      only(
        "X5",
        s1(r21, `${r21.meta.year - 1}年共受理申请30件，其中自然人申请20件、法人申请5件。`),
      ),
    ).toHaveLength(0);
    // 受理行政复议申请 is not a request for information (its own check compares it with 四).
    const review = only("X5", s1(r21, `全年受理行政复议申请${wrong}件。`));
    expect(review.map((f) => f.cells[1])).toEqual(["appeals.row.rc_total"]);
  });

  it("has no false positives on the five samples", () => {
    for (const sample of Object.values(SAMPLE_REPORTS)) expect(only("X5", sample)).toEqual([]);
    expect(statedFigures(SAMPLE_REPORTS.xinwei.narratives.s2)).toEqual([]);
  });
});

describe("X6: a people's government reports on 工作考核、社会评议和责任追究", () => {
  it("is satisfied by hulan and not by xingan", () => {
    expect(only("X6", SAMPLE_REPORTS.hulan)).toEqual([]);
    expect(only("X6", SAMPLE_REPORTS.xingan)).toEqual([
      {
        rule: "X6",
        severity: "warning",
        message:
          "人民政府的报告应说明工作考核、社会评议和责任追究结果情况，报告中没有提到：工作考核、社会评议、责任追究",
        cells: ["narrative.s1"],
      },
    ]);
    expect(
      only("X6", withContent(SAMPLE_REPORTS.xingan, { meta: { isPeoplesGovernment: false } })),
    ).toEqual([]);
  });
});

describe("X7: publication deadline", () => {
  const dated = (date: string | null, isPeoplesGovernment: boolean) =>
    withContent(r21, { meta: { issuedDate: date, isPeoplesGovernment } });
  it("is 31 January of the next year, 31 March for a people's government", () => {
    expect(only("X7", dated("2023-01-31", false))).toEqual([]);
    expect(only("X7", dated("2023-02-01", false))).toEqual([
      {
        rule: "X7",
        severity: "warning",
        message: "成文日期2023年2月1日晚于发布期限2023年1月31日",
        cells: ["meta.issuedDate"],
      },
    ]);
    expect(only("X7", dated("2023-03-31", true))).toEqual([]);
    expect(only("X7", dated("2023-04-01", true))[0].message).toBe(
      "成文日期2023年4月1日晚于发布期限2023年3月31日（人民政府本级报告）",
    );
    expect(only("X7", dated(null, false))).toEqual([]);
  });
});
