"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/api/endpoints";
import type { ReportContent } from "@/lib/report/content";
import { diffContents } from "@/lib/report/diff";
import { getFormat } from "@/lib/report/formats";
import { moveContentYears } from "@/lib/report/stated-years";
import { stepOfTarget, type StepKey } from "@/lib/report/progress";
import type { Finding } from "@/lib/report/rules";
import { FilePicker } from "@/components/forms/file-picker";
import { ProblemLine } from "@/components/report/problem-line";
import { categoryOf } from "@/lib/report/problem-categories";
import { COVER_TITLE } from "@/lib/report/fields";

interface ReadResult {
  format: "2021" | "2019";
  year: number | null;
  organization: string | null;
  content: ReportContent;
  findings: Finding[];
  cellsRead: number;
}

/** Upload or paste a published report, compare it with the draft section by section, apply the chosen sections. */
export function ImportWizard({
  reportId,
  version,
  draft,
}: {
  reportId: string;
  version: number;
  draft: ReportContent;
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ReadResult | null>(null);
  const [chosen, setChosen] = useState<Set<StepKey>>(new Set());
  /** The file read was an Excel workbook: it holds only the tables, and only they are applied. */
  const [tablesOnly, setTablesOnly] = useState(false);
  /** For a report on another year: move the years its text states as its period, or keep them. */
  const [years, setYears] = useState<"move" | "keep" | null>(null);

  const read = async () => {
    setError(null);
    setBusy("正在读取报告…");
    try {
      const body = new FormData();
      if (file) body.set("file", file);
      else body.set("text", text);
      // Last year's report of the draft's unit then checks and helps read the figures.
      body.set("reportId", reportId);
      const answer = await api.imports.read(body);
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      setResult(answer.data as ReadResult);
      setTablesOnly(Boolean(file && /\.xlsx$/i.test(file.name)));
      setChosen(new Set());
      setYears(null);
    } catch {
      setError("网络连接失败，请稍后重试。");
    } finally {
      setBusy(null);
    }
  };

  const draftYear = draft.meta.year;
  const sourceYear = result ? (result.year ?? result.content.meta.year) : null;
  const otherYear = sourceYear !== null && sourceYear !== draftYear;
  // A workbook has no text whose years could be moved: a year question would have nothing to act on.
  const askYears = otherYear && !tablesOnly;

  const apply = async () => {
    if (!result || chosen.size === 0 || (askYears && !years)) return;
    const source =
      askYears && years === "move"
        ? moveContentYears(result.content, sourceYear, draftYear)
        : result.content;
    const names = steps
      .filter((s) => chosen.has(s.key))
      .map((s) => s.title)
      .join("、");
    if (!window.confirm(`将用导入的内容覆盖草稿中的：${names}。确定吗？`)) return;
    setBusy("正在写入草稿…");
    setError(null);
    try {
      const answer = await api.reports.applyImport(reportId, {
        version,
        source,
        sections: [...chosen],
        tablesOnly,
      });
      if (!answer.ok) {
        setError(
          answer.status === 409
            ? "草稿在此期间已被修改，请返回报告页面刷新后再导入。"
            : answer.error,
        );
        return;
      }
      router.push(`/reports/${reportId}`);
      router.refresh();
    } finally {
      setBusy(null);
    }
  };

  const format = getFormat(draft.format);
  const steps: { key: StepKey; title: string }[] = tablesOnly
    ? format.sections
        .filter((s) => s.tables.length)
        .map((s) => ({ key: s.key as StepKey, title: `${s.ordinal}、${s.title}（表格）` }))
    : [
        { key: "cover", title: COVER_TITLE },
        ...format.sections.map((s) => ({
          key: s.key as StepKey,
          title: `${s.ordinal}、${s.title}`,
        })),
      ];
  // From a workbook only the tables are taken: the comparison shows just what applying would change.
  const changes = result
    ? diffContents(draft, tablesOnly ? { ...draft, tables: result.content.tables } : result.content)
    : [];

  return (
    <div className="space-y-4">
      <section
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label="选择报告"
      >
        <p className="text-sm text-slate-600">
          上传已发布报告的 DOCX、PDF 或 HTML 文件，或粘贴报告全文。PDF
          须能复制文字（扫描件无法读取数字）。读取后可以逐部分比较，再选择要导入的部分；确认之前不会改动草稿。
        </p>
        <p id="excel" className="text-sm text-slate-600">
          只导入表格（二、三、四）：先{" "}
          <a
            href={`/api/reports/${reportId}/export?format=xlsx`}
            className="text-blue-700 underline"
          >
            下载 Excel 模板
          </a>
          （含草稿现有的数字），在 Excel 或 WPS 中填写后，在这里上传 .xlsx
          文件。导入时逐格核对行、列标题，无法对应的单元格会指出工作表和位置；草稿的文字不会改变。
        </p>
        <FilePicker
          label="上传文件（.docx、.pdf、.html、.txt）或 Excel 表格（.xlsx）"
          accept=".docx,.pdf,.html,.htm,.txt,.xlsx"
          onFiles={(files) => setFile(files[0] ?? null)}
        />
        <label className="block text-sm">
          <span className="mb-1 block font-medium">或粘贴报告全文</span>
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={6}
            className="w-full rounded border border-slate-300 px-3 py-2"
            disabled={Boolean(file)}
          />
        </label>
        <button
          type="button"
          onClick={read}
          disabled={Boolean(busy) || (!file && !text.trim())}
          className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          读取
        </button>
        {busy ? (
          <p role="status" className="text-sm text-slate-600">
            {busy}
          </p>
        ) : null}
        {error ? (
          <p
            role="alert"
            className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
          >
            {error}
          </p>
        ) : null}
      </section>

      {result ? (
        <section
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          aria-label="读取结果"
        >
          <h2 className="text-base font-semibold">读取结果</h2>
          <dl className="grid grid-cols-4 gap-2 text-sm">
            <div>
              <dt className="text-slate-500">单位</dt>
              <dd data-testid="import-organization">{result.organization ?? "未识别"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">年度</dt>
              <dd data-testid="import-year">
                {result.year ?? "未识别"}
                <span
                  className={otherYear ? "ml-1 font-medium text-amber-800" : "ml-1 text-slate-500"}
                >
                  （草稿：{draftYear}）
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">格式</dt>
              <dd>{result.format === "2021" ? "2021 年版" : "2019 年版"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">读到的数字</dt>
              <dd>{result.cellsRead} 个</dd>
            </div>
          </dl>
          {result.format !== draft.format ? (
            <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
              导入的报告使用另一版格式，只能导入文字部分，表格不会导入。
            </p>
          ) : null}
          {askYears ? (
            <fieldset className="space-y-1 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <legend className="px-1 font-medium">
                <span aria-hidden="true">⚠ </span>导入的是 {sourceYear} 年度报告，草稿是 {draftYear}{" "}
                年度。文字中的年份如何处理？
              </legend>
              <label className="flex items-start gap-2">
                <input
                  type="radio"
                  name="import-years"
                  checked={years === "move"}
                  onChange={() => setYears("move")}
                />
                <span>
                  改为 {draftYear} 年：“统计期限为{sourceYear}年…”“{sourceYear}年，我…”“{sourceYear}
                  年度”等处的 {sourceYear} 年改为 {draftYear} 年（{sourceYear - 1} 年、
                  {sourceYear + 1} 年相应改为 {draftYear - 1} 年、{draftYear + 1}{" "}
                  年）；文号、法规日期等引用不变
                </span>
              </label>
              <label className="flex items-start gap-2">
                <input
                  type="radio"
                  name="import-years"
                  checked={years === "keep"}
                  onChange={() => setYears("keep")}
                />
                <span>保留原文年份（导入后，年份与本报告不符之处会作为提醒列出，可逐处修改）</span>
              </label>
            </fieldset>
          ) : null}
          <details open={result.findings.length > 0}>
            <summary className="cursor-pointer text-sm font-medium">
              该报告的问题（{result.findings.length}）
            </summary>
            <ul className="mt-2 space-y-1 text-sm" aria-label="导入报告的问题">
              {result.findings.map((f, i) => (
                <li key={i}>
                  <ProblemLine finding={f} category={categoryOf(f)} />
                </li>
              ))}
            </ul>
          </details>
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-2 py-1.5">
                  导入
                </th>
                <th scope="col" className="px-2 py-1.5">
                  部分
                </th>
                <th scope="col" className="px-2 py-1.5">
                  与草稿不同之处
                </th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step) => {
                const differing = changes.filter(
                  (c) => stepOfTarget(draft.format, c.key) === step.key,
                );
                return (
                  <tr key={step.key} className="border-t border-slate-100 align-top">
                    <td className="px-2 py-1.5">
                      <input
                        type="checkbox"
                        aria-label={`导入${step.title}`}
                        checked={chosen.has(step.key)}
                        onChange={(e) => {
                          const next = new Set(chosen);
                          if (e.target.checked) next.add(step.key);
                          else next.delete(step.key);
                          setChosen(next);
                        }}
                      />
                    </td>
                    <th scope="row" className="px-2 py-1.5 text-left font-normal">
                      {step.title}
                    </th>
                    <td className="px-2 py-1.5">
                      {differing.length === 0 ? (
                        <span className="text-slate-400">相同</span>
                      ) : (
                        <details>
                          <summary className="cursor-pointer">{differing.length} 处不同</summary>
                          <table className="mt-1 w-full text-xs">
                            <thead>
                              <tr>
                                <th className="text-left">项目</th>
                                <th className="text-left">草稿</th>
                                <th className="text-left">导入</th>
                              </tr>
                            </thead>
                            <tbody>
                              {differing.map((c) => (
                                <tr key={c.key}>
                                  <td className="pr-2">{c.label}</td>
                                  <td className="max-w-64 truncate pr-2">{c.a || "（空）"}</td>
                                  <td className="max-w-64 truncate">{c.b || "（空）"}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            onClick={apply}
            disabled={chosen.size === 0 || (askYears && !years) || Boolean(busy)}
            className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
          >
            应用所选部分
          </button>
        </section>
      ) : null}
    </div>
  );
}
