import { z } from "zod";
import { listCells } from "./cells";
import type { CellValue, ReportContent } from "./content";
import { FEE_FIELDS, META_FIELDS } from "./fields";
import { getFormat } from "./formats";
import { FIGURE_BINDINGS_TARGET, parseFigureBindings } from "./narrative-bindings";
import { formatCellValue } from "./parse-value";
import type { FormatId } from "./spec-types";
import { targetId } from "./targets";

/**
 * A save as what changed: each typed cell, text or field a person edited (its target id and its
 * stored value), never a total (totals are derived from the cells wherever the content is read).
 */
export type PatchValue = CellValue;

export interface PatchChange {
  target: string;
  value: PatchValue;
}

/** One place a person can type into, with how its value is read, written, checked and shown. */
export interface EditableTarget {
  id: string;
  label: string;
  read: (content: ReportContent) => PatchValue;
  write: (content: ReportContent, value: PatchValue) => void;
  schema: z.ZodType<PatchValue>;
  /** The value as a person reads it (a count with its digits, an empty cell as ""). */
  show: (value: PatchValue) => string;
  /** The top-level part of the content it lives in, as the save record names parts (`tables.<id>`). */
  part: string;
}

const cellValue = z.union([z.number().finite(), z.string().max(200), z.null()]);
const text = (max: number) => z.string().max(max);
const NARRATIVE_MAX = 100_000;
/** The lengths the whole-content schema allows, so that a patched report still reads back. */
const META_MAX: Partial<Record<string, number>> = {
  portalUrl: 500,
  address: 300,
  postcode: 20,
  phone: 100,
};
const showText = (value: PatchValue) => (value === null ? "" : String(value));

const cache = new Map<FormatId, Map<string, EditableTarget>>();

/** Every target of the format a patch may change, by id (computed cells are not among them). */
export function editableTargets(format: FormatId): Map<string, EditableTarget> {
  const cached = cache.get(format);
  if (cached) return cached;
  const map = new Map<string, EditableTarget>();
  const add = (t: EditableTarget) => map.set(t.id, t);
  for (const cell of listCells(format)) {
    if (cell.computed) continue;
    add({
      id: cell.id,
      label: cell.label,
      read: (c) => c.tables[cell.tableId]?.[cell.rowKey]?.[cell.columnKey] ?? null,
      write: (c, v) => {
        c.tables[cell.tableId] ??= {};
        c.tables[cell.tableId][cell.rowKey] ??= {};
        c.tables[cell.tableId][cell.rowKey][cell.columnKey] = v;
      },
      schema: cellValue,
      show: (v) => formatCellValue(v, cell.kind),
      part: `tables.${cell.tableId}`,
    });
  }
  for (const section of getFormat(format).sections) {
    add({
      id: targetId.narrative(section.key),
      label: `${section.ordinal}、${section.title}（文字）`,
      read: (c) => c.narratives[section.key] ?? "",
      write: (c, v) => {
        c.narratives[section.key] = String(v ?? "");
      },
      schema: text(NARRATIVE_MAX),
      show: showText,
      part: `narratives.${section.key}`,
    });
  }
  add({
    id: targetId.preface,
    label: "开头（前言）",
    read: (c) => c.preface,
    write: (c, v) => {
      c.preface = String(v ?? "");
    },
    schema: text(NARRATIVE_MAX),
    show: showText,
    part: "preface",
  });
  for (const field of META_FIELDS) {
    const isDate = field.key === "issuedDate";
    add({
      id: targetId.meta(field.key),
      label: field.label,
      read: (c) => c.meta[field.key] ?? (isDate ? null : ""),
      write: (c, v) => {
        (c.meta as unknown as Record<string, PatchValue>)[field.key] = isDate ? v : String(v ?? "");
      },
      schema: isDate
        ? z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .nullable()
        : text(META_MAX[field.key] ?? 200),
      show: showText,
      part: "meta",
    });
  }
  for (const fee of FEE_FIELDS) {
    add({
      id: targetId.fee(fee.key),
      label: `六、${fee.label}`,
      read: (c) => c.fees[fee.key] ?? null,
      write: (c, v) => {
        c.fees[fee.key] = v;
      },
      schema: cellValue,
      show: (v) => formatCellValue(v, fee.kind),
      part: "fees",
    });
  }
  // Not typed into, but saved beside the texts: which figures of inserted sentences follow which cells.
  add({
    id: FIGURE_BINDINGS_TARGET,
    label: "插入的数据句与表格的对应（不打印）",
    read: (c) => (c.figureBindings?.length ? JSON.stringify(c.figureBindings) : null),
    write: (c, v) => {
      const bindings = typeof v === "string" ? parseFigureBindings(v) : null;
      if (bindings?.length) c.figureBindings = bindings;
      else delete c.figureBindings;
    },
    schema: z
      .string()
      .max(NARRATIVE_MAX)
      .refine((v) => parseFigureBindings(v) !== null, "数据句的对应关系无法读取")
      .nullable(),
    show: () => "",
    part: "figureBindings",
  });
  cache.set(format, map);
  return map;
}

/** Two stored values are the same when they are strictly equal (numbers, strings, null). */
export function sameValue(a: PatchValue, b: PatchValue): boolean {
  return a === b;
}

/** The changes that turn `before` into `after`, in reading order (the editor's patch, the PUT's diff). */
export function diffToPatch(before: ReportContent, after: ReportContent): PatchChange[] {
  const changes: PatchChange[] = [];
  for (const target of editableTargets(after.format).values()) {
    const value = target.read(after);
    if (!sameValue(target.read(before), value)) changes.push({ target: target.id, value });
  }
  return changes;
}

/** A copy of `content` with the changes written (totals are not recomputed here). */
export function applyChanges(
  content: ReportContent,
  changes: readonly PatchChange[],
): ReportContent {
  const targets = editableTargets(content.format);
  const next: ReportContent = {
    ...content,
    meta: { ...content.meta },
    narratives: { ...content.narratives },
    fees: { ...content.fees },
    tables: { ...content.tables },
  };
  const copiedRows = new Set<string>();
  for (const change of changes) {
    const target = targets.get(change.target);
    if (!target) continue;
    const tableId = target.part.startsWith("tables.") ? target.part.slice(7) : null;
    if (tableId && !copiedRows.has(tableId)) {
      copiedRows.add(tableId);
      next.tables[tableId] = Object.fromEntries(
        Object.entries(content.tables[tableId] ?? {}).map(([k, row]) => [k, { ...row }]),
      );
    }
    target.write(next, change.value);
  }
  return next;
}

export type PatchProblem = { target: string; message: string };

/**
 * The changes checked against the format: every target must be one a person types into and every
 * value of its kind. Problems are named by the target's label, in Chinese.
 */
export function checkChanges(
  format: FormatId,
  changes: readonly PatchChange[],
): { ok: true } | { ok: false; problems: PatchProblem[] } {
  const targets = editableTargets(format);
  const problems: PatchProblem[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    const target = targets.get(change.target);
    if (!target) {
      problems.push({
        target: change.target,
        message: `“${change.target}”不是可填写的单元格或字段。`,
      });
      continue;
    }
    if (seen.has(change.target))
      problems.push({
        target: change.target,
        message: `“${target.label}”在一次保存中出现了两次。`,
      });
    seen.add(change.target);
    if (!target.schema.safeParse(change.value).success)
      problems.push({ target: change.target, message: `“${target.label}”的值无法保存。` });
  }
  return problems.length ? { ok: false, problems } : { ok: true };
}
