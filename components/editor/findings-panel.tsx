"use client";

import { useState } from "react";
import { BlankIcon, ProblemIcon } from "@/components/report/problem-icon";
import { ProblemLine } from "@/components/report/problem-line";
import { PROBLEM_CATEGORIES } from "@/lib/report/problem-categories";
import { problemCount, summarizeProblems } from "@/lib/report/problems";
import type { Finding } from "@/lib/report/rules";
import type { EditorStore } from "./editor-store";
import { fixOfFinding, useNarrativeFixes, type FigureBindings } from "./figure-bindings";
import { NarrativeFixButton } from "./narrative-fix-button";
import { useBlanksShown, useProblemSummary } from "./problem-store";

/**
 * The checks, collapsible: errors, then the blanks grouped per table or part, then warnings — the
 * same model and count as the status bar. Each entry jumps to the first place it names; a figure in
 * the text that the table contradicts (X5) can be corrected from here (改为表中数字).
 */
export function FindingsPanel({
  store,
  extra,
  onJump,
  figures,
}: {
  store: EditorStore;
  /** The server's answer to a refused submission, when there is one. */
  extra: Finding[] | null;
  onJump: (target: string) => void;
  figures?: FigureBindings;
}) {
  const live = useProblemSummary(store);
  const fixes = useNarrativeFixes(store);
  const summary = extra ? summarizeProblems(store.get().content, extra) : live;
  const count = problemCount(summary);
  const [open, setOpen] = useState(true);
  // Blanks are listed neutrally while drafting; once submission was tried they are what blocks it.
  const blocking = useBlanksShown(store, null);
  const total = count.errors + count.unfilled + count.warnings;
  const item = "w-full px-3 py-2 text-left text-sm hover:bg-slate-50";
  return (
    <section
      aria-labelledby="findings-title"
      className="rounded-lg border border-slate-200 bg-white"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 id="findings-title" className="text-sm font-semibold">
          校验结果{" "}
          <span className="font-normal text-slate-600" data-testid="findings-count">
            （{count.errors} 个错误，{count.unfilled} 处未填，{count.warnings} 个提醒）
          </span>
        </h2>
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls="findings-body"
          className="shrink-0 rounded px-1.5 text-xs text-blue-800 underline hover:bg-slate-100"
        >
          {open ? "收起" : "展开"}
        </button>
      </div>
      <div id="findings-body" hidden={!open}>
        {total === 0 ? (
          <p className="px-3 py-3 text-sm text-emerald-800">未发现问题。</p>
        ) : (
          <ul
            className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto"
            aria-label="校验结果列表"
          >
            {summary.errors.map((p, i) => (
              <li key={`e${i}`}>
                <button
                  type="button"
                  onClick={() => p.finding.cells[0] && onJump(p.finding.cells[0])}
                  className={item}
                >
                  <ProblemLine finding={p.finding} category={p.category} />
                </button>
              </li>
            ))}
            {summary.unfilled.map((g) => (
              <li key={g.key}>
                <button type="button" onClick={() => onJump(g.targets[0])} className={item}>
                  <span className="flex items-start gap-1.5">
                    {blocking ? (
                      <ProblemIcon severity="error" className="mt-0.5 h-3.5 w-3.5" />
                    ) : (
                      <BlankIcon className="mt-0.5 h-3.5 w-3.5" />
                    )}
                    <span>
                      <span
                        className={`mr-1 font-medium ${blocking ? "text-red-700" : "text-slate-800"}`}
                      >
                        {PROBLEM_CATEGORIES.unfilled}
                      </span>
                      {g.tableId ? `${g.title}：${g.targets.length} 处` : g.title}
                    </span>
                  </span>
                </button>
              </li>
            ))}
            {summary.warnings.map((p, i) => {
              const fix = figures ? fixOfFinding(fixes, p.finding) : null;
              return (
                <li key={`w${i}`} className={fix ? "flex items-start" : undefined}>
                  <button
                    type="button"
                    onClick={() => p.finding.cells[0] && onJump(p.finding.cells[0])}
                    className={fix ? `${item} min-w-0 flex-1` : item}
                  >
                    <ProblemLine finding={p.finding} category={p.category} />
                  </button>
                  {fix && figures ? (
                    <span className="py-2 pr-3">
                      <NarrativeFixButton fix={fix} figures={figures} />
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
