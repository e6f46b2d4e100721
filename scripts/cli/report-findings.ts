import { validate, type Finding, type ValidateOptions } from "../../lib/report/validate";
import type { LoadedReport } from "./load-report";

/**
 * Everything the CLI reports about one loaded report: what only the document could show (the
 * importer's S1, S3, S5 …) followed by validate()'s findings, less those the importer already
 * covers. `validate` and `export` both print this, so they never disagree on a file.
 */
export function reportFindings(report: LoadedReport, options: ValidateOptions = {}): Finding[] {
  const validated = validate(report.content, options).filter(report.keepValidated ?? (() => true));
  return [...report.documentFindings, ...validated];
}
