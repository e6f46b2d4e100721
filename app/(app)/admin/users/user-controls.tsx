"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import type { Role } from "@/lib/db/generated/enums";
import { ROLE_LABEL } from "@/lib/orgs/labels";
import {
  assignRoleAction,
  removeRoleAction,
  resetPasswordAction,
  resetSecondFactorAction,
} from "./actions";

interface Props {
  user: {
    id: string;
    account: string;
    memberships: { id: string; organizationName: string; role: Role }[];
    hasOutsideRoles: boolean;
    isSelf: boolean;
    secondFactorEnabled: boolean;
  };
  organizations: { id: string; name: string }[];
}

/** One user's roles (each removable), adding a role, and resetting the password. */
export function UserControls({ user, organizations }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();

  const run = (
    work: () => Promise<{ ok: true } | { ok: false; error: string }>,
    success: string,
    after?: () => void,
  ) =>
    startTransition(async () => {
      setError(null);
      setDone(null);
      const result = await work();
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setDone(success);
      after?.();
      router.refresh();
    });

  const addRole = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const organizationId = String(data.get("organizationId"));
    const role = String(data.get("role")) as Role;
    const organizationName = organizations.find((o) => o.id === organizationId)?.name ?? "所选单位";
    const confirmed = await confirm({
      title: "确认添加角色？",
      body: `${user.account} 将成为${organizationName}的${ROLE_LABEL[role]}。`,
      confirmLabel: "确认添加",
    });
    if (confirmed)
      run(() => assignRoleAction({ userId: user.id, organizationId, role }), "已添加角色。");
  };

  const reset = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const password = String(new FormData(form).get("password") ?? "");
    run(
      async () => {
        const result = await resetPasswordAction({ userId: user.id, password });
        return result.ok ? { ok: true } : result;
      },
      `已重置 ${user.account} 的密码，其所有登录已退出。`,
      () => form.reset(),
    );
  };

  const field = "rounded border border-slate-300 px-2 py-1";
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-2" aria-label={`${user.account} 的角色`}>
        {user.memberships.map((m) => (
          <li key={m.id} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5">
            <span>
              {m.organizationName} · {ROLE_LABEL[m.role]}
            </span>
            <button
              type="button"
              disabled={pending}
              aria-label={`移除 ${user.account} 在${m.organizationName}的${ROLE_LABEL[m.role]}角色`}
              onClick={async () => {
                const confirmed = await confirm({
                  title: "确认移除角色？",
                  body: `${user.account} 将不再是${m.organizationName}的${ROLE_LABEL[m.role]}。`,
                  confirmLabel: "确认移除",
                  tone: "danger",
                });
                if (confirmed) {
                  run(async () => {
                    const result = await removeRoleAction({ membershipId: m.id });
                    return result.ok ? { ok: true } : result;
                  }, "已移除角色。");
                }
              }}
              className="ml-1 text-red-700 hover:underline"
            >
              移除
            </button>
          </li>
        ))}
        {user.hasOutsideRoles ? (
          <li className="text-xs text-slate-500">（另在其他单位任职）</li>
        ) : null}
      </ul>
      <details>
        <summary className="cursor-pointer text-blue-700">添加角色或重置密码</summary>
        <div className="mt-2 space-y-2">
          <form
            onSubmit={addRole}
            className="flex flex-wrap items-center gap-2"
            aria-label={`为 ${user.account} 添加角色`}
          >
            {/* Long unit names would push the row out of its cell: the box is capped, the list shows them whole. */}
            <select
              name="organizationId"
              aria-label="单位"
              className={`${field} w-full min-w-0 max-w-[18rem] text-ellipsis`}
            >
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <select name="role" aria-label="角色" className={field}>
              {Object.entries(ROLE_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <button
              type="submit"
              disabled={pending}
              className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
            >
              添加角色
            </button>
          </form>
          {user.isSelf ? (
            <p className="text-xs text-slate-500">修改自己的密码请使用页面右上角的“修改密码”。</p>
          ) : user.hasOutsideRoles ? (
            <p className="text-xs text-slate-500">
              该用户还在您管理范围以外的单位任职，不能由您重置密码。
            </p>
          ) : (
            <form
              onSubmit={reset}
              className="flex flex-wrap items-center gap-2"
              aria-label={`重置 ${user.account} 的密码`}
            >
              <input
                name="password"
                type="password"
                autoComplete="new-password"
                aria-label="新密码"
                placeholder="新密码"
                className={field}
              />
              <button
                type="submit"
                disabled={pending}
                className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
              >
                重置密码
              </button>
            </form>
          )}
          {!user.isSelf && !user.hasOutsideRoles && user.secondFactorEnabled ? (
            <button
              type="button"
              disabled={pending}
              onClick={async () => {
                const confirmed = await confirm({
                  title: "确认重置两步验证？",
                  body: `${user.account} 的验证器和恢复码将失效，其所有登录将退出；审核员和管理员下次登录时须重新设置。请先确认本人身份（如手机丢失）。`,
                  confirmLabel: "确认重置",
                  tone: "danger",
                });
                if (confirmed) {
                  run(async () => {
                    const result = await resetSecondFactorAction({ userId: user.id });
                    return result.ok ? { ok: true } : result;
                  }, `已重置 ${user.account} 的两步验证。`);
                }
              }}
              className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
            >
              重置两步验证
            </button>
          ) : null}
        </div>
      </details>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-emerald-700">
          {done}
        </p>
      ) : null}
      {dialog}
    </div>
  );
}
