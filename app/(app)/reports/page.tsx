import type { Metadata } from "next";
import Link from "next/link";
import { UnreadNotifications } from "@/components/notifications/unread-notifications";
import { requirePageContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format-date";
import { ORG_LEVEL_LABEL, STATUS_LABEL } from "@/lib/orgs/labels";
import { listReports } from "@/lib/reports/list-reports";
import { CreateDraftButton } from "./create-draft-button";
import { DeadlineNote } from "./deadline-note";
import { DeleteDraftButton } from "./delete-draft-button";
import { getFormat, isFormatId } from "@/lib/report/formats";

export const metadata: Metadata = { title: "年度报告" };

const STATUS_STYLE: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-amber-100 text-amber-800",
  RETURNED: "bg-red-100 text-red-800",
  APPROVED: "bg-emerald-100 text-emerald-800",
  PUBLISHED: "bg-blue-100 text-blue-800",
};

export default async function ReportsPage() {
  const ctx = await requirePageContext();
  const orgs = await listReports(ctx);
  const now = new Date();
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">年度报告</h1>
      <UnreadNotifications ctx={ctx} />
      {orgs.length === 0 ? (
        <p className="text-slate-600">您的账号尚未加入任何单位，请联系管理员。</p>
      ) : null}
      {orgs.map((org) => (
        <section
          key={org.id}
          aria-labelledby={`org-${org.id}`}
          className="rounded-lg border border-slate-200 bg-white"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5">
            <h2 id={`org-${org.id}`} className="text-base font-semibold">
              {org.name}
              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">
                {ORG_LEVEL_LABEL[org.level]}
              </span>
            </h2>
            {org.reports.length > 1 ? (
              <Link
                href={`/orgs/${org.id}/history`}
                className="ml-3 mr-auto text-sm text-blue-700 hover:underline"
                aria-label={`${org.name}历年对比`}
              >
                历年对比
              </Link>
            ) : null}
            {org.canCreate ? (
              <CreateDraftButton
                organizationId={org.id}
                organizationName={org.name}
                offers={org.offers}
                dueYear={org.dueYear}
              />
            ) : null}
          </div>
          {org.reports.length === 0 ? (
            <p className="px-4 py-3 text-sm text-slate-500">尚无年度报告。</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    年度
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    格式
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    状态
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    最后编辑
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    时间
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    公开期限
                  </th>
                  {org.canCreate ? (
                    <th scope="col" className="px-4 py-2 font-medium">
                      <span className="sr-only">操作</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {org.reports.map((report) => (
                  <tr key={report.id} className="border-t border-slate-100">
                    <td className="px-4 py-2">
                      <Link
                        href={`/reports/${report.id}`}
                        className="font-medium text-blue-700 hover:underline"
                      >
                        {report.year}年度报告
                      </Link>
                    </td>
                    <td className="px-4 py-2 text-slate-600">
                      {isFormatId(report.formatVersion)
                        ? getFormat(report.formatVersion).label
                        : ""}
                    </td>
                    <td className="px-4 py-2">
                      <span
                        className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[report.status]}`}
                      >
                        {STATUS_LABEL[report.status]}
                      </span>
                    </td>
                    <td className="px-4 py-2 text-slate-600">{report.updatedBy ?? "—"}</td>
                    <td className="px-4 py-2 text-slate-600">{formatDateTime(report.updatedAt)}</td>
                    <td className="px-4 py-2">
                      <DeadlineNote
                        year={report.year}
                        level={org.level}
                        status={report.status}
                        now={now}
                      />
                    </td>
                    {org.canCreate ? (
                      <td className="px-4 py-2">
                        {report.untouched ? (
                          <DeleteDraftButton
                            reportId={report.id}
                            organizationName={org.name}
                            year={report.year}
                          />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
