import fc from "fast-check";
import { computeTotals } from "@/lib/report/compute-totals";
import { allTables, type ReportContent } from "@/lib/report/content";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { getFormat } from "@/lib/report/formats";
import type { FormatId } from "@/lib/report/spec-types";

/**
 * A consistent report with random figures: every typed cell drawn (counts small or large, amounts
 * with up to 4 decimals, 2019's 增/减 of either sign), 一 chosen so that A1 holds in every column,
 * and every total computed — so validate() finds no error in it. The text is fullReport's.
 */
export function randomReport(formatId: FormatId): fc.Arbitrary<ReportContent> {
  const format = getFormat(formatId);
  const cells = allTables(format).flatMap((table) =>
    table.rows.flatMap((row) =>
      table.columns.filter(() => !row.computed).map((column) => ({ table, row, column })),
    ),
  );
  const count = fc.oneof(
    { arbitrary: fc.nat({ max: 9 }), weight: 3 },
    { arbitrary: fc.nat({ max: 400 }), weight: 1 },
  );
  const amount = fc
    .tuple(fc.nat({ max: 5000 }), fc.nat({ max: 9999 }))
    .map(([i, f]) =>
      f === 0 ? String(i) : `${i}.${String(f).padStart(4, "0").replace(/0+$/, "")}`,
    );
  return fc
    .tuple(
      ...cells.map((c) =>
        c.column.kind === "amount"
          ? amount
          : c.column.kind === "signedCount"
            ? fc.integer({ min: -20, max: 20 })
            : count,
      ),
    )
    .map((values) => {
      const report = structuredClone(fullReport(formatId));
      cells.forEach((c, i) => {
        if (c.column.computed) return;
        report.tables[c.table.id][c.row.key][c.column.key] = values[i];
      });
      const withTotals = computeTotals(report);
      // 一 = （七）总计 + 四 − 二 in every column (A1); 二 lowered where that would go negative.
      const requests = withTotals.tables.requests;
      for (const column of Object.keys(requests.new)) {
        if (column === "total") continue;
        const handled = Number(requests.r7_total[column]);
        const carryover = Number(requests.carryover[column]);
        const carried = Math.min(Number(requests.carried[column]), handled + carryover);
        requests.carried[column] = carried;
        requests.new[column] = handled + carryover - carried;
      }
      return computeTotals(withTotals);
    });
}
