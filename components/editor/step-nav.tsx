"use client";

import { STEP_STATE_LABEL, type StepKey } from "@/lib/report/progress";
import { useProgress, type EditorStore } from "./editor-store";

const STATE_STYLE = {
  empty: "bg-slate-100 text-slate-700",
  partial: "bg-blue-100 text-blue-800",
  error: "bg-red-100 text-red-800",
  done: "bg-emerald-100 text-emerald-800",
};

export function StepNav({
  steps,
  current,
  onSelect,
  store,
}: {
  steps: { key: StepKey; title: string }[];
  current: StepKey;
  onSelect: (key: StepKey) => void;
  store: EditorStore;
}) {
  const progress = useProgress(store);
  return (
    <nav aria-label="报告各部分" className="rounded-lg border border-slate-200 bg-white">
      <div className="border-b border-slate-200 px-3 py-2">
        <div className="flex justify-between text-sm">
          <span>完成度</span>
          <span>
            <span className="mr-1 text-xs text-slate-700">
              {progress.doneParts} / {progress.totalParts} 部分
            </span>
            <span data-testid="completion">{progress.percent}%</span>
          </span>
        </div>
        <div
          className="mt-1 h-1.5 rounded bg-slate-100"
          role="progressbar"
          aria-valuenow={progress.percent}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-label="完成度"
        >
          <div className="h-1.5 rounded bg-emerald-600" style={{ width: `${progress.percent}%` }} />
        </div>
      </div>
      <ol>
        {steps.map((step) => {
          const state = progress.steps[step.key];
          return (
            <li key={step.key}>
              <button
                type="button"
                onClick={() => onSelect(step.key)}
                aria-current={current === step.key ? "step" : undefined}
                className={`flex w-full items-center justify-between gap-2 px-3 py-2 text-left text-sm hover:bg-slate-50 ${current === step.key ? "bg-slate-100 font-semibold" : ""}`}
              >
                <span>{step.title}</span>
                <span
                  className={`shrink-0 rounded px-1.5 text-xs font-normal ${STATE_STYLE[state]}`}
                >
                  {STEP_STATE_LABEL[state]}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
