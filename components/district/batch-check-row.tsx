"use client";

import Link from "next/link";
import { useState } from "react";
import type { BatchCheckResult } from "@/lib/district/check-published-report";
import { STATUS_LABEL } from "@/lib/orgs/labels";
import { recordOnServer } from "./batch-check-files";

export interface UnitOption {
  id: string;
  name: string;
}

export interface CheckedLine {
  key: number;
  /** The file's bytes, kept to record it; null for a file that was not sent. */
  bytes: Uint8Array | null;
  result: BatchCheckResult;
  recorded?: { reportId: string; organization: string; year: number };
}

const SEVERITY = { error: "错误", warning: "提醒" } as const;

/** One file's line: the summary, and on expand its findings, what served as last year's report, and 登记. */
export function BatchCheckRow({
  line,
  units,
  district,
  settled,
  onRecorded,
}: {
  line: CheckedLine;
  units: UnitOption[];
  district: string | null;
  /** Every file is checked: last year's report from the batch is known, so recording is offered. */
  settled: boolean;
  onRecorded: (recorded: NonNullable<CheckedLine["recorded"]>) => void;
}) {
  const [open, setOpen] = useState(false);
  const r = line.result;
  const detailsId = `batch-check-details-${line.key}`;
  if (!r.readable) {
    return (
      <tbody>
        <tr className="border-t border-slate-100 bg-amber-50" data-testid="batch-check-row">
          <th scope="row" className="px-3 py-2 text-left font-medium break-all">
            {r.file}
          </th>
          <td colSpan={7} className="px-3 py-2 text-amber-900">
            无法读取：{r.problem}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody>
      <tr className="border-t border-slate-100" data-testid="batch-check-row">
        <th scope="row" className="px-3 py-2 text-left font-medium break-all">
          {r.file}
        </th>
        <td className="px-3 py-2">
          {r.unit ? (
            r.unit.name
          ) : (
            <span className="text-slate-500">
              {r.organization ?? "单位不详"}（未对应到本辖区单位）
            </span>
          )}
        </td>
        <td className="px-3 py-2 tabular-nums">{r.year ?? "不详"}</td>
        <td className="px-3 py-2">{r.format}年格式</td>
        <td className="px-3 py-2 text-right tabular-nums">{r.cellsRead}</td>
        <td
          className={`px-3 py-2 text-right tabular-nums ${r.errors > 0 ? "font-medium text-red-700" : "text-emerald-700"}`}
        >
          {r.errors}
        </td>
        <td className="px-3 py-2 text-right tabular-nums">{r.warnings}</td>
        <td className="px-3 py-2 text-right">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
            className="text-blue-700 hover:underline"
          >
            {open ? "收起" : `查看问题（${r.findings.length}）`}
          </button>
        </td>
      </tr>
      {open ? (
        <tr id={detailsId} className="bg-slate-50">
          <td colSpan={8} className="space-y-2 px-4 py-3">
            <p className="text-xs text-slate-600">
              {r.previous
                ? `跨年度检查（X1、X2、X8）的上年报告：${r.previous}。`
                : "没有找到该单位的上年报告，未做跨年度检查。"}
            </p>
            {r.findings.length ? (
              <ul className="space-y-1" aria-label={`${r.file}的问题`}>
                {r.findings.map((f, i) => (
                  <li
                    key={i}
                    className={f.severity === "error" ? "text-red-800" : "text-amber-900"}
                  >
                    {SEVERITY[f.severity]} [{f.rule}] {f.message}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-emerald-700">未发现问题。</p>
            )}
            <RecordForm
              line={line}
              units={units}
              district={district}
              settled={settled}
              onRecorded={onRecorded}
            />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

function RecordForm({
  line,
  units,
  district,
  settled,
  onRecorded,
}: {
  line: CheckedLine;
  units: UnitOption[];
  district: string | null;
  settled: boolean;
  onRecorded: (recorded: NonNullable<CheckedLine["recorded"]>) => void;
}) {
  const r = line.result;
  const [unitId, setUnitId] = useState(r.readable ? (r.unit?.id ?? "") : "");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (!r.readable || !settled || !line.bytes) return null;
  if (line.recorded) {
    return (
      <p className="text-sm text-emerald-700">
        已登记为{line.recorded.organization}
        {line.recorded.year}年度已发布报告。
        <Link href={`/reports/${line.recorded.reportId}`} className="ml-1 text-blue-700 underline">
          查看报告
        </Link>
      </p>
    );
  }
  if (r.year === null)
    return <p className="text-sm text-slate-600">读不出报告的年度，不能登记。</p>;
  const existing = r.existing && unitId === r.unit?.id ? r.existing : null;
  if (existing) {
    return (
      <p className="text-sm text-slate-600">
        该单位已有{r.year}年度报告（{STATUS_LABEL[existing.status]}），不能再登记。
      </p>
    );
  }
  const bytes = line.bytes;
  async function record() {
    setPending(true);
    setMessage(null);
    const outcome = await recordOnServer(r.file, bytes, unitId, district);
    setPending(false);
    if (outcome.ok)
      onRecorded({
        reportId: outcome.reportId,
        organization: outcome.organization,
        year: outcome.year,
      });
    else setMessage(outcome.message);
  }
  return (
    <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-2 text-sm">
      <label className="flex items-center gap-1">
        登记到
        <select
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          className="rounded border border-slate-300 bg-white px-2 py-1"
        >
          <option value="">请选择单位</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!unitId || pending}
        onClick={record}
        className="rounded border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        登记为该单位{r.year}年度已发布报告
      </button>
      <span className="text-xs text-slate-500">
        仅在该单位还没有{r.year}年度报告时可以登记；登记会记入审计日志。
      </span>
      {message ? (
        <p role="alert" className="w-full text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
