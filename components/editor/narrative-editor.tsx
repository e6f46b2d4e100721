"use client";

import { useRef } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import type { ReportFormValues } from "@/lib/report/form-values";
import { normalizeSubheadings } from "@/lib/report/heading-text";
import type { SentenceVariant } from "@/lib/report/narrative-sentences";
import type { SectionKey } from "@/lib/report/spec-types";
import { targetId } from "@/lib/report/targets";
import type { FigureBindings } from "./figure-bindings";
import { NarrativeFigures } from "./narrative-figures";
import { useTargetComments } from "./review-comments";
import { SentenceMenu } from "./sentence-menu";

/**
 * A section's text: guidance beside it, last year's text offered as a start, a character count, and —
 * with `figures` — the 插入数据句 menu, notices about bound figures and X5's one-click fixes.
 */
export function NarrativeEditor({
  sectionKey,
  label,
  guidance,
  previousText,
  form,
  optional,
  figures,
}: {
  sectionKey: SectionKey;
  label: string;
  guidance: string[];
  previousText: string | null;
  form: UseFormReturn<ReportFormValues>;
  optional?: boolean;
  figures?: FigureBindings;
}) {
  const name = `narratives.${sectionKey}` as const;
  const value = useWatch({ control: form.control, name }) ?? "";
  const id = `narrative-${sectionKey}`;
  const review = useTargetComments(targetId.narrative(sectionKey));
  const registered = form.register(name);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  /** Whether the person has been in the text: until then a sentence goes at its end, not at 0. */
  const visited = useRef(false);
  const insert = (variant: SentenceVariant) => {
    const element = textarea.current;
    if (!figures || !element) return;
    const at = visited.current ? element.selectionStart : element.value.length;
    const caret = figures.insert(sectionKey, at, variant);
    if (caret === null) return;
    element.focus();
    element.setSelectionRange(caret, caret);
  };
  const usePrevious = () => {
    if (!previousText) return;
    if (value.trim() && !window.confirm("用上年报告的文字替换当前内容？当前内容将被覆盖。")) return;
    form.setValue(name, previousText, { shouldDirty: true });
  };
  return (
    <div className="grid grid-cols-[1fr_16rem] gap-4">
      <div>
        <div className="mb-1 flex items-center justify-between">
          <div className="flex items-center gap-3">
            <label htmlFor={id} className="text-sm font-medium">
              {label}
              {optional ? "（可选）" : ""}
            </label>
            {figures ? (
              <SentenceMenu
                content={() => figures.store.get().content}
                previous={figures.previous}
                onInsert={insert}
              />
            ) : null}
          </div>
          <span className="text-xs text-slate-500" aria-live="polite">
            {[...value].length} 字
          </span>
        </div>
        <textarea
          id={id}
          {...registered}
          ref={(element) => {
            registered.ref(element);
            textarea.current = element;
          }}
          onFocus={() => {
            visited.current = true;
          }}
          onBlur={(event) => {
            registered.onBlur(event);
            // `(一) 主动公开…`, `（二)依法…` are written the official way, `（一）主动公开…`, as the report prints them.
            const normal = normalizeSubheadings(event.target.value);
            if (normal !== event.target.value) form.setValue(name, normal, { shouldDirty: true });
          }}
          rows={optional ? 4 : 14}
          data-cell-id={targetId.narrative(sectionKey)}
          aria-description={review.description}
          title={review.description}
          className={`w-full rounded border px-3 py-2 leading-7 focus:border-blue-600 ${review.description ? "border-violet-500 bg-violet-50/40" : "border-slate-300"}`}
        />
        {figures ? <NarrativeFigures section={sectionKey} figures={figures} /> : null}
        {previousText ? (
          <button
            type="button"
            onClick={usePrevious}
            className="mt-1 text-sm text-blue-700 hover:underline"
          >
            以上年报告的文字为起点
          </button>
        ) : null}
      </div>
      {guidance.length ? (
        <aside className="rounded border border-slate-200 bg-slate-50 p-3 text-xs leading-5 text-slate-600">
          <p className="mb-1 font-medium text-slate-700">本部分应包括</p>
          <ul className="list-disc space-y-1 pl-4">
            {guidance.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </aside>
      ) : null}
    </div>
  );
}
