import type { FormatSpec } from "../spec-types";
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

/** 国办公开办函〔2021〕30号: reports on 2021 and later. */
export const FORMAT_2021: FormatSpec = {
  id: "2021",
  label: "2021 年版格式",
  source: "国办公开办函〔2021〕30号",
  sourceTitle:
    "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》",
  years: { from: 2021, to: null },
  requiresFeeStatement: true,
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
            { key: "normative", label: "行政规范性文件" },
          ],
          columns: [
            { key: "issued", label: "本年制发件数", kind: "count" },
            { key: "repealed", label: "本年废止件数", kind: "count" },
            { key: "effective", label: "现行有效件数", kind: "count" },
          ],
          // 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数
          continuations: [
            {
              rule: "X2",
              column: "effective",
              terms: [
                { column: "effective", year: "previous", sign: 1 },
                { column: "issued", year: "current", sign: 1 },
                { column: "repealed", year: "current", sign: -1 },
              ],
            },
          ],
        },
        {
          id: "20.5",
          caption: ACTIVE_CAPTION["20.5"],
          rowHeader: ROW_HEADER_ACTIVE,
          rows: [{ key: "licensing", label: "行政许可" }],
          columns: [{ key: "decisions", label: "本年处理决定数量", kind: "count" }],
        },
        {
          id: "20.6",
          caption: ACTIVE_CAPTION["20.6"],
          rowHeader: ROW_HEADER_ACTIVE,
          rows: [
            { key: "penalty", label: "行政处罚" },
            { key: "coercion", label: "行政强制" },
          ],
          columns: [{ key: "decisions", label: "本年处理决定数量", kind: "count" }],
        },
        {
          id: "20.8",
          caption: ACTIVE_CAPTION["20.8"],
          rowHeader: ROW_HEADER_ACTIVE,
          rows: [{ key: "fees", label: "行政事业性收费" }],
          columns: [{ key: "amount", label: "本年收费金额（单位：万元）", kind: "amount" }],
        },
      ],
      GUIDANCE.s2,
    ),
    tableSection(
      "s3",
      "三",
      [
        requestsTable([
          {
            key: "r6_1",
            label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            groups: ["三、本年度办理结果", OTHER_PROCESSING],
          },
          {
            key: "r6_2",
            label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            groups: ["三、本年度办理结果", OTHER_PROCESSING],
          },
          { key: "r6_3", label: "3.其他", groups: ["三、本年度办理结果", OTHER_PROCESSING] },
        ]),
      ],
      GUIDANCE.s3,
    ),
    tableSection("s4", "四", [APPEALS_TABLE], GUIDANCE.s4),
    narrativeSection("s5", "五", GUIDANCE.s5),
    narrativeSection("s6", "六", [
      "必须说明按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况：发出收费通知的件数、总金额，以及实际收取的金额。",
      "可以说明落实年度政务公开工作要点情况、人大代表建议和政协提案办理结果公开情况、创新情况等。",
    ]),
  ],
};
