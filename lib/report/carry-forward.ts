import { computeTotals } from "./compute-totals";
import type { ReportContent } from "./content";
import { META_FIELDS } from "./fields";
import { getFormat } from "./formats";

const CARRIED_FIELDS = META_FIELDS.filter((f) => f.carriesForward).map((f) => f.key);

/**
 * 以上年报告为基础: this year's draft starts from last year's report. Requests still open at the end of
 * last year (四、结转下年度继续办理) are this year's 二、上年结转, column by column; the contact details
 * carry over. Last year's texts are not copied — the editor offers them as a starting point, since
 * assessments deduct points for repeating last year's report (X8).
 */
export function carryForward(previous: ReportContent, next: ReportContent): ReportContent {
  const draft = structuredClone(next);
  const requests = getFormat(draft.format)
    .sections.flatMap((s) => s.tables)
    .find((t) => t.id === "requests")!;
  for (const column of requests.columns) {
    if (column.computed) continue;
    const carried = previous.tables.requests?.carryover?.[column.key];
    if (carried !== undefined) draft.tables.requests.carried[column.key] = carried;
  }
  for (const field of CARRIED_FIELDS)
    if (previous.meta[field])
      (draft.meta as unknown as Record<string, unknown>)[field] = previous.meta[field];
  return computeTotals(draft);
}
