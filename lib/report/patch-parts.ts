import { computeTableTotals } from "./compute-totals";
import type { ReportContent, TableValues } from "./content";
import { FORMATS } from "./formats";
import { applyChanges, editableTargets, type PatchChange } from "./patch";
import type { FormatId } from "./spec-types";

/**
 * A save reads and writes only the parts of the content its changes touch — a table, a section's text,
 * the preface, the cover fields, the fees, the figure bindings — not the whole report: a one-cell save
 * then moves a few hundred bytes instead of the whole content (up to about 30 KB with long texts). A part is named as the save record names it
 * (`tables.20.5`, `narratives.s1`, `meta`).
 */

/** Where a part lives in the stored JSON: a top-level key, or a key under `tables` / `narratives`. */
export function partPath(part: string): [string] | [string, string] {
  const dot = part.indexOf(".");
  return dot < 0 ? [part] : [part.slice(0, dot), part.slice(dot + 1)];
}

/**
 * The parts the changes touch under any format: the row's format is only known once it is read, and
 * it is read together with these parts. A target of no format touches nothing (the check refuses it).
 */
export function partsForAnyFormat(changes: readonly PatchChange[]): string[] {
  const parts = new Set<string>();
  for (const format of Object.keys(FORMATS) as FormatId[]) {
    const targets = editableTargets(format);
    for (const change of changes) {
      const part = targets.get(change.target)?.part;
      if (part) parts.add(part);
    }
  }
  return [...parts];
}

/** The stored parts, read by part name, as a content holding just those parts (enough to read and write the targets in them). */
export function contentOfParts(
  format: FormatId,
  parts: Readonly<Record<string, unknown>>,
): ReportContent {
  const content = {
    format,
    meta: {},
    preface: "",
    narratives: {},
    fees: {},
    tables: {},
  } as unknown as ReportContent;
  const into = content as unknown as Record<string, Record<string, unknown>>;
  for (const [part, value] of Object.entries(parts)) {
    if (value === null || value === undefined) continue;
    const path = partPath(part);
    if (path.length === 1) into[path[0]] = value as Record<string, unknown>;
    else into[path[0]][path[1]] = value;
  }
  return content;
}

/** What a save writes: each touched part's new value (tables with their totals), by where it lives. */
export interface WrittenParts {
  /** Top-level keys replaced whole (`meta`, `preface`, `fees`, `figureBindings`). */
  top: Record<string, unknown>;
  /** Top-level keys removed (figure bindings cleared). */
  removed: string[];
  tables: Record<string, TableValues>;
  narratives: Record<string, string>;
}

/**
 * The changes applied to the parts they touch, totals recomputed for the touched tables only (the
 * totals of a table depend on its own cells alone).
 */
export function writtenParts(before: ReportContent, changes: readonly PatchChange[]): WrittenParts {
  const targets = editableTargets(before.format);
  const after = applyChanges(before, changes);
  const touched = new Set(changes.map((c) => targets.get(c.target)?.part).filter(Boolean));
  const written: WrittenParts = { top: {}, removed: [], tables: {}, narratives: {} };
  const tables: Record<string, TableValues> = {};
  for (const part of touched as Set<string>) {
    const path = partPath(part);
    if (path[0] === "tables" && path.length === 2) tables[path[1]] = after.tables[path[1]] ?? {};
    else if (path[0] === "narratives" && path.length === 2)
      written.narratives[path[1]] = after.narratives[path[1] as keyof ReportContent["narratives"]];
    else {
      const value = (after as unknown as Record<string, unknown>)[path[0]];
      if (value === undefined) written.removed.push(path[0]);
      else written.top[path[0]] = value;
    }
  }
  written.tables = computeTableTotals(before.format, tables);
  return written;
}
