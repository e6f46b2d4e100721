import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";

/**
 * Mark the caller's own notifications read: the ones named, or all of them. Another user's id simply
 * matches nothing.
 */
export async function markNotificationsRead(
  ctx: AuthContext,
  ids: string[] | "all",
): Promise<{ marked: number }> {
  const result = await db().notification.updateMany({
    where: {
      userId: ctx.user.userId,
      readAt: null,
      ...(ids === "all" ? {} : { id: { in: ids } }),
    },
    data: { readAt: new Date() },
  });
  return { marked: result.count };
}

/** Opening a report reads the caller's notifications about it. */
export async function markReportNotificationsRead(
  ctx: AuthContext,
  reportId: string,
): Promise<void> {
  await db().notification.updateMany({
    where: { userId: ctx.user.userId, reportId, readAt: null },
    data: { readAt: new Date() },
  });
}
