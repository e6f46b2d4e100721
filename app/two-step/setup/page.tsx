import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/(app)/sign-out-action";
import { getAuthContext } from "@/lib/auth/context";
import { beginSecondFactorSetup } from "@/lib/auth/second-factor-setup";
import { mustEnrolSecondFactor } from "@/lib/auth/second-factor-policy";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "设置两步验证" };

/**
 * Setting up two-step verification: the QR code to scan, the secret to type instead, a code to confirm.
 * Outside the signed-in layout on purpose — a reviewer or admin without it is sent here from every page.
 */
export default async function SecondFactorSetupPage() {
  const ctx = await getAuthContext();
  if (!ctx) redirect("/login");
  if (ctx.user.totpEnabled) redirect("/account/security");
  const required = mustEnrolSecondFactor(ctx.access, ctx.user.totpEnabled);
  const enrolment = await beginSecondFactorSetup(ctx);
  return (
    <main className="mx-auto max-w-xl space-y-5 px-4 py-10">
      <div>
        <h1 className="text-xl font-semibold text-gov-red">设置两步验证</h1>
        <p className="mt-1 text-sm text-slate-600">
          账号：{ctx.user.account}（{ctx.user.displayName}）
        </p>
      </div>
      {required ? (
        <p
          role="status"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          您的账号可以审核、发布报告或管理用户，必须先启用两步验证才能继续使用。启用后，每次登录除密码外还需输入手机验证器应用中的
          6 位验证码。
        </p>
      ) : (
        <p className="text-sm text-slate-600">
          启用后，每次登录除密码外还需输入手机验证器应用中的 6
          位验证码，他人仅凭密码无法登录您的账号。
        </p>
      )}
      <ol className="list-decimal space-y-4 rounded-lg border border-slate-200 bg-white p-5 pl-10 text-sm">
        <li>
          在手机上安装验证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP 或其他支持
          TOTP 的应用），用它扫描下面的二维码：
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made here; next/image adds nothing */}
          <img
            src={enrolment.qrCode}
            alt="两步验证二维码（内容见下方密钥）"
            width={200}
            height={200}
            className="my-3 border border-slate-200"
          />
          无法扫描时，可在应用中手动输入密钥：
          <code
            data-testid="totp-secret"
            className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-base"
          >
            {enrolment.secret}
          </code>
        </li>
        <li>
          输入应用中“年报”显示的 6 位验证码，完成设置：
          <SetupForm />
        </li>
      </ol>
      <div className="flex items-center justify-between text-sm">
        {required ? (
          <span className="text-slate-500">未完成设置前，不能进入其他页面。</span>
        ) : (
          <Link href="/account/security" className="text-blue-700 hover:underline">
            ← 返回账号安全
          </Link>
        )}
        <form action={signOutAction}>
          <button
            type="submit"
            className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-100"
          >
            退出登录
          </button>
        </form>
      </div>
    </main>
  );
}
