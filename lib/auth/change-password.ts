import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { AuthContext } from "./context";
import { InputError, TooManyAttemptsError } from "./errors";
import { hashPassword, verifyPassword } from "./password";
import { assertAcceptablePassword } from "./password-policy";
import { deleteOtherSessions } from "./sessions";
import {
  checkThrottle,
  clearThrottle,
  PASSWORD_CHANGE_PER_USER,
  recordFailure,
  retryMinutes,
} from "./throttle";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * 修改密码: the current password proves it is the user (not someone at an unlocked screen); the new
 * one replaces it only if the hash is still the one checked, and every other session of the user ends.
 */
export async function changePassword(
  ctx: AuthContext,
  input: ChangePasswordInput,
  options: { ip?: string | null } = {},
): Promise<{ endedSessions: number }> {
  const userId = ctx.user.userId;
  const throttle = await checkThrottle(PASSWORD_CHANGE_PER_USER, userId);
  if (throttle.blocked) {
    throw new TooManyAttemptsError(
      `当前密码输错次数过多，请 ${retryMinutes(throttle.retryAfterMs)} 分钟后再试。`,
      Math.ceil(throttle.retryAfterMs / 1000),
    );
  }
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { account: true, passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(PASSWORD_CHANGE_PER_USER, userId);
    throw new InputError("当前密码不正确。");
  }
  const next = input.newPassword;
  await assertAcceptablePassword(next, { account: user.account, userId });
  if (next === input.currentPassword) throw new InputError("新密码不能与当前密码相同。");
  const passwordHash = await hashPassword(next);
  const ended = await db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId, passwordHash: user.passwordHash },
      data: { passwordHash, passwordChangedAt: new Date() },
    });
    if (updated.count === 0) throw new InputError("密码刚刚已被修改，请重新输入当前密码。");
    const count = await deleteOtherSessions(tx, userId, ctx.user.sessionId);
    await recordAudit(tx, {
      action: "PASSWORD_CHANGED",
      actorId: userId,
      actorAccount: user.account,
      subjectUserId: userId,
      ip: options.ip,
      detail: { endedSessions: count },
    });
    return count;
  });
  await clearThrottle(PASSWORD_CHANGE_PER_USER, userId);
  return { endedSessions: ended };
}
