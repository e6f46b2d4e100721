import { ImportRefusedError } from "../import-bytes";
import type { PdfLimits } from "./limits";

/** The Chinese refusals of the PDF reader, each naming the file and what to provide instead. */
const ASK = "请提供 DOCX 或可复制文字的 PDF";

function who(fileName: string | undefined): string {
  return fileName ? `${fileName}：` : "";
}

const mb = (n: number) => Math.round(n / 1024 / 1024);

export const refuse = {
  tooLarge: (fileName: string | undefined, bytes: number, limits: PdfLimits) =>
    new ImportRefusedError(
      `${who(fileName)}PDF 文件有 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过 ${mb(limits.maxBytes)} MB 的上限，无法读取；请提供 DOCX 或较小的 PDF。`,
    ),
  notPdf: (fileName: string | undefined) =>
    new ImportRefusedError(
      `${who(fileName)}不是有效的 PDF 文件（文件已损坏、不完整或并非 PDF），无法读取；${ASK}。`,
    ),
  encrypted: (fileName: string | undefined) =>
    new ImportRefusedError(
      `${who(fileName)}PDF 已加密（需要密码才能打开），无法读取；请提供未加密的 PDF 或 DOCX。`,
    ),
  tooManyPages: (fileName: string | undefined, pages: number, limits: PdfLimits) =>
    new ImportRefusedError(
      `${who(fileName)}PDF 有 ${pages} 页，超过 ${limits.maxPages} 页的上限，无法读取；请确认这是年度报告，或提供 DOCX。`,
    ),
  tooSlow: (fileName: string | undefined, limits: PdfLimits) =>
    new ImportRefusedError(
      `${who(fileName)}读取 PDF 超过 ${Math.max(0, limits.maxMillis) / 1000} 秒仍未完成，已停止；${ASK}。`,
    ),
  scanned: (fileName: string | undefined) =>
    new ImportRefusedError(`${who(fileName)}这是扫描件（没有文字层），无法读取表格数字；${ASK}。`),
  garbled: (fileName: string | undefined) =>
    new ImportRefusedError(
      `${who(fileName)}PDF 中的文字无法解码（字体缺少字符对应关系，复制出来是乱码），无法读取表格数字；${ASK}。`,
    ),
};
