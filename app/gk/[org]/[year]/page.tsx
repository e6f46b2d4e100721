import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { REPORT_CSS, renderHtmlFragment } from "@/lib/export";
import { getPublishedReport } from "@/lib/public/get-published-report";

export const dynamic = "force-dynamic";

const published = cache((slug: string, year: string) =>
  /^\d{4}$/.test(year) ? getPublishedReport(slug, Number(year)) : Promise.resolve(null),
);

export async function generateMetadata({
  params,
}: {
  params: Promise<{ org: string; year: string }>;
}): Promise<Metadata> {
  const { org, year } = await params;
  const report = await published(org, year);
  return {
    title: report
      ? `${report.organization.fullName}${report.year}年政府信息公开工作年度报告`
      : "未找到该页面",
  };
}

/**
 * A published report as the public reads it (no sign-in): the HTML of the export, every user
 * string escaped by the renderer. Any report not PUBLISHED — and any unknown organisation or year — is a 404.
 */
export default async function PublicReportPage({
  params,
}: {
  params: Promise<{ org: string; year: string }>;
}) {
  const { org, year } = await params;
  const report = await published(org, year);
  if (!report) notFound();
  return (
    <div className="min-h-screen bg-white">
      <header className="border-b-2 border-gov-red print:hidden">
        <nav
          className="mx-auto flex max-w-4xl items-center gap-2 px-4 py-3 text-sm"
          aria-label="位置"
        >
          <span className="text-gov-red">政府信息公开 · 年报专栏</span>
          <span aria-hidden="true" className="text-slate-400">
            /
          </span>
          <Link href={`/gk/${report.organization.slug}`} className="text-blue-800 hover:underline">
            {report.organization.fullName}
          </Link>
        </nav>
      </header>
      <style>{REPORT_CSS}</style>
      <main
        className="mx-auto max-w-[210mm] px-4 py-6"
        dangerouslySetInnerHTML={{ __html: renderHtmlFragment(report.content) }}
      />
    </div>
  );
}
