import type { Metadata } from "next";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { requirePageContext } from "@/lib/auth/context";
import { listNotifications } from "@/lib/notifications/list-notifications";

export const metadata: Metadata = { title: "通知" };

/** 通知: the caller's own notifications (退回, 待审核, 已通过, 催办), newest first. */
export default async function NotificationsPage() {
  const ctx = await requirePageContext();
  const { items, unread } = await listNotifications(ctx, { take: 100 });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">通知{unread ? `（${unread} 条未读）` : ""}</h1>
        {unread ? <MarkAllReadButton /> : null}
      </div>
      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white px-4 py-3 text-slate-700">
          暂无通知。
        </p>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white">
          <NotificationList items={items} />
        </div>
      )}
    </div>
  );
}
