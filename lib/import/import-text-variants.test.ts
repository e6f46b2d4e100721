import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importText, readText, toTablesJson } from "@/lib/import";
import { HULAN_TABLES } from "./__fixtures__/expected";
import path from "node:path";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";

const HULAN = readFileSync(path.join(SAMPLES_DIR, "2021-hulan-district.txt"), "utf8");
const XINWEI = readFileSync(path.join(SAMPLES_DIR, "2020-xinwei-street-office.txt"), "utf8");

/** The same document in the other text layout: one table row per line, cells separated by tabs. */
function toRowPerLine(text: string): string {
  return readText(text)
    .map((b) =>
      b.type === "paragraph"
        ? b.text
        : b.rows.map((r) => [...r.map((c) => c.text), ""].join("\t")).join("\n"),
    )
    .join("\n");
}

const rulesOf = (text: string) => importText(text).findings.map((f) => `${f.rule} ${f.message}`);

describe("text layouts and their variants", () => {
  it("one row per line reads like one cell per line", () => {
    const converted = toRowPerLine(HULAN);
    expect(converted).toContain("\t申请人情况\t");
    const result = importText(converted);
    expect(toTablesJson(result.content)).toEqual(HULAN_TABLES);
    expect(result.findings.map((f) => f.rule)).toEqual(
      importText(HULAN).findings.map((f) => f.rule),
    );
  });

  it("CRLF line ends change nothing", () => {
    expect(toTablesJson(importText(HULAN.replace(/\n/g, "\r\n")).content)).toEqual(HULAN_TABLES);
  });

  it("the 勾稽关系 line may be missing", () => {
    const without = HULAN.replace(/\t（本列数据的勾稽关系为：[^\n]*\n/, "");
    expect(without).not.toContain("勾稽关系");
    const result = importText(without);
    expect(toTablesJson(result.content)).toEqual(HULAN_TABLES);
    expect(rulesOf(without)).toEqual(rulesOf(HULAN));
  });

  it("bookmarks anywhere, even inside a number, a label or a heading, are ignored", () => {
    const marked = HULAN.replace("\t37438", "\t37[bookmark: _GoBack]438")
      .replace("\t行政处罚", "\t[bookmark: _Hlk1]行政处罚")
      .replace("六、其他需要报告的事项", "六、其他需要[bookmark: x]报告的事项");
    const result = importText(marked);
    expect(toTablesJson(result.content)).toEqual(HULAN_TABLES);
    expect(rulesOf(marked)).toEqual(rulesOf(HULAN));
  });

  it("labels broken across lines are joined", () => {
    const broken = HULAN.replace("\t社会公益组织\n", "\t社会\n公益\n组织\n")
      .replace("\t1.属于国家秘密\n", "\t1.属于\n国家秘密\n")
      .replace("\t8.属于行政查询事项\n", "\t8.属于行政\n查询事项\n");
    const result = importText(broken);
    expect(toTablesJson(result.content)).toEqual(HULAN_TABLES);
    expect(result.findings.filter((f) => f.rule === "S3" && f.message.includes("行标签"))).toEqual(
      [],
    );
  });

  it("full-width digits and thousands separators are numbers; a dash is a blank, never 0", () => {
    const result = importText(
      HULAN.replace("\t37438", "\t３７，４３８").replace("\t170\n", "\t—\n"),
    );
    expect(result.content.tables["20.5"].licensing.decisions).toBe(37438);
    expect(result.content.tables["20.6"].penalty.decisions).toBeNull();
  });

  it("heading variants: numbering 1、/2、, extra words, no number — each an S3 quoting both", () => {
    const variant = HULAN.replace(
      "二、行政机关主动公开政府信息情况",
      "主动公开政府信息情况",
    ).replace("六、其他需要报告的事项", "6、其他需要报告的事项");
    const result = importText(variant);
    expect(toTablesJson(result.content)).toEqual(HULAN_TABLES);
    const s3 = result.findings.filter((f) => f.rule === "S3").map((f) => f.message);
    expect(s3).toContainEqual(
      expect.stringContaining(
        "“主动公开政府信息情况”与规定的“二、主动公开政府信息情况”不一致（缺少序号“二、”）",
      ),
    );
    expect(s3).toContainEqual(
      expect.stringContaining(
        "“6、其他需要报告的事项”与规定的“六、其他需要报告的事项”不一致（序号应为“六、”）",
      ),
    );
    expect(s3).toContainEqual(expect.stringContaining("“1、 总体情况”"));
    expect(result.findings.filter((f) => f.rule === "S1")).toEqual([]);
  });

  it("a wording variant of a row label is read, and reported as S3 quoting both", () => {
    const result = importText(
      HULAN.replace("\t2.其他法律行政法规禁止公开", "\t2.其他法律法规禁止公开"),
    );
    expect(toTablesJson(result.content)).toEqual(HULAN_TABLES);
    const s3 = result.findings.find(
      (f) => f.rule === "S3" && f.message.includes("其他法律法规禁止公开"),
    );
    expect(s3?.message).toContain("与规定的“2.其他法律行政法规禁止公开”不一致");
    expect(s3?.cells).toContain("requests.r3_2.natural");
  });

  it("a missing section is S1; a missing row is S5 and its cells stay blank", () => {
    const noFive = HULAN.replace(
      /五、政府信息公开工作存在的主要问题及改进情况[\s\S]*?(?=六、)/,
      "",
    );
    const s1 = importText(noFive).findings.filter((f) => f.rule === "S1");
    expect(s1).toHaveLength(1);
    expect(s1[0]).toMatchObject({ severity: "error" });
    expect(s1[0].message).toContain("第五部分“存在的主要问题及改进情况”");

    const noRow = HULAN.replace(/\t\n\t\n\t7\.属于行政执法案卷\n(\t0\n){7}/, "");
    const result = importText(noRow);
    expect(result.content.tables.requests.r3_7).toEqual(
      Object.fromEntries(Object.keys(result.content.tables.requests.r3_7).map((k) => [k, null])),
    );
    expect(result.findings.find((f) => f.rule === "S5")?.message).toBe(
      "第三部分“收到和处理政府信息公开申请情况”的表格缺少“7.属于行政执法案卷”行（应有7个数）",
    );
  });

  it("a closing date in Chinese numerals is read as 成文日期", () => {
    const result = importText(XINWEI.replace("2021年1月19日", "二〇二一年一月十九日"));
    expect(result.content.meta.issuedDate).toBe("2021-01-19");
    expect(result.sections.s6).toBe("无。");
  });

  it("a file with no tables yields S1/S2 findings, nulls everywhere, and the year from the file name", () => {
    const result = importText("一、总体情况\n本年度我单位认真贯彻条例。\n", {
      fileName: "2022-某镇.txt",
    });
    expect(result.year).toBe(2022);
    expect(result.cellsRead).toBe(0);
    expect(
      Object.values(result.content.tables.requests).every((row) =>
        Object.values(row).every((v) => v === null),
      ),
    ).toBe(true);
    expect(result.findings.filter((f) => f.rule === "S2").length).toBeGreaterThanOrEqual(3);
    expect(
      result.findings.filter((f) => f.rule === "S1").map((f) => f.message.slice(0, 5)),
    ).toEqual(["缺少第二部", "缺少第三部", "缺少第四部", "缺少第五部", "缺少第六部"]);
  });

  it("a row printed with empty cells is blank (null) without S5; a label whose numbers come on the next lines gets them", () => {
    const blankRow = toRowPerLine(HULAN).replace(/^行政强制\t0\t$/m, "行政强制\t\t");
    const blank = importText(blankRow);
    expect(blank.content.tables["20.6"].coercion.decisions).toBeNull();
    expect(blank.findings.filter((f) => f.rule === "S5")).toEqual([]);

    // Layout A with the numbers of 行政处罚 split from their label by a blank line.
    const split = importText(HULAN.replace("\t行政处罚\n\t170\n", "\t行政处罚\n\n\t170\n"));
    expect(split.content.tables["20.6"].penalty.decisions).toBe(170);
    expect(split.findings.filter((f) => f.rule === "S5")).toEqual([]);

    const alone = importText(HULAN.replace("\t行政处罚\n\t170\n", "\t行政处罚\n"));
    expect(alone.content.tables["20.6"].penalty.decisions).toBeNull();
    expect(alone.findings.find((f) => f.rule === "S5")?.message).toContain("“行政处罚”行没有数字");
  });
});
