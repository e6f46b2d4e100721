import { existsSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { DocxReadError, ImportRefusedError } from "@/lib/import/import-bytes";
import type { ImportResult } from "@/lib/import/types";
import type { ReportContent } from "@/lib/report/content";
import type { ImportJob, ImportReply } from "./import-protocol";
import { WorkerPool } from "./worker-pool";

/**
 * Uploaded files are read in two worker threads, never in the server's own: a file built to exhaust the
 * reader (a deep structure, a huge table) costs one worker 256 MB of heap or 15 seconds, and the server
 * keeps answering. Sixteen more uploads may wait for a worker; beyond that the answer is a 503.
 */
export const IMPORT_POOL_LIMITS = {
  workers: 2,
  maxQueue: 16,
  timeoutMs: 15_000,
  heapMb: 256,
} as const;

/** The file name of the bundled worker inside the build folder (scripts/build-import-worker.mjs writes it). */
export const IMPORT_WORKER_BUNDLE = "import-worker.mjs";

/**
 * `next start` runs the worker bundled next to the build (one file, fast to start); anything else — tests,
 * `next dev`, a build made before the worker existed — runs the TypeScript source through tsx. Paths are
 * from the project folder, where both `next start` and the tests run: Next bundles this module, so its
 * own location says nothing about where the sources are.
 */
function workerScript(): string {
  const bundle = path.join(
    process.cwd(),
    process.env.NIANBAO_DIST_DIR || ".next",
    IMPORT_WORKER_BUNDLE,
  );
  if (process.env.NODE_ENV === "production" && existsSync(bundle)) return bundle;
  return path.join(process.cwd(), "lib/workers/import-worker-dev.mjs");
}

class RemoteRefusal extends AppError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// One pool per process, also when Next loads this module once per route bundle.
const POOL_KEY = Symbol.for("nianbao.importPool");
type WithPool = typeof globalThis & { [POOL_KEY]?: WorkerPool };

export function importPool(): WorkerPool {
  const holder = globalThis as WithPool;
  holder[POOL_KEY] ??= new WorkerPool({
    script: workerScript(),
    size: IMPORT_POOL_LIMITS.workers,
    maxQueue: IMPORT_POOL_LIMITS.maxQueue,
    timeoutMs: IMPORT_POOL_LIMITS.timeoutMs,
    resourceLimits: {
      maxOldGenerationSizeMb: IMPORT_POOL_LIMITS.heapMb,
      maxYoungGenerationSizeMb: 32,
    },
    what: "读取文件",
  });
  return holder[POOL_KEY];
}

/** importBytes() in a worker: the same result, or the same refusals (DocxReadError, ImportRefusedError…). */
export async function importInWorker(
  fileName: string,
  bytes: Uint8Array,
  options: { previous?: ReportContent } = {},
): Promise<ImportResult> {
  const job: ImportJob = {
    fileName,
    bytes,
    ...(options.previous ? { previous: options.previous } : {}),
  };
  const reply = (await importPool().run(job)) as ImportReply;
  if (reply.ok) return reply.result;
  if (reply.kind === "docx") throw new DocxReadError(reply.message);
  if (reply.kind === "refused") throw new ImportRefusedError(reply.message);
  if (reply.kind === "refusal") throw new RemoteRefusal(reply.status, reply.message);
  throw new Error(`import worker failed on ${fileName}: ${reply.message}`);
}
