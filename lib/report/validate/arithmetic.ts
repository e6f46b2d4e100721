import { compareDecimals, sumDecimals } from "../decimal";
import { finding } from "../rules";
import type { Parsed, ValidationContext } from "./context";
import type { PlannedCell } from "./plan";

type Known = number | string;

/** The parsed values of some cells, or null when any of them is blank or not a number (the equation is skipped). */
function known(ctx: ValidationContext, cells: PlannedCell[]): Known[] | null {
  const out: Known[] = [];
  for (const cell of cells) {
    const v: Parsed = ctx.values[cell.index];
    if (v === null || v === undefined) return null;
    out.push(v);
  }
  return out;
}

function sum(values: Known[]): Known {
  if (values.every((v) => typeof v === "number"))
    return (values as number[]).reduce((a, b) => a + b, 0);
  return sumDecimals(values.map(String));
}

function equal(a: Known, b: Known): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  return compareDecimals(String(a), String(b)) === 0;
}

/** A2 (三 rows), A3 (三 columns), A4–A6 (四): each stated total against the sum of its cells, as stored. */
export function checkSums(ctx: ValidationContext): void {
  for (const eq of ctx.plan.sums) {
    const operands = known(ctx, eq.operands);
    const total = ctx.values[eq.total.index];
    if (!operands || total === null || total === undefined) continue;
    const s = sum(operands);
    if (equal(s, total)) continue;
    const lhs = eq.operandLabels.length
      ? `${eq.operandLabels.map((label, i) => `${label}(${operands[i]})`).join("+")}=${s}`
      : `${eq.operandsName}之和为${s}`;
    ctx.findings.push(
      finding(eq.rule, `${eq.where}：${lhs}，不等于“${eq.totalLabel}”(${total})`, [
        eq.total.id,
        ...eq.operands.map((c) => c.id),
      ]),
    );
  }
}

/** A1: for each column of 三, 一 + 二 = （七）总计 + 四 (the rule printed above the table). */
export function checkBalance(ctx: ValidationContext): void {
  for (const eq of ctx.plan.balance) {
    const cells = [eq.newCell, eq.carriedCell, eq.resultsTotal, eq.carryoverCell];
    const v = known(ctx, cells);
    if (!v) continue;
    const [received, carried, handled, carryover] = v;
    const left = sum([received, carried]);
    const right = sum([handled, carryover]);
    if (equal(left, right)) continue;
    ctx.findings.push(
      finding(
        eq.rule,
        `${eq.where}：第一项(${received})+第二项(${carried})=${left}，不等于第三项${eq.resultsTotalLabel}(${handled})+第四项(${carryover})=${right}`,
        cells.map((c) => c.id),
      ),
    );
  }
}
