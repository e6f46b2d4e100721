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
 * details. With `tablesOnly` (a source that holds only tables, an Excel workbook) just the tables of
 * the chosen sections are taken and the draft's texts stay. Everything else stays as it is, and the
 * totals are recomputed.
 */
export function applySections(
  draft: ReportContent,
  source: ReportContent,
  sections: readonly StepKey[],
  options: { tablesOnly?: boolean } = {},
): AppliedSections {
  const next = structuredClone(draft);
  const tablesSkipped: StepKey[] = [];
  for (const key of sections) {
    if (options.tablesOnly) {
      if (key === "cover") continue;
    } else if (key === "cover") {
      next.preface = source.preface;
      for (const field of IMPORTED_FIELDS)
        if (source.meta[field])
          (next.meta as unknown as Record<string, unknown>)[field] = source.meta[field];
      continue;
    }
    if (!options.tablesOnly) next.narratives[key] = source.narratives[key] ?? "";
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
