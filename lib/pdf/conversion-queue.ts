import { ServiceUnavailableError } from "@/lib/errors";

/**
 * At most `concurrency` conversions at once, each in its own slot (0 … concurrency − 1), up to
 * `maxQueue` more waiting their turn in order, and any further one refused at once (503, try again
 * shortly) — so 200 clicks on 下载 PDF start one or two LibreOffice processes, not 200. Work with the
 * same key already waiting or running is shared: 200 clicks on the same report make one PDF.
 */
export interface QueueOptions {
  concurrency: number;
  maxQueue: number;
  /** What the refusal says. */
  busyMessage: string;
}

export class ConversionQueue<T> {
  private readonly free: number[];
  private readonly waiting: ((slot: number) => void)[] = [];
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(private readonly options: QueueOptions) {
    this.free = Array.from({ length: Math.max(1, options.concurrency) }, (_, i) => i).reverse();
  }

  /** Runs `work` in a free slot in its turn, or joins the same key's work already queued or running. */
  run(key: string, work: (slot: number) => Promise<T>): Promise<T> {
    const shared = this.inFlight.get(key);
    if (shared) return shared;
    if (this.free.length === 0 && this.waiting.length >= this.options.maxQueue) {
      return Promise.reject(new ServiceUnavailableError(this.options.busyMessage, 10));
    }
    const job = this.slot().then(async (slot) => {
      try {
        return await work(slot);
      } finally {
        this.inFlight.delete(key);
        const next = this.waiting.shift();
        // The slot passes straight to the next in line, or back to the free list.
        if (next) next(slot);
        else this.free.push(slot);
      }
    });
    this.inFlight.set(key, job);
    return job;
  }

  /** Conversions running and waiting now. */
  stats(): { running: number; waiting: number } {
    return { running: this.options.concurrency - this.free.length, waiting: this.waiting.length };
  }

  private slot(): Promise<number> {
    const slot = this.free.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise<number>((start) => this.waiting.push(start));
  }
}
