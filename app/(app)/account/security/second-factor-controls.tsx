"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { RecoveryCodes } from "@/components/recovery-codes";
import { disableSecondFactorAction, renewRecoveryCodesAction } from "./actions";

/** New recovery codes (against a current code), and turning two-step verification off where allowed. */
export function SecondFactorControls({ mayDisable }: { mayDisable: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const field = "rounded border border-slate-300 px-2 py-1.5";

  const renew = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get("code") ?? "");
    startTransition(async () => {
      setError(null);
      const result = await renewRecoveryCodesAction({ code });
      if (!result.ok) return setError(result.error);
      form.reset();
      setCodes(result.data.recoveryCodes);
    });
  };
  const disable = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    startTransition(async () => {
      setError(null);
      const result = await disableSecondFactorAction({ password });
      if (!result.ok) return setError(result.error);
      router.refresh();
    });
  };
  return (
    <div className="space-y-3">
      <form onSubmit={renew} aria-label="重新生成恢复码" className="flex flex-wrap items-end gap-2">
        <label>
          <span className="mb-1 block text-slate-600">当前验证码</span>
          <input
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={8}
            className={`${field} w-32`}
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
        >
          重新生成恢复码
        </button>
      </form>
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {mayDisable ? (
        <form
          onSubmit={disable}
          aria-label="停用两步验证"
          className="flex flex-wrap items-end gap-2"
        >
          <label>
            <span className="mb-1 block text-slate-600">登录密码</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              className={field}
            />
          </label>
          <button
            type="submit"
            disabled={pending}
            className="rounded border border-red-300 px-3 py-1.5 text-red-800 hover:bg-red-50"
          >
            停用两步验证
          </button>
        </form>
      ) : (
        <p className="text-slate-500">
          审核员和管理员不能停用两步验证；手机丢失时请联系管理员重置。
        </p>
      )}
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
