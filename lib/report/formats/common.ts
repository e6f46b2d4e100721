import type { ColumnSpec, RowSpec, SectionSpec, SumRule, TableSpec } from "../spec-types";

/** Parts that the 2021 and 2019 formats share, word for word. */

export const SECTION_TITLES = {
  s1: "总体情况",
  s2: "主动公开政府信息情况",
  s3: "收到和处理政府信息公开申请情况",
  s4: "政府信息公开行政复议、行政诉讼情况",
  s5: "存在的主要问题及改进情况",
  s6: "其他需要报告的事项",
} as const;

const LEGAL_PERSON = "法人或其他组织";

export const REQUEST_COLUMNS: ColumnSpec[] = [
  { key: "natural", label: "自然人", kind: "count" },
  { key: "commercial", label: "商业企业", kind: "count", groups: [LEGAL_PERSON] },
  { key: "research", label: "科研机构", kind: "count", groups: [LEGAL_PERSON] },
  { key: "nonprofit", label: "社会公益组织", kind: "count", groups: [LEGAL_PERSON] },
  { key: "legal", label: "法律服务机构", kind: "count", groups: [LEGAL_PERSON] },
  { key: "other", label: "其他", kind: "count", groups: [LEGAL_PERSON] },
  { key: "total", label: "总计", kind: "count", computed: { rule: "A2" } },
];

const RESULTS = "三、本年度办理结果";
const WITHHELD = "（三）不予公开";
const UNAVAILABLE = "（四）无法提供";
const NOT_PROCESSED = "（五）不予处理";
export const OTHER_PROCESSING = "（六）其他处理";

/** Rows of 三 before （六）. */
const REQUEST_ROWS_HEAD: RowSpec[] = [
  { key: "new", label: "一、本年新收政府信息公开申请数量" },
  { key: "carried", label: "二、上年结转政府信息公开申请数量" },
  { key: "r1", label: "（一）予以公开", groups: [RESULTS] },
  {
    key: "r2",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    groups: [RESULTS],
  },
  { key: "r3_1", label: "1.属于国家秘密", groups: [RESULTS, WITHHELD] },
  { key: "r3_2", label: "2.其他法律行政法规禁止公开", groups: [RESULTS, WITHHELD] },
  { key: "r3_3", label: "3.危及“三安全一稳定”", groups: [RESULTS, WITHHELD] },
  { key: "r3_4", label: "4.保护第三方合法权益", groups: [RESULTS, WITHHELD] },
  { key: "r3_5", label: "5.属于三类内部事务信息", groups: [RESULTS, WITHHELD] },
  { key: "r3_6", label: "6.属于四类过程性信息", groups: [RESULTS, WITHHELD] },
  { key: "r3_7", label: "7.属于行政执法案卷", groups: [RESULTS, WITHHELD] },
  { key: "r3_8", label: "8.属于行政查询事项", groups: [RESULTS, WITHHELD] },
  { key: "r4_1", label: "1.本机关不掌握相关政府信息", groups: [RESULTS, UNAVAILABLE] },
  { key: "r4_2", label: "2.没有现成信息需要另行制作", groups: [RESULTS, UNAVAILABLE] },
  { key: "r4_3", label: "3.补正后申请内容仍不明确", groups: [RESULTS, UNAVAILABLE] },
  { key: "r5_1", label: "1.信访举报投诉类申请", groups: [RESULTS, NOT_PROCESSED] },
  { key: "r5_2", label: "2.重复申请", groups: [RESULTS, NOT_PROCESSED] },
  { key: "r5_3", label: "3.要求提供公开出版物", groups: [RESULTS, NOT_PROCESSED] },
  { key: "r5_4", label: "4.无正当理由大量反复申请", groups: [RESULTS, NOT_PROCESSED] },
  {
    key: "r5_5",
    label: "5.要求行政机关确认或重新出具已获取信息",
    groups: [RESULTS, NOT_PROCESSED],
  },
];

/** Rows of 三 after （六）. */
const REQUEST_ROWS_TAIL: RowSpec[] = [
  { key: "r7_total", label: "（七）总计", groups: [RESULTS], computed: { rule: "A3" } },
  { key: "carryover", label: "四、结转下年度继续办理" },
];

const REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

export function requestsTable(otherProcessingRows: RowSpec[]): TableSpec {
  return {
    id: "requests",
    caption: "",
    rowHeader: "",
    note: REQUESTS_NOTE,
    columnsHeader: "申请人情况",
    rows: [...REQUEST_ROWS_HEAD, ...otherProcessingRows, ...REQUEST_ROWS_TAIL],
    columns: REQUEST_COLUMNS,
    // The rule printed in the table's corner: 一 + 二 = （七）总计 + 四.
    balance: { rule: "A1", left: ["new", "carried"], right: ["r7_total", "carryover"] },
    carryOver: { rule: "X1", row: "carried", previousRow: "carryover" },
  };
}

const APPEAL_OUTCOMES = [
  { key: "upheld", label: "结果维持", short: "维持" },
  { key: "corrected", label: "结果纠正", short: "纠正" },
  { key: "other", label: "其他结果", short: "其他" },
  { key: "pending", label: "尚未审结", short: "未结" },
  { key: "total", label: "总计", short: "总计" },
] as const;

function appealColumns(prefix: string, groups: string[], totalRule: SumRule): ColumnSpec[] {
  return APPEAL_OUTCOMES.map((o) => ({
    key: `${prefix}_${o.key}`,
    label: o.label,
    short: o.short,
    kind: "count" as const,
    groups,
    computed: o.key === "total" ? { rule: totalRule } : undefined,
  }));
}

const LITIGATION = "行政诉讼";

/** 四: one row of 15 numbers. Prefixes: rc 行政复议, ld 未经复议直接起诉, la 复议后起诉. */
export const APPEALS_TABLE: TableSpec = {
  id: "appeals",
  caption: "",
  rowHeader: "",
  rows: [{ key: "row", label: "" }],
  columns: [
    ...appealColumns("rc", ["行政复议"], "A4"),
    ...appealColumns("ld", [LITIGATION, "未经复议直接起诉"], "A5"),
    ...appealColumns("la", [LITIGATION, "复议后起诉"], "A6"),
  ],
};

export const ACTIVE_CAPTION = {
  "20.1": "第二十条第（一）项",
  "20.5": "第二十条第（五）项",
  "20.6": "第二十条第（六）项",
  "20.8": "第二十条第（八）项",
  "20.9": "第二十条第（九）项",
} as const;

export const ROW_HEADER_ACTIVE = "信息内容";

const GUIDANCE_S1 = [
  "主动公开：本年度主动公开政府信息的数量、渠道和重点领域。",
  "依申请公开：收到和办理政府信息公开申请的总体情况。",
  "政府信息管理：公开审查、规范性文件清理、不予公开信息的定期评估。",
  "政府信息公开平台建设：政府网站、政务新媒体、公开专栏等平台的建设情况。",
  "监督保障：组织领导、制度建设、培训、考核与监督。",
];
export const GUIDANCE_PEOPLES_GOVERNMENT =
  "人民政府的报告还应包括工作考核、社会评议和责任追究结果情况。";

export function narrativeSection(
  key: "s1" | "s5" | "s6",
  ordinal: string,
  guidance: string[],
): SectionSpec {
  return { key, ordinal, title: SECTION_TITLES[key], kind: "narrative", tables: [], guidance };
}

export function tableSection(
  key: "s2" | "s3" | "s4",
  ordinal: string,
  tables: TableSpec[],
  guidance: string[],
): SectionSpec {
  return { key, ordinal, title: SECTION_TITLES[key], kind: "tables", tables, guidance };
}

export const GUIDANCE = {
  s1: GUIDANCE_S1,
  s2: [
    "按第二十条各项填写本年度主动公开的规章、规范性文件、行政许可、行政处罚、行政强制和行政事业性收费情况。",
  ],
  s3: ["按申请人类别填写本年新收、上年结转、办理结果和结转下年度的申请数量。", REQUESTS_NOTE],
  s4: ["填写以政府信息公开为由提起的行政复议、行政诉讼的数量及结果。"],
  s5: ["本年度政府信息公开工作存在的主要问题和改进措施。", "上一年度报告所列问题的整改情况。"],
};
