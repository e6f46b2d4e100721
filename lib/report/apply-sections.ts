import { computeTotals } from "./compute-totals";
import type { ReportContent } from "./content";
import { META_FIELDS } from "./fields";
import { getFormat } from "./formats";
import type { StepKey } from "./progress";

const IMPORTED_FIELDS = META_FIELDS.filter((f) => f.importable).map((f) => f.key);

export interface AppliedSections {
  content: ReportContent;
  /** Sections whose tables could not be taken because the two reports use different formats. */
  tablesSkipped: StepKey[];
}

/**
 * The draft with the chosen parts taken from another report (an imported published one): a section's
 * text, and for 二–四 its tables when both reports use the same format; the cover's preface and contact
 * details. Everything else stays as it is, and the totals are recomputed.
 */
export function applySections(
  draft: ReportContent,
  source: ReportContent,
  sections: readonly StepKey[],
): AppliedSections {
  const next = structuredClone(draft);
  const tablesSkipped: StepKey[] = [];
  for (const key of sections) {
    if (key === "cover") {
      next.preface = source.preface;
      for (const field of IMPORTED_FIELDS)
        if (source.meta[field])
          (next.meta as unknown as Record<string, unknown>)[field] = source.meta[field];
      continue;
    }
    next.narratives[key] = source.narratives[key] ?? "";
    const section = getFormat(draft.format).sections.find((s) => s.key === key);
    if (!section?.tables.length) continue;
    if (source.format !== draft.format) {
      tablesSkipped.push(key);
      continue;
    }
    for (const table of section.tables)
      next.tables[table.id] = structuredClone(source.tables[table.id]);
  }
  return { content: computeTotals(next), tablesSkipped };
}
