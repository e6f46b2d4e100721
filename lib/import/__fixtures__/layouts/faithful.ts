import { expect } from "vitest";
import { SECTION_KEYS, type ReportContent } from "@/lib/report/content";
import { validate } from "@/lib/report/validate";
import { toTablesJson } from "../../tables-json";
import type { ImportResult } from "../../types";

/**
 * Errors, and every structural (S) and arithmetic (A) finding about the tables: what a reader's
 * mistake would show as. Warnings about the wording of the narrative (a sub-heading's brackets)
 * describe the source's text, which expectNarratives compares.
 */
const aboutTables = (f: { rule: string; severity: string; cells: string[] }) =>
  f.severity === "error" ||
  (/^[SA]\d/.test(f.rule) &&
    !(f.cells.length > 0 && f.cells.every((c) => c.startsWith("narrative."))));
const describeFinding = (f: { rule: string; severity: string; message: string }) =>
  `${f.rule}/${f.severity} ${f.message}`;

/**
 * The import of a generated layout says what the content says: every table cell equal (blanks
 * blank), the same unit, year and format, and exactly the findings validate() gives for the
 * content itself among errors and structural or arithmetic findings — no table, section or sum
 * defect that the source does not have.
 */
export function expectFaithful(result: ImportResult, content: ReportContent): void {
  expect(toTablesJson(result.content)).toEqual(toTablesJson(content));
  expect(result.format).toBe(content.format);
  expect(result.year).toBe(content.meta.year);
  expect(result.findings.filter(aboutTables).map(describeFinding).sort()).toEqual(
    validate(content).filter(aboutTables).map(describeFinding).sort(),
  );
}

/**
 * The narratives of every section, compared without line breaks (a layout may join or split lines) and
 * without the width of brackets (a converter's `(一)` is read as `（一）`, whichever the source had).
 */
export function expectNarratives(result: ImportResult, content: ReportContent): void {
  const flat = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
  for (const key of SECTION_KEYS) {
    const expected =
      key === "s6" && content.narratives.s6.trim() === "" ? "无。" : content.narratives[key];
    expect(flat(result.sections[key]), key).toBe(flat(expected));
  }
}
