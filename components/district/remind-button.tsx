"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { api } from "@/lib/api/endpoints";
import type { ReminderResult } from "@/lib/district/send-reminders";

/** What a 催办 did, in one sentence. */
function summary(result: ReminderResult): string {
  const parts: string[] = [];
  if (result.reminded.length)
    parts.push(
      `已向 ${result.reminded.length} 个单位（${result.reminded.join("、")}）发出催办，共通知 ${result.notified} 人`,
    );
  if (result.alreadyReminded.length) parts.push(`${result.alreadyReminded.join("、")}今天已催办过`);
  if (result.nobodyToTell.length)
    parts.push(`${result.nobodyToTell.join("、")}没有填报员，无法通知`);
  return parts.length ? `${parts.join("；")}。` : "没有需要催办的逾期单位。";
}

/**
 * 催办逾期单位: one click reminds every unit whose deadline has passed and whose report has not reached
 * the reviewers; each unit's editors see it in their notifications.
 */
export function RemindButton({
  districtId,
  year,
  late,
}: {
  districtId: string;
  year: number;
  /** The late units' names. */
  late: string[];
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const { confirm, dialog } = useConfirm();
  const remind = async () => {
    const confirmed = await confirm({
      title: `向 ${late.length} 个逾期单位发出催办？`,
      body: `${late.join("、")}的填报员将在通知中看到催办。`,
      confirmLabel: "确认催办",
    });
    if (!confirmed) return;
    startTransition(async () => {
      const result = await api.district.remind({ districtId, year });
      setMessage(
        result.ok
          ? { error: false, text: summary(result.data) }
          : { error: true, text: result.error },
      );
      if (result.ok) router.refresh();
    });
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={remind}
        disabled={pending || late.length === 0}
        className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 disabled:border-slate-300 disabled:text-slate-600"
      >
        {pending ? "正在催办…" : `催办逾期单位（${late.length}）`}
      </button>
      {message ? (
        <span role={message.error ? "alert" : "status"} className="text-sm text-slate-800">
          {message.text}
        </span>
      ) : null}
      {dialog}
    </span>
  );
}
