import { describe, expect, it } from "vitest";
import { computeTotals } from "./compute-totals";
import { fullReport } from "./__fixtures__/full-report";
import { applyChanges, checkChanges, diffToPatch, editableTargets } from "./patch";

describe("patches", () => {
  it("a patch holds only what a person typed: the changed cells and texts, never a total", () => {
    const before = fullReport("2021", 2025);
    const after = structuredClone(before);
    after.tables.requests.new.natural = 12345;
    after.narratives.s5 = "新的问题与改进";
    after.meta.issuedDate = "2026-01-20";
    const patch = diffToPatch(before, computeTotals(after));
    expect(patch).toEqual([
      { target: "requests.new.natural", value: 12345 },
      { target: "narrative.s5", value: "新的问题与改进" },
      { target: "meta.issuedDate", value: "2026-01-20" },
    ]);
  });

  it("applying a patch to the other side gives the same content, and leaves the input as it was", () => {
    const before = fullReport("2021", 2025);
    const after = structuredClone(before);
    after.tables["20.5"].licensing.decisions = 3;
    after.fees.collected = "12.50";
    const copy = structuredClone(before);
    const applied = applyChanges(before, diffToPatch(before, after));
    expect(computeTotals(applied)).toEqual(computeTotals(after));
    expect(before).toEqual(copy);
  });

  it("refuses computed cells, unknown targets, repeated targets and values of the wrong kind", () => {
    const problems = checkChanges("2021", [
      { target: "requests.new.total", value: 1 },
      { target: "narrative.s9", value: "x" },
      { target: "requests.new.natural", value: 1 },
      { target: "requests.new.natural", value: 2 },
      { target: "meta.issuedDate", value: "2026年1月" },
      { target: "narrative.s1", value: 5 },
    ]);
    expect(problems.ok).toBe(false);
    if (problems.ok) return;
    expect(problems.problems.map((p) => p.message)).toEqual([
      "“requests.new.total”不是可填写的单元格或字段。",
      "“narrative.s9”不是可填写的单元格或字段。",
      `“${editableTargets("2021").get("requests.new.natural")!.label}”在一次保存中出现了两次。`,
      "“成文日期”的值无法保存。",
      "“一、总体情况（文字）”的值无法保存。",
    ]);
  });

  it("every target of the 2019 and 2021 formats writes only itself and reads back what it wrote", () => {
    for (const format of ["2019", "2021"] as const) {
      const content = fullReport(format, 2020);
      for (const target of editableTargets(format).values()) {
        const value = [7, "2026-01-02"].find((v) => target.schema.safeParse(v).success);
        if (value === undefined) continue; // a target of structured text, tested where it is defined
        const copy = structuredClone(content);
        target.write(copy, value);
        expect(target.read(copy)).toBe(value);
        expect(diffToPatch(content, copy)).toEqual([{ target: target.id, value }]);
      }
    }
  });
});
