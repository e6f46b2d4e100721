"use client";

import { useEffect, useRef, useState } from "react";
import { api } from "@/lib/api/endpoints";

type State =
  | { phase: "idle" }
  | { phase: "listing" }
  | { phase: "downloading"; done: number; total: number; current: string }
  | { phase: "zipping"; total: number }
  | { phase: "ready"; url: string; zipName: string; total: number }
  | { phase: "empty" }
  | { phase: "failed"; message: string };

/**
 * 批量导出: the browser fetches the list of reports that passed review, downloads each one's DOCX
 * through the report's own export (access checked and audited per report), shows `已完成 3 / 7`, packs
 * them into a ZIP with jszip and offers it.
 */
export function BatchExport({ year, query }: { year: number; query: string }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const link = useRef<HTMLAnchorElement>(null);
  const busy =
    state.phase === "listing" || state.phase === "downloading" || state.phase === "zipping";

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
      const { default: JSZip } = await import("jszip");
      const zip = new JSZip();
      for (let i = 0; i < reports.length; i++) {
        const report = reports[i];
        setState({
          phase: "downloading",
          done: i,
          total: reports.length,
          current: report.organization,
        });
        const file = await api.reports.download(report.id, "docx");
        if (!file.ok) throw new Error(`${report.organization}的报告下载失败：${file.error}`);
        zip.file(report.fileName, await file.blob.arrayBuffer());
      }
      setState({ phase: "zipping", total: reports.length });
      const blob = await zip.generateAsync({ type: "blob", mimeType: "application/zip" });
      setState({ phase: "ready", url: URL.createObjectURL(blob), zipName, total: reports.length });
    } catch (error) {
      setState({
        phase: "failed",
        message: error instanceof Error ? error.message : String(error),
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
              已完成 {state.done} / {state.total}（正在下载：{state.current}）
            </span>
          </>
        ) : null}
        {state.phase === "zipping" ? (
          <>
            <progress
              max={state.total}
              value={state.total}
              aria-label="导出进度"
              className="h-2 w-32"
            />
            <span>
              已完成 {state.total} / {state.total}，正在打包…
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
