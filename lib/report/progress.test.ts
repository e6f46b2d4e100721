import { describe, expect, it } from "vitest";
import { emptyReport } from "./content";
import { computeTotals } from "./compute-totals";
import { reportProgress } from "./progress";
import { validate } from "./validate";

describe("reportProgress", () => {
  it("calls an untouched draft 未填 everywhere, not 有错误", () => {
    const content = emptyReport("2021", { organization: "测试街道办事处", year: 2025 });
    const progress = reportProgress(content, validate(content));
    // The cover starts with the unit's name and issuing organ filled in.
    expect(progress.steps.cover).toBe("partial");
    expect(
      Object.entries(progress.steps)
        .filter(([k]) => k !== "cover")
        .every(([, s]) => s === "empty"),
    ).toBe(true);
    expect(progress.doneParts).toBe(0);
    expect(progress.percent).toBe(0);
  });

  it("marks the section holding an error, and a partly filled one 填写中", () => {
    const content = emptyReport("2021", { organization: "测试街道办事处", year: 2025 });
    content.tables.requests.new.natural = 13;
    content.tables.requests.carried.natural = 0;
    content.tables.requests.r1.natural = 12;
    content.tables.requests.carryover.natural = 0;
    content.tables["20.5"].licensing.decisions = 3;
    const totalled = computeTotals(content);
    const progress = reportProgress(totalled, validate(totalled));
    expect(progress.steps.s3).toBe("error");
    expect(progress.steps.s2).toBe("partial");
    expect(progress.steps.s1).toBe("empty");
    expect(progress.percent).toBe(0);
  });

  it("counts parts, not cells: a full 三 with 四, 五 and 六 empty is not nearly done", () => {
    const content = emptyReport("2021", { organization: "测试街道办事处", year: 2025 });
    for (const row of Object.values(content.tables.requests))
      for (const key of Object.keys(row)) row[key] = 0;
    const totalled = computeTotals(content);
    const progress = reportProgress(totalled, validate(totalled));
    expect(progress.steps.s3).toBe("done");
    expect(progress.steps.s4).toBe("empty");
    expect(progress.doneParts).toBe(1);
    expect(progress.totalParts).toBe(7);
    expect(progress.percent).toBe(14);
  });
});
