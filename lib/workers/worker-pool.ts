import { Worker, type ResourceLimits } from "node:worker_threads";
import { PayloadTooLargeError, ServiceUnavailableError, UnprocessableError } from "@/lib/errors";

export interface WorkerPoolOptions {
  /** The worker's script (an ES module); it posts `{ ready: true }` once loaded, then answers each message with one. */
  script: string;
  /** Workers at most; each runs one job at a time. */
  size: number;
  /** Jobs that may wait for a worker; one more is refused (503). */
  maxQueue: number;
  /** Wall-clock time a job may run before its worker is terminated and replaced. */
  timeoutMs: number;
  /** V8 heap limits of each worker: a job that needs more kills its worker only. */
  resourceLimits: ResourceLimits;
  /** What the refusals say the work is (“读取文件”). */
  what: string;
}

interface Job {
  input: unknown;
  resolve: (output: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

const STARTUP_MS = 60_000;

/**
 * A few worker threads that run jobs one at a time each, with a bounded queue in front. A job that runs
 * past its time or out of its heap costs its worker (terminated, replaced by a fresh one on demand),
 * never the process that owns the pool.
 */
export class WorkerPool {
  private idle: Slot[] = [];
  private live = 0;
  private queue: Job[] = [];

  constructor(private readonly options: WorkerPoolOptions) {}

  run(input: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const job = { input, resolve, reject };
      const slot = this.idle.pop() ?? (this.live < this.options.size ? this.spawn() : null);
      if (slot) void this.start(slot, job);
      else if (this.queue.length < this.options.maxQueue) this.queue.push(job);
      else
        reject(
          new ServiceUnavailableError(
            `服务器正忙（同时${this.options.what}的请求过多），请稍后再试。`,
            5,
          ),
        );
    });
  }

  /** Workers alive now and jobs waiting (for tests and the health of the pool). */
  stats(): { live: number; idle: number; queued: number } {
    return { live: this.live, idle: this.idle.length, queued: this.queue.length };
  }

  /** Stop every worker (tests; a process that is ending anyway need not). */
  async close(): Promise<void> {
    const idle = this.idle.splice(0);
    await Promise.all(idle.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    this.live++;
    const worker = new Worker(this.options.script, { resourceLimits: this.options.resourceLimits });
    // The pool must not keep a CLI or a test process alive.
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`worker did not start within ${STARTUP_MS} ms: ${this.options.script}`)),
        STARTUP_MS,
      );
      const onMessage = (message: unknown) => {
        if ((message as { ready?: boolean } | null)?.ready !== true) return;
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onFailure).off("exit", onFailure);
        resolve();
      };
      const onFailure = (error: unknown) => {
        clearTimeout(timer);
        reject(
          error instanceof Error
            ? error
            : new Error(`worker exited with code ${String(error)} before it was ready`),
        );
      };
      worker.on("message", onMessage).once("error", onFailure).once("exit", onFailure);
    });
    return { worker, ready };
  }

  private async start(slot: Slot, job: Job): Promise<void> {
    try {
      await slot.ready;
    } catch (error) {
      this.retire(slot);
      job.reject(error);
      return;
    }
    const { worker } = slot;
    let settled = false;
    const finish = (outcome: { output: unknown } | { error: unknown }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if ("error" in outcome) {
        this.retire(slot);
        job.reject(outcome.error);
      } else {
        this.release(slot);
        job.resolve(outcome.output);
      }
    };
    const seconds = Math.round(this.options.timeoutMs / 1000);
    const megabytes = this.options.resourceLimits.maxOldGenerationSizeMb;
    const timer = setTimeout(
      () =>
        finish({
          error: new UnprocessableError(
            `${this.options.what}超过 ${seconds} 秒仍未完成，已停止。文件可能过大或结构异常。`,
          ),
        }),
      this.options.timeoutMs,
    );
    const onMessage = (output: unknown) => finish({ output });
    const onError = (error: Error & { code?: string }) =>
      finish({
        error:
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new PayloadTooLargeError(
                `${this.options.what}所需内存超过上限（${megabytes} MB），已停止。文件可能过大或结构异常。`,
              )
            : error,
      });
    const onExit = (code: number) =>
      finish({ error: new Error(`worker exited with code ${code}`) });
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage(job.input);
  }

  /** A worker that finished its job takes the next one waiting, or waits itself. */
  private release(slot: Slot): void {
    const next = this.queue.shift();
    if (next) void this.start(slot, next);
    else this.idle.push(slot);
  }

  /** A worker that failed, ran out of time or of heap is ended; a waiting job gets a fresh one. */
  private retire(slot: Slot): void {
    this.live--;
    void slot.worker.terminate();
    const next = this.queue.shift();
    if (next) void this.start(this.spawn(), next);
  }
}
