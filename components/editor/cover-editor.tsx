"use client";

import { Controller, type UseFormReturn } from "react-hook-form";
import { DateField } from "@/components/forms/date-field";
import type { ReportFormValues } from "@/lib/report/form-values";
import { META_FIELDS } from "@/lib/report/fields";
import { standardPreface } from "@/lib/report/preface";
import { targetId } from "@/lib/report/targets";
import type { FormatId } from "@/lib/report/spec-types";
import type { FigureBindings } from "./figure-bindings";
import { NarrativeFixList } from "./narrative-figures";

/** The preface and the closing: the unit, where the report is published, whom to ask, who issues it and when. */
export function CoverEditor({
  form,
  year,
  format,
  figures,
}: {
  form: UseFormReturn<ReportFormValues>;
  year: number;
  format: FormatId;
  /** X5's one-click fixes for figures the preface states. */
  figures?: FigureBindings;
}) {
  const writePreface = () => {
    const meta = form.getValues("meta");
    const text = standardPreface(format, { ...meta, year });
    const current = form.getValues("preface");
    if (current.trim() && !window.confirm("用标准开头替换当前前言？")) return;
    form.setValue("preface", text, { shouldDirty: true });
  };
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        {META_FIELDS.map((field) => (
          <label key={field.key} className="text-sm">
            <span className="mb-1 block text-slate-700">{field.label}</span>
            {field.input === "date" ? (
              <Controller
                control={form.control}
                name={`meta.${field.key}`}
                render={({ field: date }) => (
                  <DateField
                    value={date.value ?? ""}
                    onChange={date.onChange}
                    data-cell-id={targetId.meta(field.key)}
                    className="w-full rounded border border-slate-300 px-2 py-1.5"
                  />
                )}
              />
            ) : (
              <input
                type={field.input}
                {...form.register(`meta.${field.key}`)}
                data-cell-id={targetId.meta(field.key)}
                className="w-full rounded border border-slate-300 px-2 py-1.5"
              />
            )}
          </label>
        ))}
        <div className="text-sm">
          <span className="mb-1 block text-slate-700">报告年度</span>
          <p className="px-2 py-1.5">
            {year}年（统计期限 {year}年1月1日至12月31日）
          </p>
        </div>
      </div>
      <div>
        <div className="mb-1 flex items-center justify-between">
          <label htmlFor="preface" className="text-sm font-medium">
            开头（法律依据、统计期限、电子版地址、联系方式）
          </label>
          <button
            type="button"
            onClick={writePreface}
            className="text-sm text-blue-800 underline hover:text-blue-950"
          >
            按上面的信息生成标准开头
          </button>
        </div>
        <textarea
          id="preface"
          {...form.register("preface")}
          rows={6}
          data-cell-id={targetId.preface}
          className="w-full rounded border border-slate-300 px-3 py-2 leading-7"
        />
        {figures ? <NarrativeFixList target={targetId.preface} figures={figures} /> : null}
      </div>
    </div>
  );
}
