import type { OrgLevel, ReportStatus, Role } from "@/lib/db/generated/enums";

export const ORG_LEVEL_LABEL: Record<OrgLevel, string> = {
  DISTRICT_GOVERNMENT: "区县政府",
  DISTRICT_DEPARTMENT: "区县部门",
  STREET_OFFICE: "街道办事处",
  TOWNSHIP: "乡镇",
  CITY_DEPARTMENT: "市级部门",
};

export const ROLE_LABEL: Record<Role, string> = {
  EDITOR: "填报员",
  REVIEWER: "审核员",
  ADMIN: "管理员",
};

export const STATUS_LABEL: Record<ReportStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "待审核",
  RETURNED: "已退回",
  APPROVED: "已通过",
  PUBLISHED: "已发布",
};

/** A people's government's report has the 31 March deadline and must cover 工作考核、社会评议和责任追究. */
export function isPeoplesGovernment(level: OrgLevel): boolean {
  return level === "DISTRICT_GOVERNMENT";
}
