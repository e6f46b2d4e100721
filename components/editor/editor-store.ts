"use client";

import { useSyncExternalStore } from "react";
import { computeTotals } from "@/lib/report/compute-totals";
import type { ReportContent } from "@/lib/report/content";
import { applyChanges, editableTargets, sameValue, type PatchValue } from "@/lib/report/patch";
import { formatCellValue } from "@/lib/report/parse-value";
import type { Progress } from "@/lib/report/progress";
import { tableOfTarget } from "@/lib/report/targets";
import type { Finding } from "@/lib/report/rules";

/**
 * What the editor derives from the form on every change — totals, findings, progress — kept outside
 * React state. Components subscribe to one slice each (a cell's marks, a total, a table's messages),
 * selected as strings so that React re-renders only the components whose slice changed.
 */
export interface EditorSnapshot {
  content: ReportContent;
  findings: Finding[];
  /** Findings with submission completeness (blank cells) — what 提交审核 checks. */
  submitFindings: Finding[];
  progress: Progress;
}

export interface EditorStore {
  get(): EditorSnapshot;
  publish(next: EditorSnapshot): void;
  subscribe(listener: () => void): () => void;
}

export function createEditorStore(initial: EditorSnapshot): EditorStore {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    publish(next) {
      snapshot = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function useSlice(store: EditorStore, select: (s: EditorSnapshot) => string): string {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(store.get()),
  );
}

const SEP = "\u001f";

/** A cell's marks: "" when clean, else `error|warning` and the messages. */
export function useCellMarks(
  store: EditorStore,
  cellId: string,
): { severity: "error" | "warning" | null; messages: string[] } {
  const slice = useSlice(store, (s) => {
    const hits = s.findings.filter((f) => f.cells.includes(cellId));
    if (!hits.length) return "";
    const severity = hits.some((f) => f.severity === "error") ? "error" : "warning";
    return [severity, ...hits.map((f) => f.message)].join(SEP);
  });
  if (!slice) return { severity: null, messages: [] };
  const [severity, ...messages] = slice.split(SEP);
  return { severity: severity as "error" | "warning", messages };
}

/** A computed total as displayed. */
export function useTotal(
  store: EditorStore,
  tableId: string,
  rowKey: string,
  columnKey: string,
  kind: "count" | "amount" | "signedCount",
): string {
  return useSlice(store, (s) =>
    formatCellValue(s.content.tables[tableId]?.[rowKey]?.[columnKey] ?? null, kind),
  );
}

/** The findings that concern one table, for the messages shown beside it. */
export function useTableFindings(store: EditorStore, tableId: string): Finding[] {
  const slice = useSlice(store, (s) =>
    JSON.stringify(s.findings.filter((f) => f.cells.some((c) => tableOfTarget(c) === tableId))),
  );
  return JSON.parse(slice) as Finding[];
}

export function useFindings(store: EditorStore): Finding[] {
  return JSON.parse(useSlice(store, (s) => JSON.stringify(s.findings))) as Finding[];
}

export function useSubmitErrorCount(store: EditorStore): number {
  return Number(
    useSlice(store, (s) => String(s.submitFindings.filter((f) => f.severity === "error").length)),
  );
}

export function useProgress(store: EditorStore): Progress {
  return JSON.parse(useSlice(store, (s) => JSON.stringify(s.progress))) as Progress;
}

/** A colleague's change as the server hands it over. */
export interface RemoteChange {
  target: string;
  value: PatchValue;
  actorName: string;
  at: string;
}

/**
 * Colleagues' changes written into the content the editor shows, except where the person is: the cell
 * or field in focus, and any with a value of theirs not yet saved. Those keep the person's value (their
 * save will meet the colleague's as a conflict). Totals recomputed; returns what was applied and kept.
 */
export function applyRemoteChanges(
  content: ReportContent,
  changes: readonly RemoteChange[],
  editing: ReadonlySet<string>,
): { content: ReportContent; applied: RemoteChange[]; kept: string[] } {
  const targets = editableTargets(content.format);
  const applied: RemoteChange[] = [];
  const kept: string[] = [];
  for (const change of changes) {
    const target = targets.get(change.target);
    if (!target || sameValue(target.read(content), change.value)) continue;
    if (editing.has(change.target)) kept.push(change.target);
    else applied.push(change);
  }
  if (!applied.length) return { content, applied, kept };
  return { content: computeTotals(applyChanges(content, applied)), applied, kept };
}
