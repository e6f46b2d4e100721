import type { ReportContent } from "@/lib/report/content";
import { webPageCopy } from "./web-page-copy";

export interface RunOnOptions {
  /** Keep the TABs between cells (a copy that lost only its line breaks); otherwise cells are separated by a space. */
  keepTabs?: boolean;
  /** What stands where a paragraph or row ended: a space, or nothing at all. */
  lineBreak?: " " | "";
  /** Keep the line breaks before these lines (section headings): the article on a few lines. */
  breakBefore?: string[];
}

/**
 * A whole article on one line (or a few), as a portal page's text comes when pasted somewhere
 * that drops line breaks: the web-page copy with every line break replaced by a space (or by
 * nothing), and the TABs between cells kept or turned into spaces.
 */
export function runOnArticle(
  content: ReportContent,
  { keepTabs = false, lineBreak = " ", breakBefore = [] }: RunOnOptions = {},
): string {
  const lines = webPageCopy(content).split(/\n+/);
  let text = "";
  for (const line of lines) {
    const keep = breakBefore.includes(line);
    const cells = keepTabs ? line : line.replace(/\t+/g, " ").trim();
    if (cells === "") continue;
    text += text === "" ? cells : `${keep ? "\n" : lineBreak}${cells}`;
  }
  return text;
}

/**
 * Each paragraph and table row on its own line, cells separated by one space: what copying from
 * many PDF viewers gives. A blank cell leaves no trace, so only reports without blanks come back whole.
 */
export function spaceSeparatedRows(content: ReportContent): string {
  return webPageCopy(content)
    .split("\n")
    .map((line) => line.replace(/\t+/g, " ").trim())
    .join("\n");
}
