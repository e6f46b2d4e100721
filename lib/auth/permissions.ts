import type { Role } from "@/lib/db/generated/enums";
import type { OrgAccess } from "./access";
import { hasRole } from "./access";

/**
 * What each role may do on an organisation's reports and people — the one table every use case asks.
 * Roles held on a district reach its subordinate units for reviewers and admins (lib/auth/access.ts).
 *
 * - 填报员 edits and submits its own unit's report; it never reviews.
 * - 审核员 returns (with comments) or approves submitted reports, and marks approved ones published.
 * - 管理员 manages users and reads the audit log within its tree; it may also edit and submit (a district
 *   office often drafts for a unit) and mark reports published, but not review: whoever can write a
 *   report cannot also approve it through the same role. Only an admin reopens a published report
 *   for a correction (更正); the correction is then reviewed like any submission.
 */
export const PERMISSIONS = {
  "report.view": ["EDITOR", "REVIEWER", "ADMIN"],
  "report.edit": ["EDITOR", "ADMIN"],
  "report.review": ["REVIEWER"],
  "report.publish": ["REVIEWER", "ADMIN"],
  "report.correct": ["ADMIN"],
  "users.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(access: OrgAccess, permission: Permission, organizationId: string): boolean {
  return hasRole(access, organizationId, [...PERMISSIONS[permission]]);
}

/** Every organisation on which the caller holds the permission. */
export function organizationsWhere(access: OrgAccess, permission: Permission): string[] {
  return [...access.roles.keys()].filter((id) => can(access, permission, id));
}
