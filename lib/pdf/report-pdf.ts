import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { ServiceUnavailableError } from "@/lib/errors";
import { ConversionQueue } from "./conversion-queue";
import { ConversionFailedError, docxToPdf, sofficeBinary } from "./libreoffice";

/**
 * 下载 PDF: the report's DOCX converted by LibreOffice on this server, through one process-wide queue
 * (NIANBAO_PDF_CONCURRENCY converters at once, default one per two cores and at most two;
 * NIANBAO_PDF_QUEUE waiting, default 20; NIANBAO_PDF_TIMEOUT_MS per conversion, default 60 s).
 */
const concurrency = Math.max(
  1,
  Number(process.env.NIANBAO_PDF_CONCURRENCY) ||
    Math.min(2, Math.max(1, Math.floor(availableParallelism() / 2))),
);
const maxQueue = Math.max(0, Number(process.env.NIANBAO_PDF_QUEUE) || 20);
const timeoutMs = Math.max(5_000, Number(process.env.NIANBAO_PDF_TIMEOUT_MS) || 60_000);

export const PDF_BUSY_MESSAGE =
  "服务器正在生成其他 PDF，请稍后再试，或在预览页点击“打印 / 存为 PDF”。";
export const PDF_UNAVAILABLE_MESSAGE =
  "本服务器未安装 LibreOffice，不能生成 PDF。请打开“预览”，点击“打印 / 存为 PDF”，在打印对话框中选择“另存为 PDF”（或“Microsoft Print to PDF”）。";

const queue = new ConversionQueue<Buffer>({ concurrency, maxQueue, busyMessage: PDF_BUSY_MESSAGE });

/** Whether this server can make PDFs (LibreOffice installed); the preview page asks before offering the button. */
export function pdfConversionAvailable(): boolean {
  return sofficeBinary() !== null;
}

/**
 * The PDF of a DOCX. `key` names what the DOCX was made from (the report and its version): clicks for
 * the same thing while it is being converted share one conversion.
 */
export async function reportPdf(key: string, docx: () => Promise<Uint8Array>): Promise<Buffer> {
  if (!pdfConversionAvailable()) throw new ServiceUnavailableError(PDF_UNAVAILABLE_MESSAGE, 3600);
  const id = createHash("sha256").update(key).digest("hex");
  try {
    return await queue.run(id, async (slot) => docxToPdf(await docx(), { slot, timeoutMs }));
  } catch (error) {
    if (error instanceof ConversionFailedError) {
      console.error(`PDF conversion failed: ${error.message}`);
      throw new ServiceUnavailableError(
        "生成 PDF 失败（LibreOffice 未能完成转换），请稍后再试，或在预览页点击“打印 / 存为 PDF”。",
        30,
      );
    }
    throw error;
  }
}

export function pdfQueueStats(): { running: number; waiting: number } {
  return queue.stats();
}
