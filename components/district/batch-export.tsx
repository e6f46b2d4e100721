"use client";

import { useEffect, useRef, useState } from "react";
import { api } from "@/lib/api/endpoints";
import { BATCH_EXPORT_MAX_REPORTS } from "@/lib/district/batch-export-limit";
import { zipEntryProgress } from "@/lib/district/zip-entry-progress";

type State =
  | { phase: "idle" }
  | { phase: "listing" }
  | { phase: "downloading"; done: number; total: number; current: string }
  | { phase: "ready"; url: string; zipName: string; total: number }
  | { phase: "empty" }
  | { phase: "failed"; message: string };

/**
 * 批量导出: the page asks for the list of reports that passed review, then for one ZIP of their DOCX,
 * which the server makes while sending it (each report checked and audited as a download of its own).
 * While it arrives the page shows `已完成 3 / 7` and the unit being packed, then offers the ZIP.
 */
export function BatchExport({
  year,
  districtId,
  query,
}: {
  year: number;
  districtId: string | null;
  query: string;
}) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const link = useRef<HTMLAnchorElement>(null);
  const busy = state.phase === "listing" || state.phase === "downloading";

  useEffect(
    () => () => {
      if (state.phase === "ready") URL.revokeObjectURL(state.url);
    },
    [state],
  );

  useEffect(() => {
    if (state.phase === "ready") link.current?.click();
  }, [state]);

  async function run() {
    setState({ phase: "listing" });
    try {
      const listed = await api.district.approved(query);
      if (!listed.ok) throw new Error(listed.error);
      const { reports, zipName } = listed.data;
      if (!reports.length) {
        setState({ phase: "empty" });
        return;
      }
      const total = reports.length;
      if (total > BATCH_EXPORT_MAX_REPORTS)
        throw new Error(
          `一次最多打包 ${BATCH_EXPORT_MAX_REPORTS} 份报告，本年度有 ${total} 份。请按区县分别导出`,
        );
      const progress = zipEntryProgress(reports.map((r) => r.fileName));
      let begun = 0;
      setState({ phase: "downloading", done: 0, total, current: reports[0].organization });
      const file = await api.district.approvedZip(
        // The year the list was made for: the ZIP is checked against the same list on the server.
        { districtId, year: listed.data.year, reportIds: reports.map((r) => r.id) },
        (chunk) => {
          const now = progress.push(chunk);
          if (now === begun) return;
          begun = now;
          setState({
            phase: "downloading",
            done: begun - 1,
            total,
            current: reports[begun - 1].organization,
          });
        },
      );
      if (!file.ok) {
        const at = begun > 0 ? `（已完成 ${begun - 1} / ${total}）` : "";
        throw new Error(`${file.error.replace(/。$/, "")}${at}`);
      }
      setState({ phase: "ready", url: URL.createObjectURL(file.blob), zipName, total });
    } catch (error) {
      setState({
        phase: "failed",
        message: (error instanceof Error ? error.message : String(error)).replace(/。$/, ""),
      });
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={run}
        disabled={busy}
        className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        批量导出已通过的报告（ZIP）
      </button>
      <div
        role="status"
        aria-live="polite"
        className="flex items-center gap-2 text-sm text-slate-700"
      >
        {state.phase === "listing" ? "正在查找已通过审核的报告…" : null}
        {state.phase === "downloading" ? (
          <>
            <progress
              max={state.total}
              value={state.done}
              aria-label="导出进度"
              className="h-2 w-32"
            />
            <span>
              已完成 {state.done} / {state.total}（正在打包：{state.current}）
            </span>
          </>
        ) : null}
        {state.phase === "ready" ? (
          <>
            <span>
              已完成 {state.total} / {state.total}。
            </span>
            <a
              ref={link}
              href={state.url}
              download={state.zipName}
              className="font-medium text-blue-700 underline"
            >
              下载 ZIP（{state.total} 份报告）
            </a>
          </>
        ) : null}
        {state.phase === "empty" ? `${year}年度没有已通过审核的报告。` : null}
      </div>
      {state.phase === "failed" ? (
        <p role="alert" className="text-sm text-red-700">
          批量导出失败：{state.message}。请重试。
        </p>
      ) : null}
    </div>
  );
}
