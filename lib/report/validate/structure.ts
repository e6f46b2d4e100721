import { formatIdForYear, getFormat } from "../formats";
import { finding } from "../rules";
import type { ValidationContext } from "./context";
import { targetId } from "../targets";
import type { PlannedTable } from "./plan";

export function tableHasNumbers(ctx: ValidationContext, table: PlannedTable): boolean {
  return table.cells.some((c) => {
    const v = ctx.values[c.index];
    return v !== null && v !== undefined;
  });
}

/** S2: a table of 二, 三 or 四 with no numbers at all — one finding per table, not one per cell. */
export function checkTablesPresent(ctx: ValidationContext): void {
  for (const table of ctx.plan.tables) {
    if (tableHasNumbers(ctx, table)) continue;
    ctx.findings.push(
      finding(
        "S2",
        `${table.name}的表格没有填写任何数字`,
        table.cells.filter((c) => !c.computed).map((c) => c.id),
      ),
    );
  }
}

/** S4: 2021 format for reports on 2021 and later, 2019 format for 2019–2020. */
export function checkFormatMatchesYear(ctx: ValidationContext): void {
  const { year } = ctx.content.meta;
  const expected = formatIdForYear(year);
  if (expected === ctx.content.format) return;
  ctx.findings.push(
    finding(
      "S4",
      `${year}年度的报告应使用${getFormat(expected).source}规定的格式，本报告使用的是${ctx.plan.format.source}规定的格式`,
      [targetId.meta("year")],
    ),
  );
}
