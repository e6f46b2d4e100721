import Link from "next/link";
import { requirePageContext } from "@/lib/auth/context";
import { holdsPrivilegedRole, isDemoDeployment } from "@/lib/auth/second-factor-policy";
import { overseenDistricts } from "@/lib/district/district-scope";
import { organizationsWhere } from "@/lib/auth/permissions";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { countReviewInbox } from "@/lib/reports/list-review-inbox";
import { isAdmin } from "@/lib/users/admin-scope";
import { signOutAction } from "./sign-out-action";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageContext();
  const oversees = (await overseenDistricts(ctx)).length > 0;
  const reviews = organizationsWhere(ctx.access, "report.review").length > 0;
  const [waiting, unread] = await Promise.all([
    reviews ? countReviewInbox(ctx) : 0,
    countUnreadNotifications(ctx),
  ]);
  const badge = "ml-1 rounded-full bg-gov-red px-1.5 text-xs text-white";
  const link = "text-slate-700 hover:text-gov-red hover:underline";
  return (
    <div className="min-h-screen">
      <header className="border-b-2 border-gov-red bg-white">
        <div className="mx-auto flex h-12 max-w-[1400px] items-center justify-between px-4">
          <div className="flex items-center gap-6">
            <Link href="/reports" className="text-base font-semibold tracking-wide text-gov-red">
              年报 · 政府信息公开工作年度报告
            </Link>
            <nav aria-label="主导航" className="flex items-center gap-4 text-sm">
              <Link href="/reports" className={link}>
                年度报告
              </Link>
              {reviews ? (
                <Link
                  href="/review"
                  className={link}
                  aria-label={waiting ? `待审核（${waiting} 份）` : "待审核"}
                >
                  待审核
                  {waiting ? <span className={badge}>{waiting}</span> : null}
                </Link>
              ) : null}
              <Link
                href="/notifications"
                className={link}
                aria-label={unread ? `通知（${unread} 条未读）` : "通知"}
              >
                通知
                {unread ? <span className={badge}>{unread}</span> : null}
              </Link>
              {oversees ? (
                <Link href="/district" className={link}>
                  辖区总览
                </Link>
              ) : null}
              {isAdmin(ctx) ? (
                <>
                  <Link href="/admin/users" className={link}>
                    用户管理
                  </Link>
                  <Link href="/admin/audit" className={link}>
                    审计日志
                  </Link>
                </>
              ) : null}
            </nav>
          </div>
          <div className="flex items-center gap-4 text-sm">
            <span className="text-slate-600" data-testid="current-user">
              {ctx.user.displayName}（{ctx.user.account}）
            </span>
            <Link href="/account/security" className={link}>
              账号安全
            </Link>
            <Link href="/account/password" className={link}>
              修改密码
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-100"
              >
                退出登录
              </button>
            </form>
          </div>
        </div>
      </header>
      {isDemoDeployment() && !ctx.user.totpEnabled && holdsPrivilegedRole(ctx.access) ? (
        <p
          role="note"
          aria-label="演示环境提示"
          className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950"
        >
          演示环境：审核员和管理员的两步验证未强制启用。正式部署中，这些账号登录时必须先设置两步验证。
          <Link href="/two-step/setup" className="ml-2 text-blue-700 underline">
            现在设置
          </Link>
        </p>
      ) : null}
      <main className="mx-auto max-w-[1400px] px-4 py-5">{children}</main>
    </div>
  );
}
