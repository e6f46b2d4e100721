"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createNextDraftAction } from "./actions";

export function CreateDraftButton({ organizationId, organizationName, year, canCarryForward }: {
  organizationId: string;
  organizationName: string;
  year: number;
  canCarryForward: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const create = (basedOnPrevious: boolean) =>
    startTransition(async () => {
      setError(null);
      const result = await createNextDraftAction({ organizationId, basedOnPrevious });
      if (result.ok) router.refresh();
      else setError(result.error);
    });
  return (
    <div className="flex items-center gap-3">
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
      {canCarryForward ? (
        <button
          type="button"
          disabled={pending}
          aria-label={`以${organizationName}${year - 1}年度报告为基础新建${year}年度报告`}
          onClick={() => create(true)}
          className="rounded border border-gov-red px-3 py-1.5 text-sm font-medium text-gov-red hover:bg-red-50 disabled:opacity-60"
        >
          以上年报告为基础新建
        </button>
      ) : null}
      <button
        type="button"
        disabled={pending}
        aria-label={`为${organizationName}新建${year}年度报告`}
        onClick={() => create(false)}
        className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "正在创建…" : `新建 ${year} 年度报告`}
      </button>
    </div>
  );
}
