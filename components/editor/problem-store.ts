"use client";

import { useSyncExternalStore } from "react";
import type { StepKey } from "@/lib/report/progress";
import {
  problemCount,
  summarizeProblems,
  type ProblemCount,
  type ProblemSummary,
} from "@/lib/report/problems";
import type { Severity } from "@/lib/report/rules";
import type { EditorSnapshot, EditorStore } from "./editor-store";

/**
 * The editor's view of the one problem model: the summary of each published snapshot (worked out
 * once per snapshot, however many cells ask), and which tables show their blanks. A blank cell is
 * neutral (未填) until the user has edited its table or tried to submit: a new draft is not a wall of red.
 */
interface Derived {
  summary: ProblemSummary;
  /** Per target: the worst severity and the messages of the findings other than blanks. */
  marks: Map<string, { severity: Severity; messages: string[] }>;
  blanks: Set<string>;
}

const derived = new WeakMap<EditorSnapshot, Derived>();

function derive(snapshot: EditorSnapshot): Derived {
  let d = derived.get(snapshot);
  if (d) return d;
  const summary = summarizeProblems(snapshot.content, snapshot.submitFindings);
  const marks = new Map<string, { severity: Severity; messages: string[] }>();
  for (const problem of [...summary.errors, ...summary.warnings]) {
    for (const target of problem.finding.cells) {
      const mark = marks.get(target) ?? { severity: problem.severity, messages: [] };
      if (problem.severity === "error") mark.severity = "error";
      mark.messages.push(problem.finding.message);
      marks.set(target, mark);
    }
  }
  const blanks = new Set(summary.unfilled.flatMap((g) => g.targets));
  d = { summary, marks, blanks };
  derived.set(snapshot, d);
  return d;
}

export function problemSummaryOf(store: EditorStore): ProblemSummary {
  return derive(store.get()).summary;
}

interface Visibility {
  touched: Set<string>;
  all: boolean;
  listeners: Set<() => void>;
  subscribe: (listener: () => void) => () => void;
}

const visibilities = new WeakMap<EditorStore, Visibility>();

function visibility(store: EditorStore): Visibility {
  let v = visibilities.get(store);
  if (!v) {
    const listeners = new Set<() => void>();
    v = {
      touched: new Set(),
      all: false,
      listeners,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    visibilities.set(store, v);
  }
  return v;
}

function notify(v: Visibility) {
  for (const listener of v.listeners) listener();
}

/** The user edited this table: its blanks are marked from now on. */
export function touchTable(store: EditorStore, tableId: string): void {
  const v = visibility(store);
  if (v.all || v.touched.has(tableId)) return;
  v.touched.add(tableId);
  notify(v);
}

/** The user tried to submit: every blank is marked. */
export function revealAllBlanks(store: EditorStore): void {
  const v = visibility(store);
  if (v.all) return;
  v.all = true;
  notify(v);
}

function useVisibility(store: EditorStore, select: (v: Visibility) => boolean): boolean {
  const v = visibility(store);
  return useSyncExternalStore(
    v.subscribe,
    () => select(v),
    () => select(v),
  );
}

export function useBlanksShown(store: EditorStore, tableId: string | null): boolean {
  return useVisibility(store, (v) => v.all || (tableId !== null && v.touched.has(tableId)));
}

function useSlice(store: EditorStore, select: (d: Derived) => string): string {
  return useSyncExternalStore(
    store.subscribe,
    () => select(derive(store.get())),
    () => select(derive(store.get())),
  );
}

const SEP = "\u001f";

export type CellProblem = "error" | "warning" | "unfilled" | null;

/** What a cell shows: its error or warning (with the messages), or that it is blank, or nothing. */
export function useCellProblem(
  store: EditorStore,
  target: string,
): { problem: CellProblem; messages: string[] } {
  const slice = useSlice(store, (d) => {
    const mark = d.marks.get(target);
    if (mark) return [mark.severity, ...mark.messages].join(SEP);
    return d.blanks.has(target) ? "unfilled" : "";
  });
  if (!slice) return { problem: null, messages: [] };
  const [problem, ...messages] = slice.split(SEP);
  return { problem: problem as CellProblem, messages };
}

export function useProblemSummary(store: EditorStore): ProblemSummary {
  return JSON.parse(useSlice(store, (d) => JSON.stringify(d.summary))) as ProblemSummary;
}

/** The count of the whole report, or of one step. */
export function useProblemCount(store: EditorStore, step?: StepKey): ProblemCount {
  return JSON.parse(
    useSlice(store, (d) => JSON.stringify(problemCount(d.summary, step))),
  ) as ProblemCount;
}

/** The blank cells of one table, in reading order. */
export function useTableBlanks(store: EditorStore, tableId: string): string[] {
  const slice = useSlice(
    store,
    (d) => d.summary.unfilled.find((g) => g.tableId === tableId)?.targets.join(SEP) ?? "",
  );
  return slice ? slice.split(SEP) : [];
}
