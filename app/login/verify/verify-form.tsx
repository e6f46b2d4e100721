"use client";

import Link from "next/link";
import { useActionState } from "react";
import { verifySecondFactorAction, type VerifyState } from "../actions";

export function VerifyForm() {
  const [state, action, pending] = useActionState<VerifyState, FormData>(
    verifySecondFactorAction,
    {},
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="code" className="mb-1 block text-sm font-medium text-slate-700">
          验证码或恢复码
        </label>
        <input
          id="code"
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          required
          autoFocus
          className="w-full rounded border border-slate-300 px-3 py-2 text-base tracking-widest focus:border-blue-600"
        />
      </div>
      {state.error ? (
        <p
          role="alert"
          className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-gov-red px-4 py-2 text-base font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "正在验证…" : "验证并登录"}
      </button>
      <p className="text-center text-sm">
        <Link href="/login" className="text-blue-700 hover:underline">
          返回重新登录
        </Link>
      </p>
    </form>
  );
}
