import type { CellValue } from "@/lib/report/content";
import { parseCellInput } from "@/lib/report/parse-value";
import type { CellKind } from "@/lib/report/spec-types";
import { stripArtifacts } from "./text-utils";

/**
 * Whether a table cell holds a value (a number, or a dash standing for "none") rather than a label.
 * `1.属于国家秘密` is a label; `37,438`, `０`, ` 0 `, `-3`, `2387.47225` and `—` are values.
 */
export function isValueText(text: string): boolean {
  const t = compact(text);
  if (t === "") return false;
  return NUMBER.test(t) || DASH.test(t) || figureWithUnit(text) !== null;
}

export function isBlankText(text: string): boolean {
  return compact(text) === "";
}

const NUMBER = /^[+\-−－]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?$/;
const DASH = /^[-—–－―−~～/／]+$/;

function compact(text: string): string {
  return stripArtifacts(text)
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0]+/g, "");
}

/**
 * The stored value of a printed cell, through the project's one cell parser: a number for counts,
 * a decimal string for amounts, null for a blank or a dash. What does not parse is kept as printed,
 * so validate() reports it (V1/V2) instead of the importer dropping it.
 */
export function readCell(raw: string, kind: CellKind): CellValue {
  const text = stripArtifacts(raw);
  // Figures on lines of their own in one cell (`12<br>34`, two Word paragraphs) are two numbers, never
  // 1234: the cell is kept as printed, the lines joined by " / " so that no parser reads one number.
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.filter((line) => isValueText(line)).length > 1) return lines.join(" / ");
  const parsed = parseCellInput(text, kind);
  return parsed.ok ? parsed.value : text.trim();
}

/** A figure printed with a unit in its cell (`3件`, `251000元`, `0.5万元`). */
export interface FigureWithUnit {
  figure: string;
  unit: string;
}

const MONEY_UNITS = new Set(["元", "千元", "万元", "万", "亿元"]);
const WITH_UNIT = /^(.*?\d)(万元|千元|亿元|元|万|人次|件|个|条|项|次|宗|份|家|户|人|篇)$/;

export function figureWithUnit(text: string): FigureWithUnit | null {
  const m = WITH_UNIT.exec(compact(text));
  return m && NUMBER.test(m[1]) ? { figure: m[1], unit: m[2] } : null;
}

/** How a figure with a unit is read into a column: its value, or kept as printed when the units disagree. */
export type UnitReading =
  | { agrees: true; value: CellValue; note: string }
  | { agrees: false; value: string; problem: string };

/**
 * A figure with a unit against its column: a count unit in a count column, or 万元 in a column of
 * 万元, is read as the number (the unit noted). A unit that disagrees with the column (元 in a 万元
 * column, 元 for a count) is never converted: the cell keeps the printed text and the reason is given.
 */
export function readFigureWithUnit(
  found: FigureWithUnit,
  printedText: string,
  kind: CellKind,
  columnLabel: string,
): UnitReading {
  const money = MONEY_UNITS.has(found.unit);
  const columnUnit =
    kind === "amount"
      ? (/单位[:：]?\s*(万元|千元|元|亿元)/.exec(columnLabel.normalize("NFKC"))?.[1] ?? null)
      : "件";
  const unit = found.unit === "万" ? "万元" : found.unit;
  const shown = `“${printedText.trim()}”`;
  if (kind !== "amount" && !money) {
    return {
      agrees: true,
      value: readCell(found.figure, kind),
      note: `单元格印为${shown}，带有单位，已读为${found.figure.replace(/^\+/, "")}`,
    };
  }
  if (kind === "amount" && money && (columnUnit === null || columnUnit === unit)) {
    const value = readCell(found.figure, kind);
    const note =
      columnUnit === null
        ? `单元格印为${shown}，本列未注明单位，已读为${value}，请核对单位`
        : `单元格印为${shown}，带有单位，已读为${value}`;
    return { agrees: true, value, note };
  }
  const raw = printedText.trim();
  if (kind !== "amount") {
    return {
      agrees: false,
      value: raw,
      problem: `单元格印为${shown}，本列是件数，单位“${found.unit}”与本列不符，未读入数字，请核对后填写`,
    };
  }
  if (!money) {
    return {
      agrees: false,
      value: raw,
      problem: `单元格印为${shown}，本列是金额（${columnUnit}），单位“${found.unit}”与本列不符，未读入数字，请核对后填写`,
    };
  }
  const converted = convertMoney(found.figure, unit, columnUnit!);
  return {
    agrees: false,
    value: raw,
    problem: `单元格印为${shown}，单位“${unit}”与本列的单位“${columnUnit}”不同${converted ? `（折合${converted}${columnUnit}）` : ""}，未自动换算，请核对后填写`,
  };
}

const MONEY_EXPONENT: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** `251000` 元 in 万元 → `25.1`: the decimal point moved, exactly (no floating point). */
function convertMoney(figure: string, from: string, to: string): string | null {
  const shift = (MONEY_EXPONENT[from] ?? NaN) - (MONEY_EXPONENT[to] ?? NaN);
  const plain = figure.replace(/[,，]/g, "").replace(/^\+/, "");
  if (!Number.isFinite(shift) || !/^\d+(?:\.\d+)?$/.test(plain)) return null;
  const [int, frac = ""] = plain.split(".");
  let digits = int + frac;
  let point = int.length + shift;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const rest = digits.slice(point).replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : whole;
}
