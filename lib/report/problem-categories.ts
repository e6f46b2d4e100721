import { RULES, type Finding, type RuleId } from "./rules";

/**
 * The plain words a finding is listed under. Users fix 表格不平衡 or 未填写, not "A1" or "V1": the rule
 * id and its catalogue description stay available as a details tooltip for reviewers.
 */
export const PROBLEM_CATEGORIES = {
  unfilled: "未填写",
  unbalanced: "表格不平衡",
  invalidValue: "数字写法不对",
  previousYear: "与上年不一致",
  textVsTable: "文字与表格不一致",
  repeated: "与上年文字重复",
  wrongYear: "年份不对",
  documentNumber: "文号写法不规范",
  missingContent: "缺少应说明的内容",
  closing: "落款与成文日期",
  format: "格式不符",
} as const;

export type ProblemCategory = keyof typeof PROBLEM_CATEGORIES;

/** Every rule of the catalogue has its category: a rule added without one does not type-check. */
export const RULE_CATEGORY: Record<RuleId, ProblemCategory> = {
  S1: "format",
  S2: "unfilled",
  S3: "format",
  S4: "format",
  S5: "format",
  V1: "invalidValue",
  V2: "invalidValue",
  V3: "unfilled",
  V4: "missingContent",
  V5: "unfilled",
  V6: "closing",
  A1: "unbalanced",
  A2: "unbalanced",
  A3: "unbalanced",
  A4: "unbalanced",
  A5: "unbalanced",
  A6: "unbalanced",
  X1: "previousYear",
  X2: "previousYear",
  X3: "missingContent",
  X4: "missingContent",
  X5: "textVsTable",
  X6: "missingContent",
  X7: "closing",
  X8: "repeated",
  X9: "wrongYear",
  X10: "documentNumber",
};

/**
 * A finding's category. A value rule (V1, V2) on cells that are all blank is the submission gate's
 * "未填写", not a wrongly written number.
 */
export function categoryOf(
  finding: Finding,
  isBlank: (target: string) => boolean = () => false,
): ProblemCategory {
  const category = RULE_CATEGORY[finding.rule];
  if (category === "invalidValue" && finding.cells.length > 0 && finding.cells.every(isBlank))
    return "unfilled";
  return category;
}

/** The details a reviewer may want behind a category: the rule id and its catalogue description. */
export function ruleDetails(rule: RuleId): string {
  return `规则 ${rule}：${RULES[rule].description}`;
}
