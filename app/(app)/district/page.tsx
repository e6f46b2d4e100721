import type { Metadata } from "next";
import Link from "next/link";
import { BatchExport } from "@/components/district/batch-export";
import { RemindButton } from "@/components/district/remind-button";
import { StatusBadge } from "@/components/district/status-badge";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import type { DeadlineTone } from "@/lib/district/deadline";
import {
  districtOverview,
  UNIT_STATUS_LABEL,
  UNIT_STATUSES,
} from "@/lib/district/district-overview";
import {
  districtQuery,
  parseDistrictParams,
  type SearchParams,
} from "@/lib/district/overview-params";
import { formatDateTime } from "@/lib/format-date";
import { chineseDate } from "@/lib/report/chinese-date";
import { ORG_LEVEL_LABEL } from "@/lib/orgs/labels";

export const metadata: Metadata = { title: "辖区总览" };

const TONE: Record<DeadlineTone, string> = {
  done: "text-emerald-700",
  late: "text-amber-700",
  overdue: "font-medium text-red-700",
  urgent: "font-medium text-amber-700",
  open: "text-slate-700",
};

const button =
  "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50";
const select = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/** 辖区总览: every unit's report for the year against its deadline, with filters and downloads. */
export default async function DistrictPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const ctx = await requirePageContext();
  const params = parseDistrictParams(await searchParams);
  const overview = await orNotFound(districtOverview(ctx, params));
  const { district, districts, year, years, units, counts } = overview;
  const { status, level } = params.filters;
  const districtParam = districts.length > 1 ? district.id : null;
  const yearQuery = districtQuery({ district: districtParam, year });
  const filtered = Boolean(status || level);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">辖区总览 · {district.name}</h1>
          <p className="text-sm text-slate-600">
            {year}年度报告：下属单位应于{year + 1}年1月31日前、区县人民政府本级应于{year + 1}
            年3月31日前公开。剩余天数按北京时间计算。
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/district/rollup${yearQuery}`} className={button}>
            汇总表
          </Link>
          <Link
            href={`/district/check${districtQuery({ district: districtParam })}`}
            className={button}
          >
            批量检查
          </Link>
          <a
            href={`/api/district/overview${districtQuery({ district: districtParam, year, status, level, format: "csv" })}`}
            className={button}
          >
            下载列表（CSV）
          </a>
          <a
            href={`/api/district/overview${districtQuery({ district: districtParam, year, status, level, format: "xlsx" })}`}
            className={button}
          >
            下载列表（XLSX）
          </a>
        </div>
      </div>

      <form
        method="get"
        action="/district"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3"
        aria-label="筛选"
      >
        {districts.length > 1 ? (
          <label className="flex flex-col gap-1 text-sm">
            辖区
            <select name="district" defaultValue={district.id} className={select}>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col gap-1 text-sm">
          年度
          <select name="year" defaultValue={year} className={select}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年度
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          状态
          <select name="status" defaultValue={status ?? ""} className={select}>
            <option value="">全部</option>
            {UNIT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {UNIT_STATUS_LABEL[s]}
              </option>
            ))}
            <option value="OVERDUE">已逾期未发布</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          类别
          <select name="level" defaultValue={level ?? ""} className={select}>
            <option value="">全部</option>
            {Object.entries(ORG_LEVEL_LABEL).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
        >
          筛选
        </button>
        {filtered ? (
          <Link href={`/district${yearQuery}`} className="text-sm text-blue-700 hover:underline">
            清除筛选
          </Link>
        ) : null}
      </form>

      <ul className="flex flex-wrap gap-2 text-sm" aria-label="状态统计">
        <li className="rounded border border-slate-200 bg-white px-2.5 py-1">
          共 {counts.ALL} 个单位
        </li>
        {UNIT_STATUSES.filter((s) => counts[s] > 0).map((s) => (
          <li key={s} className="rounded border border-slate-200 bg-white px-2.5 py-1">
            <Link
              href={`/district${districtQuery({ district: districtParam, year, status: s })}`}
              className="hover:underline"
            >
              {UNIT_STATUS_LABEL[s]} {counts[s]}
            </Link>
          </li>
        ))}
        {counts.OVERDUE > 0 ? (
          <li className="rounded border border-red-200 bg-red-50 px-2.5 py-1 text-red-800">
            <Link
              href={`/district${districtQuery({ district: districtParam, year, status: "OVERDUE" })}`}
              className="hover:underline"
            >
              已逾期 {counts.OVERDUE}
            </Link>
          </li>
        ) : null}
      </ul>

      <section
        aria-labelledby="units-title"
        className="rounded-lg border border-slate-200 bg-white"
      >
        <h2
          id="units-title"
          className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold"
        >
          各单位{year}年度报告进度{filtered ? `（筛选后 ${units.length} 个）` : ""}
        </h2>
        {units.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">没有符合条件的单位。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    单位
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    类别
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    状态
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    最后编辑
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    错误数
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    截止日期
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    期限
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    <span className="sr-only">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {units.map((u) => (
                  <tr
                    key={u.organization.id}
                    className="border-t border-slate-100"
                    data-testid="unit-row"
                  >
                    <th scope="row" className="px-4 py-2 text-left font-medium">
                      {u.report ? (
                        <Link
                          href={`/reports/${u.report.id}`}
                          className="text-blue-700 hover:underline"
                        >
                          {u.organization.name}
                        </Link>
                      ) : (
                        u.organization.name
                      )}
                      {u.isDistrict ? (
                        <span className="ml-1.5 text-xs font-normal text-slate-500">（本级）</span>
                      ) : null}
                    </th>
                    <td className="px-3 py-2 text-slate-600">
                      {ORG_LEVEL_LABEL[u.organization.level]}
                    </td>
                    <td className="px-3 py-2" data-testid="unit-status">
                      <StatusBadge status={u.status} />
                    </td>
                    <td className="px-3 py-2 text-slate-600">
                      {u.report ? (
                        <>
                          {u.report.updatedBy ?? "—"}
                          <span className="ml-1.5 text-xs text-slate-500">
                            {formatDateTime(u.report.updatedAt)}
                          </span>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {u.report === null ? (
                        "—"
                      ) : u.report.errors === null ? (
                        <span className="text-red-700">无法读取</span>
                      ) : (
                        <span
                          className={
                            u.report.errors > 0 ? "font-medium text-red-700" : "text-emerald-700"
                          }
                          title="按提交审核的要求检查（所有单元格均须填写）"
                        >
                          {u.report.errors}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2 tabular-nums text-slate-600">
                      {chineseDate(u.deadline) ?? u.deadline}
                    </td>
                    <td className={`px-3 py-2 ${TONE[u.deadlineState.tone]}`}>
                      {u.deadlineState.text}
                    </td>
                    <td className="px-3 py-2 text-right">
                      <Link
                        href={`/orgs/${u.organization.id}/history`}
                        className="text-blue-700 hover:underline"
                        aria-label={`${u.organization.name}历年对比`}
                      >
                        历年对比
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
              错误数按提交审核的要求计算（所有单元格均须填写），与填报页面“提交审核”前的检查一致。
            </p>
          </div>
        )}
      </section>

      <section
        aria-labelledby="remind-title"
        className="rounded-lg border border-slate-200 bg-white px-4 py-3"
      >
        <h2 id="remind-title" className="mb-1 text-base font-semibold">
          催办
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          {overview.lateUnits.length
            ? `已过公开期限、报告尚未提交审核的单位：${overview.lateUnits.map((u) => u.organization.name).join("、")}。一键向这些单位的填报员发出催办通知。`
            : "目前没有已过公开期限而尚未提交审核的单位。"}
        </p>
        <RemindButton
          districtId={district.id}
          year={year}
          late={overview.lateUnits.map((u) => u.organization.name)}
        />
      </section>

      <section
        aria-labelledby="batch-title"
        className="rounded-lg border border-slate-200 bg-white px-4 py-3"
      >
        <h2 id="batch-title" className="mb-1 text-base font-semibold">
          批量导出
        </h2>
        <p className="mb-2 text-sm text-slate-600">
          把本辖区{year}年度已通过审核（含已发布）的报告逐份导出为 DOCX，打包成一个 ZIP 文件。
        </p>
        <BatchExport
          year={year}
          districtId={districtParam}
          query={districtQuery({ district: districtParam, year })}
        />
      </section>
    </div>
  );
}
