import type { ReportContent } from "@/lib/report/content";
import { readFeeText } from "@/lib/report/fee-statement";
import { getFormat } from "@/lib/report/formats";
import { parseCellInput } from "@/lib/report/parse-value";

/**
 * Section 六's statement of information-processing fees (国办函〔2020〕109号) written from the
 * structured fee fields: `2025年发出收费通知0件，总金额0元，实际收取金额0元。` Parts whose field is
 * blank (or not a number) are left out rather than guessed; null when no part is known.
 * Pure: the exporter and the editor's preview both use it.
 */
export function feeSentence(content: Pick<ReportContent, "meta" | "fees">): string | null {
  const notices = parseCellInput(content.fees.notices, "count");
  const amount = parseCellInput(content.fees.noticeAmount, "amount");
  const collected = parseCellInput(content.fees.collected, "amount");
  const parts: string[] = [];
  if (notices.ok && notices.value !== null) parts.push(`发出收费通知${notices.value}件`);
  if (amount.ok && amount.value !== null)
    parts.push(`${parts.length ? "" : "收费通知"}总金额${amount.value}元`);
  if (collected.ok && collected.value !== null) parts.push(`实际收取金额${collected.value}元`);
  if (parts.length === 0) return null;
  return `${content.meta.year}年${parts.join("，")}。`;
}

/** Whether a text already states the number of fee notices, their amount and the amount collected. */
export function statesFees(text: string): boolean {
  const read = readFeeText(text);
  return read.notices !== null && read.noticeAmountStated && read.collectedStated;
}

/**
 * The text of section 六 as published: the narrative, followed (as its own paragraph) by the fee
 * sentence when the format requires a fee statement and the narrative does not already make one.
 */
export function sectionSixText(content: ReportContent): string {
  const narrative = content.narratives.s6 ?? "";
  if (!getFormat(content.format).requiresFeeStatement || statesFees(narrative)) return narrative;
  const sentence = feeSentence(content);
  if (!sentence) return narrative;
  // A section that says only `无` says nothing the fee sentence would contradict: it replaces it.
  return /^\s*(?:无[。.]?)?\s*$/.test(narrative)
    ? sentence
    : `${narrative.replace(/\s+$/, "")}\n${sentence}`;
}
