import { expect } from "vitest";
import type { ReportContent } from "@/lib/report/content";
import { validate } from "@/lib/report/validate";
import { toTablesJson } from "../../tables-json";
import type { ImportResult } from "../../types";

const describeFinding = (f: { rule: string; severity: string; message: string }) => `${f.rule}/${f.severity} ${f.message}`;

/**
 * The import of a generated layout says what the content says: every table cell equal (blanks
 * blank), the same unit, year and format, and exactly the findings validate() gives for the
 * content itself — no table, section or arithmetic defect that the source does not have.
 */
export function expectFaithful(result: ImportResult, content: ReportContent): void {
  expect(toTablesJson(result.content)).toEqual(toTablesJson(content));
  expect(result.format).toBe(content.format);
  expect(result.year).toBe(content.meta.year);
  expect(result.findings.map(describeFinding).sort()).toEqual(validate(content).map(describeFinding).sort());
}

/** The narratives as paragraphs, compared without line breaks (a layout may join or split lines). */
export function expectNarratives(result: ImportResult, content: ReportContent): void {
  const flat = (s: string) => s.replace(/\s+/g, "");
  for (const key of ["s1", "s5"] as const) expect(flat(result.sections[key])).toBe(flat(content.narratives[key]));
}
