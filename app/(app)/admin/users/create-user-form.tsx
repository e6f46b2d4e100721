"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { ROLE_LABEL } from "@/lib/orgs/labels";
import { createUserAction } from "./actions";

export function CreateUserForm({
  organizations,
}: {
  organizations: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      account: String(data.get("account") ?? ""),
      displayName: String(data.get("displayName") ?? ""),
      password: String(data.get("password") ?? ""),
      organizationId: String(data.get("organizationId") ?? ""),
      role: String(data.get("role") ?? "") as "EDITOR" | "REVIEWER" | "ADMIN",
    };
    startTransition(async () => {
      setError(null);
      setDone(null);
      const result = await createUserAction(input);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setDone(`已创建账号 ${input.account}。`);
      form.reset();
      router.refresh();
    });
  };
  const field = "w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-[repeat(auto-fit,minmax(12rem,1fr))] items-end gap-3 text-sm"
      aria-label="新建用户"
    >
      <label>
        <span className="mb-1 block text-slate-600">账号</span>
        <input name="account" required autoComplete="off" className={field} />
      </label>
      <label>
        <span className="mb-1 block text-slate-600">姓名</span>
        <input name="displayName" required autoComplete="off" className={field} />
      </label>
      <label>
        <span className="mb-1 block text-slate-600">初始密码</span>
        <input
          name="password"
          type="password"
          required
          autoComplete="new-password"
          className={field}
        />
      </label>
      <label>
        <span className="mb-1 block text-slate-600">单位</span>
        <select name="organizationId" required className={field}>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="mb-1 block text-slate-600">角色</span>
        <select name="role" required className={field} defaultValue="EDITOR">
          {Object.entries(ROLE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-gov-red px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "正在创建…" : "创建用户"}
      </button>
      {error ? (
        <p role="alert" className="col-span-full text-red-700">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="col-span-full text-emerald-700">
          {done}
        </p>
      ) : null}
    </form>
  );
}
