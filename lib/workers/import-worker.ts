// The import worker: reads one uploaded file per message with the pure importer and answers with the
// result, or with the refusal as data (class identity does not cross threads). Run by the pool in
// lib/workers/import-pool.ts — bundled into the build's folder for `next start`, through tsx otherwise.
import { parentPort } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { DocxReadError, importBytes, ImportRefusedError } from "@/lib/import/import-bytes";
import type { ImportJob, ImportReply } from "./import-protocol";

function refusalOf(error: unknown): ImportReply {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DocxReadError)
    return { ok: false, kind: "docx", status: error.status, message };
  if (error instanceof ImportRefusedError)
    return { ok: false, kind: "refused", status: error.status, message };
  if (error instanceof AppError)
    return { ok: false, kind: "refusal", status: error.status, message };
  return {
    ok: false,
    kind: "unexpected",
    status: 500,
    message: error instanceof Error ? (error.stack ?? message) : message,
  };
}

const port = parentPort!;
port.on("message", async (job: ImportJob) => {
  let reply: ImportReply;
  try {
    reply = {
      ok: true,
      result: await importBytes(job.fileName, job.bytes, { previous: job.previous }),
    };
  } catch (error) {
    reply = refusalOf(error);
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
