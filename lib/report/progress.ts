import { listCells } from "./cells";
import type { ReportContent } from "./content";
import { getFormat } from "./formats";
import type { Finding } from "./rules";
import { META_FIELDS } from "./fields";
import { parseTarget, targetId } from "./targets";
import type { SectionKey } from "./spec-types";

/** The editor's steps: the cover (preface and closing) and the six sections. */
export type StepKey = "cover" | SectionKey;
export type StepState = "empty" | "partial" | "error" | "done";

export const STEP_STATE_LABEL: Record<StepState, string> = {
  empty: "未填",
  partial: "填写中",
  error: "有错误",
  done: "已完成",
};

export interface Progress {
  steps: Record<StepKey, StepState>;
  /** Parts (the cover and the six sections) complete without errors. */
  doneParts: number;
  totalParts: number;
  /**
   * Share of the parts done, 0–100. Counted in parts, not cells: 三 alone holds more cells than the
   * rest of the report, so a cell share read 92 % while 四, 五 and 六 were still empty.
   */
  percent: number;
}

const REQUIRED_FIELDS = META_FIELDS.filter((f) => f.required).map((f) => f.key);

/** Which step a finding belongs to, from the first cell or field it names. */
export function stepOfTarget(format: ReportContent["format"], id: string): StepKey {
  const target = parseTarget(id);
  switch (target?.kind) {
    case "narrative":
    case "section":
      return target.section;
    case "fee":
      return "s6";
    case "cell":
      return listCells(format).find((c) => c.id === id)?.sectionKey ?? "cover";
    default:
      return "cover";
  }
}

export function reportProgress(content: ReportContent, findings: readonly Finding[]): Progress {
  const format = getFormat(content.format);
  const errorSteps = new Set<StepKey>();
  for (const f of findings) {
    // "Nothing filled in yet" (S2, V3) is what 未填 already says; 有错误 is for what was filled in wrong.
    if (f.severity !== "error" || f.rule === "S2" || f.rule === "V3") continue;
    for (const target of f.cells.length ? f.cells : [targetId.meta("year")])
      errorSteps.add(stepOfTarget(content.format, target));
  }
  const steps = {} as Record<StepKey, StepState>;
  const state = (step: StepKey, have: number, need: number): StepState => {
    if (errorSteps.has(step)) return "error";
    if (have === 0) return "empty";
    return have >= need ? "done" : "partial";
  };
  const cover =
    REQUIRED_FIELDS.filter((key) => Boolean(content.meta[key])).length +
    (content.preface.trim() ? 1 : 0);
  steps.cover = state("cover", cover, REQUIRED_FIELDS.length + 1);
  const typed = listCells(content.format).filter((c) => !c.computed);
  for (const section of format.sections) {
    if (section.kind === "narrative") {
      steps[section.key] = state(section.key, content.narratives[section.key].trim() ? 1 : 0, 1);
    } else {
      const cells = typed.filter((c) => c.sectionKey === section.key);
      const have = cells.filter((c) => {
        const v = content.tables[c.tableId]?.[c.rowKey]?.[c.columnKey];
        return v !== null && v !== undefined && v !== "";
      }).length;
      steps[section.key] = state(section.key, have, cells.length);
    }
  }
  const states = Object.values(steps);
  const doneParts = states.filter((s) => s === "done").length;
  return {
    steps,
    doneParts,
    totalParts: states.length,
    percent: Math.round((doneParts / states.length) * 100),
  };
}
