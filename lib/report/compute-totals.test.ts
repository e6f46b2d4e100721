import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeTotals } from "./compute-totals";
import { emptyReport, type CellValue, type ReportContent } from "./content";
import { fullReport } from "./__fixtures__/full-report";
import { withCell } from "./__fixtures__/edit";
import { getFormat } from "./formats";
import { listCells } from "./cells";
import type { FormatId } from "./spec-types";
import { validate } from "./validate";

const blank = () => emptyReport("2021", { organization: "某区", year: 2022 });

describe("computeTotals", () => {
  it("fills 总计 of every row of 三 with the six applicant columns (A2)", () => {
    let r = withCell(blank(), "requests.new.natural", 3);
    r = withCell(r, "requests.new.legal", 2);
    const out = computeTotals(r);
    expect(out.tables.requests.new.total).toBe(5);
    expect(out.tables.requests.carried.total).toBeNull();
  });

  it("fills （七）总计 with every outcome row, column by column (A3), and its 总计", () => {
    let r = withCell(blank(), "requests.r1.natural", 4);
    r = withCell(r, "requests.r3_8.natural", 1);
    r = withCell(r, "requests.r6_3.commercial", 2);
    const out = computeTotals(r);
    expect(out.tables.requests.r7_total.natural).toBe(5);
    expect(out.tables.requests.r7_total.commercial).toBe(2);
    expect(out.tables.requests.r7_total.research).toBeNull();
    expect(out.tables.requests.r7_total.total).toBe(7);
    // 一, 二 and 四 are not outcome rows.
    expect(
      computeTotals(withCell(blank(), "requests.carryover.natural", 9)).tables.requests.r7_total
        .natural,
    ).toBeNull();
  });

  it("fills the three 总计 of 四 (A4–A6)", () => {
    let r = withCell(blank(), "appeals.row.rc_upheld", 1);
    r = withCell(r, "appeals.row.rc_pending", 2);
    r = withCell(r, "appeals.row.la_other", 4);
    const out = computeTotals(r).tables.appeals.row;
    expect(out.rc_total).toBe(3);
    expect(out.ld_total).toBeNull();
    expect(out.la_total).toBe(4);
  });

  it("uses the 2019 format's single （六）其他处理 row", () => {
    let r = emptyReport("2019", { organization: "某街道", year: 2020 });
    r = withCell(r, "requests.r6.natural", 2);
    r = withCell(r, "requests.r1.natural", 1);
    expect(computeTotals(r).tables.requests.r7_total.natural).toBe(3);
  });

  it("leaves a total blank when a cell it sums is not a number", () => {
    let r = withCell(blank(), "requests.r1.natural", "abc");
    r = withCell(r, "requests.r2.natural", 1);
    const out = computeTotals(r).tables.requests;
    expect(out.r1.total).toBeNull();
    expect(out.r7_total.natural).toBeNull();
    expect(out.r7_total.total).toBeNull();
    expect(out.r2.total).toBe(1);
    // The raw text stays where it was typed.
    expect(out.r1.natural).toBe("abc");
  });

  it("overwrites stale totals, reads typed text, and does not change its input", () => {
    const r = withCell(withCell(blank(), "requests.new.total", 99), "requests.new.natural", "１２");
    const before = structuredClone(r);
    const out = computeTotals(r);
    expect(out.tables.requests.new.total).toBe(12);
    expect(r).toEqual(before);
    expect(out).not.toBe(r);
  });

  it("reproduces the totals of a consistent report", () => {
    const full = fullReport("2021");
    expect(computeTotals(full)).toEqual(full);
  });
});

/** Random typed cells (blank, numbers, now and then typed text) for every non-computed cell of 三 and 四. */
function arbitraryTyped(formatId: FormatId): fc.Arbitrary<ReportContent> {
  const typed = listCells(formatId).filter(
    (c) => !c.computed && (c.tableId === "requests" || c.tableId === "appeals"),
  );
  const value: fc.Arbitrary<CellValue> = fc.oneof(
    { weight: 6, arbitrary: fc.nat({ max: 500 }) },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.nat({ max: 500 }).map((n) => String(n)) },
  );
  return fc.array(value, { minLength: typed.length, maxLength: typed.length }).map((values) => {
    const report = emptyReport(formatId, {
      organization: "某区",
      year: formatId === "2021" ? 2022 : 2020,
    });
    typed.forEach((c, i) => (report.tables[c.tableId][c.rowKey][c.columnKey] = values[i]));
    // Stale totals of any value must not survive.
    for (const c of listCells(formatId))
      if (c.computed) report.tables[c.tableId][c.rowKey][c.columnKey] = 12345;
    return report;
  });
}

describe("computeTotals (property)", () => {
  for (const formatId of ["2021", "2019"] as const) {
    it(`always satisfies A2–A6 (${formatId} format)`, () => {
      const requests = getFormat(formatId).sections[2].tables[0];
      fc.assert(
        fc.property(arbitraryTyped(formatId), (report) => {
          const out = computeTotals(report);
          const findings = validate(out).filter((f) =>
            ["A2", "A3", "A4", "A5", "A6"].includes(f.rule),
          );
          expect(findings).toEqual([]);
          // And directly: every row's 总计 is the sum of its applicant columns.
          for (const row of requests.rows) {
            const cells = requests.columns
              .filter((c) => !c.computed)
              .map((c) => out.tables.requests[row.key][c.key]);
            const numbers = cells.filter((v) => v !== null).map(Number);
            expect(out.tables.requests[row.key].total).toBe(
              numbers.length ? numbers.reduce((a, b) => a + b, 0) : null,
            );
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});
