import { recordAuditNow } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { completeSignIn, type CompletedSignIn } from "./complete-sign-in";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { deleteSession, findPendingSession } from "./sessions";
import { checkDelay, clearThrottle, recordFailure, SECOND_FACTOR_PER_USER } from "./throttle";
import { throttledMessage } from "./sign-in";
import { acceptedTotpStep, openTotpSecret } from "./totp";

export type SecondFactorResult =
  | ({ ok: true } & CompletedSignIn)
  /** `restart`: the pending sign-in is gone (expired, or never was); back to account and password. */
  | { ok: false; error: string; restart?: boolean; retryAfterSeconds?: number };

export const WRONG_CODE =
  "验证码不正确，请输入验证器应用中当前显示的 6 位数字，或一个未用过的恢复码。";
export const PENDING_EXPIRED = "登录已超时，请重新输入账号和密码。";

/**
 * Step two of signing in: the code from the authenticator app (each time step accepted once — the
 * conditional update on totpLastStep is what makes a replayed code fail, even twice at once), or one
 * of the recovery codes (spent by a conditional update too). Wrong codes slow further tries down.
 * On success the pending session is replaced by a new, full one.
 */
export async function verifySecondFactor(
  pendingToken: string | undefined,
  code: string,
  options: { ip?: string | null; deviceCookie?: string; now?: Date } = {},
): Promise<SecondFactorResult> {
  const now = options.now ?? new Date();
  const ip = options.ip ?? null;
  const pending = await findPendingSession(pendingToken, now.getTime());
  if (!pending) return { ok: false, error: PENDING_EXPIRED, restart: true };
  const key = pending.userId;
  const delay = await checkDelay(SECOND_FACTOR_PER_USER, key, now);
  if (delay.blocked)
    return {
      ok: false,
      error: throttledMessage(delay.retryAfterMs),
      retryAfterSeconds: Math.ceil(delay.retryAfterMs / 1000),
    };

  const user = await db().user.findUniqueOrThrow({
    where: { id: pending.userId },
    select: { id: true, account: true, totpSecret: true, totpLastStep: true },
  });
  let method: "totp" | "recovery-code" | null = null;
  const secret = user.totpSecret ? openTotpSecret(user.totpSecret) : null;
  const step = secret ? acceptedTotpStep(secret, code, user.totpLastStep, now.getTime()) : null;
  if (step !== null) {
    const claimed = await db().user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    if (claimed.count === 1) method = "totp";
  } else if (looksLikeRecoveryCode(code)) {
    const spent = await db().recoveryCode.updateMany({
      where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: now },
    });
    if (spent.count === 1) method = "recovery-code";
  }
  if (!method) {
    await recordFailure(SECOND_FACTOR_PER_USER, key, now);
    await recordAuditNow({
      action: "SECOND_FACTOR_FAILED",
      actorAccount: user.account,
      subjectUserId: user.id,
      ip,
    });
    return { ok: false, error: WRONG_CODE };
  }
  await deleteSession(pendingToken);
  await clearThrottle(SECOND_FACTOR_PER_USER, key);
  return {
    ok: true,
    ...(await completeSignIn(user, { ip, deviceCookie: options.deviceCookie, method, now })),
  };
}
