"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { api } from "@/lib/api/endpoints";

/** 撤回提交: the unit takes its submission back while no reviewer has started on it. */
export function WithdrawButton({ reportId, version }: { reportId: string; version: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { confirm, dialog } = useConfirm();
  const withdraw = async () => {
    const confirmed = await confirm({
      title: "确认撤回提交？",
      body: "报告将回到草稿状态，可以继续修改，修改后需要重新提交审核。审核员开始审核后就不能撤回了。",
      confirmLabel: "确认撤回",
    });
    if (!confirmed) return;
    startTransition(async () => {
      setError(null);
      const result = await api.reports.withdraw(reportId, { version });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={withdraw}
        disabled={pending}
        className="rounded border border-amber-400 bg-white px-2.5 py-1 text-sm text-amber-950 hover:bg-amber-100 disabled:opacity-60"
      >
        {pending ? "正在撤回…" : "撤回提交"}
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
      {dialog}
    </span>
  );
}
