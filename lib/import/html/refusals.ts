import { ImportRefusedError } from "../import-refused-error";
import { tableTooLarge } from "../grid";
import { HTML_LIMITS } from "./limits";

/** The Chinese refusals of the HTML reader, each naming the file and what to do instead. */
function who(fileName: string | undefined): string {
  return fileName ? `${fileName}：` : "";
}

export const refuse = {
  tooLarge: (fileName: string | undefined, chars: number) =>
    new ImportRefusedError(
      `${who(fileName)}网页有 ${(chars / 10_000).toFixed(0)} 万个字符，超过 ${HTML_LIMITS.maxChars / 10_000} 万个字符的上限，无法读取；请只保存年度报告正文所在的页面，或提供 DOCX。`,
    ),
  tableTooLarge: (fileName: string | undefined, ordinal: number) =>
    new ImportRefusedError(`${who(fileName)}${tableTooLarge(`网页中第 ${ordinal} 个表格`)}`),
  tooManyPositions: (fileName: string | undefined) =>
    new ImportRefusedError(
      `${who(fileName)}网页中的表格合计超过 ${HTML_LIMITS.maxDocumentPositions} 格，远超年度报告的规模，无法读取；请只保存年度报告正文所在的页面，或提供 DOCX。`,
    ),
};
