import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { adminOrganizationIds } from "./admin-scope";
import { isRecordId } from "@/lib/record-id";

/**
 * Take a role away, in an organisation the caller administers. An admin cannot remove their own admin
 * role (another admin must), so that nobody locks their tree out by accident.
 */
export async function removeRole(
  ctx: AuthContext,
  membershipId: string,
  options: { ip?: string | null } = {},
): Promise<void> {
  if (!isRecordId(membershipId)) throw new NotFoundError("未找到该角色，或您无权管理。");
  const membership = await db().membership.findFirst({
    where: { id: membershipId, organizationId: { in: adminOrganizationIds(ctx) } },
    include: { user: { select: { account: true } } },
  });
  if (!membership) throw new NotFoundError("未找到该角色，或您无权管理。");
  if (membership.userId === ctx.user.userId && membership.role === "ADMIN") {
    throw new ForbiddenError("不能移除自己的管理员角色，请由其他管理员操作。");
  }
  await db().$transaction(async (tx) => {
    const deleted = await tx.membership.deleteMany({ where: { id: membership.id } });
    if (deleted.count === 0) throw new NotFoundError("该角色已被移除。");
    await recordAudit(tx, {
      action: "ROLE_REMOVED",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      subjectUserId: membership.userId,
      organizationId: membership.organizationId,
      ip: options.ip,
      detail: { account: membership.user.account, role: membership.role },
    });
  });
}
