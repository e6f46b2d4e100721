"use client";

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface ConfirmRequest {
  title: string;
  /** What will happen, in a sentence or two. */
  body: ReactNode;
  /** The confirming button, naming the action (“确认通过”). */
  confirmLabel: string;
  /** Red for what takes something away (退回, 移除角色). */
  tone?: "primary" | "danger";
}

interface Open extends ConfirmRequest {
  resolve: (confirmed: boolean) => void;
}

/**
 * A consequential action asks first, in a real modal dialog (the browser's own <dialog>: focus stays
 * inside, Esc cancels, the page behind is inert). Focus starts on 取消, so a stray Enter or a click
 * that lands where the button was does nothing. `confirm()` resolves true only on the confirming button.
 */
export function useConfirm(): {
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  dialog: ReactNode;
} {
  const [open, setOpen] = useState<Open | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => setOpen({ ...request, resolve })),
    [],
  );
  const close = (confirmed: boolean) => {
    open?.resolve(confirmed);
    setOpen(null);
  };
  return { confirm, dialog: open ? <ConfirmDialog request={open} onClose={close} /> : null };
}

function ConfirmDialog({
  request,
  onClose,
}: {
  request: ConfirmRequest;
  onClose: (confirmed: boolean) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ids = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  const confirmClass =
    request.tone === "danger"
      ? "rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
      : "rounded bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800";
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-body`}
      // Esc: the browser closes the dialog and fires cancel; it counts as 取消.
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
      className="w-full max-w-md rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-black/30"
    >
      <div className="space-y-3 p-5">
        <h2 id={`${ids}-title`} className="text-base font-semibold">
          {request.title}
        </h2>
        <div id={`${ids}-body`} className="text-sm text-slate-700">
          {request.body}
        </div>
        <div className="flex justify-end gap-2 pt-2">
          <button
            ref={cancelRef}
            type="button"
            onClick={() => onClose(false)}
            className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
          >
            取消
          </button>
          <button type="button" onClick={() => onClose(true)} className={confirmClass}>
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
