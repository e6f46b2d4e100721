import type { NotificationKind } from "@/lib/db/generated/enums";

/** What each kind of notification is called where it is shown. */
export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  RETURNED: "退回",
  SUBMITTED: "待审核",
  APPROVED: "已通过",
  REMINDER: "催办",
};

/** The sentence a notification reads as, from what it records. */
export function notificationText(n: {
  kind: NotificationKind;
  unit: string;
  year: number;
  actor: string | null;
}): string {
  const who = n.actor ?? "系统";
  switch (n.kind) {
    case "RETURNED":
      return `${n.unit} ${n.year}年度报告被${who}退回，请按审核意见修改后重新提交。`;
    case "SUBMITTED":
      return `${n.unit} ${n.year}年度报告已由${who}提交，等待审核。`;
    case "APPROVED":
      return `${n.unit} ${n.year}年度报告已由${who}审核通过。`;
    case "REMINDER":
      return `${who}催办：${n.unit} ${n.year}年度报告已超过发布期限，请尽快完成填报并提交审核。`;
  }
}
