import type { ReportMeta } from "./content";

/**
 * The issuing organ printed in the closing (落款): the organ's full name as a document is signed,
 * `哈尔滨市呼兰区人民政府`, not the unit's place name `哈尔滨市呼兰区`. Where the report names no
 * issuing organ, the unit's name stands in its place — and V6 asks for the full name when that is
 * not an organ's.
 */
export function issuingOrganOf(meta: Pick<ReportMeta, "issuingOrgan" | "organization">): string {
  return (meta.issuingOrgan || meta.organization).trim();
}

/** How the names of administrative organs end (人民政府, 街道办事处, 发展和改革委员会, 财政局 …). */
export const ORGAN_ENDINGS = [
  "人民政府",
  "办事处",
  "委员会",
  "管委会",
  "联合会",
  "办公室",
  "中心",
  "局",
  "厅",
  "委",
  "办",
  "部",
  "署",
  "院",
  "所",
  "处",
  "站",
  "队",
] as const;

export function looksLikeOrgan(name: string): boolean {
  const trimmed = name.trim().replace(/[（(][^）)]*[）)]$/, "");
  return ORGAN_ENDINGS.some((ending) => trimmed.endsWith(ending));
}

/** The organ a place name most likely stands for: 区/县/市/镇/乡 → 人民政府, 街道 → 街道办事处; null if unsure. */
export function suggestedOrgan(name: string): string | null {
  const trimmed = name.trim();
  if (/街道$/.test(trimmed)) return `${trimmed}办事处`;
  if (/(?:省|市|区|县|旗|镇|乡)$/.test(trimmed)) return `${trimmed}人民政府`;
  return null;
}
