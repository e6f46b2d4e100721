import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { districtOrThrow, districtUnits, type OrgRef } from "./district-scope";

/** Reports that have passed review: approved, and those already published. */
export const EXPORTABLE_STATUSES: ReportStatus[] = ["APPROVED", "PUBLISHED"];

export interface ExportableReport {
  id: string;
  organization: string;
  status: ReportStatus;
  /** Name of the DOCX inside the ZIP. */
  fileName: string;
}

export interface ApprovedReportsForExport {
  district: OrgRef;
  year: number;
  reports: ExportableReport[];
  zipName: string;
}

/**
 * 批量导出: the district's reports of the year that passed review, in dashboard order, for the browser
 * to download one by one (each through the report's own export, which checks access and audits)
 * and pack into one ZIP.
 */
export async function approvedReportsForExport(
  ctx: AuthContext,
  input: { districtId?: string | null; year: number },
): Promise<ApprovedReportsForExport> {
  const { district } = await districtOrThrow(ctx, input.districtId);
  const units = await districtUnits(ctx, district);
  const rows = await db().report.findMany({
    where: {
      organizationId: { in: units.map((u) => u.id) },
      year: input.year,
      status: { in: EXPORTABLE_STATUSES },
    },
    select: { id: true, organizationId: true, status: true },
  });
  const order = new Map(units.map((u, i) => [u.id, i]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const used = new Set<string>();
  const reports = rows
    .sort((a, b) => order.get(a.organizationId)! - order.get(b.organizationId)!)
    .map((r) => {
      const org = byId.get(r.organizationId)!;
      return {
        id: r.id,
        organization: org.name,
        status: r.status,
        fileName: uniqueName(
          `${safeName(org.fullName)}${input.year}年政府信息公开工作年度报告`,
          used,
        ),
      };
    });
  return {
    district,
    year: input.year,
    reports,
    zipName: `${safeName(district.name)}${input.year}年度报告（已通过审核）.zip`,
  };
}

/** Characters some file systems refuse in a name become `_`. */
function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim() || "报告";
}

/** Two units printed under the same full name still get a file each. */
function uniqueName(base: string, used: Set<string>): string {
  let name = `${base}.docx`;
  for (let n = 2; used.has(name); n++) name = `${base}（${n}）.docx`;
  used.add(name);
  return name;
}
