import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TextDiffView } from "@/components/history/text-diff-view";
import { requirePageContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/auth/errors";
import { formatDateTime } from "@/lib/format-date";
import { compareSnapshots, type ChangedBy } from "@/lib/reports/compare-snapshots";
import { snapshotMoment } from "@/lib/reports/snapshot-labels";

export const metadata: Metadata = { title: "版本比较" };

/** Who changed a cell or text between the versions, from its 修改记录; older saves kept no such record. */
function changedByText(by: ChangedBy | null): string {
  if (!by) return "无逐格记录";
  const times = by.count > 1 ? `，共 ${by.count} 次` : "";
  return `${by.names.join("、")}${times}（最后一次 ${formatDateTime(by.lastAt)}）`;
}

type SearchParams = Record<string, string | string[] | undefined>;
/** A snapshot number from the URL; beyond the column's range (a positive 32-bit integer) it names no version. */
const number = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
};

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const query = await searchParams;
  const a = number(query.a);
  const b = number(query.b);
  let comparison;
  try {
    if (a === null || b === null) throw new NotFoundError();
    comparison = await compareSnapshots(ctx, id, a, b);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { cells, texts } = comparison;
  const head = (v: typeof comparison.a) =>
    `第 ${v.number} 版（${snapshotMoment(v.status)}，${formatDateTime(v.at)}）`;
  return (
    <div className="space-y-5">
      <nav className="text-sm text-slate-500">
        <Link href={`/reports/${id}/history`} className="text-blue-700 hover:underline">
          ← 历史记录
        </Link>
      </nav>
      <h1 className="text-xl font-semibold">
        版本比较：第 {comparison.a.number} 版 → 第 {comparison.b.number} 版
      </h1>
      <p className="text-sm text-slate-600">
        {head(comparison.a)} 与 {head(comparison.b)}
      </p>
      {cells.length === 0 && texts.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white px-4 py-3">两个版本的内容相同。</p>
      ) : null}
      {cells.length ? (
        <section
          aria-labelledby="cells-title"
          className="rounded-lg border border-slate-200 bg-white"
        >
          <h2
            id="cells-title"
            className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold"
          >
            改动的单元格和字段（{cells.length}）
          </h2>
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  项目
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  第 {comparison.a.number} 版
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  第 {comparison.b.number} 版
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  修改人
                </th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={c.key} className="border-t border-slate-100" data-cell-id={c.key}>
                  <th scope="row" className="px-4 py-2 text-left font-normal">
                    {c.label}
                  </th>
                  <td className="px-4 py-2 tabular-nums">
                    <del className="text-red-800">{c.a || "（空）"}</del>
                  </td>
                  <td className="px-4 py-2 tabular-nums">
                    <ins className="text-emerald-800 no-underline">{c.b || "（空）"}</ins>
                  </td>
                  <td className="px-4 py-2 text-slate-600">{changedByText(c.changedBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {texts.map((t) => (
        <section
          key={t.key}
          aria-label={t.label}
          className="rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 className="mb-1 text-base font-semibold">{t.label}</h2>
          <p className="mb-2 text-sm text-slate-600">修改人：{changedByText(t.changedBy)}</p>
          <TextDiffView pieces={t.pieces} />
        </section>
      ))}
    </div>
  );
}
