import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { listPublishedReports } from "@/lib/public/list-published-reports";
import { chineseDate } from "@/lib/report/chinese-date";

export const dynamic = "force-dynamic";

const column = cache((slug: string) => listPublishedReports(slug));

export async function generateMetadata({
  params,
}: {
  params: Promise<{ org: string }>;
}): Promise<Metadata> {
  const data = await column((await params).org);
  return {
    title: data ? `${data.organization.fullName} 政府信息公开工作年度报告` : "未找到该页面",
  };
}

/** 年报专栏 (public, no sign-in): the organisation's published annual reports. */
export default async function PublicColumnPage({ params }: { params: Promise<{ org: string }> }) {
  const data = await column((await params).org);
  if (!data) notFound();
  const { organization, reports, units } = data;
  return (
    <div className="min-h-screen bg-white">
      <header className="border-b-2 border-gov-red">
        <div className="mx-auto max-w-4xl px-4 py-3 text-sm text-gov-red">
          政府信息公开 · 年报专栏
        </div>
      </header>
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-semibold">{organization.fullName}政府信息公开工作年度报告</h1>
        {reports.length ? (
          <ul className="divide-y divide-slate-200 border-y border-slate-200" aria-label="年度报告">
            {reports.map((r) => (
              <li key={r.year} className="flex items-center justify-between py-3">
                <Link
                  href={`/gk/${organization.slug}/${r.year}`}
                  className="text-base text-blue-800 hover:underline"
                >
                  {organization.fullName}
                  {r.year}年政府信息公开工作年度报告
                </Link>
                <span className="text-sm text-slate-600">
                  {r.corrected ? "（已更正）" : ""}
                  {r.publishedOn ? (chineseDate(r.publishedOn) ?? r.publishedOn) : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">本单位尚未在此发布年度报告。</p>
        )}
        {units.length ? (
          <section aria-labelledby="units-title">
            <h2 id="units-title" className="mb-2 text-lg font-semibold">
              下属单位年度报告
            </h2>
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              {units.map((u) => (
                <li key={u.slug}>
                  <Link href={`/gk/${u.slug}`} className="text-blue-800 hover:underline">
                    {u.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </div>
  );
}
