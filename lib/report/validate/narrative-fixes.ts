import type { ReportContent } from "../content";
import { createContext } from "./context";
import { statedFigureMismatches } from "./narrative";
import { statedResultMismatches, type NarrativeFix } from "./stated-results";

export type { NarrativeFix } from "./stated-results";

/**
 * The X5 findings that one click can settle — a number in the text that the table contradicts, replaced
 * by the table's — each with the message of its finding. Only when the editor asks: validate() stays lean.
 */
export function narrativeFixes(content: ReportContent): NarrativeFix[] {
  const ctx = createContext(content, {});
  return [...statedFigureMismatches(ctx), ...statedResultMismatches(ctx)];
}

/** The text with the fix written, or null when the text no longer holds the number at that place. */
export function applyNarrativeFix(text: string, fix: NarrativeFix): string | null {
  if (text.slice(fix.at, fix.at + fix.numberText.length) !== fix.numberText) return null;
  return text.slice(0, fix.at) + fix.replacement + text.slice(fix.at + fix.numberText.length);
}
