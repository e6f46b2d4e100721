import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";

/**
 * What a user may touch: for every organisation they can see, the roles they hold there.
 * Roles are held where the membership is; a district's reviewers and admins hold the same roles on
 * every unit below it (editors do not: an editor works on their own unit only).
 */
export interface OrgAccess {
  roles: Map<string, Set<Role>>;
}

const INHERITED: Role[] = ["REVIEWER", "ADMIN"];

export async function loadAccess(userId: string): Promise<OrgAccess> {
  const memberships = await db().membership.findMany({
    where: { userId },
    select: { organizationId: true, role: true },
  });
  const roles = new Map<string, Set<Role>>();
  const grant = (orgId: string, role: Role) => {
    if (!roles.has(orgId)) roles.set(orgId, new Set());
    roles.get(orgId)!.add(role);
  };
  for (const m of memberships) grant(m.organizationId, m.role);

  // Walk down the tree level by level from the organisations where the user reviews or administers.
  let frontier = memberships.filter((m) => INHERITED.includes(m.role));
  const seen = new Set<string>();
  while (frontier.length) {
    const byParent = new Map<string, Role[]>();
    for (const f of frontier) {
      if (seen.has(`${f.organizationId}:${f.role}`)) continue;
      seen.add(`${f.organizationId}:${f.role}`);
      byParent.set(f.organizationId, [...(byParent.get(f.organizationId) ?? []), f.role]);
    }
    if (!byParent.size) break;
    const children = await db().organization.findMany({
      where: { parentId: { in: [...byParent.keys()] } },
      select: { id: true, parentId: true },
    });
    frontier = children.flatMap((child) =>
      (byParent.get(child.parentId!) ?? []).map((role) => ({ organizationId: child.id, role })),
    );
    for (const f of frontier) grant(f.organizationId, f.role);
  }
  return { roles };
}

export function visibleOrganizationIds(access: OrgAccess): string[] {
  return [...access.roles.keys()];
}

export function hasRole(access: OrgAccess, organizationId: string, allowed: Role[]): boolean {
  const held = access.roles.get(organizationId);
  return Boolean(held && allowed.some((r) => held.has(r)));
}
