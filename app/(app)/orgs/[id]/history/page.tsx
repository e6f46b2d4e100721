import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { StatusBadge } from "@/components/district/status-badge";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { historyTimeline } from "@/lib/district/history-timeline";
import { orgHistory } from "@/lib/district/org-history";
import { STATUS_LABEL } from "@/lib/orgs/labels";

export const metadata: Metadata = { title: "历年对比" };

/** 历年对比: the key figures of every report of the organisation, imported past reports included. */
export default async function OrgHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const history = await orNotFound(orgHistory(ctx, id));
  const { organization, years, groups } = history;
  const timeline = historyTimeline(years);
  const categories = timeline.map((t) => `${t.year}年`);
  const notes = timeline.map((t) => (t.report ? STATUS_LABEL[t.report.status] : "无报告"));
  const marks = timeline.map((t) => t.mark);
  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-500">
        <Link href="/reports" className="text-blue-700 hover:underline">
          年度报告
        </Link>{" "}
        / {organization.name} / 历年对比
      </nav>
      <h1 className="text-xl font-semibold">{organization.name} 历年对比</h1>
      {years.length === 0 ? (
        <p className="text-slate-600">该单位尚无年度报告。</p>
      ) : (
        <>
          <section
            aria-labelledby="years-title"
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id="years-title" className="mb-2 text-base font-semibold">
              系统中的年度报告（{years.length} 份）
            </h2>
            <ul className="flex flex-wrap gap-3 text-sm">
              {years.map((y) => (
                <li key={y.year} className="flex items-center gap-1.5">
                  <Link href={`/reports/${y.reportId}`} className="text-blue-700 hover:underline">
                    {y.year}年度报告
                  </Link>
                  <StatusBadge status={y.status} />
                </li>
              ))}
            </ul>
            {years.length < 2 ? (
              <p className="mt-2 text-sm text-slate-500">只有一个年度的报告，暂无可对比的数据。</p>
            ) : null}
            <p className="mt-2 text-xs text-slate-500">
              数字来自各年度报告的表格；合计由系统按格式计算；“未填写”表示该项在报告中为空。
              标“未定稿”的年度报告尚未通过审核，数字可能还会改变（图中为虚线浅色柱）；标“无报告”的年度系统中没有报告。
            </p>
          </section>
          <div className="grid gap-4 xl:grid-cols-2">
            {groups.map((group) => (
              <BarChart
                key={group.id}
                id={group.id}
                title={group.title}
                unit={group.unit}
                categories={categories}
                categoryNotes={notes}
                categoryMarks={marks}
                series={group.figures.map((f) => ({
                  label: f.label,
                  values: timeline.map((t) => t.report?.figures[f.key] ?? null),
                }))}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
