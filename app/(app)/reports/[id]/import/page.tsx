import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { canEditReport } from "@/lib/reports/editable";
import { getReportWithContentOrThrow } from "@/lib/reports/get-report-or-throw";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "从已发布报告导入" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const { report, content } = await orNotFound(getReportWithContentOrThrow(ctx, id));
  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-500">
        <Link href="/reports" className="text-blue-700 hover:underline">
          年度报告
        </Link>{" "}
        /{" "}
        <Link href={`/reports/${report.id}`} className="text-blue-700 hover:underline">
          {report.organization.name} {report.year}年度
        </Link>{" "}
        / 从已发布报告导入
      </nav>
      <h1 className="text-xl font-semibold">从已发布报告导入</h1>
      {canEditReport(ctx, report) ? (
        <ImportWizard reportId={report.id} version={report.version} draft={content} />
      ) : (
        <p
          role="alert"
          className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800"
        >
          这份报告当前不能修改（已提交或您没有填报权限），不能导入。
        </p>
      )}
    </div>
  );
}
