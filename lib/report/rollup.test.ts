import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listCells } from "./cells";
import { computeTotals } from "./compute-totals";
import { emptyReport } from "./content";
import { withCell } from "./__fixtures__/edit";
import { fullReport } from "./__fixtures__/full-report";
import { SAMPLE_REPORTS } from "./__fixtures__/sample-reports";
import { rollupReports } from "./rollup";
import { validate } from "./validate";

const meta = { organization: "某区（汇总）", year: 2022 };
const blank = () => emptyReport("2021", meta);

describe("rollupReports", () => {
  it("sums every typed cell of the tables, amounts exactly", () => {
    const a = SAMPLE_REPORTS.hulan; // 2021 format, 2387.47225 万元
    const b = fullReport("2021");
    const { content, unreadable } = rollupReports("2021", [a, b], meta);
    expect(unreadable).toEqual([]);
    for (const cell of listCells("2021").filter((c) => !c.computed)) {
      const x = a.tables[cell.tableId][cell.rowKey][cell.columnKey];
      const y = b.tables[cell.tableId][cell.rowKey][cell.columnKey];
      const got = content.tables[cell.tableId][cell.rowKey][cell.columnKey];
      if (cell.kind !== "amount") expect(got).toBe(Number(x) + Number(y));
    }
    expect(content.tables["20.8"].fees.amount).toBe("2507.94445"); // 2387.47225 + 120.4722
    expect(content.tables["20.1"].normative.issued).toBe(32 + 32);
    expect(content.tables.requests.new.natural).toBe(
      13 + (b.tables.requests.new.natural as number),
    );
  });

  it("recomputes the totals of the sum from the typed cells, never adding the reports' stated totals", () => {
    // An imported report may state a wrong total; the sum's total comes from its typed cells.
    const wrong = withCell(SAMPLE_REPORTS.hulan, "requests.new.total", 999);
    const { content } = rollupReports("2021", [wrong, wrong], meta);
    expect(content.tables.requests.new.natural).toBe(26);
    expect(content.tables.requests.new.total).toBe(26);
    expect(content.tables.requests.r7_total.total).toBe(26);
    expect(content.tables.appeals.row.rc_total).toBe(4);
    expect(content.tables.appeals.row.ld_total).toBe(4);
  });

  it("keeps a cell blank only where it is blank in every report", () => {
    const one = withCell(blank(), "requests.new.natural", 2);
    const two = withCell(blank(), "requests.new.natural", null);
    const three = withCell(blank(), "requests.carried.natural", 0);
    const { content } = rollupReports("2021", [one, two, three], meta);
    expect(content.tables.requests.new.natural).toBe(2);
    expect(content.tables.requests.carried.natural).toBe(0);
    expect(content.tables.requests.carried.commercial).toBeNull();
    expect(content.tables["20.8"].fees.amount).toBeNull();
    expect(rollupReports("2021", [], meta).content.tables.requests.new.natural).toBeNull();
  });

  it("reads typed text as the editor does (full-width digits, grouped thousands) and reports what is not a number", () => {
    const one = withCell(
      withCell(blank(), "20.5.licensing.decisions", "１，２００"),
      "20.8.fees.amount",
      "0.5",
    );
    const two = withCell(
      withCell(blank(), "20.5.licensing.decisions", 3),
      "requests.new.natural",
      "十二",
    );
    const { content, unreadable } = rollupReports("2021", [one, two], meta);
    expect(content.tables["20.5"].licensing.decisions).toBe(1203);
    expect(content.tables["20.8"].fees.amount).toBe("0.5");
    expect(content.tables.requests.new.natural).toBeNull();
    expect(unreadable).toEqual([{ part: 1, cell: "requests.new.natural", raw: "十二" }]);
  });

  it("checks the A-rules on the sum: two balanced reports sum balanced, an unbalanced one shows in A1", () => {
    const a = fullReport("2021");
    expect(rollupReports("2021", [a, fullReport("2021")], meta).findings).toEqual([]);
    const unbalanced = withCell(
      a,
      "requests.new.natural",
      (a.tables.requests.new.natural as number) + 5,
    );
    const { findings } = rollupReports("2021", [unbalanced, a], meta);
    // The 自然人 column and, through it, the 总计 column.
    expect(findings.map((f) => f.rule)).toEqual(["A1", "A1"]);
    expect(findings[0].message).toContain("自然人");
    expect(findings[0].cells).toContain("requests.new.natural");
    // Only the arithmetic rules: an empty narrative in the sum is not a finding of the roll-up.
    expect(findings.every((f) => f.rule.startsWith("A"))).toBe(true);
  });

  it("sums the 2019 format, negative 本年增/减 included", () => {
    const a = fullReport("2019");
    const b = withCell(SAMPLE_REPORTS.xinwei, "20.5.services.change", -3);
    const { content, findings } = rollupReports("2019", [a, b], {
      organization: "某区",
      year: 2020,
    });
    expect(content.tables["20.5"].services.previous).toBe(
      (a.tables["20.5"].services.previous as number) + 25,
    );
    expect(content.tables["20.5"].services.change).toBe(
      (a.tables["20.5"].services.change as number) - 3,
    );
    expect(findings).toEqual([]);
  });

  it("refuses reports of another format", () => {
    expect(() => rollupReports("2021", [fullReport("2019")], meta)).toThrow(/2019-format/);
  });

  it("is the cell-wise sum for any reports (property): each typed cell, and the totals computeTotals gives", () => {
    const typed = listCells("2021").filter((c) => !c.computed && c.kind === "count");
    const report = fc
      .array(fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }), {
        minLength: typed.length,
        maxLength: typed.length,
      })
      .map((values) => {
        const r = blank();
        typed.forEach((c, i) => (r.tables[c.tableId][c.rowKey][c.columnKey] = values[i]));
        return r;
      });
    fc.assert(
      fc.property(fc.array(report, { minLength: 1, maxLength: 4 }), (parts) => {
        const { content } = rollupReports("2021", parts, meta);
        for (const c of typed) {
          const values = parts.map((p) => p.tables[c.tableId][c.rowKey][c.columnKey]);
          const expected = values.every((v) => v === null)
            ? null
            : values.reduce<number>((s, v) => s + Number(v ?? 0), 0);
          expect(content.tables[c.tableId][c.rowKey][c.columnKey]).toBe(expected);
        }
        expect(computeTotals(content)).toEqual(content);
        // A2–A6 hold on any sum; A1 is left to the figures.
        expect(validate(content).filter((f) => /^A[2-6]$/.test(f.rule))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
