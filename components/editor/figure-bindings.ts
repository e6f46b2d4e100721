"use client";

import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { UseFormReturn } from "react-hook-form";
import { SECTION_KEYS, type ReportContent } from "@/lib/report/content";
import type { ReportFormValues } from "@/lib/report/form-values";
import {
  insertSentence,
  keepMatching,
  refreshBindings,
  remapBindings,
  replaceNumber,
  type FigureBinding,
  type FigureUpdate,
  type Narratives,
} from "@/lib/report/narrative-bindings";
import { renderSentence, type SentenceVariant } from "@/lib/report/narrative-sentences";
import type { SectionKey } from "@/lib/report/spec-types";
import { narrativeFixes, type NarrativeFix } from "@/lib/report/validate/narrative-fixes";
import { parseTarget } from "@/lib/report/targets";
import type { EditorStore } from "./editor-store";

/**
 * The editor's side of bound figures: inserting a sentence at the cursor, rewriting bound figures when
 * the tables change (with a notice in their section), dropping a binding whose number the person edits,
 * and X5's one-click fix. Runs on the editor store, after every change the form makes.
 */
export interface FigureBindings {
  store: EditorStore;
  previous: ReportContent | null;
  /** Insert the sentence at `at` in the section's text; returns where the cursor goes, or null. */
  insert(section: SectionKey, at: number, variant: SentenceVariant): number | null;
  /** Write the table's figure over the text's (改为表中数字); false when the text changed meanwhile. */
  fix(fix: NarrativeFix): boolean;
  notice(section: SectionKey): string;
  dismiss(section: SectionKey): void;
  subscribe(listener: () => void): () => void;
}

function updateNotice(updates: FigureUpdate[]): string {
  const shown = updates.slice(0, 4).map((u) => `${u.from} → ${u.to}`);
  const more = updates.length > shown.length ? ` 等${updates.length}处` : "";
  return `表格已修改，插入的数据句随之更新：${shown.join("，")}${more}。`;
}

function droppedNotice(dropped: FigureBinding[]): string {
  const numbers = dropped.map((b) => `“${b.text}”`).join("、");
  return `已手动修改数据句中的数字${numbers}，它不再随表格更新；校验会核对它与表格是否一致。`;
}

function createFigureBindings(
  form: UseFormReturn<ReportFormValues>,
  store: EditorStore,
  previous: ReportContent | null,
): FigureBindings & { start(): () => void } {
  let texts: Narratives = { ...form.getValues("narratives") };
  let known = JSON.stringify(form.getValues("figureBindings") ?? []);
  let writing = false;
  const notices = new Map<SectionKey, string>();
  const listeners = new Set<() => void>();
  const announce = (section: SectionKey, text: string) => {
    notices.set(section, text);
    for (const listener of listeners) listener();
  };

  /** Texts and bindings written through the form; what the store publishes meanwhile is our own echo. */
  const write = (changed: Partial<Narratives>, bindings: FigureBinding[]) => {
    texts = { ...texts, ...changed };
    known = JSON.stringify(bindings);
    writing = true;
    try {
      for (const [section, text] of Object.entries(changed) as [SectionKey, string][])
        form.setValue(`narratives.${section}`, text, { shouldDirty: true });
      form.setValue("figureBindings", bindings, { shouldDirty: true });
    } finally {
      writing = false;
    }
  };

  const follow = () => {
    if (writing) return;
    const content = store.get().content;
    let bindings = content.figureBindings ?? [];
    let moved = false;
    const dropped = new Map<SectionKey, FigureBinding[]>();
    if (JSON.stringify(bindings) !== known) {
      // Bindings from elsewhere (a restore, a colleague's merge, a conflict resolved): keep those that match.
      texts = { ...content.narratives };
      const kept = keepMatching(content.narratives, bindings);
      moved = kept.length !== bindings.length;
      bindings = kept;
      known = JSON.stringify(bindings);
    } else {
      for (const section of SECTION_KEYS) {
        const now = content.narratives[section] ?? "";
        if (now === texts[section]) continue;
        const remapped = remapBindings(section, texts[section] ?? "", now, bindings);
        texts = { ...texts, [section]: now };
        if (JSON.stringify(remapped.bindings) === JSON.stringify(bindings)) continue;
        bindings = remapped.bindings;
        moved = true;
        if (remapped.dropped.length) dropped.set(section, remapped.dropped);
      }
    }
    if (!bindings.length && !moved) return;
    const refreshed = refreshBindings(content, bindings);
    if (moved || refreshed.updates.length) write(refreshed.narratives, refreshed.bindings);
    for (const [section, list] of dropped) announce(section, droppedNotice(list));
    const bySection = new Map<SectionKey, FigureUpdate[]>();
    for (const u of refreshed.updates)
      bySection.set(u.section, [...(bySection.get(u.section) ?? []), u]);
    for (const [section, updates] of bySection) announce(section, updateNotice(updates));
  };

  return {
    store,
    previous,
    start() {
      return store.subscribe(follow);
    },
    insert(section, at, variant) {
      const content = store.get().content;
      const rendered = renderSentence(content, variant.parts);
      if (!rendered) return null;
      const result = insertSentence(
        content.narratives,
        content.figureBindings ?? [],
        section,
        at,
        rendered,
      );
      write({ [section]: result.text }, result.bindings);
      notices.delete(section);
      for (const listener of listeners) listener();
      return Math.min(at, (content.narratives[section] ?? "").length) + rendered.text.length;
    },
    fix(fix) {
      const target = parseTarget(fix.target);
      const content = store.get().content;
      if (target?.kind === "preface") {
        const text = content.preface ?? "";
        if (text.slice(fix.at, fix.at + fix.numberText.length) !== fix.numberText) return false;
        form.setValue(
          "preface",
          text.slice(0, fix.at) + fix.replacement + text.slice(fix.at + fix.numberText.length),
          { shouldDirty: true },
        );
        return true;
      }
      if (target?.kind !== "narrative") return false;
      const text = content.narratives[target.section] ?? "";
      if (text.slice(fix.at, fix.at + fix.numberText.length) !== fix.numberText) return false;
      const result = replaceNumber(
        content.narratives,
        content.figureBindings ?? [],
        target.section,
        fix.at,
        fix.numberText.length,
        fix.replacement,
      );
      write({ [target.section]: result.text }, result.bindings);
      return true;
    },
    notice: (section) => notices.get(section) ?? "",
    dismiss(section) {
      if (!notices.delete(section)) return;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One controller for the editor; it follows the store from mount to unmount. */
export function useFigureBindings(
  form: UseFormReturn<ReportFormValues>,
  store: EditorStore,
  previous: ReportContent | null,
): FigureBindings {
  const bindings = useMemo(
    () => createFigureBindings(form, store, previous),
    [form, store, previous],
  );
  useEffect(() => bindings.start(), [bindings]);
  return bindings;
}

/** The notice of one section (bound figures updated, or a binding dropped). */
export function useFigureNotice(bindings: FigureBindings, section: SectionKey): string {
  return useSyncExternalStore(
    bindings.subscribe,
    () => bindings.notice(section),
    () => "",
  );
}

/** One computation per published content, shared by every section's editor and the findings list. */
const fixesOf = new WeakMap<ReportContent, NarrativeFix[]>();

function fixesNow(store: EditorStore): NarrativeFix[] {
  const content = store.get().content;
  let fixes = fixesOf.get(content);
  if (!fixes) {
    fixes = narrativeFixes(content);
    fixesOf.set(content, fixes);
  }
  return fixes;
}

/** The X5 fixes as they stand: of one text (`narrative.s1`, `preface`), or of every text. */
export function useNarrativeFixes(store: EditorStore, target?: string): NarrativeFix[] {
  const slice = useSyncExternalStore(
    store.subscribe,
    () => {
      const fixes = fixesNow(store);
      return JSON.stringify(target ? fixes.filter((f) => f.target === target) : fixes);
    },
    () => "[]",
  );
  return useMemo(() => JSON.parse(slice) as NarrativeFix[], [slice]);
}

/** The fix that settles a finding: the one with its message, in the text it names first. */
export function fixOfFinding(
  fixes: readonly NarrativeFix[],
  finding: { rule: string; message: string; cells: string[] },
): NarrativeFix | null {
  if (finding.rule !== "X5") return null;
  return fixes.find((f) => f.message === finding.message && f.target === finding.cells[0]) ?? null;
}

/**
 * How many X5 warnings (a figure in the text that the table contradicts) the submission would carry:
 * the gate shows them beside 提交审核 without blocking it.
 */
export function useStatedFigureWarnings(store: EditorStore): number {
  return useSyncExternalStore(
    store.subscribe,
    () => store.get().submitFindings.filter((f) => f.rule === "X5").length,
    () => 0,
  );
}
