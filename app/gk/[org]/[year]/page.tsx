import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { REPORT_CSS, renderHtmlFragment } from "@/lib/export";
import { getPublishedReport } from "@/lib/public/get-published-report";
import { chineseDate } from "@/lib/report/chinese-date";

export const dynamic = "force-dynamic";

/** `?v=<n>`: a superseded publication by its number; anything else that is given names none (404). */
function versionOf(raw: string | string[] | undefined): number | null | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return null;
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

const published = cache((slug: string, year: string, version: number | null | undefined) =>
  /^\d{4}$/.test(year) && version !== undefined
    ? getPublishedReport(slug, Number(year), version)
    : Promise.resolve(null),
);

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; year: string }>;
  searchParams?: SearchParams;
}): Promise<Metadata> {
  const { org, year } = await params;
  const report = await published(org, year, versionOf((await searchParams)?.v));
  return {
    title: report
      ? `${report.organization.fullName}${report.year}年政府信息公开工作年度报告`
      : "未找到该页面",
  };
}

/**
 * A published report as the public reads it (no sign-in): the HTML of the export, every user
 * string escaped by the renderer. Any report never published — and any unknown organisation or year — is
 * a 404. A corrected report shows its 更正说明; an earlier publication it replaced stays readable
 * (`?v=<n>`), marked as superseded.
 */
export default async function PublicReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; year: string }>;
  searchParams?: SearchParams;
}) {
  const { org, year } = await params;
  const report = await published(org, year, versionOf((await searchParams)?.v));
  if (!report) notFound();
  const base = `/gk/${report.organization.slug}/${report.year}`;
  const day = (iso: string | null) => (iso ? (chineseDate(iso) ?? iso) : "");
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
      {report.superseded ? (
        <p
          role="note"
          aria-label="已更正"
          className="mx-auto mt-4 max-w-[210mm] rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 print:hidden"
        >
          已更正，原版本{report.shown.publishedOn ? `（${day(report.shown.publishedOn)}发布）` : ""}
          已被{report.current.publishedOn ? `${day(report.current.publishedOn)}发布的` : ""}
          更正版本取代。
          <Link href={base} className="ml-1 text-blue-800 underline">
            查看更正后的版本
          </Link>
        </p>
      ) : report.current.note ? (
        <section
          aria-label="更正说明"
          className="mx-auto mt-4 max-w-[210mm] space-y-1 rounded border border-blue-200 bg-blue-50 px-4 py-2 text-sm text-blue-950 print:hidden"
        >
          <p>
            <span className="font-medium">更正说明</span>
            {report.current.publishedOn ? `（${day(report.current.publishedOn)}）` : ""}：
            <span className="whitespace-pre-wrap">{report.current.note}</span>
          </p>
          {report.earlier.length ? (
            <p>
              原版本：
              {report.earlier.map((v, i) => (
                <span key={v.number ?? i}>
                  {i ? "、" : ""}
                  <Link href={`${base}?v=${v.number}`} className="text-blue-800 underline">
                    {v.publishedOn ? `${day(v.publishedOn)}发布的版本` : `第 ${v.number} 版`}
                  </Link>
                </span>
              ))}
              （已更正）
            </p>
          ) : null}
        </section>
      ) : null}
      <style>{REPORT_CSS}</style>
      <main
        className="mx-auto max-w-[210mm] px-4 py-6"
        dangerouslySetInnerHTML={{ __html: renderHtmlFragment(report.content) }}
      />
    </div>
  );
}
