import Link from "next/link";
import type { AuthContext } from "@/lib/auth/context";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { MarkAllReadButton } from "./mark-all-read-button";
import { NotificationList } from "./notification-list";

/** The report list's head: the caller's unread notifications (at most five), or nothing. */
export async function UnreadNotifications({ ctx }: { ctx: AuthContext }) {
  const { items, unread } = await listNotifications(ctx, { take: 5, unreadOnly: true });
  if (!unread) return null;
  return (
    <section
      aria-labelledby="unread-notifications-title"
      className="rounded-lg border border-amber-300 bg-white"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2">
        <h2 id="unread-notifications-title" className="text-base font-semibold">
          新通知（{unread}）
        </h2>
        <span className="flex items-center gap-3">
          <Link href="/notifications" className="text-sm text-blue-800 underline">
            全部通知
          </Link>
          <MarkAllReadButton />
        </span>
      </div>
      <NotificationList items={items} />
    </section>
  );
}
