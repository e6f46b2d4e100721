import { CHINESE_DIGITS as CN_DIGITS } from "@/lib/report/chinese-number";

/** String helpers shared by the readers and the matcher. */

const BOOKMARK = /\[bookmark:[^\]]*\]/gi;
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;

/** Remove artefacts of Word-to-text conversion that can sit anywhere, even inside a number. */
export function stripArtifacts(text: string): string {
  return text.replace(BOOKMARK, "").replace(INVISIBLE, "");
}

/** Collapse all whitespace (including the ideographic space) to single spaces and trim. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, " ").trim();
}

/** Remove every kind of whitespace. */
export function noSpace(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, "");
}

const NON_WORD = /[^\p{Script=Han}\p{L}\p{N}]+/gu;

/**
 * The comparison key of a label: NFKC (full-width brackets, colons and digits become half-width),
 * without whitespace, punctuation or quotes, and with the variant 其它 read as 其他.
 * `（二）部分公开（区分处理的，…）` and `(二) 部分公开(区分处理的, …)` have the same key.
 */
export function labelKey(text: string): string {
  return stripArtifacts(text).normalize("NFKC").replace(NON_WORD, "").replace(/其它/g, "其他");
}

/** The key of a label with its parenthesised remarks removed (`本年收费金额（单位：万元）` → `本年收费金额`). */
export function labelKeyWithoutRemarks(text: string): string {
  const plain = stripArtifacts(text).normalize("NFKC");
  // Keep a leading ordinal in brackets ((二)部分公开 …) but drop later bracketed remarks.
  const lead = /^\s*\(\s*[一二三四五六七八九十\d]{1,3}\s*\)/.exec(plain)?.[0] ?? "";
  const rest = plain.slice(lead.length).replace(/\([^()]*\)?/g, "");
  return labelKey(lead + rest);
}

/** A key without a leading ordinal (`1属于国家秘密` → `属于国家秘密`, `七总计` → `总计`). */
export function withoutOrdinal(key: string): string {
  return key.replace(/^(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?=\p{Script=Han})/u, "");
}

/** Length of the longest common subsequence (strings here are short labels). */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const prev = new Uint16Array(b.length + 1);
  const cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] =
        ca === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : cur[j - 1] > prev[j] ? cur[j - 1] : prev[j];
    }
    prev.set(cur);
  }
  return prev[b.length];
}

/** Similarity of two keys in [0, 1]: common subsequence over the longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 0 : lcsLength(a, b) / longer;
}

/** Whether the characters of `needle` occur in `haystack` in order. */
export function isSubsequence(needle: string, haystack: string): boolean {
  let j = 0;
  for (let i = 0; i < haystack.length && j < needle.length; i++) if (haystack[i] === needle[j]) j++;
  return j === needle.length;
}

/** Label as quoted in a message: as printed, whitespace collapsed. */
export function printed(text: string): string {
  return squash(stripArtifacts(text).replace(/\n/g, ""));
}

/** 一 → 1, 十二 → 12, 二十一 → 21; digit strings as numbers; null if not an ordinal. */
export function ordinalValue(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[〇零一二两三四五六七八九十]+$/.test(text)) return null;
  const ten = text.indexOf("十");
  if (ten < 0) return text.length === 1 ? (CN_DIGITS[text] ?? null) : null;
  const tens = ten === 0 ? 1 : (CN_DIGITS[text[0]] ?? 0);
  const units = ten === text.length - 1 ? 0 : (CN_DIGITS[text[text.length - 1]] ?? 0);
  return tens * 10 + units;
}

/** 二〇二一 → 2021 (digit-by-digit Chinese year). */
export function chineseYearValue(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  if (!/^[〇零○Ｏ一二三四五六七八九]{4}$/.test(text)) return null;
  let n = 0;
  for (const ch of text) n = n * 10 + (CN_DIGITS[ch] ?? 0);
  return n;
}
