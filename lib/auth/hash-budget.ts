import { availableParallelism } from "node:os";
import { ServiceUnavailableError } from "@/lib/errors";

/**
 * A global budget for argon2 work in this process. Each hash costs about 50 ms of CPU and 19 MiB, and
 * sign-in is open to anyone: without a bound, a flood of sign-ins (even for unknown accounts, which are
 * hashed too so the timing reveals nothing) would take every core and the memory with it. At most
 * `concurrency` hashes run at once; up to `queue` more wait their turn, and beyond that the request is
 * refused at once (503, try again shortly). A browser that signed in to the account before jumps the
 * queue: a flood from elsewhere does not keep the account's owner out.
 */
const concurrency = Math.max(
  1,
  Number(process.env.NIANBAO_HASH_CONCURRENCY) ||
    Math.max(1, Math.floor(availableParallelism() / 2)),
);
const queueLimit = Math.max(0, Number(process.env.NIANBAO_HASH_QUEUE) || 16 * concurrency);

export const HASH_BUSY_MESSAGE = "登录请求过多，服务器繁忙，请稍后再试。";

let running = 0;
const waiting: { start: () => void; priority: boolean }[] = [];

function next() {
  while (running < concurrency && waiting.length) {
    running += 1;
    waiting.shift()!.start();
  }
}

export async function withHashBudget<T>(
  work: () => Promise<T>,
  options: { priority?: boolean } = {},
): Promise<T> {
  if (running >= concurrency) {
    const priority = Boolean(options.priority);
    // Priority work may overfill the queue (it is rare: browsers that know the account).
    if (!priority && waiting.length >= queueLimit)
      throw new ServiceUnavailableError(HASH_BUSY_MESSAGE, 5);
    await new Promise<void>((start) => {
      const entry = { start, priority };
      if (priority) {
        const firstOrdinary = waiting.findIndex((w) => !w.priority);
        waiting.splice(firstOrdinary < 0 ? waiting.length : firstOrdinary, 0, entry);
      } else {
        waiting.push(entry);
      }
    });
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    running -= 1;
    next();
  }
}

/** For tests and the health of the process: how many hashes run and wait now. */
export function hashBudgetState(): {
  running: number;
  waiting: number;
  concurrency: number;
  queueLimit: number;
} {
  return { running, waiting: waiting.length, concurrency, queueLimit };
}
