import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { organizationsWhere } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format-date";
import { listReviewInbox } from "@/lib/reports/list-review-inbox";

export const metadata: Metadata = { title: "待审核" };

/** 待审核: the submitted reports waiting for the caller's review, the longest-waiting first. */
export default async function ReviewInboxPage() {
  const ctx = await requirePageContext();
  // Only reviewers have an inbox; to anyone else the page does not exist.
  if (!organizationsWhere(ctx.access, "report.review").length) notFound();
  const items = await listReviewInbox(ctx);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">待审核</h1>
      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white px-4 py-3 text-slate-700">
          没有等待审核的报告。
        </p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                报告
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                提交人
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                提交时间
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                说明
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.reportId} className="border-t border-slate-100">
                <td className="px-4 py-2">
                  <Link
                    href={`/reports/${item.reportId}`}
                    className="font-medium text-blue-800 underline-offset-2 hover:underline"
                  >
                    {item.unit} {item.year}年度报告
                  </Link>
                </td>
                <td className="px-4 py-2 text-slate-700">{item.submitter ?? "—"}</td>
                <td className="px-4 py-2 text-slate-700">
                  {item.submittedAt ? formatDateTime(item.submittedAt) : "—"}
                </td>
                <td className="px-4 py-2 text-slate-700">
                  {item.resubmission ? (
                    <span className="mr-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-950">
                      重新提交
                    </span>
                  ) : null}
                  {item.ownSubmission ? "您提交的报告，须由其他审核员审核。" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
