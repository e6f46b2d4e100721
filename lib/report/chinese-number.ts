/** The value of each Chinese digit a report writes, 〇 and 两 included. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters a count can be written with in a report: Arabic digits or Chinese numerals (十二, 一百零五). */
export const COUNT_PATTERN = "\\d+|[零〇一二两三四五六七八九十百千]+";

/**
 * `13`, `十三`, `一百零五` → the number; null for text that is not a well-formed count below 10000
 * (`千千`, `十十`), so that a word that merely contains a numeral is never read as a figure.
 */
export function parseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) {
      if (digit !== null && CHINESE_DIGITS[ch] !== 0 && digit !== 0) return null;
      digit = CHINESE_DIGITS[ch];
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return null;
    total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
    if (Number.isNaN(total)) return null;
    lastUnit = unit;
    digit = null;
  }
  if (digit !== null) {
    // `二三` is not a count; a trailing digit after 零 or a unit is.
    if (lastUnit === Infinity && text.length > 1) return null;
    total += digit;
  }
  return text.length > 0 ? total : null;
}
