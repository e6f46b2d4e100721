"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { DateField } from "@/components/forms/date-field";
import { api } from "@/lib/api/endpoints";

/**
 * 标记为已发布: where and on which day the approved report was published (today by default). A corrected
 * report also needs its 更正说明, which the public page prints above it.
 */
export function PublishForm({
  reportId,
  version,
  defaultUrl,
  today,
  correction = false,
}: {
  reportId: string;
  version: number;
  defaultUrl: string;
  /** yyyy-mm-dd, China time. */
  today: string;
  correction?: boolean;
}) {
  const router = useRouter();
  const ids = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { confirm, dialog } = useConfirm();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const url = String(data.get("url") ?? "");
    const date = String(data.get("date") ?? "");
    const note = correction ? String(data.get("note") ?? "").trim() : "";
    if (correction && !note) {
      setError("这是更正后的再次发布，请填写更正说明（将显示在公开页面上）。");
      return;
    }
    const confirmed = await confirm({
      title: "确认标记为已发布？",
      body: (
        <>
          发布网址：<span className="break-all">{url || "（未填写）"}</span>
          <br />
          发布日期：{date || "（未填写）"}
          <br />
          {correction
            ? "标记后，公开页面显示更正后的版本和更正说明，原版本标为已更正。"
            : "标记后，报告将出现在公开的年报专栏中。"}
        </>
      ),
      confirmLabel: "确认发布",
    });
    if (!confirmed) return;
    startTransition(async () => {
      setError(null);
      const result = await api.reports.publish(reportId, {
        version,
        url,
        date,
        ...(correction ? { note } : {}),
      });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  };
  const field = "rounded border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <form
      onSubmit={submit}
      aria-label="标记为已发布"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4"
    >
      <p className="w-full text-sm text-emerald-900">
        {correction
          ? "更正后的报告已通过审核。在门户网站发布后，请填写发布网址、日期和更正说明，标记为已发布。"
          : "报告已通过审核。在门户网站发布后，请填写发布网址和日期，标记为已发布。"}
      </p>
      <label className="min-w-80 flex-1 text-sm">
        <span className="mb-1 block">发布网址</span>
        <input
          id={`${ids}-url`}
          name="url"
          type="url"
          required
          defaultValue={defaultUrl}
          placeholder="https://"
          className={`${field} w-full`}
        />
      </label>
      <label className="text-sm">
        <span className="mb-1 block">发布日期</span>
        <DateField name="date" required defaultValue={today} className={field} />
      </label>
      {correction ? (
        <label className="w-full text-sm">
          <span className="mb-1 block">更正说明（显示在公开页面上）</span>
          <textarea name="note" rows={2} maxLength={2000} required className={`${field} w-full`} />
        </label>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "正在保存…" : "标记为已发布"}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {dialog}
    </form>
  );
}
