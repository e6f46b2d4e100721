import Link from "next/link";
import { formatDateTime } from "@/lib/format-date";
import { NOTIFICATION_KIND_LABEL } from "@/lib/notifications/labels";
import type { NotificationView } from "@/lib/notifications/list-notifications";

const KIND_STYLE: Record<NotificationView["kind"], string> = {
  RETURNED: "bg-red-100 text-red-900",
  SUBMITTED: "bg-amber-100 text-amber-950",
  APPROVED: "bg-emerald-100 text-emerald-900",
  REMINDER: "bg-violet-100 text-violet-950",
};

/** Notifications as a list: the kind, the sentence, the comment given with it, and when. */
export function NotificationList({ items }: { items: NotificationView[] }) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="通知列表">
      {items.map((n) => (
        <li
          key={n.id}
          className={`flex flex-wrap items-baseline gap-2 px-4 py-2 text-sm ${n.read ? "text-slate-600" : "font-medium text-slate-900"}`}
        >
          <span className={`rounded px-1.5 py-0.5 text-xs ${KIND_STYLE[n.kind]}`}>
            {NOTIFICATION_KIND_LABEL[n.kind]}
          </span>
          <Link href={n.href} className="text-blue-800 underline-offset-2 hover:underline">
            {n.text}
          </Link>
          {n.message ? <span className="font-normal text-slate-700">{n.message}</span> : null}
          <span className="ml-auto text-xs font-normal text-slate-600">
            {n.read ? "" : "未读 · "}
            {formatDateTime(n.at)}
          </span>
        </li>
      ))}
    </ul>
  );
}
