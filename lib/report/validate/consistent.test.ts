import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeTotals } from "../compute-totals";
import { emptyReport, type ReportContent } from "../content";
import { getFormat } from "../formats";
import type { CellKind, FormatId } from "../spec-types";
import { validate } from ".";

const PROBLEMS =
  "存在的主要问题：一是部分单位对政务公开工作重视不够，信息更新不及时；二是政策解读形式单一。" +
  "改进措施：一是加强督查考核，定期通报信息更新情况；二是丰富解读形式，提高解读质量；上年度报告所列问题已全部整改。";

const value = (kind: CellKind): fc.Arbitrary<number | string> =>
  kind === "amount"
    ? fc.tuple(fc.nat({ max: 10_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, scale]) => {
        const digits = String(n).padStart(scale + 1, "0");
        return scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
      })
    : kind === "signedCount"
      ? fc.integer({ min: -50, max: 50 })
      : fc.nat({ max: 100_000 });

/** A report whose typed values are random but consistent (A1 holds), with sensible narratives. */
function consistentReport(formatId: FormatId): fc.Arbitrary<ReportContent> {
  const format = getFormat(formatId);
  const tables = format.sections.flatMap((s) => s.tables);
  const active = tables.filter((t) => t.id.startsWith("20."));
  const requests = tables.find((t) => t.id === "requests")!;
  const typedColumns = requests.columns.filter((c) => !c.computed);
  const outcomeRows = requests.rows.filter((r) => !r.computed && r.groups?.length);
  const activeCells = active.flatMap((t) =>
    t.rows.flatMap((r) => t.columns.map((c) => ({ t, r, c }))),
  );

  return fc
    .record({
      year:
        formatId === "2021"
          ? fc.integer({ min: 2021, max: 2030 })
          : fc.integer({ min: 2019, max: 2020 }),
      government: fc.boolean(),
      day: fc.integer({ min: 1, max: 31 }),
      active: fc.tuple(...activeCells.map((x) => value(x.c.kind))),
      outcomes: fc.array(
        fc.array(fc.nat({ max: 40 }), {
          minLength: outcomeRows.length,
          maxLength: outcomeRows.length,
        }),
        {
          minLength: typedColumns.length,
          maxLength: typedColumns.length,
        },
      ),
      carryover: fc.array(fc.nat({ max: 20 }), {
        minLength: typedColumns.length,
        maxLength: typedColumns.length,
      }),
      carriedShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: typedColumns.length,
        maxLength: typedColumns.length,
      }),
      appeals: fc.array(fc.nat({ max: 10 }), { minLength: 12, maxLength: 12 }),
      notices: fc.nat({ max: 5 }),
      mentionBoth: fc.boolean(),
    })
    .map((v) => {
      const report = emptyReport(formatId, {
        organization: "某县某部门",
        year: v.year,
        isPeoplesGovernment: v.government,
        issuedDate: `${v.year + 1}-01-${String(v.day).padStart(2, "0")}`,
      });
      activeCells.forEach(({ t, r, c }, i) => (report.tables[t.id][r.key][c.key] = v.active[i]));
      typedColumns.forEach((column, c) => {
        let handled = 0;
        outcomeRows.forEach((row, r) => {
          report.tables.requests[row.key][column.key] = v.outcomes[c][r];
          handled += v.outcomes[c][r];
        });
        const carried = Math.floor(v.carriedShare[c] * (handled + v.carryover[c]));
        report.tables.requests.carried[column.key] = carried;
        report.tables.requests.carryover[column.key] = v.carryover[c];
        report.tables.requests.new[column.key] = handled + v.carryover[c] - carried;
      });
      setAppeals(report, v.appeals);
      const withTotals = computeTotals(report);
      const received = withTotals.tables.requests.new.total as number;
      const carried = withTotals.tables.requests.carried.total as number;
      const stated = v.mentionBoth ? received + carried : received;
      return {
        ...withTotals,
        preface: `本报告中所列数据的统计期限自${v.year}年1月1日起至${v.year}年12月31日止。`,
        narratives: {
          s1:
            `${v.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。全年共收到政府信息公开申请${stated}件，均按时答复。` +
            (v.government ? "政务公开工作纳入工作考核，开展社会评议，未发生责任追究情形。" : ""),
          s2: "",
          s3: "",
          s4: "",
          s5: PROBLEMS,
          s6:
            formatId === "2021"
              ? `${v.year}年发出收费通知${v.notices}件，金额${v.notices * 100}元，实际收取金额${v.notices * 100}元。`
              : "无。",
        },
        fees:
          formatId === "2021"
            ? {
                notices: v.notices,
                noticeAmount: String(v.notices * 100),
                collected: String(v.notices * 100),
              }
            : { notices: null, noticeAmount: null, collected: null },
      };
    });
}

function setAppeals(report: ReportContent, values: number[]): void {
  const keys = ["rc", "ld", "la"].flatMap((p) =>
    ["upheld", "corrected", "other", "pending"].map((o) => `${p}_${o}`),
  );
  keys.forEach((key, i) => (report.tables.appeals.row[key] = values[i]));
}

describe("a consistent report (property)", () => {
  for (const formatId of ["2021", "2019"] as const) {
    it(`never yields an error (${formatId} format)`, () => {
      fc.assert(
        fc.property(consistentReport(formatId), (report) => {
          for (const complete of [false, true]) {
            expect(validate(report, { complete }).filter((f) => f.severity === "error")).toEqual(
              [],
            );
          }
          // Nor a warning about the figures it states.
          expect(validate(report).filter((f) => f.rule === "X5")).toEqual([]);
        }),
        { numRuns: 80 },
      );
    });
  }
});
