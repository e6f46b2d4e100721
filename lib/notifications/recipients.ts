import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";

type Tx = Pick<Prisma.TransactionClient, "organization" | "membership">;

/** Deeper trees than this are not made by anyone; the walk stops rather than loop on a bad parent link. */
const MAX_DEPTH = 16;

/** The organisation and every organisation above it, nearest first. */
export async function selfAndAncestors(tx: Tx, organizationId: string): Promise<string[]> {
  const ids = [organizationId];
  let current: string | null = organizationId;
  while (current && ids.length <= MAX_DEPTH) {
    const row: { parentId: string | null } | null = await tx.organization.findUnique({
      where: { id: current },
      select: { parentId: true },
    });
    current = row?.parentId ?? null;
    if (current && !ids.includes(current)) ids.push(current);
    else current = null;
  }
  return ids;
}

/** Users holding one of the roles on one of the organisations. */
async function holders(tx: Tx, organizationIds: string[], roles: Role[]): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { organizationId: { in: organizationIds }, role: { in: roles } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * Who reviews a unit's report: its reviewers and those of every level above it (a district's
 * reviewers review its units).
 */
export async function reviewersOf(tx: Tx, organizationId: string): Promise<string[]> {
  return holders(tx, await selfAndAncestors(tx, organizationId), ["REVIEWER"]);
}

/**
 * Who writes a unit's report: its editors and admins held on the unit itself. A district's admin may
 * draft for a unit too, but is not told about every unit's report.
 */
export async function writersOf(tx: Tx, organizationId: string): Promise<string[]> {
  return holders(tx, [organizationId], ["EDITOR", "ADMIN"]);
}
