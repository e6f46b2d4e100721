"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { sendJson } from "./post-json";

/** 标记为已发布: where and on which day the approved report was published. */
export function PublishForm({
  reportId,
  version,
  defaultUrl,
}: {
  reportId: string;
  version: number;
  defaultUrl: string;
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
    const confirmed = await confirm({
      title: "确认标记为已发布？",
      body: (
        <>
          发布网址：<span className="break-all">{url || "（未填写）"}</span>
          <br />
          发布日期：{date || "（未填写）"}
          <br />
          标记后，报告将出现在公开的年报专栏中。
        </>
      ),
      confirmLabel: "确认发布",
    });
    if (!confirmed) return;
    startTransition(async () => {
      setError(null);
      const result = await sendJson(`/api/reports/${reportId}/publish`, "POST", {
        version,
        url,
        date,
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
        报告已通过审核。在门户网站发布后，请填写发布网址和日期，标记为已发布。
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
        <input name="date" type="date" required className={field} />
      </label>
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
