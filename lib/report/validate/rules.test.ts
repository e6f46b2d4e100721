import { describe, expect, it } from "vitest";
import { computeTotals } from "../compute-totals";
import type { ReportContent } from "../content";
import { withCell, withContent } from "../__fixtures__/edit";
import { fullReport, previousOf } from "../__fixtures__/full-report";
import { RULES, RULE_IDS, type RuleId } from "../rules";
import { validate, type ValidateOptions } from ".";

/**
 * Every rule validate() checks, broken once (the rule must report it) and kept once on a report that
 * differs only where it matters (the rule must stay silent). Removing a rule fails its positive case.
 */
interface Case {
  report: ReportContent;
  options?: ValidateOptions;
}
type RuleCases = { positive: Case; negative: Case };

const r21 = fullReport("2021");
const r19 = fullReport("2019");
const withPrevious = (report: ReportContent, previous = previousOf(report)): ValidateOptions => ({
  previous,
});

const CASES: Partial<Record<RuleId, RuleCases>> = {
  S2: {
    positive: {
      report: {
        ...r21,
        tables: {
          ...r21.tables,
          appeals: {
            row: Object.fromEntries(Object.keys(r21.tables.appeals.row).map((k) => [k, null])),
          },
        },
      },
    },
    negative: { report: withCell(r21, "appeals.row.rc_upheld", null) },
  },
  S4: {
    positive: { report: withContent(r21, { meta: { year: 2020 } }) },
    negative: { report: withContent(r21, { meta: { year: 2021 } }) },
  },
  V1: {
    positive: { report: withCell(r21, "requests.r1.natural", "1.5") },
    negative: { report: withCell(r21, "requests.r1.natural", "１") },
  },
  V2: {
    positive: { report: withCell(r21, "20.8.fees.amount", "-1") },
    negative: { report: withCell(r21, "20.8.fees.amount", "1.0000") },
  },
  V3: {
    positive: { report: withContent(r21, { narratives: { s1: "  " } }) },
    negative: {
      report: withContent(r21, { narratives: { s1: "本年度主动公开政府信息1250条。" } }),
    },
  },
  V4: {
    positive: { report: withContent(r21, { narratives: { s5: "无。" } }) },
    negative: { report: withContent(r21, { narratives: { s5: r21.narratives.s5.slice(0, 60) } }) },
  },
  V5: {
    positive: {
      report: withContent(r21, { meta: { issuedDate: null } }),
      options: { complete: true },
    },
    negative: {
      report: withContent(r21, { meta: { issuedDate: "2023-01-18" } }),
      options: { complete: true },
    },
  },
  V6: {
    positive: {
      report: withContent(r21, { meta: { issuingOrgan: "", organization: "哈尔滨市呼兰区" } }),
    },
    negative: {
      report: withContent(r21, {
        meta: { issuingOrgan: "哈尔滨市呼兰区人民政府", organization: "哈尔滨市呼兰区" },
      }),
    },
  },
  A1: {
    // One fewer new request, the same results: 一 + 二 falls short in 自然人 and 总计.
    positive: { report: computeTotals(withCell(r21, "requests.new.natural", 40)) },
    // ... unless one more was carried over from last year.
    negative: {
      report: computeTotals(
        withCell(withCell(r21, "requests.new.natural", 40), "requests.carried.natural", 1),
      ),
    },
  },
  A2: {
    positive: { report: withCell(r21, "requests.r1.total", 1000) },
    negative: { report: withCell(r21, "requests.r1.total", null) },
  },
  A3: {
    positive: { report: withCell(r21, "requests.r7_total.research", 1000) },
    negative: { report: withCell(r21, "requests.r3_1.research", null) },
  },
  A4: {
    positive: { report: withCell(r21, "appeals.row.rc_total", 9) },
    negative: {
      report: withCell(withCell(r21, "appeals.row.rc_total", 9), "appeals.row.rc_other", 6),
    },
  },
  A5: {
    positive: { report: withCell(r21, "appeals.row.ld_total", 9) },
    negative: {
      report: withCell(withCell(r21, "appeals.row.ld_total", 9), "appeals.row.ld_other", 7),
    },
  },
  A6: {
    positive: { report: withCell(r21, "appeals.row.la_total", 9) },
    negative: {
      report: withCell(withCell(r21, "appeals.row.la_total", 9), "appeals.row.la_other", 8),
    },
  },
  X1: {
    positive: {
      report: r21,
      options: withPrevious(r21, withCell(previousOf(r21), "requests.carryover.legal", 7)),
    },
    negative: { report: r21, options: withPrevious(r21) },
  },
  X2: {
    positive: {
      report: r21,
      options: withPrevious(r21, withCell(previousOf(r21), "20.1.normative.effective", 1)),
    },
    negative: { report: r21, options: withPrevious(r21) },
  },
  X3: {
    positive: {
      report: withContent(r21, {
        narratives: { s6: "无。" },
        fees: { notices: null, noticeAmount: null, collected: null },
      }),
    },
    negative: {
      report: withContent(r21, {
        narratives: { s6: "2022年发出收费通知0件，实际收取金额0元。" },
        fees: { notices: null, noticeAmount: null, collected: null },
      }),
    },
  },
  X4: {
    positive: {
      report: withContent(r21, {
        fees: { notices: 0, noticeAmount: "0", collected: "0" },
        narratives: { s6: "无。" },
      }),
    },
    negative: { report: r21 },
  },
  X5: {
    positive: {
      report: withContent(r21, { narratives: { s1: "全年共收到政府信息公开申请300件。" } }),
    },
    negative: {
      report: withContent(r21, { narratives: { s1: "全年共收到政府信息公开申请265件。" } }),
    },
  },
  X6: {
    positive: {
      report: withContent(r21, {
        narratives: { s1: r21.narratives.s1.replace("社会评议", "群众评价") },
      }),
    },
    negative: {
      report: withContent(r21, {
        meta: { isPeoplesGovernment: false },
        narratives: { s1: r21.narratives.s1.replace("社会评议", "群众评价") },
      }),
    },
  },
  X7: {
    positive: { report: withContent(r21, { meta: { issuedDate: "2023-04-01" } }) },
    negative: { report: withContent(r21, { meta: { issuedDate: "2023-03-31" } }) },
  },
  X8: {
    positive: {
      report: r21,
      options: withPrevious(
        r21,
        withContent(previousOf(r21), {
          narratives: { s5: r21.narratives.s5.replaceAll("2022", "2021") },
        }),
      ),
    },
    negative: { report: r21, options: withPrevious(r21) },
  },
  X9: {
    // An older report carried over: its 统计期限 still names its own year.
    positive: {
      report: withContent(r21, {
        preface: r21.preface.replaceAll(`${r21.meta.year}年`, `${r21.meta.year - 3}年`),
      }),
    },
    negative: {
      report: withContent(r21, {
        preface: `${r21.preface}依据国办函〔${r21.meta.year - 3}〕109号，${r21.meta.year - 3}年修订的制度执行。`,
      }),
    },
  },
  X10: {
    positive: {
      report: withContent(r21, {
        narratives: { s6: `${r21.narratives.s6}按照国办公开办函【2021】30号要求执行。` },
      }),
    },
    negative: {
      report: withContent(r21, {
        narratives: { s6: `${r21.narratives.s6}按照国办公开办函〔2021〕30号要求执行。` },
      }),
    },
  },
};

describe("the closing block (V5, V6)", () => {
  it("V5: an empty 成文日期 is an error at the submission gate and a warning in a draft, and says what to fill in", () => {
    const undated = withContent(r21, { meta: { issuedDate: null } });
    const [draft] = validate(undated).filter((f) => f.rule === "V5");
    const [gate] = validate(undated, { complete: true }).filter((f) => f.rule === "V5");
    expect(draft.severity).toBe("warning");
    expect(gate.severity).toBe("error");
    expect(gate.message).toContain("“成文日期”");
    expect(gate.cells).toEqual(["meta.issuedDate"]);
  });

  it("V6: names the organ printed and suggests the full name; organs of every kind pass", () => {
    const [street] = validate(withContent(r21, { meta: { issuingOrgan: "友协街道" } })).filter(
      (f) => f.rule === "V6",
    );
    expect(street.message).toContain("“友协街道”");
    expect(street.message).toContain("如“友协街道办事处”");
    for (const organ of [
      "哈尔滨市平房区友协街道办事处",
      "平房区发展和改革局",
      "某区卫生健康委员会",
      "某区人民政府办公室",
      "某县人民政府",
      "某区政务服务中心",
      "某开发区管委会",
    ]) {
      expect(
        validate(withContent(r21, { meta: { issuingOrgan: organ } })).filter(
          (f) => f.rule === "V6",
        ),
        organ,
      ).toEqual([]);
    }
  });

  it("a 成文日期 after the deadline stays X7, not V5", () => {
    const late = validate(withContent(r21, { meta: { issuedDate: "2023-04-01" } }), {
      complete: true,
    });
    expect(late.map((f) => f.rule)).toContain("X7");
    expect(late.map((f) => f.rule)).not.toContain("V5");
  });
});

describe("every rule validate() checks", () => {
  const checked = RULE_IDS.filter((id) => RULES[id].checkedBy === "validate");

  it("has a case here", () => {
    expect(Object.keys(CASES).sort()).toEqual([...checked].sort());
  });

  for (const rule of checked) {
    const cases = CASES[rule]!;
    it(`${rule}: reports a broken report`, () => {
      const findings = validate(cases.positive.report, cases.positive.options).filter(
        (f) => f.rule === rule,
      );
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.message).toMatch(/\p{Script=Han}/u);
        expect(f.cells.length).toBeGreaterThan(0);
      }
    });
    it(`${rule}: stays silent on a report that keeps it`, () => {
      expect(
        validate(cases.negative.report, cases.negative.options).filter((f) => f.rule === rule),
      ).toEqual([]);
    });
  }

  it("finds nothing in the consistent baselines, complete or not, with last year's report", () => {
    for (const report of [r21, r19]) {
      expect(validate(report)).toEqual([]);
      expect(validate(report, { complete: true, ...withPrevious(report) })).toEqual([]);
    }
  });
});
