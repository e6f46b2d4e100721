"use client";

import { useState, type ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ReportFormValues } from "@/lib/report/form-values";
import type { SectionKey } from "@/lib/report/spec-types";

/**
 * The optional text above a section's tables, folded away until it is used: most reports leave it
 * empty, and open it took about 130 px above every table. Open from the start when it holds text.
 */
export function OptionalPreface({
  sectionKey,
  form,
  children,
}: {
  sectionKey: SectionKey;
  form: UseFormReturn<ReportFormValues>;
  children: ReactNode;
}) {
  const [open] = useState(() => Boolean(form.getValues(`narratives.${sectionKey}`)?.trim()));
  return (
    <details open={open} className="group rounded border border-slate-200 px-3 py-1.5">
      <summary className="cursor-pointer text-sm text-slate-700">
        表前说明文字（可选，展开填写）
      </summary>
      <div className="pt-2">{children}</div>
    </details>
  );
}
