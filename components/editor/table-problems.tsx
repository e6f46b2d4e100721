"use client";

import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { ProblemLine } from "@/components/report/problem-line";
import { fieldKey, type ReportFormValues } from "@/lib/report/form-values";
import type { Problem } from "@/lib/report/problems";
import { tableOfTarget } from "@/lib/report/targets";
import type { EditorStore } from "./editor-store";
import { touchTable, useProblemSummary, useTableBlanks } from "./problem-store";

type Form = UseFormReturn<ReportFormValues>;

/**
 * Below a table: its errors and warnings in plain words, and its blanks with one action, 其余空格填 0
 * (a street office's tables are mostly zeros), which can be undone while nothing else was typed there.
 */
export function TableProblems({
  tableIds,
  form,
  store,
}: {
  tableIds: string[];
  form: Form;
  store: EditorStore;
}) {
  const summary = useProblemSummary(store);
  const inTable = (p: Problem) =>
    p.finding.cells.some((c) => tableIds.includes(tableOfTarget(c) ?? ""));
  const problems = [...summary.errors, ...summary.warnings].filter(inTable);
  return (
    <div className="space-y-1">
      {tableIds.map((id) => (
        <FillZero key={id} tableId={id} form={form} store={store} />
      ))}
      {problems.length ? (
        <ul className="space-y-1 text-sm" aria-label="本表的校验结果">
          {problems.map((p, i) => (
            <li key={i}>
              <ProblemLine finding={p.finding} category={p.category} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function FillZero({ tableId, form, store }: { tableId: string; form: Form; store: EditorStore }) {
  const blanks = useTableBlanks(store, tableId);
  const [filled, setFilled] = useState<string[]>([]);
  const name = (id: string) => `cells.${fieldKey(id)}` as const;

  const fill = () => {
    touchTable(store, tableId);
    for (const id of blanks) form.setValue(name(id), "0", { shouldDirty: true });
    setFilled(blanks);
  };
  const undo = () => {
    // Only the zeros this action wrote and nobody changed since go back to blank.
    for (const id of filled)
      if (form.getValues(name(id)) === "0") form.setValue(name(id), "", { shouldDirty: true });
    setFilled([]);
  };

  if (!blanks.length && !filled.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid={`blanks-${tableId}`}>
      {blanks.length ? (
        <>
          <span className="text-slate-700">
            本表还有 <span data-testid="table-blank-count">{blanks.length}</span> 处未填
          </span>
          <button
            type="button"
            onClick={fill}
            className="rounded border border-slate-400 bg-white px-2 py-0.5 text-slate-800 hover:bg-slate-100"
          >
            其余空格填 0
          </button>
        </>
      ) : null}
      {filled.length ? (
        <span role="status" className="flex items-center gap-2 text-slate-700">
          已将 {filled.length} 个空格填为 0
          <button
            type="button"
            onClick={undo}
            className="rounded border border-slate-400 bg-white px-2 py-0.5 text-slate-800 hover:bg-slate-100"
          >
            撤销填 0
          </button>
        </span>
      ) : null}
    </div>
  );
}
