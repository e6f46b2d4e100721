"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/api/endpoints";
import { editableTargets, type PatchValue } from "@/lib/report/patch";
import type { FormatId } from "@/lib/report/spec-types";
import type { CellHistoryEntry } from "@/lib/reports/list-cell-history";
import { formatWhen } from "./format-when";

interface Anchor {
  target: string;
  top: number;
  left: number;
}

/** Where the 修改记录 button of a cell or field goes: just right of its top corner. */
function anchorOf(element: HTMLElement, target: string): Anchor | null {
  if (!element.isConnected || element.offsetParent === null) return null;
  const rect = element.getBoundingClientRect();
  return { target, top: rect.top, left: rect.right + 4 };
}

/**
 * 修改记录 of the cell or field last entered: a small button beside it opens who typed what, and when,
 * oldest first (older changes folded into one line say how many they were).
 */
export function CellHistory({ reportId, format }: { reportId: string; format: FormatId }) {
  const targets = editableTargets(format);
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [open, setOpen] = useState<{
    target: string;
    entries: CellHistoryEntry[] | null;
    error: string | null;
  } | null>(null);

  const place = useCallback(() => {
    if (!element) return;
    const target = element.dataset.cellId;
    setAnchor(target ? anchorOf(element, target) : null);
  }, [element]);

  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const el = event.target;
      if (!(el instanceof HTMLElement) || !el.dataset.cellId) return;
      if (!targets.has(el.dataset.cellId) || el.closest("[data-cell-history]")) return;
      setElement(el);
      setAnchor(anchorOf(el, el.dataset.cellId));
    };
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, [targets]);

  useEffect(() => {
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    document.addEventListener("click", place, true);
    return () => {
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
      document.removeEventListener("click", place, true);
    };
  }, [place]);

  const close = useRef<HTMLButtonElement>(null);
  const isOpen = Boolean(open);
  // The dialog takes the focus when it opens, so a keyboard user is inside it at once.
  useEffect(() => {
    if (isOpen) close.current?.focus();
  }, [isOpen]);

  const shut = useCallback(() => {
    setOpen(null);
    element?.focus();
  }, [element]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && shut();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, shut]);

  const show = useCallback(
    async (target: string) => {
      setOpen({ target, entries: null, error: null });
      const answer = await api.reports.cellHistory(reportId, target);
      setOpen(
        answer.ok
          ? { target, entries: answer.data.entries, error: null }
          : {
              target,
              entries: null,
              error: answer.status === 0 ? "无法连接服务器，请稍后再试。" : answer.error,
            },
      );
    },
    [reportId],
  );

  // The button floats beside the cell, out of the Tab order; Alt+H from the cell opens it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.code !== "KeyH") return;
      const el = document.activeElement;
      if (!(el instanceof HTMLElement) || !el.dataset.cellId || !targets.has(el.dataset.cellId))
        return;
      event.preventDefault();
      setElement(el);
      void show(el.dataset.cellId);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [targets, show]);

  if (!anchor) return null;
  const label = targets.get(open?.target ?? anchor.target)?.label ?? anchor.target;
  const text = (target: string, value: PatchValue) => targets.get(target)?.show(value) || "（空）";
  return (
    <div
      data-cell-history
      className="fixed z-40"
      style={{ top: Math.max(anchor.top, 0), left: Math.min(anchor.left, window.innerWidth - 96) }}
    >
      <button
        type="button"
        // The cell's own label is not repeated: its name stays the cell's alone.
        aria-label="本项修改记录"
        aria-keyshortcuts="Alt+H"
        title="本项修改记录（在单元格中按 Alt+H）"
        aria-expanded={Boolean(open)}
        onClick={() => (open ? shut() : void show(anchor.target))}
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-600 shadow-sm hover:bg-slate-50"
      >
        修改记录
      </button>
      {open ? (
        <div
          role="dialog"
          aria-label={`修改记录：${label}`}
          className="absolute right-0 top-7 w-96 max-w-[90vw] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-xl"
        >
          <div className="mb-2 flex items-start justify-between gap-2">
            <h3 className="font-semibold">修改记录：{label}</h3>
            <button
              ref={close}
              type="button"
              onClick={shut}
              className="text-slate-500 hover:text-slate-800"
            >
              关闭
            </button>
          </div>
          {open.error ? <p className="text-red-700">{open.error}</p> : null}
          {!open.error && !open.entries ? <p className="text-slate-500">正在读取…</p> : null}
          {open.entries && !open.entries.length ? (
            <p className="text-slate-500">保存以来还没有人修改过这一项。</p>
          ) : null}
          {open.entries?.length ? (
            <ol className="max-h-72 space-y-1.5 overflow-y-auto" data-testid="cell-history">
              {open.entries.map((entry, i) => (
                <li
                  key={i}
                  data-testid="cell-history-entry"
                  className="border-b border-slate-100 pb-1"
                >
                  <span className="font-medium">{entry.actorName}</span>{" "}
                  <span className="text-xs text-slate-500">
                    {entry.foldedCount > 1 && entry.firstAt
                      ? `${formatWhen(entry.firstAt)} 至 ${formatWhen(entry.at)}，共 ${entry.foldedCount} 次修改`
                      : formatWhen(entry.at)}
                  </span>
                  <div className="whitespace-pre-wrap break-words">
                    {text(open.target, entry.oldValue)} → {text(open.target, entry.newValue)}
                  </div>
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
