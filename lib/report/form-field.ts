import type { FeeFacts } from "./content";
import type { ReportFormValues } from "./form-values";
import { fieldKey } from "./form-values";
import {
  FIGURE_BINDINGS_TARGET,
  parseFigureBindings,
  type FigureBinding,
} from "./narrative-bindings";
import { editableTargets, type PatchValue } from "./patch";
import type { FormatId, SectionKey } from "./spec-types";
import { parseTarget } from "./targets";

/**
 * Where a saved value goes in the editor's form: an input's text, or the bound figures of inserted
 * sentences (not an input, but form state all the same, so that the sentences keep following the
 * tables once the value is written back — after a reload that replays unsent edits, a colleague's
 * save, a conflict resolved).
 */
export type FormField =
  | {
      path:
        | `cells.${string}`
        | `narratives.${SectionKey}`
        | "preface"
        | `meta.${keyof ReportFormValues["meta"]}`
        | `fees.${keyof FeeFacts}`;
      text: string;
    }
  | { path: "figureBindings"; bindings: FigureBinding[] };

/** The form field a target is typed in (or kept in) and what it holds for a stored value. */
export function formFieldOf(format: FormatId, target: string, value: PatchValue): FormField | null {
  const editable = editableTargets(format).get(target);
  if (!editable) return null;
  // A value the save schema refused never reaches here; an unreadable one clears the bindings.
  if (target === FIGURE_BINDINGS_TARGET)
    return {
      path: "figureBindings",
      bindings: (typeof value === "string" && parseFigureBindings(value)) || [],
    };
  const parsed = parseTarget(target);
  if (!parsed) return null;
  const text = editable.show(value);
  switch (parsed.kind) {
    case "cell":
      return { path: `cells.${fieldKey(target)}`, text };
    case "narrative":
      return { path: `narratives.${parsed.section}`, text };
    case "preface":
      return { path: "preface", text };
    case "meta":
      return { path: `meta.${parsed.field as keyof ReportFormValues["meta"]}`, text };
    case "fee":
      return { path: `fees.${parsed.field}`, text };
    default:
      return null;
  }
}
