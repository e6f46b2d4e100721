"use client";

import type { NarrativeFix } from "@/lib/report/validate/narrative-fixes";
import type { FigureBindings } from "./figure-bindings";

/**
 * 改为表中数字: writes the table's figure over the text's. The same button under a text and beside its
 * finding in the list of checks, both through the one fix the bindings know how to write.
 */
export function NarrativeFixButton({
  fix,
  figures,
}: {
  fix: NarrativeFix;
  figures: FigureBindings;
}) {
  return (
    <button
      type="button"
      onClick={() => figures.fix(fix)}
      aria-label={`改为表中数字${fix.replacement}`}
      className="shrink-0 rounded border border-amber-300 bg-white px-2 py-0.5 text-sm text-amber-900 hover:bg-amber-100"
    >
      改为表中数字
    </button>
  );
}
