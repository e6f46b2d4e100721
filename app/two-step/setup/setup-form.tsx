"use client";

import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { RecoveryCodes } from "@/components/recovery-codes";
import { confirmSecondFactorAction } from "./actions";

export function SetupForm() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    startTransition(async () => {
      setError(null);
      const result = await confirmSecondFactorAction(code);
      if (!result.ok) setError(result.error);
      else setCodes(result.data.recoveryCodes);
    });
  };
  if (codes) {
    return (
      <div className="mt-3 space-y-3">
        <p
          role="status"
          className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          两步验证已启用。
        </p>
        <RecoveryCodes codes={codes} />
        <Link
          href="/reports"
          className="inline-block rounded bg-gov-red px-4 py-2 font-medium text-white hover:bg-red-800"
        >
          我已保存恢复码，继续
        </Link>
      </div>
    );
  }
  return (
    <form
      onSubmit={submit}
      aria-label="确认两步验证"
      className="mt-3 flex flex-wrap items-end gap-2"
    >
      <label>
        <span className="mb-1 block text-slate-600">6 位验证码</span>
        <input
          name="code"
          required
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={8}
          className="w-36 rounded border border-slate-300 px-3 py-2 tracking-widest"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-gov-red px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "正在确认…" : "启用两步验证"}
      </button>
      {error ? (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
