import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { ROLE_LABEL } from "@/lib/orgs/labels";

/**
 * Separation of duties: who reviews a unit's report must not be able to write it. A reviewer's reach
 * (its unit and every unit below) may not meet an editor's or an admin's (admins may edit too) of the
 * same account — so REVIEWER cannot sit with EDITOR or ADMIN on the same unit or on units one above
 * the other. Units side by side (two streets of one district) do not meet.
 */
const CONFLICTS: Record<Role, Role[]> = {
  REVIEWER: ["EDITOR", "ADMIN"],
  EDITOR: ["REVIEWER"],
  ADMIN: ["REVIEWER"],
};

type Tx = Pick<Prisma.TransactionClient, "membership" | "organization">;

/** The organisation and all above it. */
async function lineOf(tx: Tx, organizationId: string): Promise<Set<string>> {
  const line = new Set<string>();
  let current: string | null = organizationId;
  while (current && !line.has(current)) {
    line.add(current);
    const row: { parentId: string | null } | null = await tx.organization.findUnique({
      where: { id: current },
      select: { parentId: true },
    });
    current = row?.parentId ?? null;
  }
  return line;
}

/** Refuses (409) a role that would give the account both sides of a review on one unit. */
export async function assertNoRoleConflict(
  tx: Tx,
  userId: string,
  organizationId: string,
  role: Role,
): Promise<void> {
  const others = await tx.membership.findMany({
    where: { userId, role: { in: CONFLICTS[role] } },
    select: { role: true, organizationId: true, organization: { select: { name: true } } },
  });
  if (!others.length) return;
  const above = await lineOf(tx, organizationId);
  for (const other of others) {
    // Related when one is on the other's line to the top.
    const related =
      above.has(other.organizationId) ||
      (await lineOf(tx, other.organizationId)).has(organizationId);
    if (related) {
      throw new ConflictError(
        `该用户已是${other.organization.name}的${ROLE_LABEL[other.role]}，不能同时担任本单位或上下级单位的${ROLE_LABEL[role]}：审核员不能审核自己能够填写的报告。`,
      );
    }
  }
}
