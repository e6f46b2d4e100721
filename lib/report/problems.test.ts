import { describe, expect, it } from "vitest";
import { listCells } from "./cells";
import { computeTotals } from "./compute-totals";
import { emptyReport, type ReportContent } from "./content";
import { PROBLEM_CATEGORIES, RULE_CATEGORY, categoryOf, ruleDetails } from "./problem-categories";
import { problemCount, problemCountText, summarizeProblems } from "./problems";
import { RULE_IDS, RULES } from "./rules";
import { validate } from "./validate";

const draft = () => emptyReport("2021", { organization: "测试街道办事处", year: 2025 });
const summary = (content: ReportContent) => {
  const totalled = computeTotals(content);
  return summarizeProblems(totalled, validate(totalled, { complete: true }));
};
const typedCells = (tableId: string) =>
  listCells("2021").filter((c) => c.tableId === tableId && !c.computed);

describe("problem categories", () => {
  it("give every rule of the catalogue a plain category, and keep the rule for the details", () => {
    for (const rule of RULE_IDS) expect(PROBLEM_CATEGORIES[RULE_CATEGORY[rule]]).toBeTruthy();
    expect(PROBLEM_CATEGORIES[RULE_CATEGORY.A1]).toBe("表格不平衡");
    expect(PROBLEM_CATEGORIES[RULE_CATEGORY.X1]).toBe("与上年不一致");
    expect(PROBLEM_CATEGORIES[RULE_CATEGORY.X5]).toBe("文字与表格不一致");
    expect(ruleDetails("A1")).toBe(`规则 A1：${RULES.A1.description}`);
  });

  it("call a value rule on blank cells 未填写, and on a wrong number 数字写法不对", () => {
    const blank = { rule: "V1" as const, severity: "error" as const, message: "", cells: ["x"] };
    expect(categoryOf(blank, () => true)).toBe("unfilled");
    expect(categoryOf(blank, () => false)).toBe("invalidValue");
  });
});

describe("summarizeProblems", () => {
  it("counts an untouched draft's blanks once per cell, grouped per table, and no errors", () => {
    const result = summary(draft());
    expect(result.errors).toEqual([]);
    const requests = result.unfilled.find((g) => g.tableId === "requests")!;
    expect(requests.targets).toHaveLength(typedCells("requests").length);
    expect(requests.step).toBe("s3");
    expect(requests.title).toContain("第三部分");
    expect(result.unfilled.some((g) => g.key === "narrative.s1")).toBe(true);
    expect(result.unfilledCount).toBe(result.unfilled.reduce((n, g) => n + g.targets.length, 0));
  });

  it("drops a table's blanks from the count exactly as they are filled, and keeps real errors apart", () => {
    const content = draft();
    const before = summary(content);
    const cells = typedCells("requests");
    content.tables.requests.new.natural = -3; // a count below zero: a V1 error, not a blank
    const after = summary(content);
    const group = (s: typeof before) => s.unfilled.find((g) => g.tableId === "requests")!;
    expect(group(after).targets).toHaveLength(cells.length - 1);
    expect(after.unfilledCount).toBe(before.unfilledCount - 1);
    expect(after.errors.map((p) => p.category)).toContain("invalidValue");
    expect(after.errors.every((p) => p.category !== "unfilled")).toBe(true);

    for (const cell of cells) content.tables.requests[cell.rowKey][cell.columnKey] ??= 0;
    const filled = summary(content);
    expect(filled.unfilled.find((g) => g.tableId === "requests")).toBeUndefined();
    expect(filled.unfilledCount).toBe(before.unfilledCount - cells.length);
  });

  it("counts per step and words the count one way", () => {
    const result = summary(draft());
    const s3 = problemCount(result, "s3");
    expect(s3).toEqual({ errors: 0, warnings: 0, unfilled: typedCells("requests").length });
    expect(problemCountText({ errors: 2, warnings: 1, unfilled: 12 })).toBe(
      "还有 2 个错误、12 处未填",
    );
    expect(problemCountText({ errors: 0, warnings: 0, unfilled: 0 })).toBe("");
  });
});
