import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { OrgLevel, Role } from "@/lib/db/generated/enums";
import { adminOrganizationIds, assertAnyAdmin } from "./admin-scope";

export interface ManagedUser {
  id: string;
  account: string;
  displayName: string;
  createdAt: Date;
  passwordChangedAt: Date | null;
  /** Roles within the caller's scope (roles elsewhere are not shown). */
  memberships: { id: string; organizationId: string; organizationName: string; role: Role }[];
  /** Also has roles outside the caller's scope: the caller may not reset the password. */
  hasOutsideRoles: boolean;
  secondFactorEnabled: boolean;
  /** Failed sign-ins in the last 24 hours (someone may be guessing the password). */
  recentSignInFailures: number;
}

/** How far back the admin's page counts failed sign-ins. */
export const RECENT_FAILURES_MS = 24 * 60 * 60 * 1000;

export interface ManagedOrganization {
  id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
}

/** The users with a role in an organisation the caller administers, and those organisations. */
export async function listUsers(
  ctx: AuthContext,
): Promise<{ users: ManagedUser[]; organizations: ManagedOrganization[] }> {
  assertAnyAdmin(ctx);
  const scope = adminOrganizationIds(ctx);
  const inScope = new Set(scope);
  const [users, organizations] = await Promise.all([
    db().user.findMany({
      where: { memberships: { some: { organizationId: { in: scope } } } },
      orderBy: { account: "asc" },
      include: { memberships: { include: { organization: { select: { name: true } } } } },
    }),
    db().organization.findMany({
      where: { id: { in: scope } },
      orderBy: [{ level: "asc" }, { name: "asc" }],
      select: { id: true, name: true, level: true, parentId: true },
    }),
  ]);
  const failures = await db().auditLog.groupBy({
    by: ["subjectUserId"],
    where: {
      action: "SIGN_IN_FAILED",
      subjectUserId: { in: users.map((u) => u.id) },
      createdAt: { gte: new Date(Date.now() - RECENT_FAILURES_MS) },
    },
    _count: { _all: true },
  });
  const failuresOf = new Map(failures.map((f) => [f.subjectUserId, f._count._all]));
  return {
    users: users.map((u) => ({
      id: u.id,
      account: u.account,
      displayName: u.displayName,
      createdAt: u.createdAt,
      passwordChangedAt: u.passwordChangedAt,
      memberships: u.memberships
        .filter((m) => inScope.has(m.organizationId))
        .map((m) => ({
          id: m.id,
          organizationId: m.organizationId,
          organizationName: m.organization.name,
          role: m.role,
        })),
      hasOutsideRoles: u.memberships.some((m) => !inScope.has(m.organizationId)),
      secondFactorEnabled: Boolean(u.totpEnabledAt),
      recentSignInFailures: failuresOf.get(u.id) ?? 0,
    })),
    organizations: organizations.sort(
      (a, b) => Number(a.parentId !== null) - Number(b.parentId !== null),
    ),
  };
}
