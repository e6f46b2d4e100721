import type { CellValue } from "./content";
import { numberToDecimalString } from "./decimal";
import type { CellKind } from "./spec-types";

/**
 * The one parser of a typed cell, shared by every input path (form, paste, import, API):
 * counts become numbers, amounts exact decimal strings, blanks null — never guessed as 0.
 */
export type ParseResult =
  { ok: true; value: number | string | null } | { ok: false; message: string };

/** Width-folding of what Chinese input methods and Word produce in place of ASCII digits and signs. */
const FOLD: Record<string, string> = {
  "＋": "+",
  "－": "-",
  "−": "-",
  "﹣": "-",
  "–": "-",
  "．": ".",
  "，": ",",
};
for (let i = 0; i < 10; i++) FOLD[String.fromCharCode(0xff10 + i)] = String(i);

const FOLDABLE = /[０-９＋－−﹣–．，]/g;
/** Spaces of every width (incl. U+3000, NBSP), and zero-width characters pasted from web pages. */
const SPACES = /[\s\u200b-\u200d\u2060\ufeff]/g;
/** What offices write into a cell that has nothing to report: dashes, slashes, 无. */
const BLANK = /^(?:[-—–―─－]+|[/／\\]|无)?$/;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

export const COUNT_HINT = "件数只能填写0或正整数";
export const SIGNED_COUNT_HINT = "本项只能填写整数（减少时填负数）";
export const AMOUNT_HINT = "金额不能为负数";

function fold(text: string): string {
  return text.replace(SPACES, "").replace(FOLDABLE, (ch) => FOLD[ch]);
}

/** `+007.50` → `7.50`, `-0` → `0`, `.5` → `0.5`, `5.` → `5`: sign and leading zeros go, typed decimals stay. */
function normaliseDecimal(text: string): string {
  let sign = "";
  let body = text;
  if (body[0] === "+" || body[0] === "-") {
    sign = body[0] === "-" ? "-" : "";
    body = body.slice(1);
  }
  const dot = body.indexOf(".");
  let int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? "" : body.slice(dot + 1);
  int = int.replace(/^0+(?=\d)/, "") || "0";
  const out = frac ? `${int}.${frac}` : int;
  return /[1-9]/.test(out) ? sign + out : out;
}

function fromNumber(n: number, raw: string, kind: CellKind): ParseResult {
  if (!Number.isFinite(n)) return { ok: false, message: `“${raw}”不是数字` };
  if (kind === "amount") {
    if (n < 0) return { ok: false, message: `“${raw}”是负数，${AMOUNT_HINT}` };
    return { ok: true, value: numberToDecimalString(n) };
  }
  if (!Number.isInteger(n)) {
    return {
      ok: false,
      message: `“${raw}”不是整数，${kind === "count" ? COUNT_HINT : SIGNED_COUNT_HINT}`,
    };
  }
  if (!Number.isSafeInteger(n)) return { ok: false, message: `“${raw}”超出了可以处理的范围` };
  if (kind === "count" && n < 0) return { ok: false, message: `“${raw}”是负数，${COUNT_HINT}` };
  return { ok: true, value: n === 0 ? 0 : n };
}

export function parseCellInput(
  raw: string | number | null | undefined,
  kind: CellKind,
): ParseResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === "number") return fromNumber(raw, String(raw), kind);
  const quoted = raw.trim();
  const text = fold(raw);
  if (BLANK.test(text)) return { ok: true, value: null };
  let plain: string;
  if (PLAIN.test(text)) plain = text;
  else if (GROUPED.test(text)) plain = text.replace(/,/g, "");
  else return { ok: false, message: `“${quoted}”不是数字` };
  const decimal = normaliseDecimal(plain);
  if (kind === "amount") {
    if (decimal.startsWith("-")) return { ok: false, message: `“${quoted}”是负数，${AMOUNT_HINT}` };
    return { ok: true, value: decimal };
  }
  // 3.00 is the whole number 3 (spreadsheets export it so); 1.5 is not.
  const [int, frac = ""] = decimal.split(".");
  if (/[1-9]/.test(frac)) {
    return {
      ok: false,
      message: `“${quoted}”不是整数，${kind === "count" ? COUNT_HINT : SIGNED_COUNT_HINT}`,
    };
  }
  return fromNumber(Number(int), quoted, kind);
}

/**
 * The value to compute with: counts as numbers, amounts as exact decimal strings; null for a blank
 * or for anything that does not parse (validate() reports those).
 */
export function toNumberOrNull(value: CellValue, kind: "count" | "signedCount"): number | null;
export function toNumberOrNull(value: CellValue, kind: "amount"): string | null;
export function toNumberOrNull(value: CellValue, kind: CellKind): number | string | null;
export function toNumberOrNull(value: CellValue, kind: CellKind): number | string | null {
  if (value === null) return null;
  if (
    typeof value === "number" &&
    kind !== "amount" &&
    Number.isSafeInteger(value) &&
    (kind === "signedCount" || value >= 0)
  ) {
    return value;
  }
  const parsed = parseCellInput(value, kind);
  return parsed.ok ? parsed.value : null;
}

/** Whether a stored value is one the user could not have meant as a number (kept raw in a draft). */
export function isUnparseable(value: CellValue, kind: CellKind): boolean {
  return value !== null && !parseCellInput(value, kind).ok;
}

/**
 * A cell as shown in the form, the printed table and messages: `37438`, `2387.47225`; a blank as
 * `blank` (default empty); an unparseable draft value as the raw text the user typed.
 */
export function formatCellValue(
  value: CellValue,
  kind: CellKind,
  options: { blank?: string } = {},
): string {
  const parsed = parseCellInput(value, kind);
  if (!parsed.ok) return String(value);
  return parsed.value === null ? (options.blank ?? "") : String(parsed.value);
}
