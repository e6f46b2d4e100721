import type { AuthContext } from "@/lib/auth/context";
import { visibleOrganizationIds } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/db/generated/enums";
import { notificationText } from "./labels";

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  text: string;
  /** The overall comment of a 退回, the words of a 催办. */
  message: string | null;
  /** Where it leads: the report, or the report list when the unit has none yet. */
  href: string;
  at: Date;
  read: boolean;
}

/**
 * The caller's notifications, newest first, and how many are unread. Only those about units the caller
 * still sees: a notification outlives a role, its report must not.
 */
export async function listNotifications(
  ctx: AuthContext,
  options: { take?: number; unreadOnly?: boolean } = {},
): Promise<{ items: NotificationView[]; unread: number }> {
  const visible = visibleOrganizationIds(ctx.access);
  const mine = { userId: ctx.user.userId, organizationId: { in: visible } };
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where: { ...mine, ...(options.unreadOnly ? { readAt: null } : {}) },
      orderBy: { createdAt: "desc" },
      take: Math.min(Math.max(options.take ?? 50, 1), 200),
      select: {
        id: true,
        kind: true,
        year: true,
        reportId: true,
        message: true,
        createdAt: true,
        readAt: true,
        organization: { select: { name: true } },
        actor: { select: { displayName: true } },
      },
    }),
    countUnreadNotifications(ctx),
  ]);
  return {
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      text: notificationText({
        kind: r.kind,
        unit: r.organization.name,
        year: r.year,
        actor: r.actor?.displayName ?? null,
      }),
      message: r.message,
      href: r.reportId ? `/reports/${r.reportId}` : "/reports",
      at: r.createdAt,
      read: r.readAt !== null,
    })),
  };
}

/** How many of the caller's notifications are unread (the navigation's badge). */
export function countUnreadNotifications(ctx: AuthContext): Promise<number> {
  return db().notification.count({
    where: {
      userId: ctx.user.userId,
      organizationId: { in: visibleOrganizationIds(ctx.access) },
      readAt: null,
    },
  });
}
