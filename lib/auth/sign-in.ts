import { recordAudit, recordAuditNow } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { createSession } from "./sessions";
import { checkThrottle, clearThrottle, recordFailure, retryMinutes, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_IP, type ThrottleState } from "./throttle";

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; error: string; retryAfterSeconds?: number };

// Verifying against a real hash even for an unknown account keeps both answers equally slow,
// so the timing does not tell which accounts exist.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0aMz5qN+oHAz8y9Y2gSGy1Hc0HEu5JXxL1LMIj6v6Ew";

export const WRONG_CREDENTIALS = "账号或密码不正确。";

export function throttledMessage(retryAfterMs: number): string {
  return `登录失败次数过多，请 ${retryMinutes(retryAfterMs)} 分钟后再试。`;
}

/** The account as a throttle key: case and surrounding spaces do not make a new one. */
function accountKey(account: string): string {
  return account.trim().toLowerCase();
}

/**
 * Sign in with account and password. Failed attempts are counted per account and per address; once
 * either reaches its limit, further attempts are refused before any password is checked, with how long
 * to wait. Every outcome is in the audit log.
 */
export async function signIn(account: string, password: string, options: { ip?: string | null; now?: Date } = {}): Promise<SignInResult> {
  const ip = options.ip ?? null;
  const now = options.now ?? new Date();
  const user = await db().user.findUnique({ where: { account }, select: { id: true, account: true, passwordHash: true } });

  const [byAccount, byIp] = await Promise.all([
    checkThrottle(SIGN_IN_PER_ACCOUNT, accountKey(account), now),
    ip ? checkThrottle(SIGN_IN_PER_IP, ip, now) : Promise.resolve<ThrottleState>({ blocked: false }),
  ]);
  const waitMs = Math.max(byAccount.blocked ? byAccount.retryAfterMs : 0, byIp.blocked ? byIp.retryAfterMs : 0);
  if (waitMs > 0) {
    await recordAuditNow({
      action: "SIGN_IN_THROTTLED", actorAccount: account, subjectUserId: user?.id, ip,
      detail: { by: byAccount.blocked ? (byIp.blocked ? "account+ip" : "account") : "ip" },
    });
    return { ok: false, error: throttledMessage(waitMs), retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }

  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid) {
    await Promise.all([
      recordFailure(SIGN_IN_PER_ACCOUNT, accountKey(account), now),
      ip ? recordFailure(SIGN_IN_PER_IP, ip, now) : null,
    ]);
    await recordAuditNow({ action: "SIGN_IN_FAILED", actorAccount: account, subjectUserId: user?.id, ip, detail: { reason: user ? "password" : "account" } });
    return { ok: false, error: WRONG_CREDENTIALS };
  }

  await clearThrottle(SIGN_IN_PER_ACCOUNT, accountKey(account));
  const session = await db().$transaction(async (tx) => {
    const created = await createSession(user.id, tx);
    await recordAudit(tx, { action: "SIGN_IN", actorId: user.id, actorAccount: user.account, subjectUserId: user.id, ip });
    return created;
  });
  return { ok: true, ...session };
}
