"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useRef, useState, useTransition, type MouseEvent } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { ReportView } from "@/components/report/report-view";
import { COMMENT_STATE_LABEL } from "@/components/report/review-marks";
import type { ReportContent } from "@/lib/report/content";
import type { Finding } from "@/lib/report/rules";
import { reviewTargets } from "@/lib/report/review-targets";
import type { ReviewCommentView } from "@/lib/reports/list-review-comments";
import { api } from "@/lib/api/endpoints";
import { ReviewFindings } from "./review-findings";

/**
 * Reviewing a submitted report: the report read-only, comments written on a chosen cell or section
 * (picked from the list, by clicking the place in the report, or from a check result), then 退回 with
 * them, or 通过. The checks' results are the submission gate's, read from the stored report.
 */
export function ReviewPanel({
  reportId,
  version,
  content,
  comments,
  findings,
}: {
  reportId: string;
  version: number;
  content: ReportContent;
  comments: ReviewCommentView[];
  findings: Finding[];
}) {
  const router = useRouter();
  const ids = useId();
  const targets = useMemo(() => reviewTargets(content.format), [content.format]);
  const groups = useMemo(() => [...new Set(targets.map((t) => t.group))], [targets]);
  const [target, setTarget] = useState(targets[0]?.id ?? "");
  const [body, setBody] = useState("");
  const [overall, setOverall] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const { confirm, dialog } = useConfirm();
  const pendingComments = comments.filter((c) => c.state === "pending");

  const run = (
    work: () => Promise<{ ok: true; data: unknown } | { ok: false; error: string }>,
    success: string | null,
    after?: () => void,
  ) =>
    startTransition(async () => {
      setError(null);
      setNotice(null);
      const result = await work();
      if (!result.ok) {
        setError(result.error);
        return;
      }
      if (success) setNotice(success);
      after?.();
      router.refresh();
    });

  const choose = (id: string | undefined) => {
    if (id && targets.some((t) => t.id === id)) {
      setTarget(id);
      bodyRef.current?.focus();
    }
  };
  /** Clicking a cell, a section title or a text in the report chooses it as the comment's place. */
  const pick = (event: MouseEvent<HTMLDivElement>) =>
    choose((event.target as HTMLElement).closest<HTMLElement>("[data-cell-id]")?.dataset.cellId);

  const add = () => {
    if (!body.trim()) {
      setError("请填写意见内容。");
      return;
    }
    run(
      () => api.reports.addComment(reportId, { target, body }),
      "意见已添加，退回时将一并发送给填报员。",
      () => setBody(""),
    );
  };

  const sendBack = () => {
    if (!pendingComments.length && !overall.trim()) {
      setError("退回时请至少填写一条意见（针对单元格、部分或总体意见）。");
      return;
    }
    void confirm({
      title: "确认退回这份报告？",
      body: `报告将退回给填报单位修改${pendingComments.length ? `，并附上 ${pendingComments.length} 条意见` : ""}${overall.trim() ? "和总体意见" : ""}。`,
      confirmLabel: "确认退回",
      tone: "danger",
    }).then((confirmed) => {
      if (confirmed)
        run(() => api.reports.return(reportId, { version, comment: overall || undefined }), null);
    });
  };

  const approve = () => {
    void confirm({
      title: "确认通过审核？",
      body: pendingComments.length
        ? `还有 ${pendingComments.length} 条意见未发送。通过后这些意见将作为审核记录保存，不再退回修改；报告将不能再修改。`
        : "通过后报告将不能再修改，可以标记为已发布。",
      confirmLabel: "确认通过",
    }).then((confirmed) => {
      if (confirmed)
        run(() => api.reports.approve(reportId, { version, comment: overall || undefined }), null);
    });
  };

  const field = "w-full rounded border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <div className="grid grid-cols-[1fr_22rem] gap-4">
      <div onClick={pick} className="min-w-0 [&_[data-cell-id]]:cursor-pointer">
        <ReportView content={content} comments={comments} />
      </div>
      <aside aria-label="审核" className="space-y-3">
        <div className="sticky top-4 max-h-[calc(100vh-2rem)] space-y-3 overflow-y-auto rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-base font-semibold">审核</h2>
          <p className="text-xs text-slate-500">
            在左侧报告中点击单元格、标题或文字，或在下面选择位置，写下意见。
          </p>
          <ReviewFindings findings={findings} onPick={choose} />
          <div className="space-y-2">
            <label htmlFor={`${ids}-target`} className="block text-sm font-medium">
              意见位置
            </label>
            <select
              id={`${ids}-target`}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              className={field}
            >
              {groups.map((group) => (
                <optgroup key={group} label={group}>
                  {targets
                    .filter((t) => t.group === group)
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <label htmlFor={`${ids}-body`} className="block text-sm font-medium">
              意见内容
            </label>
            <textarea
              id={`${ids}-body`}
              ref={bodyRef}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={3}
              className={field}
            />
            <button
              type="button"
              onClick={add}
              disabled={pending}
              className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60"
            >
              添加意见
            </button>
          </div>

          <section aria-labelledby={`${ids}-pending`} className="space-y-1">
            <h3 id={`${ids}-pending`} className="text-sm font-medium">
              待发送的意见（{pendingComments.length}）
            </h3>
            {pendingComments.length === 0 ? (
              <p className="text-xs text-slate-500">尚无。</p>
            ) : (
              <ul className="max-h-64 space-y-1 overflow-y-auto text-sm" aria-label="待发送的意见">
                {pendingComments.map((c) => (
                  <li
                    key={c.id}
                    className="rounded border border-violet-200 bg-violet-50 px-2 py-1"
                  >
                    <p className="text-xs text-slate-600">
                      {c.targetLabel} · {COMMENT_STATE_LABEL[c.state]}
                      {c.author ? ` · ${c.author}` : ""}
                    </p>
                    <p className="whitespace-pre-wrap">{c.body}</p>
                    {c.mine ? (
                      <button
                        type="button"
                        disabled={pending}
                        aria-label={`删除意见：${c.targetLabel}`}
                        onClick={() =>
                          run(() => api.reports.deleteComment(reportId, c.id), "意见已删除。")
                        }
                        className="text-xs text-red-700 hover:underline"
                      >
                        删除
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <div className="space-y-1">
            <label htmlFor={`${ids}-overall`} className="block text-sm font-medium">
              总体意见（可选）
            </label>
            <textarea
              id={`${ids}-overall`}
              value={overall}
              onChange={(e) => setOverall(e.target.value)}
              rows={2}
              className={field}
            />
          </div>
          {error ? (
            <p
              role="alert"
              className="rounded border border-red-200 bg-red-50 px-2 py-1 text-sm text-red-700"
            >
              {error}
            </p>
          ) : null}
          {notice ? (
            <p role="status" className="text-sm text-emerald-700">
              {notice}
            </p>
          ) : null}
          <div className="flex gap-2">
            <button
              type="button"
              onClick={sendBack}
              disabled={pending}
              className="flex-1 rounded border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
            >
              退回
            </button>
            <button
              type="button"
              onClick={approve}
              disabled={pending}
              className="flex-1 rounded bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
            >
              通过
            </button>
          </div>
        </div>
      </aside>
      {dialog}
    </div>
  );
}
