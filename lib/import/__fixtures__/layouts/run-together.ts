import type { ReportContent } from "@/lib/report/content";
import { webPageCopy } from "./web-page-copy";

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Table rows whose figures stand side by side with nothing between them, as copying a PDF table
 * often gives (`一、本年新收政府信息公开申请数量130000013`): each paragraph and row on its own line,
 * the row's label parts separated by a space and the figures glued to the label and to each other.
 * A blank cell leaves no trace. Only arithmetic (the totals) can tell where one figure ends.
 */
export function runTogetherRows(content: ReportContent): string {
  return webPageCopy(content)
    .split("\n")
    .map((line) => {
      if (!line.includes("\t")) return line.trim();
      let out = "";
      for (const field of line
        .split("\t")
        .map((f) => f.trim())
        .filter((f) => f !== "")) {
        const glue = NUMBER.test(field) || out === "" ? "" : " ";
        out += glue + field;
      }
      return out;
    })
    .join("\n");
}
