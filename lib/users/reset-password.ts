import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/auth/errors";
import { hashPassword } from "@/lib/auth/password";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { deleteUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { adminOrganizationIds } from "./admin-scope";
import { isRecordId } from "@/lib/record-id";

/**
 * An admin sets a new password for a user whose every role lies within the admin's tree (a user who also
 * works elsewhere is not theirs alone to take over). The user's sessions all end.
 */
export async function resetPassword(
  ctx: AuthContext,
  input: { userId: string; password: string },
  options: { ip?: string | null } = {},
): Promise<{ endedSessions: number }> {
  if (!isRecordId(input.userId)) throw new NotFoundError("未找到该用户，或您无权管理。");
  const scope = new Set(adminOrganizationIds(ctx));
  const user = await db().user.findUnique({
    where: { id: input.userId },
    select: { id: true, account: true, memberships: { select: { organizationId: true } } },
  });
  const mine = user?.memberships.filter((m) => scope.has(m.organizationId)) ?? [];
  if (!user || mine.length === 0) throw new NotFoundError("未找到该用户，或您无权管理。");
  if (user.id === ctx.user.userId) throw new InputError("请在“修改密码”页面修改自己的密码。");
  if (mine.length !== user.memberships.length)
    throw new ForbiddenError("该用户还在您管理范围以外的单位任职，不能由您重置密码。");
  await assertAcceptablePassword(input.password, { account: user.account, userId: user.id });
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: new Date() },
    });
    const endedSessions = await deleteUserSessions(tx, user.id);
    await recordAudit(tx, {
      action: "PASSWORD_RESET",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      subjectUserId: user.id,
      organizationId: mine[0].organizationId,
      ip: options.ip,
      detail: { account: user.account, endedSessions },
    });
    return { endedSessions };
  });
}
