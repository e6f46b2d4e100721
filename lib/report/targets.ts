import type { FeeFacts } from "./content";
import type { MetaFieldKey } from "./fields";
import type { SectionKey } from "./spec-types";

/**
 * The ids that name one place in a report. They travel through findings, review comments, the DOM
 * (`data-cell-id`), the diff and the database, so they are built and read here only:
 *  - a table cell: `<tableId>.<rowKey>.<columnKey>` (`requests.r3_1.natural`; table ids may hold a dot: `20.1.rules.issued`);
 *  - a section's text: `narrative.s1` … `narrative.s6`;
 *  - a whole section (a review comment on it): `s1` … `s6`;
 *  - a cover, contact or closing field: `meta.<field>` (`meta.issuedDate`; `meta.year` for the report's year);
 *  - a fee field of 六: `fees.<field>`;
 *  - the preface: `preface`.
 */
export type Target =
  | { kind: "cell"; tableId: string; rowKey: string; columnKey: string }
  | { kind: "narrative"; section: SectionKey }
  | { kind: "section"; section: SectionKey }
  | { kind: "meta"; field: MetaFieldKey | "year" }
  | { kind: "fee"; field: keyof FeeFacts }
  | { kind: "preface" };

export const targetId = {
  cell: (tableId: string, rowKey: string, columnKey: string) => `${tableId}.${rowKey}.${columnKey}`,
  narrative: (section: SectionKey) => `narrative.${section}`,
  section: (section: SectionKey) => section,
  meta: (field: MetaFieldKey | "year") => `meta.${field}`,
  fee: (field: keyof FeeFacts) => `fees.${field}`,
  preface: "preface",
} as const;

const SECTION = /^s[1-6]$/;
const NARRATIVE = /^narrative\.(s[1-6])$/;
const META = /^meta\.([A-Za-z]+)$/;
const FEE = /^fees\.([A-Za-z]+)$/;
/** `20.1.rules.issued`: a numbered table id keeps its dot; otherwise the id is three parts. */
const CELL = /^(\d+\.\d+|[A-Za-z]\w*)\.(\w+)\.(\w+)$/;

export function parseTarget(id: string): Target | null {
  if (id === "preface") return { kind: "preface" };
  if (SECTION.test(id)) return { kind: "section", section: id as SectionKey };
  let m = NARRATIVE.exec(id);
  if (m) return { kind: "narrative", section: m[1] as SectionKey };
  m = META.exec(id);
  if (m) return { kind: "meta", field: m[1] as MetaFieldKey };
  m = FEE.exec(id);
  if (m) return { kind: "fee", field: m[1] as keyof FeeFacts };
  m = CELL.exec(id);
  if (m) return { kind: "cell", tableId: m[1], rowKey: m[2], columnKey: m[3] };
  return null;
}

/** The table a cell id names (`20.1` for `20.1.rules.issued`), or null for any other target. */
export function tableOfTarget(id: string): string | null {
  const target = parseTarget(id);
  return target?.kind === "cell" ? target.tableId : null;
}
