import { describe, expect, it } from "vitest";
import { emptyReport } from "./content";
import { diffContents, mergeContents } from "./diff";

describe("diffContents / mergeContents", () => {
  const base = emptyReport("2021", { organization: "测试街道办事处", year: 2025 });
  const mine = structuredClone(base);
  mine.tables.requests.new.natural = 5;
  mine.narratives.s1 = "我的总体情况";
  const theirs = structuredClone(base);
  theirs.tables.requests.new.natural = 7;
  theirs.tables.requests.new.other = 1;
  theirs.meta.phone = "0451-1234567";

  it("names every item the two versions disagree on, cells by their official labels", () => {
    const changes = diffContents(mine, theirs);
    expect(changes.map((c) => c.key).sort()).toEqual(
      ["meta.phone", "narrative.s1", "requests.new.natural", "requests.new.other"].sort(),
    );
    expect(changes.find((c) => c.key === "requests.new.natural")).toEqual({
      key: "requests.new.natural",
      label: "一、本年新收政府信息公开申请数量 — 自然人",
      a: "5",
      b: "7",
    });
  });

  it("takes what was chosen from the other side, keeps the rest, and recomputes the totals", () => {
    const merged = mergeContents(mine, theirs, new Set(["requests.new.other", "meta.phone"]));
    expect(merged.tables.requests.new.natural).toBe(5);
    expect(merged.tables.requests.new.other).toBe(1);
    expect(merged.tables.requests.new.total).toBe(6);
    expect(merged.meta.phone).toBe("0451-1234567");
    expect(merged.narratives.s1).toBe("我的总体情况");
  });
});
