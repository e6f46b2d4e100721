import type { AuthContext } from "@/lib/auth/context";
import { organizationsWhere } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/auth/errors";
import type { AuditAction } from "./actions";

export interface AuditFilter {
  action?: AuditAction;
  /** Part of the account of the actor or of the user concerned. */
  account?: string;
  /** yyyy-mm-dd, China Standard Time, inclusive. */
  from?: string;
  to?: string;
  page?: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  actorAccount: string | null;
  actorName: string | null;
  subjectAccount: string | null;
  organizationName: string | null;
  report: { id: string; year: number } | null;
  ip: string | null;
  detail: unknown;
}

export const AUDIT_PAGE_SIZE = 50;

/** Midnight in China Standard Time of a yyyy-mm-dd day, or null. */
function chinaDay(value: string | undefined, addDays = 0): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return null;
  return new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays) - 8 * 60 * 60 * 1000,
  );
}

/**
 * The audit log as an admin may read it: entries about organisations they administer, about users
 * with a role there, and — for admins of a top-level organisation — failed sign-ins of accounts that
 * do not exist. Newest first, a page at a time.
 */
export async function listAudit(
  ctx: AuthContext,
  filter: AuditFilter = {},
): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number }> {
  const scope = organizationsWhere(ctx.access, "audit.read");
  if (!scope.length) throw new NotFoundError();
  const topLevel = await db().organization.count({ where: { id: { in: scope }, parentId: null } });
  const visible: Prisma.AuditLogWhereInput = {
    OR: [
      { organizationId: { in: scope } },
      { subjectUser: { memberships: { some: { organizationId: { in: scope } } } } },
      ...(topLevel ? [{ organizationId: null, subjectUserId: null, actorId: null }] : []),
    ],
  };
  const from = chinaDay(filter.from);
  const to = chinaDay(filter.to, 1);
  const account = filter.account?.trim();
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      visible,
      filter.action ? { action: filter.action } : {},
      from || to
        ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } }
        : {},
      account
        ? {
            OR: [
              { actorAccount: { contains: account, mode: "insensitive" } },
              { subjectUser: { account: { contains: account, mode: "insensitive" } } },
            ],
          }
        : {},
    ],
  };
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const [total, rows] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: {
        actor: { select: { displayName: true } },
        subjectUser: { select: { account: true } },
        report: { select: { id: true, year: true, organization: { select: { name: true } } } },
      },
    }),
  ]);
  const orgIds = [
    ...new Set(rows.map((r) => r.organizationId).filter((id): id is string => Boolean(id))),
  ];
  const orgs = new Map(
    (
      await db().organization.findMany({
        where: { id: { in: orgIds } },
        select: { id: true, name: true },
      })
    ).map((o) => [o.id, o.name]),
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.createdAt,
      action: r.action,
      actorAccount: r.actorAccount,
      actorName: r.actor?.displayName ?? null,
      subjectAccount: r.subjectUser?.account ?? null,
      organizationName:
        (r.organizationId && orgs.get(r.organizationId)) || r.report?.organization.name || null,
      report: r.report ? { id: r.report.id, year: r.report.year } : null,
      ip: r.ip,
      detail: r.detail,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}
