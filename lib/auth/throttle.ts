import { db } from "@/lib/db/client";

/**
 * Failed attempts counted in PostgreSQL, per (kind, key, minute) — no Redis needed (documenso's approach),
 * each bucket remembering its last failure. Two ways to read them:
 * - a limit (`ThrottleRule`): blocked while the attempts of the window reach it;
 * - a progressive delay (`DelayRule`): after `free` failures, each further attempt must wait longer
 *   after the last failure (doubling up to `maxMs`). Nothing is ever locked outright, so nobody can lock
 *   an account by failing on purpose; guessing just becomes slow.
 */
export interface ThrottleRule {
  kind: string;
  limit: number;
  windowMs: number;
}

export interface DelayRule {
  kind: string;
  /** Failures older than this are forgotten. */
  windowMs: number;
  /** Failures allowed without any wait (typos). */
  free: number;
  /** The wait after the first failure beyond `free`; doubles with each further failure… */
  baseMs: number;
  /** …up to this. */
  maxMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Sign-in, per (account, address) — or per (account, device) for a browser that signed in to the account
 * before: after 3 failures 1 s, then 2, 4 … up to 15 minutes. Only this pair waits.
 */
export const SIGN_IN_PER_PAIR: DelayRule = {
  kind: "sign-in:pair",
  windowMs: 60 * MINUTE,
  free: 3,
  baseMs: SECOND,
  maxMs: 15 * MINUTE,
};
/**
 * Sign-in to one account from browsers it has never been used in, whatever the address: a guesser with
 * many addresses is slowed to one try a minute after 10 failures. Known browsers never wait for this.
 */
export const SIGN_IN_PER_ACCOUNT: DelayRule = {
  kind: "sign-in:account",
  windowMs: 60 * MINUTE,
  free: 10,
  baseMs: SECOND,
  maxMs: MINUTE,
};
/** Every failed sign-in to an account, from anywhere: not a delay, the count an admin is shown. */
export const SIGN_IN_FAILURES_PER_ACCOUNT = {
  kind: "sign-in:failures",
  windowMs: 24 * 60 * MINUTE,
};
/** One address trying many accounts: an office behind one NAT has many honest users, so 30 are free. */
export const SIGN_IN_PER_ADDRESS: DelayRule = {
  kind: "sign-in:ip",
  windowMs: 60 * MINUTE,
  free: 30,
  baseMs: SECOND,
  maxMs: 15 * MINUTE,
};
/** Wrong two-step codes for one account (the password was right): 5 free, then slower and slower. */
export const SECOND_FACTOR_PER_USER: DelayRule = {
  kind: "mfa:user",
  windowMs: 60 * MINUTE,
  free: 5,
  baseMs: 2 * SECOND,
  maxMs: 15 * MINUTE,
};
/** Wrong current passwords when changing one's own password (a borrowed session guessing it). */
export const PASSWORD_CHANGE_PER_USER: ThrottleRule = {
  kind: "password-change:user",
  limit: 10,
  windowMs: 15 * MINUTE,
};

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterMs: number };

function bucketOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
}

async function bucketsOf(kind: string, key: string, windowMs: number, now: Date) {
  return db().rateLimitBucket.findMany({
    where: { kind, key, bucket: { gt: new Date(now.getTime() - windowMs) } },
    orderBy: { bucket: "asc" },
    select: { bucket: true, count: true, lastAt: true },
  });
}

export async function checkThrottle(
  rule: ThrottleRule,
  key: string,
  now = new Date(),
): Promise<ThrottleState> {
  const buckets = await bucketsOf(rule.kind, key, rule.windowMs, now);
  let total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (total < rule.limit) return { blocked: false };
  // Free again once enough of the oldest minutes have left the window.
  for (const b of buckets) {
    total -= b.count;
    if (total < rule.limit)
      return {
        blocked: true,
        retryAfterMs: Math.max(1000, b.bucket.getTime() + rule.windowMs - now.getTime()),
      };
  }
  return { blocked: true, retryAfterMs: rule.windowMs };
}

/** The wait a rule asks for after `failures` failures (0 while they are within the free ones). */
export function delayAfter(rule: DelayRule, failures: number): number {
  if (failures <= rule.free) return 0;
  const doublings = Math.min(failures - rule.free - 1, 30);
  return Math.min(rule.baseMs * 2 ** doublings, rule.maxMs);
}

/** How many failures the window holds for the key, and how long the next attempt must still wait. */
export async function checkDelay(
  rule: DelayRule,
  key: string,
  now = new Date(),
): Promise<ThrottleState & { failures: number }> {
  const buckets = await bucketsOf(rule.kind, key, rule.windowMs, now);
  const failures = buckets.reduce((sum, b) => sum + b.count, 0);
  const last = buckets.reduce((latest, b) => Math.max(latest, b.lastAt.getTime()), 0);
  const wait = last + delayAfter(rule, failures) - now.getTime();
  return wait > 0 ? { blocked: true, retryAfterMs: wait, failures } : { blocked: false, failures };
}

/** Count one failed attempt and return the window's total; safe under concurrency (insert-if-missing, then an atomic increment). */
export async function recordFailure(
  rule: { kind: string; windowMs: number },
  key: string,
  now = new Date(),
): Promise<number> {
  const bucket = bucketOf(now);
  await db().rateLimitBucket.createMany({
    data: [{ kind: rule.kind, key, bucket, count: 0, lastAt: now }],
    skipDuplicates: true,
  });
  await db().rateLimitBucket.update({
    where: { kind_key_bucket: { kind: rule.kind, key, bucket } },
    data: { count: { increment: 1 }, lastAt: now },
  });
  // Old minutes are of no further use.
  await db().rateLimitBucket.deleteMany({
    where: { kind: rule.kind, key, bucket: { lte: new Date(now.getTime() - rule.windowMs) } },
  });
  const total = await db().rateLimitBucket.aggregate({
    where: { kind: rule.kind, key },
    _sum: { count: true },
  });
  return total._sum.count ?? 0;
}

/** Forget a key's failures (after a successful sign-in for that pair). */
export async function clearThrottle(rule: { kind: string }, key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { kind: rule.kind, key } });
}

export function retryMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / MINUTE));
}

/** “请 N 秒后再试” under a minute, “请 N 分钟后再试” from there. */
export function retryPhrase(retryAfterMs: number): string {
  return retryAfterMs < MINUTE
    ? `请 ${Math.max(1, Math.ceil(retryAfterMs / SECOND))} 秒后再试`
    : `请 ${retryMinutes(retryAfterMs)} 分钟后再试`;
}
