import { allTables } from "@/lib/report/content";
import type { ColumnSpec, FormatId, FormatSpec, RowSpec, TableSpec } from "@/lib/report/spec-types";
import { getFormat } from "@/lib/report/formats";
import { labelKey, labelKeyWithoutRemarks, similarity, withoutOrdinal } from "./text-utils";

/** Every label a format prints in its tables, with the keys the matcher compares. */
export type LabelKind =
  | "caption"
  | "rowHeader"
  | "note"
  | "columnsHeader"
  | "column"
  | "columnGroup"
  | "row"
  | "rowGroup";

export interface LabelEntry {
  kind: LabelKind;
  table: TableSpec;
  row?: RowSpec;
  column?: ColumnSpec;
  /** The official label, as the spec gives it. */
  label: string;
  key: string;
  keyWithoutRemarks: string;
  keyWithoutOrdinal: string;
}

export interface LabelMatch {
  entry: LabelEntry;
  /** The printed label has the official key (differences of width, punctuation or spacing only). */
  exact: boolean;
}

export interface LabelIndex {
  format: FormatSpec;
  entries: LabelEntry[];
  byKey: Map<string, LabelEntry[]>;
}

/** Below this similarity a printed label is not taken for an official one. */
const MIN_SIMILARITY = 0.7;

const cache = new Map<FormatId, LabelIndex>();

export function labelIndex(formatId: FormatId): LabelIndex {
  const cached = cache.get(formatId);
  if (cached) return cached;
  const format = getFormat(formatId);
  const entries: LabelEntry[] = [];
  const add = (
    kind: LabelKind,
    table: TableSpec,
    label: string,
    extra: Partial<LabelEntry> = {},
  ) => {
    if (!label) return;
    const key = labelKey(label);
    if (entries.some((e) => e.kind === kind && e.table === table && e.key === key)) return;
    entries.push({
      kind,
      table,
      label,
      key,
      ...extra,
      keyWithoutRemarks: labelKeyWithoutRemarks(label),
      keyWithoutOrdinal: withoutOrdinal(key),
    });
  };
  for (const table of allTables(format)) {
    add("caption", table, table.caption);
    add("rowHeader", table, table.rowHeader);
    if (table.note) add("note", table, table.note);
    if (table.columnsHeader) add("columnsHeader", table, table.columnsHeader);
    for (const column of table.columns) {
      add("column", table, column.label, { column });
      for (const group of column.groups ?? []) add("columnGroup", table, group);
    }
    for (const row of table.rows) {
      add("row", table, row.label, { row });
      for (const group of row.groups ?? []) add("rowGroup", table, group);
    }
  }
  const byKey = new Map<string, LabelEntry[]>();
  for (const e of entries) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const index = { format, entries, byKey };
  cache.set(formatId, index);
  return index;
}

/**
 * The official label a printed one stands for, among entries of the given kinds.
 * Tolerates width, punctuation and spacing (exact), and otherwise small wording differences:
 * a dropped remark (`（二）部分公开`), a different ordinal form, or a similar wording
 * (`其他法律法规禁止公开`). Entries of `prefer` win ties.
 */
export function matchLabel(
  index: LabelIndex,
  text: string,
  kinds: readonly LabelKind[],
  prefer?: TableSpec | null,
): LabelMatch | null {
  const key = labelKey(text);
  if (key === "") return null;
  const exact = (index.byKey.get(key) ?? []).filter((e) => kinds.includes(e.kind));
  if (exact.length > 0) return { entry: pick(exact, prefer), exact: true };

  const noRemarks = labelKeyWithoutRemarks(text);
  const noOrdinal = withoutOrdinal(key);
  let best: LabelEntry[] = [];
  let bestScore = 0;
  for (const e of index.entries) {
    if (!kinds.includes(e.kind)) continue;
    let score = similarity(key, e.key);
    if (noRemarks.length >= 2 && noRemarks === e.keyWithoutRemarks) score = Math.max(score, 0.95);
    if (noOrdinal.length >= 2 && noOrdinal === e.keyWithoutOrdinal) score = Math.max(score, 0.9);
    if (score > bestScore + 1e-9) {
      best = [e];
      bestScore = score;
    } else if (Math.abs(score - bestScore) <= 1e-9) {
      best.push(e);
    }
  }
  if (bestScore < MIN_SIMILARITY || best.length === 0) return null;
  return { entry: pick(best, prefer), exact: false };
}

function pick(entries: LabelEntry[], prefer?: TableSpec | null): LabelEntry {
  return (prefer && entries.find((e) => e.table === prefer)) || entries[0];
}
