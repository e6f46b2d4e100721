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
  return NUMBER.test(t) || DASH.test(t);
}

export function isBlankText(text: string): boolean {
  return compact(text) === "";
}

const NUMBER = /^[+\-−－]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?$/;
const DASH = /^[-—–－―−~～/／]+$/;

function compact(text: string): string {
  return stripArtifacts(text).normalize("NFKC").replace(/[\s\u3000\u00a0]+/g, "");
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
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  if (lines.filter((line) => isValueText(line)).length > 1) return lines.join(" / ");
  const parsed = parseCellInput(text, kind);
  return parsed.ok ? parsed.value : text.trim();
}
