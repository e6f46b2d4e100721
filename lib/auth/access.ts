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

/**
 * One recursive query walks down the tree from the organisations where the user reviews or administers
 * (a city's reviewer sees two thousand units: a query per level, the last with every unit as a parent
 * to look under, cost more than the page it served). UNION drops repeats, so a cycle cannot loop.
 */
export async function loadAccess(userId: string): Promise<OrgAccess> {
  const granted = await db().$queryRaw<{ organizationId: string; role: Role }[]>`
    WITH RECURSIVE granted("organizationId", role) AS (
      SELECT "organizationId", role FROM "Membership" WHERE "userId" = ${userId}::uuid
      UNION
      SELECT o.id, g.role FROM "Organization" o
      JOIN granted g ON o."parentId" = g."organizationId"
      WHERE g.role IN ('REVIEWER', 'ADMIN')
    )
    SELECT "organizationId", role::text AS role FROM granted`;
  const roles = new Map<string, Set<Role>>();
  for (const { organizationId, role } of granted) {
    const held = roles.get(organizationId);
    if (held) held.add(role);
    else roles.set(organizationId, new Set([role]));
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
