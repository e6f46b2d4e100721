import type { ReportContent } from "@/lib/report/content";
import type { Finding } from "@/lib/report/rules";
import { validate } from "@/lib/report/validate";
import { keepValidatedFinding } from "../keep-validated";

export interface ImportedForCheck {
  content: ReportContent;
  /** The importer's own findings (S1, S2 for a missing table, S3, S5). */
  documentFindings: Finding[];
  year: number | null;
}

/**
 * An imported report's findings checked again with last year's report known, so the cross-year rules
 * (X1, X2, X8) run: the importer's own findings, then validate()'s minus those the importer covers.
 */
export function findingsWithPrevious(
  report: ImportedForCheck,
  previous: ReportContent | null,
): Finding[] {
  const validated = validate(report.content, { previous }).filter(
    keepValidatedFinding(report.documentFindings, report.year !== null),
  );
  return [...report.documentFindings, ...validated];
}
