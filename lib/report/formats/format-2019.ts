import type { ColumnSpec, ContinuationSpec, FormatSpec } from "../spec-types";
import {
  ACTIVE_CAPTION,
  APPEALS_TABLE,
  GUIDANCE,
  OTHER_PROCESSING,
  ROW_HEADER_ACTIVE,
  narrativeSection,
  requestsTable,
  tableSection,
} from "./common";

const PREVIOUS_COUNT: ColumnSpec = { key: "previous", label: "上一年项目数量", kind: "count" };
const CHANGE: ColumnSpec = { key: "change", label: "本年增/减", kind: "signedCount" };
const DECISIONS: ColumnSpec = { key: "decisions", label: "处理决定数量", kind: "count" };
/** 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减. */
const PROJECTS_CONTINUE: ContinuationSpec = {
  rule: "X2",
  column: "previous",
  terms: [
    { column: "previous", year: "previous", sign: 1 },
    { column: "change", year: "previous", sign: 1 },
  ],
};

/** 国办公开办函〔2019〕60号: reports on 2019 and 2020. */
export const FORMAT_2019: FormatSpec = {
  id: "2019",
  label: "2019 年版格式",
  source: "国办公开办函〔2019〕60号",
  sourceTitle: "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》",
  years: { from: 2019, to: 2020 },
  requiresFeeStatement: false,
  sections: [
    narrativeSection("s1", "一", GUIDANCE.s1),
    tableSection(
      "s2",
      "二",
      [
        {
          id: "20.1",
          caption: ACTIVE_CAPTION["20.1"],
          rowHeader: ROW_HEADER_ACTIVE,
          rows: [
            { key: "rules", label: "规章" },
            { key: "normative", label: "规范性文件" },
          ],
          columns: [
            { key: "made", label: "本年新制作数量", kind: "count" },
            { key: "published", label: "本年新公开数量", kind: "count" },
            { key: "total", label: "对外公开总数量", kind: "count" },
          ],
          // 对外公开总数量 = last year's + 本年新公开数量
          continuations: [
            {
              rule: "X2",
              column: "total",
              terms: [
                { column: "total", year: "previous", sign: 1 },
                { column: "published", year: "current", sign: 1 },
              ],
            },
          ],
        },
        {
          id: "20.5",
          caption: ACTIVE_CAPTION["20.5"],
          rowHeader: ROW_HEADER_ACTIVE,
          rows: [
            { key: "licensing", label: "行政许可" },
            { key: "services", label: "其他对外管理服务事项" },
          ],
          columns: [PREVIOUS_COUNT, CHANGE, DECISIONS],
          continuations: [PROJECTS_CONTINUE],
        },
        {
          id: "20.6",
          caption: ACTIVE_CAPTION["20.6"],
          rowHeader: ROW_HEADER_ACTIVE,
          rows: [
            { key: "penalty", label: "行政处罚" },
            { key: "coercion", label: "行政强制" },
          ],
          columns: [PREVIOUS_COUNT, CHANGE, DECISIONS],
          continuations: [PROJECTS_CONTINUE],
        },
        {
          id: "20.8",
          caption: ACTIVE_CAPTION["20.8"],
          rowHeader: ROW_HEADER_ACTIVE,
          rows: [{ key: "fees", label: "行政事业性收费" }],
          columns: [PREVIOUS_COUNT, CHANGE],
          continuations: [PROJECTS_CONTINUE],
        },
        {
          id: "20.9",
          caption: ACTIVE_CAPTION["20.9"],
          rowHeader: ROW_HEADER_ACTIVE,
          rows: [{ key: "procurement", label: "政府集中采购" }],
          columns: [
            { key: "projects", label: "采购项目数量", kind: "count" },
            { key: "amount", label: "采购总金额", kind: "amount" },
          ],
        },
      ],
      GUIDANCE.s2,
    ),
    tableSection(
      "s3",
      "三",
      [requestsTable([{ key: "r6", label: OTHER_PROCESSING, groups: ["三、本年度办理结果"] }])],
      GUIDANCE.s3,
    ),
    tableSection("s4", "四", [APPEALS_TABLE], GUIDANCE.s4),
    narrativeSection("s5", "五", GUIDANCE.s5),
    narrativeSection("s6", "六", ["可以说明其他需要报告的事项。"]),
  ],
};
