import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getAuthContext } from "@/lib/auth/context";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await getAuthContext()) redirect("/reports");
  const expired = (await searchParams).expired === "1";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold tracking-wide text-gov-red">
            政府信息公开工作年度报告
          </h1>
          <p className="mt-1 text-sm text-slate-500">年报 · 填报、审核与发布</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {expired ? (
            <p
              role="status"
              className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              登录已超时，请重新输入账号和密码。
            </p>
          ) : null}
          <SignInForm />
        </div>
      </div>
    </main>
  );
}
