// Runs readPdf inside a worker_threads Worker (as the import worker pool does): TypeScript through
// tsx's loader, the result or the error's name and message posted back.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: workerData.tsconfig });
const { readPdf } = await import(workerData.module);
try {
  const blocks = await readPdf(new Uint8Array(readFileSync(workerData.pdf)));
  parentPort.postMessage({ ok: true, blocks });
} catch (error) {
  parentPort.postMessage({ ok: false, name: error?.name, message: error?.message });
}
