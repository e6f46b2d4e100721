"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";

export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="account" className="mb-1 block text-sm font-medium text-slate-700">
          账号
        </label>
        <input
          id="account"
          name="account"
          autoComplete="username"
          required
          autoFocus
          defaultValue={state.account}
          className="w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-blue-600"
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium text-slate-700">
          密码
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-blue-600"
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
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
