import { recordAuditNow } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { knownDevice } from "./device-token";
import { verifyPassword } from "./password";
import { completeSignIn, type CompletedSignIn } from "./complete-sign-in";
import { createPendingSession, deleteSession } from "./sessions";
import {
  checkDelay,
  clearThrottle,
  recordFailure,
  retryPhrase,
  SIGN_IN_FAILURES_PER_ACCOUNT,
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_ADDRESS,
  SIGN_IN_PER_PAIR,
  type DelayRule,
} from "./throttle";

export type SignInResult =
  | ({ ok: true; secondFactor: false } & CompletedSignIn)
  /** The password was right; the two-step code comes next, on /login/verify with this pending session. */
  | { ok: true; secondFactor: true; token: string }
  | { ok: false; error: string; retryAfterSeconds?: number };

// Verifying against a real hash even for an unknown account keeps both answers equally slow,
// so the timing does not tell which accounts exist.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0aMz5qN+oHAz8y9Y2gSGy1Hc0HEu5JXxL1LMIj6v6Ew";

export const WRONG_CREDENTIALS = "账号或密码不正确。";

export function throttledMessage(retryAfterMs: number): string {
  return `登录失败次数过多，${retryPhrase(retryAfterMs)}。`;
}

/** The account as a throttle key: case and surrounding spaces do not make a new one. */
function accountKey(account: string): string {
  return account.trim().toLowerCase();
}

/** A failure count worth an admin's attention: the 5th in the window, then every 10th. */
function isRepeated(failures: number): boolean {
  return failures === 5 || (failures > 0 && failures % 10 === 0);
}

export interface SignInOptions {
  ip?: string | null;
  /** The browser's device cookie (lib/auth/device-token.ts). */
  deviceCookie?: string;
  /** The session cookie the browser still holds: it ends here, whoever signs in (a new session every time). */
  previousToken?: string;
  now?: Date;
}

/**
 * Sign in with account and password. Nothing is ever locked: failures slow down the next attempt of
 * the same (account, address) pair — or, for a browser that has signed in to the account before, of
 * that (account, browser) pair only, so an attacker's failures never slow the owner's own browser.
 * Browsers new to the account also share a gentler per-account delay, and one address trying many
 * accounts a per-address one. A delayed attempt is refused before any password is hashed. Every
 * outcome is in the audit log, and repeated failures on one account get an entry of their own.
 */
export async function signIn(
  account: string,
  password: string,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const ip = options.ip ?? null;
  const now = options.now ?? new Date();
  const key = accountKey(account);
  if (options.previousToken) await deleteSession(options.previousToken);
  const user = await db().user.findUnique({
    where: { account },
    select: { id: true, account: true, passwordHash: true, totpEnabledAt: true },
  });
  const device = user ? knownDevice(options.deviceCookie, user.id, now) : null;

  // Which counters this attempt is measured by, and which its failure adds to.
  const rules: [DelayRule, string][] = device
    ? [[SIGN_IN_PER_PAIR, `${key}|device:${device}`]]
    : [
        [SIGN_IN_PER_PAIR, `${key}|ip:${ip ?? "unknown"}`],
        [SIGN_IN_PER_ACCOUNT, key],
        ...(ip ? [[SIGN_IN_PER_ADDRESS, ip] as [DelayRule, string]] : []),
      ];
  const states = await Promise.all(rules.map(([rule, k]) => checkDelay(rule, k, now)));
  const waitMs = Math.max(0, ...states.map((s) => (s.blocked ? s.retryAfterMs : 0)));
  if (waitMs > 0) {
    await recordAuditNow({
      action: "SIGN_IN_THROTTLED",
      actorAccount: account,
      subjectUserId: user?.id,
      ip,
      detail: {
        by: rules.filter((_, i) => states[i].blocked).map(([rule]) => rule.kind),
        waitSeconds: Math.ceil(waitMs / 1000),
        knownDevice: Boolean(device),
      },
    });
    return {
      ok: false,
      error: throttledMessage(waitMs),
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    };
  }

  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password, {
    priority: Boolean(device),
  });
  if (!user || !valid) {
    await Promise.all(rules.map(([rule, k]) => recordFailure(rule, k, now)));
    await recordAuditNow({
      action: "SIGN_IN_FAILED",
      actorAccount: account,
      subjectUserId: user?.id,
      ip,
      detail: { reason: user ? "password" : "account", knownDevice: Boolean(device) },
    });
    // Failures on the account from every address and browser, for the admin's attention.
    const onAccount = await recordFailure(SIGN_IN_FAILURES_PER_ACCOUNT, key, now);
    if (user && isRepeated(onAccount)) {
      await recordAuditNow({
        action: "SIGN_IN_REPEATED_FAILURES",
        actorAccount: account,
        subjectUserId: user.id,
        ip,
        detail: {
          failures: onAccount,
          windowMinutes: SIGN_IN_FAILURES_PER_ACCOUNT.windowMs / 60_000,
        },
      });
    }
    return { ok: false, error: WRONG_CREDENTIALS };
  }

  await clearThrottle(SIGN_IN_PER_PAIR, rules[0][1]);
  if (user.totpEnabledAt) {
    return { ok: true, secondFactor: true, token: await createPendingSession(user.id, now) };
  }
  return {
    ok: true,
    secondFactor: false,
    ...(await completeSignIn(user, {
      ip,
      deviceCookie: options.deviceCookie,
      method: "password",
      now,
    })),
  };
}
