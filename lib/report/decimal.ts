/**
 * Exact decimal arithmetic for amounts (万元), which are stored as decimal strings so that
 * 2387.47225 stays 2387.47225: values are scaled to BigInt integers, never binary floats.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d*))?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

function toScaled(value: string): Scaled {
  const m = DECIMAL.exec(value);
  if (!m) throw new Error(`not a decimal: ${value}`);
  const frac = m[3] ?? "";
  const units = BigInt(m[2] + frac);
  return { units: m[1] ? -units : units, scale: frac.length };
}

function rescale(s: Scaled, scale: number): bigint {
  return s.units * 10n ** BigInt(scale - s.scale);
}

function fromScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${int}${scale > 0 ? `.${frac}` : ""}`;
}

/** Whether a string is a plain decimal (`12`, `-3.50`), the form amounts are stored in. */
export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

/** Exact sum of decimal strings; the result keeps the largest number of decimal places among the operands. */
export function sumDecimals(values: readonly string[]): string {
  const scaled = values.map(toScaled);
  const scale = scaled.reduce((max, s) => Math.max(max, s.scale), 0);
  let total = 0n;
  for (const s of scaled) total += rescale(s, scale);
  return fromScaled(total, scale);
}

/** -1, 0 or 1 as a < b, a = b (numerically: `1.50` = `1.5`), a > b. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Number of digits after the decimal point as written (`0.50` → 2). */
export function decimalPlaces(value: string): number {
  const dot = value.indexOf(".");
  return dot < 0 ? 0 : value.length - dot - 1;
}

/**
 * A finite JS number as a plain decimal string without exponent (1e-7 → `0.0000001`), using the
 * shortest representation that round-trips, which is what a person typed into a JSON number.
 */
export function numberToDecimalString(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  if (Object.is(n, -0)) return "0";
  const text = String(n);
  const e = text.indexOf("e");
  if (e < 0) return text;
  const exponent = Number(text.slice(e + 1));
  const mantissa = text.slice(0, e);
  const negative = mantissa.startsWith("-");
  const [int, frac = ""] = (negative ? mantissa.slice(1) : mantissa).split(".");
  const digits = int + frac;
  const point = int.length + exponent;
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? "-" : "") + out;
}
