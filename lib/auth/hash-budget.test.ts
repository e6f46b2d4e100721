import { describe, expect, it } from "vitest";
import { ServiceUnavailableError } from "@/lib/errors";
import { hashBudgetState, withHashBudget } from "./hash-budget";

/** Work that finishes only when told to: the test decides the order, no clock involved. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, work: () => done };
}

describe("the argon2 budget", () => {
  it("runs at most `concurrency` at once, queues up to the limit, refuses beyond it, and lets a known browser jump the queue", async () => {
    const { concurrency, queueLimit } = hashBudgetState();
    const order: string[] = [];
    const running = Array.from({ length: concurrency }, () => held());
    const runningDone = running.map((h, i) =>
      withHashBudget(async () => {
        order.push(`run-${i}`);
        await h.work();
      }),
    );
    const queued = Array.from({ length: queueLimit }, () => held());
    const queuedDone = queued.map((h, i) =>
      withHashBudget(async () => {
        order.push(`queued-${i}`);
        await h.work();
      }),
    );
    await Promise.resolve();
    expect(hashBudgetState()).toMatchObject({ running: concurrency, waiting: queueLimit });
    // One more ordinary hash is refused at once (503 with Retry-After)…
    await expect(withHashBudget(async () => "never")).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    // …a known browser's is taken anyway, ahead of the queue.
    const priority = withHashBudget(
      async () => {
        order.push("priority");
        return "in";
      },
      { priority: true },
    );
    running[0].finish();
    expect(await priority).toBe("in");
    expect(order[concurrency]).toBe("priority");
    for (const h of [...running, ...queued]) h.finish();
    await Promise.all([...runningDone, ...queuedDone]);
    expect(hashBudgetState()).toMatchObject({ running: 0, waiting: 0 });
    expect(order.filter((o) => o.startsWith("queued-"))).toEqual(
      queued.map((_, i) => `queued-${i}`),
    );
  });
});
