import { describe, expect, it } from "vitest";
import type { ReportContent } from "../content";
import { withCell, withContent } from "../__fixtures__/edit";
import { fullReport, previousOf } from "../__fixtures__/full-report";
import { SAMPLE_REPORTS } from "../__fixtures__/sample-reports";
import { repeatedShare } from "../text-similarity";
import { validate } from ".";

const r21 = fullReport("2021");
const r19 = fullReport("2019");
const only = (rule: string, report: ReportContent, previous: ReportContent) =>
  validate(report, { previous }).filter((f) => f.rule === rule);

describe("X1: 上年结转 continues last year's 结转下年度继续办理", () => {
  it("warns per column that differs", () => {
    const previous = withCell(
      withCell(previousOf(r21), "requests.carryover.legal", 7),
      "requests.carryover.total",
      12,
    );
    expect(only("X1", r21, previous)).toEqual([
      {
        rule: "X1",
        severity: "warning",
        message:
          "第三部分“二、上年结转政府信息公开申请数量”行“法律服务机构”列为1，上年报告“四、结转下年度继续办理”法律服务机构为7",
        cells: ["requests.carried.legal"],
      },
      expect.objectContaining({ cells: ["requests.carried.total"] }),
    ]);
  });

  it("reads a 2019-format report of 2020 for a 2021 report, and is skipped without last year's figures", () => {
    const report2021 = fullReport("2021", 2021);
    let previous = fullReport("2019", 2020);
    for (const [key, value] of Object.entries(report2021.tables.requests.carried))
      previous = withCell(previous, `requests.carryover.${key}`, value);
    expect(only("X1", report2021, previous)).toEqual([]);
    expect(
      only("X1", report2021, withCell(previous, "requests.carryover.research", 9)).map(
        (f) => f.cells,
      ),
    ).toEqual([["requests.carried.research"]]);
    expect(only("X1", r21, withCell(previousOf(r21), "requests.carryover.legal", null))).toEqual(
      [],
    );
    expect(validate(r21).filter((f) => f.rule === "X1")).toEqual([]);
  });
});

describe("X2: running counts of 第二十条 continue last year's", () => {
  it("2021: 现行有效件数 = last year's + 本年制发件数 − 本年废止件数", () => {
    const previous = withCell(previousOf(r21), "20.1.normative.effective", 50);
    expect(only("X2", r21, previous)).toEqual([
      {
        rule: "X2",
        severity: "warning",
        message:
          "第二部分“第二十条第（一）项 行政规范性文件”行“现行有效件数”列为80，与上年报告衔接应为上年“现行有效件数”(50)+本年“本年制发件数”(32)−本年“本年废止件数”(8)=74",
        cells: ["20.1.normative.effective"],
      },
    ]);
  });

  it("2019: 对外公开总数量 = last year's + 本年新公开数量; 上一年项目数量 = last year's + its 本年增/减", () => {
    expect(only("X2", r19, previousOf(r19))).toEqual([]);
    const total = only("X2", r19, withCell(previousOf(r19), "20.1.rules.total", 0));
    expect(total.map((f) => f.cells)).toEqual([["20.1.rules.total"]]);
    const items = only("X2", r19, withCell(previousOf(r19), "20.6.penalty.change", 4));
    expect(items.map((f) => f.cells)).toEqual([["20.6.penalty.previous"]]);
    expect(items[0].message).toContain("上年“上一年项目数量”");
    expect(items[0].message).toContain("+上年“本年增/减”(4)");
  });

  it("does not compare across formats", () => {
    expect(only("X2", fullReport("2021", 2021), fullReport("2019", 2020))).toEqual([]);
  });
});

describe("X8: narratives repeating last year's", () => {
  it("measures the share of sentences copied, allowing a changed year or figure", () => {
    const text = SAMPLE_REPORTS.dengtalu.narratives.s5;
    expect(repeatedShare(text, text)).toBe(1);
    expect(repeatedShare(text.replaceAll("2022", "2021"), text)).toBe(1);
    expect(repeatedShare(text, SAMPLE_REPORTS.xingan.narratives.s5)).toBeLessThan(0.2);
    expect(repeatedShare("", text)).toBe(0);
    const half = SAMPLE_REPORTS.hulan.narratives.s5;
    const mixed = `${text}\n${half}`;
    expect(repeatedShare(mixed, text)).toBeGreaterThan(0.3);
    expect(repeatedShare(mixed, text)).toBeLessThan(0.6);
  });

  it("keeps different reports of the same kind apart", () => {
    const samples = Object.values(SAMPLE_REPORTS);
    for (const a of samples)
      for (const b of samples) {
        if (a === b) continue;
        for (const key of ["s1", "s5"] as const)
          expect(repeatedShare(a.narratives[key], b.narratives[key])).toBeLessThan(0.5);
      }
  });

  it("warns per section repeated for more than half", () => {
    const previous = withContent(previousOf(r21), {
      narratives: { s1: r21.narratives.s1.replaceAll("2022", "2021") },
    });
    expect(only("X8", r21, previous)).toEqual([
      {
        rule: "X8",
        severity: "warning",
        message: "第一部分“总体情况”与上年报告重复约100%（超过一半），应写明本年度的情况",
        cells: ["narrative.s1"],
      },
    ]);
    // `无。` repeated is no repetition worth a warning.
    const short = withContent(r21, { narratives: { s6: "无。" } });
    expect(only("X8", short, withContent(previousOf(r21), { narratives: { s6: "无。" } }))).toEqual(
      [],
    );
  });
});
