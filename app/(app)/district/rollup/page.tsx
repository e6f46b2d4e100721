import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/district/status-badge";
import { TableView } from "@/components/report/table-view";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { currentReportYear } from "@/lib/district/district-overview";
import {
  districtQuery,
  parseDistrictParams,
  parseUnitChoice,
  type SearchParams,
} from "@/lib/district/overview-params";
import { rollupForYear } from "@/lib/district/rollup-for-year";
import { ORG_LEVEL_LABEL } from "@/lib/orgs/labels";
import { getFormat } from "@/lib/report/formats";

export const metadata: Metadata = { title: "汇总表" };

const select = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/** 汇总表: the chosen units' tables (二, 三, 四) summed, checked against A1–A6, downloadable as XLSX. */
export default async function RollupPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const ctx = await requirePageContext();
  const raw = await searchParams;
  const { districtId, year } = parseDistrictParams(raw);
  const unitIds = parseUnitChoice(raw);
  const rollup = await orNotFound(
    rollupForYear(ctx, { districtId, year: year ?? currentReportYear(), unitIds }),
  );
  const { district, districts, choices, included, notIncluded, emptyIncluded, result, unreadable } =
    rollup;
  const format = getFormat(rollup.format);
  const districtParam = districts.length > 1 ? district.id : null;
  const chosen = included.map((c) => c.organization.id);
  const errors = result.findings.filter((f) => f.severity === "error");
  const years = Array.from({ length: 8 }, (_, i) => currentReportYear() - i);
  if (!years.includes(rollup.year)) years.push(rollup.year);

  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-500">
        <Link
          href={`/district${districtQuery({ district: districtParam, year: rollup.year })}`}
          className="text-blue-700 hover:underline"
        >
          辖区总览
        </Link>{" "}
        / 汇总表
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">
            {district.name} {rollup.year}年度汇总表
          </h1>
          <p className="text-sm text-slate-600">
            所选单位报告中填写的数字逐格相加（金额精确相加），各单位均未填写的格保持空白；合计由系统按
            {format.source}格式重新计算，并检查勾稽关系（A1—A6）。
          </p>
        </div>
        {included.length ? (
          <a
            href={`/api/district/rollup${districtQuery({ district: districtParam, year: rollup.year, picked: "1", unit: chosen })}`}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
          >
            下载汇总表（XLSX）
          </a>
        ) : null}
      </div>

      <form
        method="get"
        action="/district/rollup"
        className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3"
      >
        <input type="hidden" name="picked" value="1" />
        {districtParam ? <input type="hidden" name="district" value={districtParam} /> : null}
        <label className="flex w-fit flex-col gap-1 text-sm">
          年度
          <select name="year" defaultValue={rollup.year} className={select}>
            {years
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {y}年度
                </option>
              ))}
          </select>
        </label>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">
            汇总的单位（默认为已通过审核和已发布的报告）
          </legend>
          <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {choices.map((c) => (
              <li key={c.organization.id}>
                <label
                  className={`flex items-center gap-2 text-sm ${c.unavailable ? "text-slate-400" : ""}`}
                >
                  <input
                    type="checkbox"
                    name="unit"
                    value={c.organization.id}
                    defaultChecked={c.selected}
                    disabled={Boolean(c.unavailable)}
                    className="h-4 w-4"
                  />
                  <span>
                    {c.organization.name}
                    {c.isDistrict ? "（本级）" : ""}
                  </span>
                  <span className="text-xs text-slate-500">
                    {ORG_LEVEL_LABEL[c.organization.level]}
                  </span>
                  {c.report ? <StatusBadge status={c.report.status} /> : null}
                  {c.unavailable ? <span className="text-xs">（{c.unavailable}）</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button
          type="submit"
          className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
        >
          汇总
        </button>
      </form>

      {included.length === 0 ? (
        <p
          role="alert"
          className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800"
        >
          请至少选择一个有{rollup.year}年度报告的单位。
        </p>
      ) : (
        <>
          <section
            aria-labelledby="checks-title"
            className="rounded-lg border border-slate-200 bg-white px-4 py-3"
          >
            <h2 id="checks-title" className="mb-1 text-base font-semibold">
              勾稽关系检查
            </h2>
            <p className="mb-2 text-sm text-slate-600">
              已汇总 {included.length} 个单位：{included.map((c) => c.organization.name).join("、")}
              。
            </p>
            {notIncluded.length ? (
              <div className="mb-2 text-sm text-slate-700">
                <p>未汇总的单位（{notIncluded.length}）：</p>
                <ul className="list-disc pl-5" aria-label="未汇总的单位">
                  {notIncluded.map((u) => (
                    <li key={u.organization.id}>
                      {u.organization.name}（{u.reason}）
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {emptyIncluded.length ? (
              <p role="note" className="mb-2 text-sm text-amber-800">
                {emptyIncluded.map((c) => c.organization.name).join("、")}
                的报告表格中还没有任何数字，汇总表不能说明这些单位的勾稽关系。
              </p>
            ) : null}
            {result.findings.length === 0 && emptyIncluded.length === 0 ? (
              <p className="text-sm text-emerald-700">汇总表符合勾稽关系（A1—A6）。</p>
            ) : result.findings.length === 0 ? (
              <p className="text-sm text-slate-700">
                有数字的单位之和未发现勾稽关系问题（A1—A6）；没有数字的单位不在此检查之内。
              </p>
            ) : (
              <ul className="space-y-1 text-sm" aria-label="勾稽关系问题">
                {result.findings.map((f, i) => (
                  <li
                    key={i}
                    className={f.severity === "error" ? "text-red-700" : "text-amber-700"}
                  >
                    <span className="mr-1.5 rounded bg-slate-100 px-1 text-xs text-slate-700">
                      {f.rule}
                    </span>
                    {f.message}
                  </li>
                ))}
              </ul>
            )}
            {errors.length ? (
              <p className="mt-1 text-xs text-slate-500">
                汇总表不平衡，说明至少有一个单位的报告不平衡：请在各单位报告中查找并改正。
              </p>
            ) : null}
            {unreadable.length ? (
              <div className="mt-2 text-sm text-amber-800">
                <p>以下单元格填写的不是数字，无法汇总（汇总表中留空）：</p>
                <ul className="list-disc pl-5">
                  {unreadable.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
          {format.sections
            .filter((s) => s.tables.length)
            .map((section) => (
              <section
                key={section.key}
                aria-labelledby={`rollup-${section.key}`}
                className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3"
              >
                <h2 id={`rollup-${section.key}`} className="text-base font-semibold">
                  {section.ordinal}、{section.title}
                </h2>
                {section.tables.map((table) => (
                  <TableView
                    key={table.id}
                    table={table}
                    values={result.content.tables[table.id]}
                  />
                ))}
              </section>
            ))}
        </>
      )}
    </div>
  );
}
