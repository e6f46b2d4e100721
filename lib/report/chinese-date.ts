/**
 * The one way a calendar date is written for a reader of the report: `2024年1月17日` — Arabic
 * numerals, the full year, no zero padding (GB/T 9704 7.3.5.1 for the 成文日期). The closing,
 * the read-only view, the review panel, the public pages and the validator's messages all use it.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2024-01-17` → `2024年1月17日`; null when the text is not a real ISO date. */
export function chineseDate(iso: string | null | undefined): string | null {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  )
    return null;
  return `${year}年${month}月${day}日`;
}

/** A moment as its calendar date in China Standard Time: `2024年1月17日`. */
export function chineseDateOf(moment: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(moment);
  return chineseDate(parts) ?? "";
}
