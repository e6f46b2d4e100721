import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format-date";
import { STATUS_LABEL } from "@/lib/orgs/labels";
import { getReportHistory } from "@/lib/reports/get-report-history";
import { snapshotMoment } from "@/lib/reports/snapshot-labels";

export const metadata: Metadata = { title: "历史记录" };

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const history = await orNotFound(getReportHistory(ctx, (await params).id));
  const { report, transitions, snapshots, edits } = history;
  const latest = snapshots.at(-1)?.number;
  const field = "rounded border border-slate-300 px-2 py-1.5";
  return (
    <div className="space-y-5">
      <nav className="text-sm text-slate-500">
        <Link href="/reports" className="text-blue-700 hover:underline">
          年度报告
        </Link>{" "}
        /{" "}
        <Link href={`/reports/${report.id}`} className="text-blue-700 hover:underline">
          {report.organization.name} {report.year}年度
        </Link>{" "}
        / 历史记录
      </nav>
      <h1 className="text-xl font-semibold">
        {report.organization.name} {report.year}年度报告 · 历史记录
      </h1>

      <section
        aria-labelledby="transitions-title"
        className="rounded-lg border border-slate-200 bg-white"
      >
        <h2
          id="transitions-title"
          className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold"
        >
          流转记录
        </h2>
        {transitions.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">尚未提交过审核。</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  时间
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  操作人
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  状态变化
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  意见
                </th>
              </tr>
            </thead>
            <tbody>
              {transitions.map((t) => (
                <tr key={t.id} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                    {formatDateTime(t.at)}
                  </td>
                  <td className="px-4 py-2">{t.actor ?? "—"}</td>
                  <td className="whitespace-nowrap px-4 py-2">
                    {STATUS_LABEL[t.from]} → {STATUS_LABEL[t.to]}
                  </td>
                  <td className="px-4 py-2">
                    {t.comment ? <p className="whitespace-pre-wrap">{t.comment}</p> : null}
                    {t.comments.length ? (
                      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
                        {t.comments.map((c, i) => (
                          <li key={i}>
                            <span className="text-slate-500">{c.targetLabel}：</span>
                            {c.body}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {!t.comment && !t.comments.length ? (
                      <span className="text-slate-400">—</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section
        aria-labelledby="edits-title"
        className="rounded-lg border border-slate-200 bg-white"
      >
        <h2
          id="edits-title"
          className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold"
        >
          内容修改记录（{edits.length}）
        </h2>
        {edits.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">尚无保存记录。</p>
        ) : (
          <div className="max-h-96 overflow-y-auto">
            <table className="w-full text-sm">
              <thead className="sticky top-0 bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    时间
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    修改人
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    修改的部分
                  </th>
                </tr>
              </thead>
              <tbody>
                {edits.map((e, i) => (
                  <tr key={i} className="border-t border-slate-100 align-top">
                    <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                      {formatDateTime(e.at)}
                    </td>
                    <td className="px-4 py-2">{e.actor ?? "—"}</td>
                    <td className="px-4 py-2">
                      {e.parts.length ? (
                        e.parts.join("；")
                      ) : (
                        <span className="text-slate-400">内容未变</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section
        aria-labelledby="snapshots-title"
        className="rounded-lg border border-slate-200 bg-white"
      >
        <h2
          id="snapshots-title"
          className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold"
        >
          版本
        </h2>
        {snapshots.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">
            每次提交审核、审核通过和发布时会保存一个版本。
          </p>
        ) : (
          <>
            <ul className="divide-y divide-slate-100 text-sm">
              {snapshots.map((s) => (
                <li key={s.number} className="px-4 py-2">
                  第 {s.number} 版 · {snapshotMoment(s.status)} · {formatDateTime(s.at)} ·{" "}
                  {s.by ?? "—"}
                </li>
              ))}
            </ul>
            {snapshots.length > 1 ? (
              <form
                method="get"
                action={`/reports/${report.id}/history/compare`}
                className="flex flex-wrap items-end gap-3 border-t border-slate-200 px-4 py-3 text-sm"
                aria-label="比较两个版本"
              >
                <label>
                  <span className="mb-1 block text-slate-600">较早的版本</span>
                  <select name="a" defaultValue={String(latest! - 1)} className={field}>
                    {snapshots.map((s) => (
                      <option key={s.number} value={s.number}>
                        第 {s.number} 版
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span className="mb-1 block text-slate-600">较新的版本</span>
                  <select name="b" defaultValue={String(latest)} className={field}>
                    {snapshots.map((s) => (
                      <option key={s.number} value={s.number}>
                        第 {s.number} 版
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="submit"
                  className="rounded bg-gov-red px-3 py-1.5 font-medium text-white hover:bg-red-800"
                >
                  比较
                </button>
              </form>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
