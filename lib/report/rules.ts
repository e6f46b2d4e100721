/**
 * The consistency rules of docs/format.md: ids, severities and what each checks. One entry per rule;
 * the editor, the server, the importer, the exporter and the CLI all read findings against it.
 */

export type Severity = "error" | "warning";

export type RuleId =
  | "S1"
  | "S2"
  | "S3"
  | "S4"
  | "S5"
  | "V1"
  | "V2"
  | "V3"
  | "V4"
  | "V5"
  | "V6"
  | "A1"
  | "A2"
  | "A3"
  | "A4"
  | "A5"
  | "A6"
  | "X1"
  | "X2"
  | "X3"
  | "X4"
  | "X5"
  | "X6"
  | "X7"
  | "X8"
  | "X9"
  | "X10";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Chinese, naming the section/table, row and column and the numbers involved. */
  message: string;
  /** Cell ids (`requests.new.total`), narrative keys (`narrative.s6`), `fees.notices`, `meta.issuedDate`, … */
  cells: string[];
}

export interface RuleInfo {
  /** Severity of the rule's findings; V2 also has a warning form (more than 4 decimal places). */
  severity: Severity;
  /** Short Chinese description. */
  description: string;
  /** Who reports it: `validate` (structured content) or `import` (only an imported document can break it). */
  checkedBy: "validate" | "import";
}

export const RULES: Record<RuleId, RuleInfo> = {
  S1: { severity: "error", checkedBy: "import", description: "缺少六个部分中的某一部分" },
  S2: {
    severity: "error",
    checkedBy: "validate",
    description: "缺少规定的表格，或表格中没有任何数字",
  },
  S3: {
    severity: "warning",
    checkedBy: "import",
    description: "行、列或标题的文字与规定格式不一致",
  },
  S4: {
    severity: "error",
    checkedBy: "validate",
    description: "使用的格式与报告年度不符（2021年及以后用2021年格式，2019—2020年用2019年格式）",
  },
  S5: { severity: "error", checkedBy: "import", description: "表格某一行的单元格数量不对" },
  V1: {
    severity: "error",
    checkedBy: "validate",
    description: "件数不是0或正整数（2019年格式的“本年增/减”可为负数），或提交时未填写",
  },
  V2: {
    severity: "error",
    checkedBy: "validate",
    description: "金额为负数或不是数字（错误）；小数超过4位（提醒）",
  },
  V3: { severity: "error", checkedBy: "validate", description: "文字部分（一、五、六）为空" },
  V4: { severity: "warning", checkedBy: "validate", description: "第五部分只写了“无”，或不足50字" },
  V5: {
    severity: "error",
    checkedBy: "validate",
    description: "落款未填写成文日期（提交审核时为错误，草稿中为提醒）",
  },
  V6: {
    severity: "warning",
    checkedBy: "validate",
    description: "落款的发布机关不是机关全称（应以“人民政府”“办事处”“局”“委员会”等结尾）",
  },
  A1: {
    severity: "error",
    checkedBy: "validate",
    description: "第三部分每一列：第一项加第二项之和应等于第三项（七）总计加第四项之和",
  },
  A2: {
    severity: "error",
    checkedBy: "validate",
    description: "第三部分每一行：总计应等于各类申请人之和",
  },
  A3: {
    severity: "error",
    checkedBy: "validate",
    description: "第三部分每一列：（七）总计应等于（一）至（六）各项之和",
  },
  A4: {
    severity: "error",
    checkedBy: "validate",
    description: "第四部分：行政复议总计应等于其四项结果之和",
  },
  A5: {
    severity: "error",
    checkedBy: "validate",
    description: "第四部分：未经复议直接起诉总计应等于其四项结果之和",
  },
  A6: {
    severity: "error",
    checkedBy: "validate",
    description: "第四部分：复议后起诉总计应等于其四项结果之和",
  },
  X1: {
    severity: "warning",
    checkedBy: "validate",
    description: "本年“上年结转”应等于上年报告的“结转下年度继续办理”",
  },
  X2: {
    severity: "warning",
    checkedBy: "validate",
    description: "第二十条第（一）项等与上年报告的数量衔接不上",
  },
  X3: {
    severity: "warning",
    checkedBy: "validate",
    description: "第六部分未说明信息处理费情况（收费通知件数、总金额、实际收取金额）",
  },
  X4: {
    severity: "warning",
    checkedBy: "validate",
    description: "有申请因逾期未缴纳费用不再处理，但第六部分没有发出收费通知",
  },
  X5: {
    severity: "warning",
    checkedBy: "validate",
    description: "文字中的数字与表格或与其自身分项不一致",
  },
  X6: {
    severity: "warning",
    checkedBy: "validate",
    description: "人民政府的报告未说明工作考核、社会评议和责任追究结果情况",
  },
  X7: {
    severity: "warning",
    checkedBy: "validate",
    description: "成文日期晚于发布期限（1月31日；政府本级报告3月31日）",
  },
  X8: { severity: "warning", checkedBy: "validate", description: "文字部分与上年报告重复超过一半" },
  X9: {
    severity: "warning",
    checkedBy: "validate",
    description:
      "文字中作为报告期的年份（统计期限、“某年，我…”、“某年度”）既不是报告年度也不是上年",
  },
  X10: {
    severity: "warning",
    checkedBy: "validate",
    description: "文号使用了【】或[]，应使用六角括号〔〕",
  },
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function finding(
  rule: RuleId,
  message: string,
  cells: string[],
  severity: Severity = RULES[rule].severity,
): Finding {
  return { rule, severity, message, cells };
}
