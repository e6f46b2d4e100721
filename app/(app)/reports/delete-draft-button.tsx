"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { deleteUntouchedDraftAction } from "./actions";

/** 删除 for a draft nobody has written in yet, after a confirmation naming the unit and the year. */
export function DeleteDraftButton({
  reportId,
  organizationName,
  year,
}: {
  reportId: string;
  organizationName: string;
  year: number;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const remove = async () => {
    const confirmed = await confirm({
      title: `删除${year}年度报告草稿`,
      body: `将删除${organizationName}尚未编辑的 ${year} 年度报告草稿。删除会记入操作日志，之后可以重新新建。`,
      confirmLabel: "确认删除",
      tone: "danger",
    });
    if (!confirmed) return;
    startTransition(async () => {
      setError(null);
      const result = await deleteUntouchedDraftAction({ reportId });
      if (result.ok) router.refresh();
      else setError(result.error);
    });
  };
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={remove}
        aria-label={`删除${organizationName}${year}年度报告草稿`}
        className="text-sm text-red-700 hover:underline disabled:opacity-60"
      >
        删除
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {error}
        </span>
      ) : null}
      {dialog}
    </>
  );
}
