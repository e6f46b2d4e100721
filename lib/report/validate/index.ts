import type { ReportContent } from "../content";
import type { Finding } from "../rules";
import { checkBalance, checkSums } from "./arithmetic";
import { checkClosing } from "./closing";
import { createContext, type ValidateOptions } from "./context";
import { checkCarriedOver, checkContinuations, checkRepetition } from "./cross-year";
import { checkDeadline, checkFees, checkGovernmentTopics, checkStatedFigures } from "./narrative";
import { checkStatedResults } from "./stated-results";
import { checkFormatMatchesYear, checkTablesPresent } from "./structure";
import { checkCellValues, checkFeeValues, checkNarratives } from "./values";
import { checkDocumentNumbers, checkStatedYears } from "./years";

export type { Finding, RuleId, Severity } from "../rules";
export { RULES } from "../rules";
export type { ValidateOptions } from "./context";

/**
 * Every rule of docs/format.md that structured content can break (S2, S4, V1–V6, A1–A6, X1–X10; S1, S3
 * and S5 concern documents and are reported by the importer). Pure; values are checked as stored,
 * so an imported report's typed totals are checked too. Drafts are lenient: blanks are only errors
 * with `complete` (the submission gate).
 */
export function validate(content: ReportContent, options: ValidateOptions = {}): Finding[] {
  const ctx = createContext(content, options);
  checkFormatMatchesYear(ctx);
  checkTablesPresent(ctx);
  checkCellValues(ctx);
  checkFeeValues(ctx);
  checkBalance(ctx);
  checkSums(ctx);
  checkNarratives(ctx);
  checkFees(ctx);
  checkStatedFigures(ctx);
  checkStatedResults(ctx);
  checkGovernmentTopics(ctx);
  checkDeadline(ctx);
  checkClosing(ctx);
  checkStatedYears(ctx);
  checkDocumentNumbers(ctx);
  const previous = options.previous;
  if (previous) {
    checkCarriedOver(ctx, previous);
    checkContinuations(ctx, previous);
    checkRepetition(ctx, previous);
  }
  return ctx.findings;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
