import type { Metadata } from "next";
import Link from "next/link";
import { requirePageContext } from "@/lib/auth/context";
import { secondFactorStatus } from "@/lib/auth/second-factor-setup";
import { formatDateTime } from "@/lib/format-date";
import { signOutEverywhereAction } from "./actions";
import { SecondFactorControls } from "./second-factor-controls";

export const metadata: Metadata = { title: "账号安全" };

export default async function AccountSecurityPage() {
  const ctx = await requirePageContext();
  const status = await secondFactorStatus(ctx);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-xl font-semibold">账号安全</h1>
      <section
        aria-labelledby="two-step-title"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm"
      >
        <h2 id="two-step-title" className="text-base font-semibold">
          两步验证
        </h2>
        {status.enabled ? (
          <>
            <p>
              已启用（{status.enabledAt ? formatDateTime(status.enabledAt) : ""}
              ）。登录时除密码外还需输入验证器应用中的验证码。剩余未用的恢复码：
              {status.unusedRecoveryCodes} 个。
            </p>
            <SecondFactorControls mayDisable={status.mayDisable} />
          </>
        ) : (
          <>
            <p>
              未启用。启用后，他人即使知道您的密码也无法登录。
              {status.mayDisable ? "" : "审核员和管理员必须启用。"}
            </p>
            <Link
              href="/two-step/setup"
              className="inline-block rounded bg-gov-red px-3 py-1.5 font-medium text-white hover:bg-red-800"
            >
              设置两步验证
            </Link>
          </>
        )}
      </section>
      <section
        aria-labelledby="sessions-title"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm"
      >
        <h2 id="sessions-title" className="text-base font-semibold">
          登录的设备
        </h2>
        <p>
          关闭浏览器后本次登录即结束；30 分钟无操作或登录满 12
          小时后须重新登录。若在他人或公用电脑上忘记退出，可以在这里让所有设备上的登录（包括本浏览器）全部退出。
        </p>
        <form action={signOutEverywhereAction}>
          <button
            type="submit"
            className="rounded border border-red-300 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50"
          >
            退出所有设备
          </button>
        </form>
      </section>
    </div>
  );
}
