"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { api } from "@/lib/api/endpoints";

/**
 * 更正 (admins): reopen a published report with the reason. The published version stays on the public
 * page until the corrected one is published.
 */
export function CorrectionForm({ reportId, version }: { reportId: string; version: number }) {
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { confirm, dialog } = useConfirm();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (!reason) {
      setError("请填写更正原因。");
      return;
    }
    const confirmed = await confirm({
      title: "确认重新打开这份已发布的报告以更正？",
      body: "报告将回到草稿状态，修改后须重新提交审核、通过并发布（发布时填写更正说明）。在此之前，公开页面继续显示已发布的版本。",
      confirmLabel: "确认更正",
      tone: "danger",
    });
    if (!confirmed) return;
    startTransition(async () => {
      setError(null);
      const result = await api.reports.correct(reportId, { version, reason });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  };
  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50"
      >
        更正已发布的报告
      </button>
    );
  return (
    <form
      onSubmit={submit}
      aria-label="更正已发布的报告"
      className="space-y-2 rounded-lg border border-slate-300 bg-white p-4"
    >
      <label htmlFor={`${ids}-reason`} className="block text-sm font-medium">
        更正原因（记入历史记录和审计日志）
      </label>
      <textarea
        id={`${ids}-reason`}
        name="reason"
        rows={2}
        maxLength={2000}
        required
        className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm"
      />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
        >
          {pending ? "正在打开…" : "重新打开以更正"}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="rounded border border-slate-300 px-3 py-1.5 text-sm"
        >
          取消
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {dialog}
    </form>
  );
}
