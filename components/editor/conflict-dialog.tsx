"use client";

import { useState } from "react";
import { editableTargets } from "@/lib/report/patch";
import type { FormatId } from "@/lib/report/spec-types";
import { formatWhen } from "./format-when";
import type { CellConflict } from "./use-autosave";

/**
 * A colleague changed the same cells since this page's version: just those cells, each with both
 * values and who made the other change, and the person keeps theirs or takes the colleague's. Every
 * other change of the save was written already.
 */
export function ConflictDialog({
  format,
  conflicts,
  onResolve,
}: {
  format: FormatId;
  conflicts: CellConflict[];
  onResolve: (takeTheirs: ReadonlySet<string>) => void;
}) {
  const targets = editableTargets(format);
  const [takeTheirs, setTakeTheirs] = useState<Set<string>>(new Set());
  const choose = (key: string, theirs: boolean) =>
    setTakeTheirs((prev) => {
      const next = new Set(prev);
      if (theirs) next.add(key);
      else next.delete(key);
      return next;
    });
  const names = [...new Set(conflicts.map((c) => c.actorName || "其他用户"))].join("、");
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="conflict-title"
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/30 p-4"
    >
      <div className="max-h-[85vh] w-full max-w-4xl overflow-hidden rounded-lg bg-white shadow-xl">
        <div className="border-b border-slate-200 px-4 py-3">
          <h2 id="conflict-title" className="text-base font-semibold">
            他人已修改了这份报告
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {names}在您之前修改了下列 {conflicts.length}{" "}
            处，您的其他修改已经保存。请逐项选择保留哪一方的内容，您的修改在选择前不会丢失。
          </p>
        </div>
        <div className="max-h-[55vh] overflow-y-auto">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  项目
                </th>
                <th scope="col" className="px-3 py-2">
                  我的
                </th>
                <th scope="col" className="px-3 py-2">
                  对方的
                </th>
                <th scope="col" className="px-3 py-2">
                  采用
                </th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((conflict) => {
                const target = targets.get(conflict.target);
                const label = target?.label ?? conflict.target;
                const show = (v: CellConflict["mine"]) =>
                  target ? target.show(v) : String(v ?? "");
                const theirs = takeTheirs.has(conflict.target);
                return (
                  <tr
                    key={conflict.target}
                    className="border-t border-slate-100 align-top"
                    data-testid="conflict-row"
                  >
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      {label}
                    </th>
                    <td
                      className={`max-w-56 whitespace-pre-wrap px-3 py-2 ${theirs ? "text-slate-400" : "font-medium"}`}
                    >
                      {show(conflict.mine) || "（空）"}
                    </td>
                    <td
                      className={`max-w-56 whitespace-pre-wrap px-3 py-2 ${theirs ? "font-medium" : "text-slate-400"}`}
                    >
                      {show(conflict.theirs) || "（空）"}
                      <span className="mt-0.5 block text-xs font-normal text-slate-500">
                        {conflict.actorName || "其他用户"} · {formatWhen(conflict.at)}
                      </span>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <button
                        type="button"
                        aria-pressed={!theirs}
                        aria-label={`${label}：保留我的`}
                        onClick={() => choose(conflict.target, false)}
                        className={`mr-1 rounded border px-2 py-0.5 ${!theirs ? "border-blue-600 bg-blue-50" : "border-slate-300"}`}
                      >
                        保留我的
                      </button>
                      <button
                        type="button"
                        aria-pressed={theirs}
                        aria-label={`${label}：采用对方的`}
                        onClick={() => choose(conflict.target, true)}
                        className={`rounded border px-2 py-0.5 ${theirs ? "border-blue-600 bg-blue-50" : "border-slate-300"}`}
                      >
                        采用对方的
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="flex justify-between border-t border-slate-200 px-4 py-3">
          <div className="space-x-2 text-sm">
            <button
              type="button"
              onClick={() => setTakeTheirs(new Set())}
              className="text-blue-700 hover:underline"
            >
              全部保留我的
            </button>
            <button
              type="button"
              onClick={() => setTakeTheirs(new Set(conflicts.map((c) => c.target)))}
              className="text-blue-700 hover:underline"
            >
              全部采用对方的
            </button>
          </div>
          <button
            type="button"
            onClick={() => onResolve(takeTheirs)}
            className="rounded bg-gov-red px-4 py-1.5 text-sm font-medium text-white hover:bg-red-800"
          >
            确定并保存
          </button>
        </div>
      </div>
    </div>
  );
}
