"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { feeSentence } from "@/lib/export/fee-sentence";
import { FEE_FIELDS, mapFeeFields } from "@/lib/report/fields";
import type { ReportFormValues } from "@/lib/report/form-values";
import { parseTyped } from "@/lib/report/form-values";
import { targetId } from "@/lib/report/targets";
import type { FeeFacts } from "@/lib/report/content";
import { sentenceVariants, type SentenceVariant } from "@/lib/report/narrative-sentences";
import type { FigureBindings } from "./figure-bindings";

/** A line break as a sentence with no figure, so that it moves the bound figures after it. */
const NEWLINE: SentenceVariant = {
  id: "newline",
  group: "fees",
  groupLabel: "",
  label: "",
  parts: ["\n"],
};

/**
 * 六's structured fee statement (国办函〔2020〕109号), which writes the required sentence. Inserted into the
 * text with `figures`, its numbers stay bound to these fields like any 插入数据句.
 */
export function FeesEditor({
  year,
  form,
  figures,
}: {
  year: number;
  form: UseFormReturn<ReportFormValues>;
  figures?: FigureBindings;
}) {
  const fees = useWatch({ control: form.control, name: "fees" });
  const facts: FeeFacts = mapFeeFields((f) => parseTyped(fees?.[f.key], f.kind));
  const sentence = feeSentence({ meta: { year } as never, fees: facts });
  const insert = () => {
    if (!sentence) return;
    const current = form.getValues("narratives.s6");
    // The same words as the sentence shown, bound when every field is filled; else as plain text.
    const bound = figures
      ? sentenceVariants(figures.store.get().content).find((v) => v.id === "fees.standard")
      : undefined;
    if (figures && bound && figures.insert("s6", 0, bound) !== null) {
      if (current.trim()) {
        const text = form.getValues("narratives.s6");
        const end = text.length - current.length;
        if (!/\n$/.test(text.slice(0, end))) figures.insert("s6", end, NEWLINE);
      }
      return;
    }
    form.setValue("narratives.s6", current.trim() ? `${sentence}\n${current}` : sentence, {
      shouldDirty: true,
    });
  };
  return (
    <fieldset className="rounded border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">信息处理费（国办函〔2020〕109号）</legend>
      <div className="grid grid-cols-3 gap-3">
        {FEE_FIELDS.map((f) => (
          <label key={f.key} className="text-sm">
            <span className="mb-1 block text-slate-600">{f.label}</span>
            <input
              {...form.register(`fees.${f.key}`)}
              inputMode={f.kind === "count" ? "numeric" : "decimal"}
              data-cell-id={targetId.fee(f.key)}
              className="w-full rounded border border-slate-300 px-2 py-1 text-right tabular-nums"
            />
          </label>
        ))}
      </div>
      <p className="mt-2 text-sm text-slate-700">
        生成的说明：<span data-testid="fee-sentence">{sentence ?? "（填写上面的数字后生成）"}</span>
        {sentence ? (
          <button type="button" onClick={insert} className="ml-2 text-blue-700 hover:underline">
            插入正文
          </button>
        ) : null}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        导出时，若正文未说明收费情况，将自动附上这句说明。
      </p>
    </fieldset>
  );
}
