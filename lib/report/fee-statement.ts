import type { FeeFacts } from "./content";
import { parseCellInput } from "./parse-value";
import type { CellKind } from "./spec-types";
import { CHINESE_DIGITS as CN_DIGITS } from "./chinese-number";

/**
 * Section 六's fee statement (国办函〔2020〕109号): how many fee notices were issued, their total
 * amount, and the amount actually collected — from the structured fields, or else read from the text
 * (`2022年发出收费通知0件，实际收取金额0元。`).
 */
export interface FeeStatement {
  /** Number of notices issued, null when not stated. */
  notices: number | null;
  /** Whether their total amount is stated (implied when no notice was issued). */
  noticeAmountStated: boolean;
  collectedStated: boolean;
}

/** 0–99 in digits or Chinese numerals (零, 三, 十二, 二十五). */
function readCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (text in CN_DIGITS) return CN_DIGITS[text];
  if (!m || !m[2]) return null;
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

const NUM = "(\\d+|[零〇一二两三四五六七八九十]+)";
const AMOUNT = "(?:\\d[\\d,，]*(?:\\.\\d+)?|零)\\s*(?:万)?元";
const STOP = "[^。；;，,\\d]";

const NOTICES_AFTER = new RegExp(`收费通知(?:书|单)?${STOP}{0,8}?${NUM}\\s*(?:件|份|次|个)`);
const NOTICES_BEFORE = new RegExp(`${NUM}\\s*(?:件|份)(?:信息处理费)?(?:的)?收费通知`);
const NO_NOTICES =
  /(?:未|没有|无|不存在)[^。；;，,]{0,10}?收费通知|收费通知(?:书|单)?[^。；;，,]{0,4}?(?:为零|为0)/;
const COLLECTED = new RegExp(
  `(?:收取|收缴|缴纳|征收)(?:了|的)?(?:信息处理费|处理费|费用|金额|费)?(?:金额|总额)?(?:为|共|共计|合计)?\\s*${AMOUNT}`,
);
const NOT_COLLECTED = /(?:未|没有|无|不|并未|均未)(?:实际)?(?:收取|收缴|征收)/;
const NOTICE_AMOUNT = new RegExp(
  `(?:总金额|金额|总额|共计|合计)(?:为|共|共计|合计)?\\s*${AMOUNT}`,
  "g",
);

/** Read a fee statement from section 六's text alone. */
export function readFeeText(text: string): FeeStatement {
  let notices: number | null = null;
  const after = NOTICES_AFTER.exec(text) ?? NOTICES_BEFORE.exec(text);
  if (after) notices = readCount(after[1]);
  if (notices === null && NO_NOTICES.test(text)) notices = 0;
  let noticeAmountStated = notices === 0;
  if (!noticeAmountStated) {
    for (const m of text.matchAll(NOTICE_AMOUNT)) {
      // 实际收取金额N元 is the amount collected, not the notices' amount.
      const before = text.slice(Math.max(0, m.index - 4), m.index);
      if (!/收取|收缴|缴纳|征收/.test(before)) {
        noticeAmountStated = true;
        break;
      }
    }
  }
  return {
    notices,
    noticeAmountStated,
    collectedStated: COLLECTED.test(text) || NOT_COLLECTED.test(text),
  };
}

/** The fee statement of a report: structured fields where filled, the text of 六 otherwise. */
export function readFeeStatement(text: string, fees: FeeFacts): FeeStatement {
  const fromText = readFeeText(text);
  const structured = (key: keyof FeeFacts, kind: CellKind) => {
    const parsed = parseCellInput(fees[key], kind);
    return parsed.ok ? parsed.value : null;
  };
  const notices = structured("notices", "count") as number | null;
  const noticeCount = notices ?? fromText.notices;
  return {
    notices: noticeCount,
    noticeAmountStated:
      noticeCount === 0 ||
      structured("noticeAmount", "amount") !== null ||
      fromText.noticeAmountStated,
    collectedStated: structured("collected", "amount") !== null || fromText.collectedStated,
  };
}
