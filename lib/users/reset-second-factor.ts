import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/auth/errors";
import { deleteUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { adminOrganizationIds } from "./admin-scope";
import { isRecordId } from "@/lib/record-id";

/**
 * 重置两步验证 (a lost phone): the admin removes the user's authenticator and recovery codes and ends
 * their sessions; at the next sign-in a reviewer or admin is led to set it up again. As with a password
 * reset, only for a user whose every role lies within the admin's tree, never for oneself.
 */
export async function resetSecondFactor(
  ctx: AuthContext,
  userId: string,
  options: { ip?: string | null } = {},
): Promise<{ endedSessions: number }> {
  if (!isRecordId(userId)) throw new NotFoundError("未找到该用户，或您无权管理。");
  const scope = new Set(adminOrganizationIds(ctx));
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      account: true,
      totpEnabledAt: true,
      memberships: { select: { organizationId: true } },
    },
  });
  const mine = user?.memberships.filter((m) => scope.has(m.organizationId)) ?? [];
  if (!user || mine.length === 0) throw new NotFoundError("未找到该用户，或您无权管理。");
  if (user.id === ctx.user.userId)
    throw new InputError("不能重置自己的两步验证，请由其他管理员操作。");
  if (mine.length !== user.memberships.length)
    throw new ForbiddenError("该用户还在您管理范围以外的单位任职，不能由您重置两步验证。");
  return db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const endedSessions = await deleteUserSessions(tx, user.id);
    await recordAudit(tx, {
      action: "SECOND_FACTOR_RESET",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      subjectUserId: user.id,
      organizationId: mine[0].organizationId,
      ip: options.ip,
      detail: { account: user.account, wasEnabled: Boolean(user.totpEnabledAt), endedSessions },
    });
    return { endedSessions };
  });
}
