"use client";

import { useMemo, useState } from "react";
import type { BatchCheckResult, CheckedReport } from "@/lib/district/check-published-report";
import { findingsWithPrevious } from "@/lib/import/batch/findings-with-previous";
import { previousInBatch } from "@/lib/import/batch/previous-in-batch";
import {
  countFindings,
  readRow,
  unreadableRow,
  type BatchSummaryRow,
} from "@/lib/import/batch/summary";
import { summaryCsv } from "@/lib/import/batch/summary-csv";
import { BatchCheckRow, type CheckedLine, type UnitOption } from "./batch-check-row";
import { checkOnServer, prepareFiles } from "./batch-check-files";

type Phase =
  | { phase: "idle" }
  | { phase: "reading" }
  | { phase: "checking"; done: number; total: number }
  | { phase: "done"; total: number };

/**
 * The batch's lines once every file is checked: a report whose unit's last year is not in the system
 * but is in the batch is checked again against that file (X1, X2, X8), and says so.
 */
function withBatchPrevious(lines: CheckedLine[]): CheckedLine[] {
  const readable = lines.filter(
    (l): l is CheckedLine & { result: CheckedReport } => l.result.readable,
  );
  const pairs = previousInBatch(
    readable.map((l) => ({
      organization: l.result.unit?.name ?? l.result.organization,
      year: l.result.year,
    })),
  );
  const updated = new Map<number, CheckedLine>();
  readable.forEach((line, i) => {
    const j = pairs[i];
    if (j === null || line.result.previous !== null) return;
    const previous = readable[j].result;
    const findings = findingsWithPrevious(line.result, previous.content);
    updated.set(line.key, {
      ...line,
      result: {
        ...line.result,
        ...countFindings(findings),
        findings,
        previous: `本批文件 ${previous.file}`,
      },
    });
  });
  return lines.map((l) => updated.get(l.key) ?? l);
}

function summaryRowOf(line: CheckedLine): BatchSummaryRow {
  const r = line.result;
  if (!r.readable) return unreadableRow(r.file, r.problem);
  return readRow({
    file: r.file,
    unit: r.unit?.name ?? r.organization,
    year: r.year,
    format: r.format,
    cellsRead: r.cellsRead,
    findings: r.findings,
    previous: r.previous,
  });
}

/**
 * 批量检查: the district's reviewer picks a ZIP or several files of its units' published reports; each
 * is checked on the server one per request (已检查 k / n) and listed with unit, year, format, cells read,
 * errors and warnings, its findings on expand. Nothing is stored unless a line is recorded as its
 * unit's published report of that year.
 */
export function BatchCheck({
  units,
  district,
  accept,
}: {
  units: UnitOption[];
  district: string | null;
  accept: string;
}) {
  const [phase, setPhase] = useState<Phase>({ phase: "idle" });
  const [lines, setLines] = useState<CheckedLine[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = phase.phase === "reading" || phase.phase === "checking";

  async function run(chosen: File[]) {
    if (!chosen.length) return;
    setFailure(null);
    setLines([]);
    setPhase({ phase: "reading" });
    try {
      const files = await prepareFiles(chosen);
      const done: CheckedLine[] = [];
      for (let i = 0; i < files.length; i++) {
        setPhase({ phase: "checking", done: i, total: files.length });
        const f = files[i];
        const result: BatchCheckResult =
          "problem" in f
            ? { file: f.name, kind: "", readable: false, problem: f.problem }
            : await checkOnServer(f.name, f.bytes, district);
        done.push({ key: i, bytes: "bytes" in f ? f.bytes : null, result });
        setLines([...done]);
      }
      setLines(withBatchPrevious(done));
      setPhase({ phase: "done", total: files.length });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setPhase({ phase: "idle" });
    }
  }

  const summary = useMemo(() => {
    const read = lines.filter((l) => l.result.readable);
    const withErrors = read.filter((l) => l.result.readable && l.result.errors > 0).length;
    return `共 ${lines.length} 份文件：读取 ${read.length} 份，有错误的 ${withErrors} 份，无法读取 ${lines.length - read.length} 份。`;
  }, [lines]);

  /** The summary as the CLI's --summary csv writes it, made when asked for. */
  function downloadCsv() {
    const url = URL.createObjectURL(
      new Blob([summaryCsv(lines.map(summaryRowOf))], { type: "text/csv;charset=utf-8" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = "批量检查结果.csv";
    a.click();
    // The download has taken the bytes by then; the URL only holds memory.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <label className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 has-[:disabled]:opacity-60">
          选择报告文件或 ZIP
          <input
            type="file"
            multiple
            accept={accept}
            disabled={busy}
            className="sr-only"
            aria-label="选择要检查的报告文件或 ZIP 压缩包"
            onChange={(e) => {
              const chosen = Array.from(e.currentTarget.files ?? []);
              e.currentTarget.value = "";
              void run(chosen);
            }}
          />
        </label>
        <div
          role="status"
          aria-live="polite"
          className="flex items-center gap-2 text-sm text-slate-700"
        >
          {phase.phase === "reading" ? "正在读取所选文件…" : null}
          {phase.phase === "checking" ? (
            <>
              <progress
                max={phase.total}
                value={phase.done}
                aria-label="检查进度"
                className="h-2 w-32"
              />
              <span>
                已检查 {phase.done} / {phase.total}
              </span>
            </>
          ) : null}
          {phase.phase === "done" ? (
            <span>
              已检查 {phase.total} / {phase.total}。{summary}
            </span>
          ) : null}
        </div>
        {phase.phase === "done" && lines.length ? (
          <button
            type="button"
            onClick={downloadCsv}
            className="text-sm font-medium text-blue-700 underline"
          >
            下载检查结果（CSV）
          </button>
        ) : null}
      </div>
      {failure ? (
        <p role="alert" className="text-sm text-red-700">
          检查失败：{failure}
        </p>
      ) : null}
      {lines.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" aria-label="检查结果">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  文件
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  单位
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  年度
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  格式
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  读入单元格
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  错误
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  提醒
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">详情</span>
                </th>
              </tr>
            </thead>
            {lines.map((line) => (
              <BatchCheckRow
                key={line.key}
                line={line}
                units={units}
                district={district}
                settled={phase.phase === "done"}
                onRecorded={(recorded) =>
                  setLines((all) => all.map((l) => (l.key === line.key ? { ...l, recorded } : l)))
                }
              />
            ))}
          </table>
        </div>
      ) : null}
    </div>
  );
}
