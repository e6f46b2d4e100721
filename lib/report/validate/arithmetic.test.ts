import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeTotals } from "../compute-totals";
import type { ReportContent } from "../content";
import { withCell } from "../__fixtures__/edit";
import { fullReport } from "../__fixtures__/full-report";
import { SAMPLE_REPORTS } from "../__fixtures__/sample-reports";
import { getFormat } from "../formats";
import { validate } from ".";

const r21 = fullReport("2021");
const only = (rule: string, report: ReportContent) =>
  validate(report).filter((f) => f.rule === rule);

describe("A1: 一 + 二 = （七）总计 + 四", () => {
  it("names the column and shows both sides", () => {
    let report = SAMPLE_REPORTS.hulan;
    report = withCell(report, "requests.r7_total.total", 12);
    expect(only("A1", report)).toEqual([
      {
        rule: "A1",
        severity: "error",
        message:
          "第三部分第“总计”列：第一项(13)+第二项(0)=13，不等于第三项（七）总计(12)+第四项(0)=12",
        cells: [
          "requests.new.total",
          "requests.carried.total",
          "requests.r7_total.total",
          "requests.carryover.total",
        ],
      },
    ]);
  });

  it("is skipped when one of its four cells is blank", () => {
    const report = withCell(
      withCell(SAMPLE_REPORTS.hulan, "requests.r7_total.total", 12),
      "requests.carried.total",
      null,
    );
    expect(only("A1", report)).toEqual([]);
  });
});

describe("A2–A6: typed totals are checked as stored", () => {
  it("A2 lists the six applicant columns of the row", () => {
    expect(only("A2", withCell(SAMPLE_REPORTS.hulan, "requests.r1.total", 5))[0].message).toBe(
      "第三部分“三、本年度办理结果 （一）予以公开”行：自然人(4)+商业企业(0)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=4，不等于“总计”(5)",
    );
  });

  it("A3 gives the sum of the outcome rows of the column", () => {
    expect(
      only("A3", withCell(SAMPLE_REPORTS.hulan, "requests.r7_total.natural", 12)),
    ).toMatchObject([
      {
        message:
          "第三部分第“自然人”列：“三、本年度办理结果”下（一）至（六）各项之和为13，不等于“（七）总计”(12)",
        cells: expect.arrayContaining([
          "requests.r7_total.natural",
          "requests.r1.natural",
          "requests.r6_3.natural",
        ]),
      },
    ]);
  });

  it("A4, A5, A6 name 行政复议 and the two kinds of 行政诉讼", () => {
    expect(only("A4", withCell(SAMPLE_REPORTS.hulan, "appeals.row.rc_total", 3))[0].message).toBe(
      "第四部分“行政复议”：结果维持(1)+结果纠正(1)+其他结果(0)+尚未审结(0)=2，不等于“总计”(3)",
    );
    expect(only("A5", withCell(SAMPLE_REPORTS.hulan, "appeals.row.ld_total", 1))[0].message).toBe(
      "第四部分“行政诉讼 未经复议直接起诉”：结果维持(2)+结果纠正(0)+其他结果(0)+尚未审结(0)=2，不等于“总计”(1)",
    );
    expect(only("A6", withCell(SAMPLE_REPORTS.hulan, "appeals.row.la_total", 1))[0].message).toBe(
      "第四部分“行政诉讼 复议后起诉”：结果维持(0)+结果纠正(0)+其他结果(0)+尚未审结(0)=0，不等于“总计”(1)",
    );
  });

  it("skips an equation with a blank operand, and finds none in the samples", () => {
    expect(
      only("A2", withCell(withCell(r21, "requests.r1.total", 1000), "requests.r1.other", null)),
    ).toEqual([]);
    for (const sample of Object.values(SAMPLE_REPORTS)) {
      expect(validate(sample).filter((f) => f.rule.startsWith("A"))).toEqual([]);
    }
  });
});

describe("A1 (property): changing one typed cell of 一, 二, the outcome rows or 四", () => {
  for (const formatId of ["2021", "2019"] as const) {
    const requests = getFormat(formatId).sections[2].tables[0];
    const rows = requests.rows.filter((r) => !r.computed);
    const columns = requests.columns.filter((c) => !c.computed);
    const base = fullReport(formatId);

    it(`is always reported, naming the column (${formatId} format)`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...rows),
          fc.constantFrom(...columns),
          fc.integer({ min: -30, max: 30 }).filter((d) => d !== 0),
          (row, column, delta) => {
            const before = base.tables.requests[row.key][column.key] as number;
            fc.pre(before + delta >= 0);
            // The editor recomputes totals; A1 then checks what was typed.
            const report = computeTotals(
              withCell(base, `requests.${row.key}.${column.key}`, before + delta),
            );
            const a1 = validate(report).filter((f) => f.rule === "A1");
            expect(a1.map((f) => f.severity)).toEqual(["error", "error"]);
            expect(a1[0].message).toContain(`第“${column.label}”列`);
            expect(a1[0].cells).toContain(
              `requests.${row.key}.${column.key}`.replace(/\.r\d(_\d)?\./, ".r7_total."),
            );
            expect(a1[1].message).toContain("第“总计”列");
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
