import type { Permission } from "@/lib/auth/permissions";
import type { ReportStatus } from "@/lib/db/generated/enums";

/**
 * A report's lifecycle as one table: for each action, the statuses it starts from, the status it leads
 * to, who may do it, and what a person is told when the report moved on meanwhile (stale) or is in no
 * status the action starts from (refused). Save, submit, return, approve, publish and the editability
 * checks all read it; so do withdraw (撤回) and correction (更正).
 */
export interface LifecycleAction {
  from: readonly ReportStatus[];
  /** null: the action changes the content, not the status (a save). */
  to: ReportStatus | null;
  permission: Permission;
  stale: string;
  refused: string;
}

export const LIFECYCLE = {
  save: {
    from: ["DRAFT", "RETURNED"],
    to: null,
    permission: "report.edit",
    stale: "报告已被他人修改，请查看差异后再保存。",
    refused: "报告已提交或已通过，不能再修改。",
  },
  submit: {
    from: ["DRAFT", "RETURNED"],
    to: "SUBMITTED",
    permission: "report.edit",
    stale: "报告在您提交前已被修改或已提交，请刷新后重试。",
    refused: "报告不在可提交的状态。",
  },
  return: {
    from: ["SUBMITTED"],
    to: "RETURNED",
    permission: "report.review",
    stale: "报告已被他人审核或已更新，请刷新后查看。",
    refused: "只有已提交审核的报告才能退回。",
  },
  approve: {
    from: ["SUBMITTED"],
    to: "APPROVED",
    permission: "report.review",
    stale: "报告已被他人审核或已更新，请刷新后查看。",
    refused: "只有已提交审核的报告才能通过。",
  },
  publish: {
    from: ["APPROVED"],
    to: "PUBLISHED",
    permission: "report.publish",
    stale: "报告已被他人更新，请刷新后查看。",
    refused: "只有已通过审核的报告才能标记为已发布。",
  },
  // 撤回: before review starts — no reviewer has written a comment on this submission and none has
  // returned or approved it (the status is still the one the editor submitted). The report becomes a
  // draft again; the review comments its submission answered stay closed.
  withdraw: {
    from: ["SUBMITTED"],
    to: "DRAFT",
    permission: "report.edit",
    stale: "报告已被审核或已更新，请刷新后查看。",
    refused: "只有已提交、尚未开始审核的报告才能撤回。",
  },
  // 更正: an admin reopens a published report. The published version stays on the public page until
  // the corrected one is published (with its 更正说明), and then stays there as superseded.
  correct: {
    from: ["PUBLISHED"],
    to: "DRAFT",
    permission: "report.correct",
    stale: "报告已被他人更新，请刷新后查看。",
    refused: "只有已发布的报告才能更正。",
  },
} as const satisfies Record<string, LifecycleAction>;

export type LifecycleActionName = keyof typeof LIFECYCLE;

/** Whether the action may start from the report's status. */
export function startsFrom(action: LifecycleActionName, status: ReportStatus): boolean {
  return (LIFECYCLE[action].from as readonly ReportStatus[]).includes(status);
}
