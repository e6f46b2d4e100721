import { chineseDate } from "./chinese-date";

const SEPARATED = /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date as people type it — `2026年1月20日`, `2026-01-20`, `2026/1/20`, `2026.1.20`, `20260120`,
 * in full-width digits too — as `yyyy-mm-dd`; null when it is not a real calendar date. The app's date
 * fields take text, so that they read the same whatever language the browser is set to.
 */
export function parseDateInput(text: string): string | null {
  const normal = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－／．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = SEPARATED.exec(normal) ?? COMPACT.exec(normal);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  return chineseDate(iso) ? iso : null;
}
