"use client";

import { useState } from "react";

/**
 * 复制到门户网站: puts the report on the clipboard as HTML (the portal fragment, readable even where the
 * portal's editor drops `<style>`) and as plain text, for pasting into a portal's 年报专栏 editor. The
 * copy event works on plain http and needs no permission; the async Clipboard API is the fallback.
 */
export function CopyToPortalButton({ html, text }: { html: string; text: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  const copy = async () => {
    let copied = false;
    const onCopy = (event: ClipboardEvent) => {
      event.clipboardData?.setData("text/html", html);
      event.clipboardData?.setData("text/plain", text);
      event.preventDefault();
      copied = Boolean(event.clipboardData);
    };
    document.addEventListener("copy", onCopy);
    try {
      document.execCommand("copy");
    } finally {
      document.removeEventListener("copy", onCopy);
    }
    if (!copied && typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
      try {
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob([html], { type: "text/html" }),
            "text/plain": new Blob([text], { type: "text/plain" }),
          }),
        ]);
        copied = true;
      } catch {
        copied = false;
      }
    }
    setStatus(copied ? "copied" : "failed");
  };

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
      >
        复制到门户网站
      </button>
      <span role="status" className="text-xs text-slate-600">
        {status === "copied"
          ? "已复制，请在门户网站编辑器中粘贴。"
          : status === "failed"
            ? "浏览器不允许复制，请下载 HTML 后打开并全选复制。"
            : ""}
      </span>
    </span>
  );
}
