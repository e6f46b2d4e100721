"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { STATUS_LABEL } from "@/lib/orgs/labels";
import type { DraftOffer } from "@/lib/reports/list-reports";
import { createNextDraftAction } from "./actions";

/**
 * New drafts: the due year first, missing past years behind 补建往年报告. Every creation asks first,
 * naming the year, its format and what the draft starts from, then opens the new draft.
 */
export function CreateDraftButton({
  organizationId,
  organizationName,
  offers,
  dueYear,
}: {
  organizationId: string;
  organizationName: string;
  offers: DraftOffer[];
  /** The year whose report is due next; its draft, if missing, is the main button. */
  dueYear: number;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  if (offers.length === 0) return null;
  const due = offers.find((o) => o.year === dueYear);
  const past = offers.filter((o) => o !== due);

  const create = async (offer: DraftOffer, basedOnPrevious: boolean) => {
    const base = basedOnPrevious ? offer.base : null;
    const confirmed = await confirm({
      title: `新建${offer.year}年度报告`,
      body: (
        <div className="space-y-1.5">
          <p>
            将为{organizationName}新建 <strong>{offer.year} 年度</strong>报告，使用
            <strong>{offer.formatLabel}</strong>。
          </p>
          {base ? (
            <p>
              以{" "}
              <strong>
                {base.year} 年度报告（{STATUS_LABEL[base.status]}）
              </strong>
              为基础：带入其“结转下年度继续办理”作为本年“上年结转”，以及联系方式和落款。
            </p>
          ) : (
            <p>
              新建空白报告
              {offer.base ? "" : `（${offer.year - 1}年度报告尚未审核通过或发布，不能作为基础）`}。
            </p>
          )}
        </div>
      ),
      confirmLabel: "确定新建",
    });
    if (!confirmed) return;
    startTransition(async () => {
      setError(null);
      const result = await createNextDraftAction({
        organizationId,
        year: offer.year,
        basedOnPrevious,
      });
      if (result.ok) router.push(`/reports/${result.data.id}`);
      else setError(result.error);
    });
  };

  const buttons = (offer: DraftOffer, primary: boolean) => (
    <>
      {offer.base ? (
        <button
          type="button"
          disabled={pending}
          // The name starts with the visible words (WCAG 2.5.3), then says which unit and year.
          aria-label={`以 ${offer.base.year} 年度报告为基础新建（${organizationName} ${offer.year} 年度）`}
          onClick={() => create(offer, true)}
          className="rounded border border-gov-red px-3 py-1.5 text-sm font-medium text-gov-red hover:bg-red-50 disabled:opacity-60"
        >
          以 {offer.base.year} 年度报告为基础新建{primary ? "" : ` ${offer.year} 年度`}
        </button>
      ) : null}
      <button
        type="button"
        disabled={pending}
        aria-label={`${pending && primary ? "正在创建…" : `新建 ${offer.year} 年度报告`}（${organizationName}）`}
        onClick={() => create(offer, false)}
        className={
          primary
            ? "rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
            : "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-60"
        }
      >
        {pending && primary ? "正在创建…" : `新建 ${offer.year} 年度报告`}
      </button>
    </>
  );

  return (
    <div className="flex flex-wrap items-center justify-end gap-3">
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
      {past.length > 0 ? (
        <details className="relative text-sm">
          <summary className="cursor-pointer text-blue-700">补建往年报告（{past.length}）</summary>
          <div className="absolute right-0 z-10 mt-1 flex w-max flex-col gap-1.5 rounded border border-slate-200 bg-white p-2 shadow">
            {past.map((offer) => (
              <div key={offer.year} className="flex items-center justify-end gap-2">
                {buttons(offer, false)}
              </div>
            ))}
          </div>
        </details>
      ) : null}
      {due ? buttons(due, true) : null}
      {dialog}
    </div>
  );
}
