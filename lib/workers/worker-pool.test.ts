import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PayloadTooLargeError, ServiceUnavailableError, UnprocessableError } from "@/lib/errors";
import { WorkerPool, type WorkerPoolOptions } from "./worker-pool";

const script = path.join(import.meta.dirname, "__fixtures__/test-worker.mjs");
const pools: WorkerPool[] = [];
function pool(options: Partial<WorkerPoolOptions> = {}): WorkerPool {
  const created = new WorkerPool({
    script,
    size: 1,
    maxQueue: 1,
    timeoutMs: 10_000,
    resourceLimits: { maxOldGenerationSizeMb: 32 },
    what: "测试",
    ...options,
  });
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

// Starting worker threads takes a while on a busy machine; nothing here is timed.
describe("WorkerPool", { timeout: 30_000 }, () => {
  it("runs jobs in a worker and reuses it", async () => {
    const p = pool();
    expect(await p.run({ value: 1 })).toEqual({ echo: 1 });
    expect(await p.run({ value: 2 })).toEqual({ echo: 2 });
    expect(p.stats()).toEqual({ live: 1, idle: 1, queued: 0 });
  });

  it("a job past its time is refused (422) and its worker replaced; the next job runs", async () => {
    const p = pool({ timeoutMs: 1000 });
    const refused = await p.run({ do: "spin" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnprocessableError);
    expect((refused as Error).message).toBe(
      "测试超过 1 秒仍未完成，已停止。文件可能过大或结构异常。",
    );
    expect(p.stats().live).toBe(0);
    expect(await p.run({ value: "after" })).toEqual({ echo: "after" });
  });

  it("a job that runs out of heap kills its worker only (413), not this process", async () => {
    const p = pool();
    const refused = await p.run({ do: "hog" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PayloadTooLargeError);
    expect((refused as Error).message).toBe(
      "测试所需内存超过上限（32 MB），已停止。文件可能过大或结构异常。",
    );
    expect(await p.run({ value: "still here" })).toEqual({ echo: "still here" });
  });

  it("with every worker busy jobs wait in a bounded queue; one more is refused (503) in Chinese", async () => {
    const p = pool({ size: 1, maxQueue: 1 });
    const channel = new BroadcastChannel("test-worker-release");
    const holding = new Promise((resolve) => (channel.onmessage = resolve));
    const busy = p.run({ do: "hold", value: "first" });
    await holding;
    const waiting = p.run({ value: "second" });
    const refused = await p.run({ value: "third" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect((refused as Error).message).toBe("服务器正忙（同时测试的请求过多），请稍后再试。");
    expect(p.stats()).toEqual({ live: 1, idle: 0, queued: 1 });
    // The first job finishes when released; the waiting one then runs on the same worker.
    channel.postMessage("go");
    channel.close();
    expect(await busy).toEqual({ echo: "first" });
    expect(await waiting).toEqual({ echo: "second" });
    expect(p.stats()).toEqual({ live: 1, idle: 1, queued: 0 });
  });

  it("a script that cannot start fails its job with an error, not a hang", async () => {
    const p = pool({ script: path.join(import.meta.dirname, "__fixtures__/no-such-worker.mjs") });
    await expect(p.run({ value: 1 })).rejects.toThrow();
  });
});
