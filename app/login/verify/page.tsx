import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { readSessionCookie } from "@/lib/auth/cookie";
import { findPendingSession } from "@/lib/auth/sessions";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "两步验证" };

/** Step two of signing in, for an account with two-step verification; only a pending sign-in gets here. */
export default async function VerifyPage() {
  const pending = await findPendingSession(await readSessionCookie());
  if (!pending) redirect("/login");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold tracking-wide text-gov-red">两步验证</h1>
          <p className="mt-1 text-sm text-slate-500">账号：{pending.account}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <p className="mb-4 text-sm text-slate-600">
            请打开手机上的验证器应用，输入“年报”当前显示的 6
            位验证码。手机不在身边时，可以输入一个恢复码（每个只能用一次）。
          </p>
          <VerifyForm />
        </div>
      </div>
    </main>
  );
}
