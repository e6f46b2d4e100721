import { describe, expect, it } from "vitest";
import type { ReportContent } from "./content";
import { withContent } from "./__fixtures__/edit";
import { fullReport } from "./__fixtures__/full-report";
import { formFieldOf } from "./form-field";
import { contentToForm, formToContent, type ReportFormValues } from "./form-values";
import { FIGURE_BINDINGS_TARGET, insertSentence } from "./narrative-bindings";
import { renderSentence, sentenceVariants } from "./narrative-sentences";
import { diffToPatch, type PatchChange } from "./patch";

const saved = withContent(fullReport("2021"), { narratives: { s1: "开头。" } });

/** The report with a sentence inserted into 一 from the menu: its text and its bound figures. */
function withSentence(content: ReportContent): ReportContent {
  const variant = sentenceVariants(content).find((v) => v.id === "appeals.short")!;
  const result = insertSentence(
    content.narratives,
    [],
    "s1",
    content.narratives.s1.length,
    renderSentence(content, variant.parts)!,
  );
  return withContent(content, { narratives: { s1: result.text }, figureBindings: result.bindings });
}

/** What the editor does with changes it did not type itself: each written into its form field. */
function writeIntoForm(values: ReportFormValues, changes: PatchChange[]): ReportFormValues {
  const next = structuredClone(values) as unknown as Record<string, unknown>;
  for (const change of changes) {
    const field = formFieldOf(saved.format, change.target, change.value);
    if (!field) continue;
    // Form paths are `part.key` or `part` (cell keys hold no dot: see fieldKey).
    const [part, key] = field.path.split(".");
    const value = field.path === "figureBindings" ? field.bindings : field.text;
    if (key === undefined) next[part] = value;
    else (next[part] as Record<string, unknown>)[key] = value;
  }
  return next as unknown as ReportFormValues;
}

describe("writing a saved value back into the editor's form", () => {
  it("gives the bound figures of inserted sentences to the form, not only the texts", () => {
    const local = withSentence(saved);
    const unsent = diffToPatch(saved, local);
    expect(unsent.map((c) => c.target)).toEqual(["narrative.s1", FIGURE_BINDINGS_TARGET]);
    // A reload: the page opens on the saved report, then replays what this browser had not sent.
    const replayed = formToContent(saved, writeIntoForm(contentToForm(saved), unsent));
    expect(replayed.narratives.s1).toBe(local.narratives.s1);
    expect(replayed.figureBindings).toEqual(local.figureBindings);
    expect(replayed.figureBindings).toHaveLength(2);
  });

  it("clears the bindings when the saved value says there are none", () => {
    expect(formFieldOf("2021", FIGURE_BINDINGS_TARGET, null)).toEqual({
      path: "figureBindings",
      bindings: [],
    });
  });

  it("maps every other target to its input's text", () => {
    expect(formFieldOf("2021", "requests.new.natural", 12)).toEqual({
      path: "cells.requests__new__natural",
      text: "12",
    });
    expect(formFieldOf("2021", "narrative.s2", "文字")).toEqual({
      path: "narratives.s2",
      text: "文字",
    });
    expect(formFieldOf("2021", "preface", "前言")).toEqual({ path: "preface", text: "前言" });
    expect(formFieldOf("2021", "meta.phone", "0451")).toEqual({ path: "meta.phone", text: "0451" });
    expect(formFieldOf("2021", "requests.new.total", 3)).toBeNull();
    expect(formFieldOf("2021", "nothing", 3)).toBeNull();
  });
});

describe("the form's bound figures", () => {
  it("are the content's: all of them let go in the form means none, not those the report opened with", () => {
    const opened = withSentence(saved);
    const values = contentToForm(opened);
    expect(formToContent(opened, values).figureBindings).toEqual(opened.figureBindings);
    expect(formToContent(opened, { ...values, figureBindings: [] }).figureBindings).toBeUndefined();
  });
});
