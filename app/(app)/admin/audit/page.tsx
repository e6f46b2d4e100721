import type { Metadata } from "next";
import Link from "next/link";
import { DateField } from "@/components/forms/date-field";
import { plainAddress } from "@/lib/format-address";
import { z } from "zod";
import { AUDIT_ACTION_LABEL, AUDIT_ACTIONS, isAuditAction } from "@/lib/audit/actions";
import { listAudit } from "@/lib/audit/list-audit";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format-date";
import { STATUS_LABEL } from "@/lib/orgs/labels";

export const metadata: Metadata = { title: "审计日志" };

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const Query = z.object({
  action: z
    .string()
    .optional()
    .transform((v) => (v && isAuditAction(v) ? v : undefined)),
  account: z.string().max(100).optional().catch(undefined),
  from: Day,
  to: Day,
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** What the entry adds beyond who, what and when — in words. */
function describe(action: string, detail: unknown): string {
  const d = (detail && typeof detail === "object" ? detail : {}) as Record<string, unknown>;
  const status = (s: unknown) =>
    typeof s === "string" && s in STATUS_LABEL ? STATUS_LABEL[s as keyof typeof STATUS_LABEL] : "";
  const parts: string[] = [];
  if (d.from && d.to) parts.push(`${status(d.from)} → ${status(d.to)}`);
  if (typeof d.comments === "number" && d.comments) parts.push(`${d.comments} 条意见`);
  if (typeof d.comment === "string" && d.comment) parts.push(`意见：${d.comment}`);
  if (typeof d.snapshot === "number") parts.push(`第 ${d.snapshot} 版`);
  if (typeof d.url === "string") parts.push(`${d.url}（${String(d.date ?? "")}）`);
  if (typeof d.format === "string") parts.push(d.format.toUpperCase());
  if (typeof d.role === "string")
    parts.push({ EDITOR: "填报员", REVIEWER: "审核员", ADMIN: "管理员" }[d.role] ?? d.role);
  if (typeof d.endedSessions === "number" && d.endedSessions)
    parts.push(`结束 ${d.endedSessions} 处登录`);
  if (action === "SIGN_IN_FAILED") parts.push(d.reason === "account" ? "账号不存在" : "密码错误");
  if (action === "SIGN_IN_THROTTLED") {
    const by = Array.isArray(d.by) ? d.by : [d.by];
    const names: Record<string, string> = {
      "sign-in:pair": "同一账号和地址（或浏览器）",
      "sign-in:account": "同一账号（新浏览器）",
      "sign-in:ip": "同一地址",
      ip: "同一地址",
      account: "同一账号",
    };
    parts.push(`按${by.map((b) => names[String(b)] ?? String(b)).join("、")}延迟`);
    if (typeof d.waitSeconds === "number") parts.push(`需等待 ${d.waitSeconds} 秒`);
  }
  if (action === "SIGN_IN_FAILED" && d.knownDevice) parts.push("曾登录过的浏览器");
  if (action === "SIGN_IN_REPEATED_FAILURES" && typeof d.failures === "number")
    parts.push(
      `${typeof d.windowMinutes === "number" ? `${d.windowMinutes / 60} 小时内` : ""}已失败 ${d.failures} 次`,
    );
  if (action === "SIGN_IN" && d.method === "totp") parts.push("密码 + 两步验证码");
  if (action === "SIGN_IN" && d.method === "recovery-code") parts.push("密码 + 恢复码");
  return parts.join("；");
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePageContext();
  const raw = await searchParams;
  const filter = Query.parse({
    action: first(raw.action),
    account: first(raw.account),
    from: first(raw.from),
    to: first(raw.to),
    page: first(raw.page),
  });
  const result = await orNotFound(listAudit(ctx, filter));
  const pageLink = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filter, page }))
      if (value !== undefined && value !== "") query.set(key, String(value));
    return `/admin/audit?${query}`;
  };
  const field = "rounded border border-slate-300 px-2 py-1.5";
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">审计日志</h1>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm"
        aria-label="筛选审计日志"
      >
        <label>
          <span className="mb-1 block text-slate-600">操作</span>
          <select name="action" defaultValue={filter.action ?? ""} className={field}>
            <option value="">全部</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABEL[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="mb-1 block text-slate-600">账号</span>
          <input name="account" defaultValue={filter.account ?? ""} className={field} />
        </label>
        <label>
          <span className="mb-1 block text-slate-600">起始日期</span>
          <DateField name="from" defaultValue={filter.from ?? ""} className={field} />
        </label>
        <label>
          <span className="mb-1 block text-slate-600">截止日期</span>
          <DateField name="to" defaultValue={filter.to ?? ""} className={field} />
        </label>
        <button
          type="submit"
          className="rounded bg-gov-red px-3 py-1.5 font-medium text-white hover:bg-red-800"
        >
          筛选
        </button>
        <Link href="/admin/audit" className="py-1.5 text-blue-800 underline hover:text-blue-950">
          清除筛选
        </Link>
      </form>
      <p className="text-sm text-slate-600">
        共 {result.total} 条，第 {result.page} / {result.pages} 页。
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" aria-label="审计日志">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                时间
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                操作
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                操作人
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                涉及用户
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                单位 / 报告
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                详情
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                IP 地址
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                  {formatDateTime(row.at)}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  {isAuditAction(row.action) ? AUDIT_ACTION_LABEL[row.action] : row.action}
                </td>
                <td className="px-3 py-2">
                  {row.actorName
                    ? `${row.actorName}（${row.actorAccount ?? ""}）`
                    : (row.actorAccount ?? "—")}
                </td>
                <td className="px-3 py-2">{row.subjectAccount ?? "—"}</td>
                <td className="px-3 py-2">
                  {row.organizationName ?? "—"}
                  {row.report ? (
                    <>
                      {" "}
                      ·{" "}
                      <Link
                        href={`/reports/${row.report.id}`}
                        className="text-blue-800 underline hover:text-blue-950"
                      >
                        {row.report.year}年度报告
                      </Link>
                    </>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-slate-700">{describe(row.action, row.detail)}</td>
                <td className="px-3 py-2 text-slate-600">{plainAddress(row.ip) ?? "—"}</td>
              </tr>
            ))}
            {result.rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-4 text-center text-slate-600">
                  没有符合条件的记录。
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <nav aria-label="翻页" className="flex gap-3 text-sm">
        {result.page > 1 ? (
          <Link
            href={pageLink(result.page - 1)}
            className="text-blue-800 underline hover:text-blue-950"
          >
            上一页
          </Link>
        ) : null}
        {result.page < result.pages ? (
          <Link
            href={pageLink(result.page + 1)}
            className="text-blue-800 underline hover:text-blue-950"
          >
            下一页
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
