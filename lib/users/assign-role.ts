import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { AlreadyExistsError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { adminOrganizationIds, assertAdminOf } from "./admin-scope";
import { assertNoRoleConflict } from "./role-conflicts";

/**
 * Give a user the caller manages a role in an organisation the caller administers — never to the
 * caller (another admin must), and never one that would let the account review what it can write.
 */
export async function assignRole(
  ctx: AuthContext,
  input: { userId: string; organizationId: string; role: Role },
  options: { ip?: string | null } = {},
): Promise<{ membershipId: string }> {
  assertAdminOf(ctx, input.organizationId);
  if (input.userId === ctx.user.userId)
    throw new ForbiddenError("不能给自己分配角色，请由其他管理员操作。");
  // The user must already be one of the caller's (a role somewhere in scope): others do not exist for them.
  const user = await db().user.findFirst({
    where: {
      id: input.userId,
      memberships: { some: { organizationId: { in: adminOrganizationIds(ctx) } } },
    },
    select: { id: true, account: true },
  });
  if (!user) throw new NotFoundError("未找到该用户，或您无权管理。");
  const duplicate = new AlreadyExistsError("该用户在这个单位已有这个角色。");
  return db()
    .$transaction(async (tx) => {
      // One role change of this user at a time: two admins adding EDITOR and REVIEWER at once must not both pass the check below.
      await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${user.id}::uuid FOR UPDATE`;
      const existing = await tx.membership.findUnique({
        where: {
          userId_organizationId_role: {
            userId: user.id,
            organizationId: input.organizationId,
            role: input.role,
          },
        },
      });
      if (existing) throw duplicate;
      await assertNoRoleConflict(tx, user.id, input.organizationId, input.role);
      const membership = await tx.membership.create({
        data: { userId: user.id, organizationId: input.organizationId, role: input.role },
      });
      await recordAudit(tx, {
        action: "ROLE_ASSIGNED",
        actorId: ctx.user.userId,
        actorAccount: ctx.user.account,
        subjectUserId: user.id,
        organizationId: input.organizationId,
        ip: options.ip,
        detail: { account: user.account, role: input.role },
      });
      return { membershipId: membership.id };
    })
    .catch((error: unknown) => {
      // Two admins at once: the unique (user, organisation, role) lets one through.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw duplicate;
      throw error;
    });
}
