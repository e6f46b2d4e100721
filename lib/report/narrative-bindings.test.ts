import { describe, expect, it } from "vitest";
import { renderHtml } from "../export/html";
import { computeTotals } from "./compute-totals";
import { parseReportContent, type ReportContent } from "./content";
import { withCell, withContent } from "./__fixtures__/edit";
import { fullReport } from "./__fixtures__/full-report";
import {
  FIGURE_BINDINGS_TARGET,
  insertSentence,
  keepMatching,
  parseFigureBindings,
  refreshBindings,
  remapBindings,
  replaceNumber,
} from "./narrative-bindings";
import { renderSentence, sentenceVariants } from "./narrative-sentences";
import { applyChanges, diffToPatch, editableTargets } from "./patch";

const report = withContent(fullReport("2021"), { narratives: { s1: "开头。结尾。" } });

function inserted(content: ReportContent, id: string, at: number) {
  const variant = sentenceVariants(content).find((v) => v.id === id)!;
  const result = insertSentence(
    content.narratives,
    content.figureBindings ?? [],
    "s1",
    at,
    renderSentence(content, variant.parts)!,
  );
  return withContent(content, {
    narratives: { s1: result.text },
    figureBindings: result.bindings,
  });
}

const disclosedOf = (content: ReportContent) =>
  content.figureBindings!.find(
    (b) => b.expr.op === "sum" && b.expr.cells.join() === "requests.r1.total",
  )!;

describe("inserting a sentence", () => {
  it("puts it at the cursor and binds each figure where it stands", () => {
    const next = inserted(report, "appeals.short", 3);
    expect(next.narratives.s1).toBe(
      "开头。本年度发生政府信息公开行政复议案件3件、行政诉讼案件4件。结尾。",
    );
    expect(next.figureBindings).toHaveLength(2);
    for (const b of next.figureBindings!)
      expect(next.narratives.s1.slice(b.start, b.end)).toBe(b.text);
    expect(next.figureBindings!.map((b) => b.text)).toEqual(["3", "4"]);
  });

  it("moves the figures already in the text after the cursor", () => {
    const first = inserted(report, "appeals.short", 3);
    const second = inserted(first, "documents.normative", 0);
    expect(second.figureBindings).toHaveLength(5);
    for (const b of second.figureBindings!)
      expect(second.narratives.s1.slice(b.start, b.end), JSON.stringify(b)).toBe(b.text);
  });
});

describe("following the tables", () => {
  it("rewrites a bound figure when its cell changes, moves the figures after it, and says what changed", () => {
    const start = inserted(report, "requests.full", 3);
    const before = disclosedOf(start).text;
    const changed = computeTotals(
      withCell(start, "requests.r1.natural", (start.tables.requests.r1.natural as number) + 95),
    );
    const { narratives, bindings, updates } = refreshBindings(changed, changed.figureBindings!);
    const after = String(Number(before) + 95);
    expect(narratives.s1).toContain(`其中予以公开${after}件，部分公开`);
    expect(updates).toContainEqual({ section: "s1", from: before, to: after });
    // 办结 (（七）总计) follows too: it sums the same cell.
    expect(updates.length).toBe(2);
    for (const b of bindings) expect(narratives.s1!.slice(b.start, b.end)).toBe(b.text);
  });

  it("leaves the text alone when nothing changed, and keeps the last figure while a cell is blank", () => {
    const start = inserted(report, "requests.short", 0);
    expect(refreshBindings(start, start.figureBindings!).updates).toEqual([]);
    const blank = withCell(start, "requests.new.total", null);
    const refreshed = refreshBindings(blank, blank.figureBindings!);
    expect(refreshed.narratives).toEqual({});
    expect(refreshed.bindings).toEqual(start.figureBindings);
  });

  it("writes the year-over-year change again with its wording", () => {
    const previous = computeTotals(withCell(fullReport("2021"), "requests.new.natural", 0));
    const variant = sentenceVariants(report, { previous }).find((v) => v.id === "change.received")!;
    const result = insertSentence(
      report.narratives,
      [],
      "s1",
      0,
      renderSentence(report, variant.parts)!,
    );
    const bound = withContent(report, {
      narratives: { s1: result.text },
      figureBindings: result.bindings,
    });
    const same = computeTotals(withCell(bound, "requests.new.natural", 0));
    expect(refreshBindings(same, result.bindings).narratives.s1).toMatch(
      /^本年度共收到政府信息公开申请\d+件，与上年持平。/,
    );
  });
});

describe("editing the text", () => {
  const start = inserted(report, "requests.full", 3);
  const text = start.narratives.s1;
  const bound = disclosedOf(start);
  const edit = (from: number, to: number, insert: string) =>
    remapBindings("s1", text, text.slice(0, from) + insert + text.slice(to), start.figureBindings!);

  it("drops a figure whose digits the person changed, and only that one", () => {
    const { bindings, dropped } = edit(bound.start, bound.end, "99");
    expect(dropped).toEqual([bound]);
    expect(bindings).toHaveLength(start.figureBindings!.length - 1);
  });

  it("drops a figure when a digit is typed right against it, keeps it for other text", () => {
    expect(edit(bound.end, bound.end, "0").dropped).toEqual([bound]);
    expect(edit(bound.start, bound.start, "1").dropped).toEqual([bound]);
    const words = edit(bound.start, bound.start, "约");
    expect(words.dropped).toEqual([]);
    const moved = words.bindings.find((b) => b.expr === bound.expr)!;
    expect(moved.start).toBe(bound.start + 1);
  });

  it("moves the figures after an edit elsewhere, and keeps those before it", () => {
    const { bindings, dropped } = edit(0, 2, "本单位");
    expect(dropped).toEqual([]);
    for (const [i, b] of bindings.entries())
      expect(b.start).toBe(start.figureBindings![i].start + 1);
  });

  it("keeps only bindings whose place still holds their text (after a restore or a replaced text)", () => {
    expect(keepMatching(start.narratives, start.figureBindings!)).toEqual(start.figureBindings);
    expect(keepMatching({ ...start.narratives, s1: "另一段文字" }, start.figureBindings!)).toEqual(
      [],
    );
  });

  it("replaces a number (X5's fix) and moves the figures after it", () => {
    const at = text.indexOf("开头");
    const result = replaceNumber(start.narratives, start.figureBindings!, "s1", at, 2, "开头开头");
    for (const b of result.bindings) expect(result.text.slice(b.start, b.end)).toBe(b.text);
  });
});

describe("kept with the report", () => {
  const start = inserted(report, "appeals.short", 0);

  it("parses with the content schema, and content without bindings still parses", () => {
    const parsed = parseReportContent(JSON.parse(JSON.stringify(start)));
    expect(parsed.success && parsed.data.figureBindings).toEqual(start.figureBindings);
    const old = parseReportContent(JSON.parse(JSON.stringify(report)));
    expect(old.success && old.data.figureBindings).toBeUndefined();
  });

  it("travels in a save as its own target, refused when it is not bindings", () => {
    const changes = diffToPatch(report, start);
    const change = changes.find((c) => c.target === FIGURE_BINDINGS_TARGET)!;
    expect(parseFigureBindings(change.value as string)).toEqual(start.figureBindings);
    expect(applyChanges(report, changes).figureBindings).toEqual(start.figureBindings);
    const target = editableTargets("2021").get(FIGURE_BINDINGS_TARGET)!;
    expect(target.schema.safeParse('[{"section":"s9"}]').success).toBe(false);
    expect(target.schema.safeParse("not json").success).toBe(false);
    expect(target.schema.safeParse(null).success).toBe(true);
    // A parsed copy serialises as the editor wrote it, so a reload is not a change.
    const reread = parseFigureBindings(JSON.stringify(start.figureBindings))!;
    expect(JSON.stringify(reread)).toBe(JSON.stringify(start.figureBindings));
  });

  it("is never printed: the HTML export is the same with or without them", () => {
    const { figureBindings, ...plain } = start;
    expect(figureBindings?.length).toBe(2);
    expect(renderHtml(start)).toBe(renderHtml(plain));
  });
});
