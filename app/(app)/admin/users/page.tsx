import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { PASSWORD_MIN } from "@/lib/auth/password-policy";
import { formatDateTime } from "@/lib/format-date";
import { ORG_LEVEL_LABEL } from "@/lib/orgs/labels";
import { listUsers } from "@/lib/users/list-users";
import { CreateUserForm } from "./create-user-form";
import { UserControls } from "./user-controls";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const ctx = await requirePageContext();
  const data = await orNotFound(listUsers(ctx));
  const organizations = data.organizations.map((o) => ({
    id: o.id,
    name: `${o.name}（${ORG_LEVEL_LABEL[o.level]}）`,
  }));
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">用户管理</h1>
      <p className="text-sm text-slate-600">
        您可以管理本单位及下属单位的用户：新建账号、分配或移除角色、重置密码（初始密码至少{" "}
        {PASSWORD_MIN} 个字符，请通过安全途径告知本人，并提醒其登录后修改）。
      </p>
      <section
        aria-labelledby="create-user-title"
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="create-user-title" className="mb-3 text-base font-semibold">
          新建用户
        </h2>
        <CreateUserForm organizations={organizations} />
      </section>
      <section
        aria-labelledby="users-title"
        className="rounded-lg border border-slate-200 bg-white"
      >
        <h2
          id="users-title"
          className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold"
        >
          用户（{data.users.length}）
        </h2>
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                账号
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                姓名
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                密码修改时间
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                两步验证
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                近 24 小时登录失败
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                单位与角色
              </th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((user) => (
              <tr
                key={user.id}
                className="border-t border-slate-100 align-top"
                aria-label={`用户 ${user.account}`}
              >
                <td className="px-4 py-2 font-medium">{user.account}</td>
                <td className="px-4 py-2">{user.displayName}</td>
                <td className="px-4 py-2 text-slate-600">
                  {user.passwordChangedAt ? formatDateTime(user.passwordChangedAt) : "尚未修改"}
                </td>
                <td className="px-4 py-2">
                  {user.secondFactorEnabled ? (
                    "已启用"
                  ) : (
                    <span className="text-slate-500">未启用</span>
                  )}
                </td>
                <td className="px-4 py-2">
                  {user.recentSignInFailures >= 5 ? (
                    <Link
                      href={`/admin/audit?account=${encodeURIComponent(user.account)}&action=SIGN_IN_FAILED`}
                      className="font-medium text-red-700 underline"
                      title="可能有人在猜测密码，查看审计日志"
                    >
                      {user.recentSignInFailures} 次
                    </Link>
                  ) : (
                    <span className="text-slate-500">{user.recentSignInFailures} 次</span>
                  )}
                </td>
                <td className="px-4 py-2">
                  <UserControls
                    user={{
                      id: user.id,
                      account: user.account,
                      memberships: user.memberships,
                      hasOutsideRoles: user.hasOutsideRoles,
                      isSelf: user.id === ctx.user.userId,
                      secondFactorEnabled: user.secondFactorEnabled,
                    }}
                    organizations={organizations}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
