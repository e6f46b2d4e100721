import { listCells } from "./cells";
import { FEE_FIELDS, META_FIELDS } from "./fields";
import { getFormat } from "./formats";
import type { StepKey } from "./progress";
import { targetId } from "./targets";
import type { FormatId } from "./spec-types";
import { COVER_TITLE } from "./fields";

/**
 * What a reviewer's comment can be attached to: a whole section (`s3`), a section's text (`narrative.s1`),
 * a cell (`requests.new.natural`), the preface, a cover field (`meta.phone`) or a fee field (`fees.notices`).
 * The ids are the editor's `data-cell-id`s, so a comment can be shown at its place and jumped to.
 */
export interface ReviewTarget {
  id: string;
  label: string;
  /** The editor step it belongs to. */
  step: StepKey;
  /** For grouping in a list: the section (or 开头与落款) it is in. */
  group: string;
  kind: "section" | "text" | "cell" | "field";
}

const cache = new Map<FormatId, ReviewTarget[]>();

export function reviewTargets(formatId: FormatId): ReviewTarget[] {
  const cached = cache.get(formatId);
  if (cached) return cached;
  const format = getFormat(formatId);
  const cover = COVER_TITLE;
  const targets: ReviewTarget[] = [
    { id: targetId.preface, label: "开头（前言）", step: "cover", group: cover, kind: "text" },
    ...META_FIELDS.map((field) => ({
      id: targetId.meta(field.key),
      label: field.label,
      step: "cover" as StepKey,
      group: cover,
      kind: "field" as const,
    })),
  ];
  const cells = listCells(formatId);
  for (const section of format.sections) {
    const group = `${section.ordinal}、${section.title}`;
    targets.push({
      id: targetId.section(section.key),
      label: `${group}（整个部分）`,
      step: section.key,
      group,
      kind: "section",
    });
    targets.push({
      id: targetId.narrative(section.key),
      label: section.kind === "narrative" ? `${group}（正文）` : `${group}（表前说明文字）`,
      step: section.key,
      group,
      kind: "text",
    });
    for (const cell of cells.filter((c) => c.sectionKey === section.key)) {
      targets.push({ id: cell.id, label: cell.label, step: section.key, group, kind: "cell" });
    }
    if (section.key === "s6" && format.requiresFeeStatement) {
      for (const fee of FEE_FIELDS)
        targets.push({
          id: targetId.fee(fee.key),
          label: `六、${fee.label}`,
          step: "s6",
          group,
          kind: "field",
        });
    }
  }
  cache.set(formatId, targets);
  return targets;
}

export function reviewTarget(formatId: FormatId, id: string): ReviewTarget | undefined {
  return reviewTargets(formatId).find((t) => t.id === id);
}
