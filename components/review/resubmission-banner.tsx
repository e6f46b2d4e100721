import Link from "next/link";
import { TextDiffView } from "@/components/history/text-diff-view";
import { formatDateTime } from "@/lib/format-date";
import type { ResubmissionChanges } from "@/lib/reports/resubmission-changes";

/**
 * For the reviewer of a resubmitted report: what changed since the previous submission, cell by cell
 * and text by text, and whether each comment of the 退回 in between was answered by a change at its place.
 */
export function ResubmissionBanner({
  reportId,
  changes,
}: {
  reportId: string;
  changes: ResubmissionChanges;
}) {
  const { a, b, cells, texts, answered } = changes;
  const unchanged = answered.filter((c) => !c.changed).length;
  return (
    <section
      aria-labelledby="resubmission-title"
      className="space-y-3 rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="resubmission-title" className="text-base font-semibold">
          重新提交：与上次提交相比
        </h2>
        <Link
          href={`/reports/${reportId}/history/compare?a=${a.number}&b=${b.number}`}
          className="text-blue-800 underline"
        >
          查看完整比较（第 {a.number} 版 → 第 {b.number} 版）
        </Link>
      </div>
      <p>
        上次提交于 {formatDateTime(a.at)}，本次提交于 {formatDateTime(b.at)}。
        {cells.length || texts.length
          ? `改动了 ${cells.length} 个单元格或字段、${texts.length} 段文字。`
          : "内容没有任何改动。"}
        {answered.length
          ? ` 退回意见 ${answered.length} 条，${answered.length - unchanged} 条所在位置已修改${unchanged ? `，${unchanged} 条未修改` : ""}。`
          : ""}
      </p>
      {answered.length ? (
        <div>
          <h3 className="mb-1 font-medium">退回意见的处理</h3>
          <ul aria-label="退回意见的处理" className="space-y-1">
            {answered.map((c, i) => (
              <li key={i} className="flex gap-2">
                <span
                  className={`shrink-0 rounded px-1.5 text-xs leading-5 ${c.changed ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-950"}`}
                >
                  {c.changed ? "✓ 已修改" : "! 未修改"}
                </span>
                <span>
                  <span className="text-slate-700">{c.targetLabel}：</span>
                  {c.body}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {cells.length ? (
        <div className="max-h-72 overflow-y-auto rounded border border-sky-200 bg-white">
          <table className="w-full text-sm" aria-label="改动的单元格和字段">
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  项目
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  上次提交
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  本次提交
                </th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={c.key} className="border-t border-slate-100" data-changed-cell={c.key}>
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    {c.label}
                  </th>
                  <td className="px-3 py-1.5 tabular-nums">
                    <del className="text-red-800">{c.a || "（空）"}</del>
                  </td>
                  <td className="px-3 py-1.5 tabular-nums">
                    <ins className="text-emerald-800 no-underline">{c.b || "（空）"}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {texts.map((t) => (
        <details key={t.key} className="rounded border border-sky-200 bg-white px-3 py-2">
          <summary className="cursor-pointer font-medium">{t.label}（文字有改动）</summary>
          <div className="mt-2 text-slate-900">
            <TextDiffView pieces={t.pieces} />
          </div>
        </details>
      ))}
    </section>
  );
}
