"use client";

import Link from "next/link";
import { STEP_STATE_LABEL, type StepKey } from "@/lib/report/progress";
import { problemCountText } from "@/lib/report/problems";
import { useProgress, type EditorStore } from "./editor-store";
import { useProblemCount } from "./problem-store";

/**
 * At the foot of every step: back, and 下一步 to the next part. After the last part, a summary of the
 * whole report — each part's state, the problem count — with 预览 and 提交审核.
 */
export function StepButtons({
  steps,
  current,
  onSelect,
  store,
  reportId,
  submitting,
  onSubmit,
}: {
  steps: { key: StepKey; title: string }[];
  current: StepKey;
  onSelect: (key: StepKey) => void;
  store: EditorStore;
  reportId: string;
  submitting: boolean;
  onSubmit: () => void;
}) {
  const index = steps.findIndex((s) => s.key === current);
  const next = steps[index + 1];
  const previous = steps[index - 1];
  return (
    <div className="space-y-3 pt-2">
      {next ? null : (
        <ReportSummary
          steps={steps}
          onSelect={onSelect}
          store={store}
          reportId={reportId}
          submitting={submitting}
          onSubmit={onSubmit}
        />
      )}
      <div className="flex items-center justify-between text-sm">
        {previous ? (
          <button
            type="button"
            onClick={() => onSelect(previous.key)}
            className="text-blue-800 underline hover:text-blue-950"
          >
            ← 上一步：{previous.title}
          </button>
        ) : (
          <span />
        )}
        {next ? (
          <button
            type="button"
            onClick={() => onSelect(next.key)}
            className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800"
          >
            下一步：{next.title} →
          </button>
        ) : null}
      </div>
    </div>
  );
}

function ReportSummary({
  steps,
  onSelect,
  store,
  reportId,
  submitting,
  onSubmit,
}: {
  steps: { key: StepKey; title: string }[];
  onSelect: (key: StepKey) => void;
  store: EditorStore;
  reportId: string;
  submitting: boolean;
  onSubmit: () => void;
}) {
  const progress = useProgress(store);
  const count = useProblemCount(store);
  const blocking = problemCountText({ ...count, warnings: 0 });
  return (
    <section
      aria-labelledby="report-summary-title"
      className="rounded-lg border border-slate-300 bg-slate-50 p-4"
      data-testid="report-summary"
    >
      <h3 id="report-summary-title" className="mb-2 text-base font-semibold">
        检查并提交
      </h3>
      <p className="mb-2 text-sm text-slate-700">
        已完成 {progress.doneParts} / {progress.totalParts} 个部分。
        {blocking ? `尚不能提交：${blocking}。` : "没有错误和未填项，可以提交审核。"}
        {count.warnings ? `另有 ${count.warnings} 个提醒，请核对。` : ""}
      </p>
      <ul className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        {steps.map((step) => (
          <li key={step.key} className="flex items-center justify-between gap-2">
            <button
              type="button"
              onClick={() => onSelect(step.key)}
              className="truncate text-left text-blue-800 underline hover:text-blue-950"
            >
              {step.title}
            </button>
            <span className="shrink-0 text-slate-700">
              {STEP_STATE_LABEL[progress.steps[step.key]]}
            </span>
          </li>
        ))}
      </ul>
      <div className="flex gap-3">
        <Link
          href={`/reports/${reportId}/preview`}
          className="rounded border border-slate-500 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100"
        >
          预览
        </Link>
        <button
          type="button"
          onClick={onSubmit}
          disabled={submitting}
          className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
        >
          {submitting ? "正在提交…" : "提交审核"}
        </button>
      </div>
    </section>
  );
}
