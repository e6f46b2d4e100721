import { decimalPlaces } from "../decimal";
import { FEE_FIELDS } from "../fields";
import { parseCellInput } from "../parse-value";
import { meaningfulText } from "../text-similarity";
import { finding, type RuleId } from "../rules";
import type { CellKind } from "../spec-types";
import type { ValidationContext } from "./context";
import { sectionName } from "./plan";
import { targetId } from "../targets";
import { tableHasNumbers } from "./structure";

/** Amounts (万元) are customarily printed with at most 4 decimal places (many templates say 保留4位小数). */
export const MAX_AMOUNT_DECIMALS = 4;
/** Section 五 under this many characters cannot say what the problems and improvements were (V4). */
export const MIN_PROBLEMS_LENGTH = 50;

const valueRule = (kind: CellKind): RuleId => (kind === "amount" ? "V2" : "V1");

/**
 * V1 / V2 on every cell: what does not parse is an error quoting the raw text; an amount with more
 * than 4 decimals a warning; with `complete`, a blank typed cell of a table that has numbers an error.
 */
export function checkCellValues(ctx: ValidationContext): void {
  const { complete } = ctx.options;
  for (const table of ctx.plan.tables) {
    const checkBlanks = complete && tableHasNumbers(ctx, table);
    for (const cell of table.cells) {
      const problem = ctx.problems[cell.index];
      if (problem) {
        ctx.findings.push(finding(valueRule(cell.kind), `${cell.place}：${problem}`, [cell.id]));
        continue;
      }
      const value = ctx.values[cell.index];
      if (value === null) {
        if (checkBlanks && !cell.computed)
          ctx.findings.push(finding("V1", `${cell.place}未填写`, [cell.id]));
      } else if (
        cell.kind === "amount" &&
        typeof value === "string" &&
        decimalPlaces(value) > MAX_AMOUNT_DECIMALS
      ) {
        ctx.findings.push(
          finding(
            "V2",
            `${cell.place}：“${value}”有${decimalPlaces(value)}位小数，金额最多保留${MAX_AMOUNT_DECIMALS}位小数`,
            [cell.id],
            "warning",
          ),
        );
      }
    }
  }
}

/** V1 / V2 on section 六's structured fee statement. */
export function checkFeeValues(ctx: ValidationContext): void {
  const six = ctx.plan.format.sections.find((s) => s.key === "s6")!;
  for (const field of FEE_FIELDS) {
    const parsed = parseCellInput(ctx.content.fees?.[field.key] ?? null, field.kind);
    if (!parsed.ok) {
      ctx.findings.push(
        finding(valueRule(field.kind), `${sectionName(six)}${field.label}：${parsed.message}`, [
          targetId.fee(field.key),
        ]),
      );
    }
  }
}

function hasFeeFacts(ctx: ValidationContext): boolean {
  const fees = ctx.content.fees;
  return Boolean(fees) && FEE_FIELDS.some((f) => fees[f.key] !== null && fees[f.key] !== "");
}

/** V3: narrative sections (一, 五, 六) must not be empty; V4: 五 must say more than `无`. */
export function checkNarratives(ctx: ValidationContext): void {
  for (const section of ctx.plan.narrativeSections) {
    const text = ctx.content.narratives?.[section.key] ?? "";
    const cell = targetId.narrative(section.key);
    if (!text.trim()) {
      // Section 六 of the 2021 format also consists of the structured fee statement.
      if (section.key === "s6" && hasFeeFacts(ctx)) continue;
      ctx.findings.push(finding("V3", `${sectionName(section)}未填写`, [cell]));
      continue;
    }
    if (section.key !== "s5") continue;
    const said = meaningfulText(text);
    if (said === "无") {
      ctx.findings.push(
        finding("V4", `${sectionName(section)}只写了“无”，应说明存在的主要问题和改进情况`, [cell]),
      );
    } else if (said.length < MIN_PROBLEMS_LENGTH) {
      ctx.findings.push(
        finding(
          "V4",
          `${sectionName(section)}只有${said.length}个字（不足${MIN_PROBLEMS_LENGTH}字），难以说明存在的主要问题和改进情况`,
          [cell],
        ),
      );
    }
  }
}
