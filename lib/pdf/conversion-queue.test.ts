import { describe, expect, it } from "vitest";
import { ServiceUnavailableError } from "@/lib/errors";
import { ConversionQueue } from "./conversion-queue";

/** A job that ends only when the test says so: no timing involved. */
function held() {
  let release!: (value: string) => void;
  const done = new Promise<string>((resolve) => (release = resolve));
  return { release, work: () => done };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("ConversionQueue", () => {
  it("runs at most `concurrency` jobs, each in its own slot, the rest in order as slots free up", async () => {
    const queue = new ConversionQueue<string>({ concurrency: 2, maxQueue: 10, busyMessage: "忙" });
    const jobs = Array.from({ length: 5 }, () => held());
    const started: number[] = [];
    const slots: number[] = [];
    const results = jobs.map((job, i) =>
      queue.run(`k${i}`, (slot) => {
        started.push(i);
        slots.push(slot);
        return job.work();
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect(queue.stats()).toEqual({ running: 2, waiting: 3 });
    jobs[1].release("b");
    await flush();
    expect(started).toEqual([0, 1, 2]);
    // The freed slot is the one the next job runs in: never two jobs in one slot.
    expect(slots[2]).toBe(slots[1]);
    for (const [i, job] of jobs.entries()) job.release(String(i));
    expect(await Promise.all(results)).toEqual(["0", "b", "2", "3", "4"]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses at once (503) beyond the queue, and keeps serving after", async () => {
    const queue = new ConversionQueue<string>({
      concurrency: 1,
      maxQueue: 1,
      busyMessage: "服务器正在生成其他 PDF",
    });
    const first = held();
    const second = held();
    const a = queue.run("a", first.work);
    const b = queue.run("b", second.work);
    await expect(queue.run("c", async () => "c")).rejects.toBeInstanceOf(ServiceUnavailableError);
    first.release("a");
    second.release("b");
    expect(await Promise.all([a, b])).toEqual(["a", "b"]);
    expect(await queue.run("c", async () => "c")).toBe("c");
  });

  it("shares the work of one key between everyone who asks while it is under way", async () => {
    const queue = new ConversionQueue<string>({ concurrency: 1, maxQueue: 0, busyMessage: "忙" });
    const job = held();
    let runs = 0;
    const asks = Array.from({ length: 200 }, () =>
      queue.run("same report, same version", () => {
        runs++;
        return job.work();
      }),
    );
    job.release("pdf");
    expect(new Set(await Promise.all(asks))).toEqual(new Set(["pdf"]));
    expect(runs).toBe(1);
  });

  it("frees the slot when a job fails", async () => {
    const queue = new ConversionQueue<string>({ concurrency: 1, maxQueue: 1, busyMessage: "忙" });
    await expect(
      queue.run("x", async () => Promise.reject(new Error("LibreOffice failed"))),
    ).rejects.toThrow("LibreOffice failed");
    expect(await queue.run("y", async () => "ok")).toBe("ok");
  });
});
