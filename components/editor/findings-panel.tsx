"use client";

import type { Finding } from "@/lib/report/rules";
import { useFindings, type EditorStore } from "./editor-store";

/** Every finding; each entry jumps to the first cell or field it names. */
export function FindingsPanel({
  store,
  extra,
  onJump,
}: {
  store: EditorStore;
  extra: Finding[] | null;
  onJump: (target: string) => void;
}) {
  const live = useFindings(store);
  const findings = extra ?? live;
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <section
      aria-labelledby="findings-title"
      className="rounded-lg border border-slate-200 bg-white"
    >
      <h2 id="findings-title" className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">
        校验结果{" "}
        <span className="font-normal text-slate-500">
          （{errors} 个错误，{findings.length - errors} 个提示）
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="px-3 py-3 text-sm text-emerald-700">未发现问题。</p>
      ) : (
        <ul
          className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto"
          aria-label="校验结果列表"
        >
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`}>
              <button
                type="button"
                onClick={() => f.cells[0] && onJump(f.cells[0])}
                className="w-full px-3 py-2 text-left text-sm hover:bg-slate-50"
              >
                <span
                  className={`mr-1.5 rounded px-1 text-xs ${f.severity === "error" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-800"}`}
                >
                  {f.severity === "error" ? "错误" : "提示"} {f.rule}
                </span>
                {f.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
