import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { PASSWORD_MIN } from "@/lib/auth/password-policy";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  const ctx = await requirePageContext();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">修改密码</h1>
      <p className="text-sm text-slate-600">
        账号：{ctx.user.account}。新密码至少 {PASSWORD_MIN}{" "}
        个字符；修改后，您在其他设备或浏览器上的登录将全部退出。
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <ChangePasswordForm />
      </div>
    </div>
  );
}
