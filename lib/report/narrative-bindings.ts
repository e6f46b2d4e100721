import { figureBindingSchema, type ReportContent } from "./content";
import { evaluateFigure, type FigureExpr } from "./narrative-figure";
import type { RenderedSentence } from "./narrative-sentences";
import type { SectionKey } from "./spec-types";

/**
 * A figure of an inserted sentence that follows its cells: where it stands in a section's text, what it
 * stands for, and the text it had when last written — so that a binding whose place no longer holds
 * that text (the text was replaced, restored from elsewhere, edited outside the editor) is dropped
 * rather than writing over somebody's words. Kept with the report's content, never printed.
 */
export interface FigureBinding {
  section: SectionKey;
  start: number;
  end: number;
  expr: FigureExpr;
  text: string;
}

export type Narratives = ReportContent["narratives"];

/** One figure rewritten because its cells changed: for the notice the editor shows. */
export interface FigureUpdate {
  section: SectionKey;
  from: string;
  to: string;
}

/** The bindings whose place holds their text; the others are dropped. */
export function keepMatching(narratives: Narratives, bindings: FigureBinding[]): FigureBinding[] {
  return bindings.filter((b) => (narratives[b.section] ?? "").slice(b.start, b.end) === b.text);
}

const NUMERAL = /[\d.零〇一二两三四五六七八九十百千万%％]/;

/**
 * The bindings of one section after its text changed from `before` to `after` (one edit: the changed
 * region is what lies between the common start and the common end). A figure the edit touched — its
 * digits changed, or a digit typed right against it — is dropped: the person wrote that number, and X5
 * watches it from now on. Figures elsewhere move with the text.
 */
export function remapBindings(
  section: SectionKey,
  before: string,
  after: string,
  bindings: FigureBinding[],
): { bindings: FigureBinding[]; dropped: FigureBinding[] } {
  if (before === after) return { bindings, dropped: [] };
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  const from = prefix;
  const to = before.length - suffix;
  const inserted = after.slice(prefix, after.length - suffix);
  const shift = inserted.length - (to - from);
  const kept: FigureBinding[] = [];
  const dropped: FigureBinding[] = [];
  for (const b of bindings) {
    if (b.section !== section) {
      kept.push(b);
      continue;
    }
    if (to <= b.start && !(to === b.start && from === to && NUMERAL.test(inserted.slice(-1)))) {
      // Wholly before the figure (a numeral typed right before it would change the number).
      kept.push({ ...b, start: b.start + shift, end: b.end + shift });
    } else if (
      from >= b.end &&
      !(from === b.end && from === to && NUMERAL.test(inserted[0] ?? ""))
    ) {
      kept.push(b);
    } else {
      dropped.push(b);
    }
  }
  return { bindings: kept, dropped };
}

/**
 * The text and bindings after a sentence is inserted at `at` in a section's text: the sentence's
 * figures become bindings, the section's later figures move.
 */
export function insertSentence(
  narratives: Narratives,
  bindings: FigureBinding[],
  section: SectionKey,
  at: number,
  sentence: RenderedSentence,
): { text: string; bindings: FigureBinding[] } {
  const before = narratives[section] ?? "";
  const position = Math.max(0, Math.min(at, before.length));
  const text = before.slice(0, position) + sentence.text + before.slice(position);
  const moved = remapBindings(section, before, text, bindings).bindings;
  const added = sentence.figures.map((f) => ({
    section,
    start: position + f.start,
    end: position + f.end,
    expr: f.expr,
    text: f.text,
  }));
  return { text, bindings: sortBindings([...moved, ...added]) };
}

function sortBindings(bindings: FigureBinding[]): FigureBinding[] {
  return [...bindings].sort((a, b) =>
    a.section === b.section ? a.start - b.start : a.section < b.section ? -1 : 1,
  );
}

/**
 * Every bound figure written again from the tables as they stand: the texts that changed, the
 * bindings moved to match, and what changed. A figure whose cells are blank keeps its last text.
 */
export function refreshBindings(
  content: ReportContent,
  bindings: FigureBinding[],
): { narratives: Partial<Narratives>; bindings: FigureBinding[]; updates: FigureUpdate[] } {
  const narratives: Partial<Narratives> = {};
  const updates: FigureUpdate[] = [];
  const next: FigureBinding[] = [];
  const bySection = new Map<SectionKey, FigureBinding[]>();
  for (const b of sortBindings(bindings)) {
    const list = bySection.get(b.section) ?? [];
    list.push(b);
    bySection.set(b.section, list);
  }
  for (const [section, list] of bySection) {
    const text = content.narratives[section] ?? "";
    let out = "";
    let last = 0;
    let shift = 0;
    for (const b of list) {
      const value = evaluateFigure(content, b.expr) ?? b.text;
      out += text.slice(last, b.start) + value;
      last = b.end;
      if (value !== b.text) updates.push({ section, from: b.text, to: value });
      next.push({ ...b, start: b.start + shift, end: b.start + shift + value.length, text: value });
      shift += value.length - b.text.length;
    }
    out += text.slice(last);
    if (out !== text) narratives[section] = out;
  }
  return { narratives, bindings: next, updates };
}

/**
 * The number at `at` (its digits, `length` characters) replaced by `value`, the section's bindings moved
 * — X5's 改为表中数字.
 */
export function replaceNumber(
  narratives: Narratives,
  bindings: FigureBinding[],
  section: SectionKey,
  at: number,
  length: number,
  value: string,
): { text: string; bindings: FigureBinding[] } {
  const before = narratives[section] ?? "";
  const text = before.slice(0, at) + value + before.slice(at + length);
  return { text, bindings: remapBindings(section, before, text, bindings).bindings };
}

const bindingsSchema = figureBindingSchema.array().max(1000);

/** Bindings as a save sends them (JSON text; null for none), or null when the text is not bindings. */
export function parseFigureBindings(json: string): FigureBinding[] | null {
  try {
    const parsed = bindingsSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as FigureBinding[]) : null;
  } catch {
    return null;
  }
}

/** The save target (lib/report/patch.ts) that carries a report's bindings. */
export const FIGURE_BINDINGS_TARGET = "figureBindings";
