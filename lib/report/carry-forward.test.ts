import { describe, expect, it } from "vitest";
import { carryForward } from "./carry-forward";
import { computeTotals } from "./compute-totals";
import { emptyReport } from "./content";
import { validate } from "./validate";

describe("carryForward (以上年报告为基础)", () => {
  const last = emptyReport("2021", { organization: "友协街道办事处", year: 2024 });
  last.tables.requests.carryover.natural = 2;
  last.tables.requests.carryover.legal = 1;
  last.meta.phone = "0451-86523517";
  last.narratives.s1 = "去年的总体情况";
  const next = carryForward(
    computeTotals(last),
    emptyReport("2021", { organization: "友协街道办事处", year: 2025 }),
  );

  it("makes last year's 结转下年度继续办理 this year's 上年结转, so X1 holds", () => {
    expect(next.tables.requests.carried.natural).toBe(2);
    expect(next.tables.requests.carried.legal).toBe(1);
    expect(next.tables.requests.carried.total).toBe(3);
    expect(validate(next, { previous: last }).filter((f) => f.rule === "X1")).toEqual([]);
  });

  it("keeps the contact details and leaves last year's texts to be offered, not copied", () => {
    expect(next.meta.phone).toBe("0451-86523517");
    expect(next.meta.year).toBe(2025);
    expect(next.narratives.s1).toBe("");
  });

  it("carries a 2019-format (2020) report into a 2021-format draft", () => {
    const old = emptyReport("2019", { organization: "新伟街道办事处", year: 2020 });
    old.tables.requests.carryover.natural = 4;
    const draft = carryForward(
      old,
      emptyReport("2021", { organization: "新伟街道办事处", year: 2021 }),
    );
    expect(draft.tables.requests.carried.natural).toBe(4);
  });
});
