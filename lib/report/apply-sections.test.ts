import { describe, expect, it } from "vitest";
import { emptyReport } from "./content";
import { applySections } from "./apply-sections";

describe("applySections", () => {
  const draft = emptyReport("2021", { organization: "友协街道办事处", year: 2025 });
  draft.narratives.s5 = "草稿里已有的文字";
  const source = emptyReport("2021", { organization: "哈尔滨市平房区友协街道办事处", year: 2024 });
  source.narratives.s1 = "去年的总体情况";
  source.narratives.s5 = "去年的问题";
  source.tables.requests.new.natural = 13;
  source.preface = "去年的前言";
  source.meta.phone = "0451-86523517";

  it("takes only the chosen sections, tables included, and recomputes totals", () => {
    const { content, tablesSkipped } = applySections(draft, source, ["s1", "s3", "cover"]);
    expect(content.narratives.s1).toBe("去年的总体情况");
    expect(content.narratives.s5).toBe("草稿里已有的文字");
    expect(content.tables.requests.new.natural).toBe(13);
    expect(content.tables.requests.new.total).toBe(13);
    expect(content.preface).toBe("去年的前言");
    expect(content.meta.phone).toBe("0451-86523517");
    expect(content.meta.organization).toBe("友协街道办事处");
    expect(content.meta.year).toBe(2025);
    expect(tablesSkipped).toEqual([]);
  });

  it("takes the text but not the tables of a report in the other format", () => {
    const old = emptyReport("2019", { organization: "新伟街道办事处", year: 2020 });
    old.narratives.s3 = "2020年度没有收到申请。";
    old.tables.requests.new.natural = 4;
    const { content, tablesSkipped } = applySections(draft, old, ["s3"]);
    expect(content.narratives.s3).toBe("2020年度没有收到申请。");
    expect(content.tables.requests.new.natural).toBeNull();
    expect(tablesSkipped).toEqual(["s3"]);
  });

  it("from a source of tables only (an Excel workbook) takes the tables and keeps the draft's texts", () => {
    const withText = structuredClone(draft);
    withText.narratives.s3 = "草稿中三的说明";
    withText.preface = "草稿的前言";
    const { content } = applySections(withText, source, ["s3", "cover"], { tablesOnly: true });
    expect(content.tables.requests.new.natural).toBe(13);
    expect(content.tables.requests.new.total).toBe(13);
    expect(content.narratives.s3).toBe("草稿中三的说明");
    expect(content.preface).toBe("草稿的前言");
    expect(content.meta.phone).toBe("");
  });
});
