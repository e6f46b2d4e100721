import { listCells } from "./cells";
import { computeTotals } from "./compute-totals";
import type { ReportContent } from "./content";
import { FEE_FIELDS, META_FIELDS } from "./fields";
import { getFormat } from "./formats";
import { targetId } from "./targets";
import { formatCellValue } from "./parse-value";

/**
 * One item of a report that two versions disagree on: a typed cell, a section's text, the preface,
 * a cover field or a fee field. Used by the editor's conflict view and the history's diff view.
 */
export interface ContentChange {
  key: string;
  label: string;
  a: string;
  b: string;
}

interface Item {
  key: string;
  label: string;
  read: (c: ReportContent) => string;
  write: (target: ReportContent, source: ReportContent) => void;
}

function items(format: ReportContent["format"]): Item[] {
  const list: Item[] = [];
  for (const cell of listCells(format)) {
    if (cell.computed) continue;
    list.push({
      key: cell.id,
      label: cell.label,
      read: (c) =>
        formatCellValue(c.tables[cell.tableId]?.[cell.rowKey]?.[cell.columnKey] ?? null, cell.kind),
      write: (t, s) => {
        t.tables[cell.tableId][cell.rowKey][cell.columnKey] =
          s.tables[cell.tableId]?.[cell.rowKey]?.[cell.columnKey] ?? null;
      },
    });
  }
  for (const section of getFormat(format).sections) {
    list.push({
      key: targetId.narrative(section.key),
      label: `${section.ordinal}、${section.title}（文字）`,
      read: (c) => c.narratives[section.key] ?? "",
      write: (t, s) => {
        t.narratives[section.key] = s.narratives[section.key];
      },
    });
  }
  list.push({
    key: targetId.preface,
    label: "开头（前言）",
    read: (c) => c.preface,
    write: (t, s) => {
      t.preface = s.preface;
    },
  });
  for (const field of META_FIELDS) {
    list.push({
      key: targetId.meta(field.key),
      label: field.label,
      read: (c) => String(c.meta[field.key] ?? ""),
      write: (t, s) => {
        (t.meta as unknown as Record<string, unknown>)[field.key] = s.meta[field.key];
      },
    });
  }
  for (const fee of FEE_FIELDS) {
    list.push({
      key: targetId.fee(fee.key),
      label: `六、${fee.label}`,
      read: (c) => formatCellValue(c.fees[fee.key], fee.kind),
      write: (t, s) => {
        t.fees[fee.key] = s.fees[fee.key];
      },
    });
  }
  return list;
}

export function diffContents(a: ReportContent, b: ReportContent): ContentChange[] {
  return items(a.format)
    .map((item) => ({ key: item.key, label: item.label, a: item.read(a), b: item.read(b) }))
    .filter((change) => change.a !== change.b);
}

/** `base` with the items named in `take` copied from `other`; totals recomputed. */
export function mergeContents(
  base: ReportContent,
  other: ReportContent,
  take: ReadonlySet<string>,
): ReportContent {
  const merged = structuredClone(base);
  for (const item of items(base.format)) if (take.has(item.key)) item.write(merged, other);
  return computeTotals(merged);
}
