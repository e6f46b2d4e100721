"use client";

import { useState } from "react";
import { api } from "@/lib/api/endpoints";

/**
 * 下载 PDF: asks the server for the PDF (made by LibreOffice in a queue) and saves it; while the
 * converters are busy or absent the server's Chinese explanation is shown instead of an error page.
 */
export function DownloadPdfButton({ reportId, fileName }: { reportId: string; fileName: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });

  const download = async () => {
    setState({ busy: true, error: null });
    try {
      const file = await api.reports.download(reportId, "pdf");
      if (!file.ok) {
        setState({
          busy: false,
          error: file.status === 0 ? "网络错误，未能下载 PDF，请稍后再试。" : file.error,
        });
        return;
      }
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ busy: false, error: null });
    } catch {
      setState({ busy: false, error: "网络错误，未能下载 PDF，请稍后再试。" });
    }
  };

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={download}
        disabled={state.busy}
        aria-busy={state.busy}
        className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {state.busy ? "正在生成 PDF…" : "下载 PDF"}
      </button>
      {state.error ? (
        <span role="alert" className="max-w-xs text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
