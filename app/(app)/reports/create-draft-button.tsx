"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createNextDraftAction } from "./actions";

export function CreateDraftButton({ organizationId, organizationName, year }: { organizationId: string; organizationName: string; year: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
      <button
        type="button"
        disabled={pending}
        aria-label={`为${organizationName}新建${year}年度报告`}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await createNextDraftAction({ organizationId });
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
        className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "正在创建…" : `新建 ${year} 年度报告`}
      </button>
    </div>
  );
}
