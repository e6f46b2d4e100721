import { db } from "@/lib/db/client";

/**
 * Failed attempts counted in PostgreSQL, per (kind, key, minute) — no Redis needed (documenso's approach).
 * A key is blocked while the attempts of the last `windowMs` reach `limit`; it frees itself as the
 * oldest minutes leave the window.
 */
export interface ThrottleRule {
  kind: string;
  limit: number;
  windowMs: number;
}

const MINUTE = 60_000;

/** Ten wrong passwords for one account in fifteen minutes. */
export const SIGN_IN_PER_ACCOUNT: ThrottleRule = { kind: "sign-in:account", limit: 10, windowMs: 15 * MINUTE };
/** Thirty from one address: an office behind one NAT has many honest users, so more than per account. */
export const SIGN_IN_PER_IP: ThrottleRule = { kind: "sign-in:ip", limit: 30, windowMs: 15 * MINUTE };
/** Wrong current passwords when changing one's own password (a borrowed session guessing it). */
export const PASSWORD_CHANGE_PER_USER: ThrottleRule = { kind: "password-change:user", limit: 10, windowMs: 15 * MINUTE };

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterMs: number };

function bucketOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
}

export async function checkThrottle(rule: ThrottleRule, key: string, now = new Date()): Promise<ThrottleState> {
  const buckets = await db().rateLimitBucket.findMany({
    where: { kind: rule.kind, key, bucket: { gt: new Date(now.getTime() - rule.windowMs) } },
    orderBy: { bucket: "asc" },
    select: { bucket: true, count: true },
  });
  let total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (total < rule.limit) return { blocked: false };
  // Free again once enough of the oldest minutes have left the window.
  for (const b of buckets) {
    total -= b.count;
    if (total < rule.limit) return { blocked: true, retryAfterMs: Math.max(1000, b.bucket.getTime() + rule.windowMs - now.getTime()) };
  }
  return { blocked: true, retryAfterMs: rule.windowMs };
}

/** Count one failed attempt; safe under concurrency (insert-if-missing, then an atomic increment). */
export async function recordFailure(rule: ThrottleRule, key: string, now = new Date()): Promise<void> {
  const bucket = bucketOf(now);
  await db().rateLimitBucket.createMany({ data: [{ kind: rule.kind, key, bucket, count: 0 }], skipDuplicates: true });
  await db().rateLimitBucket.update({
    where: { kind_key_bucket: { kind: rule.kind, key, bucket } },
    data: { count: { increment: 1 } },
  });
  // Old minutes are of no further use.
  await db().rateLimitBucket.deleteMany({ where: { kind: rule.kind, key, bucket: { lte: new Date(now.getTime() - rule.windowMs) } } });
}

/** Forget a key's failures (after a successful sign-in for that account). */
export async function clearThrottle(rule: ThrottleRule, key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { kind: rule.kind, key } });
}

export function retryMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / MINUTE));
}
