import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { can, organizationsWhere } from "@/lib/auth/permissions";

/** The organisations whose people the caller administers (their own and, for a district, every unit below). */
export function adminOrganizationIds(ctx: AuthContext): string[] {
  return organizationsWhere(ctx.access, "users.manage");
}

export function isAdmin(ctx: AuthContext): boolean {
  return adminOrganizationIds(ctx).length > 0;
}

/** An organisation the caller administers; one they cannot see does not exist for them (404). */
export function assertAdminOf(ctx: AuthContext, organizationId: string): void {
  if (!ctx.access.roles.has(organizationId))
    throw new NotFoundError("未找到该单位，或您无权管理。");
  if (!can(ctx.access, "users.manage", organizationId))
    throw new ForbiddenError("只有管理员可以管理本单位的用户。");
}

/** Pages for admins only: anyone else is told the page does not exist. */
export function assertAnyAdmin(ctx: AuthContext): void {
  if (!isAdmin(ctx)) throw new NotFoundError();
}
