"use client";

import { BlankIcon, ProblemIcon } from "@/components/report/problem-icon";
import type { StepKey } from "@/lib/report/progress";
import { problemCountText } from "@/lib/report/problems";
import type { EditorStore } from "./editor-store";
import { useStatedFigureWarnings } from "./figure-bindings";
import { useProblemCount } from "./problem-store";
import { SAVE_STATUS_LABEL } from "./use-autosave";

/**
 * The bar that stays at the top of the window while a long table scrolls: whether the work is saved,
 * the current part's problems, the report's count (the one the submission gate applies) and 提交审核.
 * Its height (h-11) is where the tables' sticky headers stop.
 */
export function EditorStatusBar({
  store,
  step,
  stepTitle,
  status,
  message,
  submitting,
  onSubmit,
}: {
  store: EditorStore;
  step: StepKey;
  stepTitle: string;
  status: keyof typeof SAVE_STATUS_LABEL;
  message: string | null;
  submitting: boolean;
  onSubmit: () => void;
}) {
  const total = useProblemCount(store);
  const here = useProblemCount(store, step);
  const blocked = total.errors + total.unfilled > 0;
  // Not blocking, but said at the gate: the text states figures the tables contradict (X5).
  const statedFigures = useStatedFigureWarnings(store);
  const tone =
    status === "saved"
      ? "text-emerald-800"
      : status === "offline" || status === "error" || status === "conflict"
        ? "text-red-700"
        : "text-slate-700";
  const hereText = problemCountText(here);
  return (
    <div
      className="sticky top-0 z-20 flex h-11 items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 shadow-sm"
      data-testid="editor-status-bar"
    >
      <p
        role="status"
        aria-live="polite"
        className={`truncate text-sm ${tone}`}
        data-testid="save-status"
      >
        {SAVE_STATUS_LABEL[status]}
        {message ? <span className="ml-2">{message}</span> : null}
      </p>
      <p className="flex min-w-0 items-center gap-1 truncate text-sm text-slate-700">
        {here.errors ? (
          <ProblemIcon severity="error" />
        ) : here.unfilled ? (
          <BlankIcon />
        ) : here.warnings ? (
          <ProblemIcon severity="warning" />
        ) : null}
        <span data-testid="step-problems">
          {stepTitle}：{hereText || "没有问题"}
        </span>
      </p>
      <div className="flex shrink-0 items-center gap-3">
        <span id="submit-hint" className="text-xs text-slate-700" data-testid="problem-count">
          {blocked ? problemCountText({ ...total, warnings: 0 }) : "可以提交"}
        </span>
        {statedFigures ? (
          <span className="text-xs text-amber-900" data-testid="stated-figure-warnings">
            文字与表格不一致 {statedFigures} 处（不影响提交）
          </span>
        ) : null}
        <button
          type="button"
          onClick={onSubmit}
          disabled={submitting}
          aria-describedby="submit-hint"
          className={`rounded px-3 py-1 text-sm font-medium ${blocked ? "border border-slate-500 bg-white text-slate-800 hover:bg-slate-100" : "bg-gov-red text-white hover:bg-red-800"}`}
        >
          {submitting ? "正在提交…" : "提交审核"}
        </button>
      </div>
    </div>
  );
}
