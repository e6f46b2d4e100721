import type { FieldPath } from "react-hook-form";
import { fieldKey, type ReportFormValues } from "@/lib/report/form-values";
import { editableTargets, type PatchValue } from "@/lib/report/patch";
import type { FormatId } from "@/lib/report/spec-types";
import { parseTarget } from "@/lib/report/targets";

/** The form field a target is typed in, and the text it shows for a stored value. */
export function formFieldOf(
  format: FormatId,
  target: string,
  value: PatchValue,
): { path: FieldPath<ReportFormValues>; text: string } | null {
  const editable = editableTargets(format).get(target);
  const parsed = parseTarget(target);
  if (!editable || !parsed) return null;
  const text = editable.show(value);
  switch (parsed.kind) {
    case "cell":
      return { path: `cells.${fieldKey(target)}`, text };
    case "narrative":
      return { path: `narratives.${parsed.section}`, text };
    case "preface":
      return { path: "preface", text };
    case "meta":
      return { path: `meta.${parsed.field}` as FieldPath<ReportFormValues>, text };
    case "fee":
      return { path: `fees.${parsed.field}`, text };
    default:
      return null;
  }
}

/** The target of the cell or field that has the keyboard focus, if any. */
export function focusedTarget(): string | null {
  const element = document.activeElement;
  return element instanceof HTMLElement ? (element.dataset.cellId ?? null) : null;
}
