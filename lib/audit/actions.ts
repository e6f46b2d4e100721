/** What the audit log records, with the name an admin reads. */
export const AUDIT_ACTION_LABEL = {
  SIGN_IN: "登录",
  SIGN_IN_FAILED: "登录失败",
  SIGN_IN_THROTTLED: "登录被限制（失败次数过多）",
  SIGN_IN_REPEATED_FAILURES: "同一账号多次登录失败",
  SECOND_FACTOR_FAILED: "两步验证码错误",
  SECOND_FACTOR_ENABLED: "启用两步验证",
  SECOND_FACTOR_DISABLED: "停用两步验证",
  SECOND_FACTOR_RESET: "重置两步验证",
  RECOVERY_CODES_RENEWED: "重新生成恢复码",
  SIGN_OUT: "退出登录",
  SIGN_OUT_EVERYWHERE: "退出所有设备",
  PASSWORD_CHANGED: "修改密码",
  PASSWORD_RESET: "重置密码",
  USER_CREATED: "创建用户",
  ROLE_ASSIGNED: "分配角色",
  ROLE_REMOVED: "移除角色",
  REPORT_SUBMITTED: "提交审核",
  REPORT_RETURNED: "退回",
  REPORT_APPROVED: "通过",
  REPORT_PUBLISHED: "标记为已发布",
  REPORT_EXPORTED: "导出报告",
  REPORT_PAST_RECORDED: "登记往年已发布报告",
  REPORT_DRAFT_DELETED: "删除未编辑的草稿",
  REPORT_WITHDRAWN: "撤回提交",
  REPORT_REOPENED_FOR_CORRECTION: "重新打开已发布报告以更正",
  REPORT_CORRECTION_PUBLISHED: "发布更正后的报告",
  REMINDERS_SENT: "催办逾期单位",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABEL;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABEL) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABEL, value);
}
