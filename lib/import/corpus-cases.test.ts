import { describe, expect, it } from "vitest";
import { renderDocx } from "@/lib/export/docx";
import { renderHtml } from "@/lib/export/html";
import { validate } from "@/lib/report/validate";
import { importBytes } from "./import-bytes";
import { corpusCases } from "./__fixtures__/layouts/contents";
import { chineseNumeralDate, generatedCases } from "./__fixtures__/layouts/generated-reports";
import { applyEdits, editDocx } from "./__fixtures__/layouts/print-edits";
import { wordRowPerLine } from "./__fixtures__/layouts/word-text";

const cases = generatedCases();
const RULES_VALIDATE_SEES = new Set(["A1", "A2", "X2", "S4"]);

describe("the generated corpus reports", () => {
  it("are the same on every run (seeded), and span both formats, their years and the variants", () => {
    expect(generatedCases()).toEqual(cases);
    expect(cases.length).toBeGreaterThanOrEqual(10);
    const years = cases.map((c) => `${c.content.format}:${c.content.meta.year}`);
    expect(years).toEqual(expect.arrayContaining(["2019:2019", "2019:2020", "2021:2023"]));
    expect(cases.flatMap((c) => c.planted)).toEqual(
      expect.arrayContaining(["A1", "X2", "S4", "S3"]),
    );
    expect(
      cases.some((c) => Object.values(c.content.tables.requests.new).some((v) => Number(v) > 1000)),
    ).toBe(true);
  });

  it.each(cases)("$name: validate() finds exactly the planted defects it can see", (c) => {
    const errors = validate(c.content, { previous: c.previous })
      .filter((f) => f.severity === "error" || f.rule === "X2")
      .map((f) => f.rule);
    expect([...new Set(errors)].sort()).toEqual(
      [...new Set(c.planted.filter((r) => RULES_VALIDATE_SEES.has(r)))].sort(),
    );
  });

  it.each(cases.filter((c) => c.edits.length))(
    "$name: every edit is printed by both exports",
    async (c) => {
      expect(() => applyEdits(renderHtml(c.content), c.edits, "html")).not.toThrow();
      await expect(
        editDocx(new Uint8Array(await renderDocx(c.content)), c.edits),
      ).resolves.toBeInstanceOf(Uint8Array);
    },
  );

  it.each(corpusCases().filter((c) => c.planted.length))(
    "$name: read from Word's text, each planted defect is reported under its rule id",
    async (c) => {
      const text = applyEdits(wordRowPerLine(c.content), c.edits, "word-rows.txt");
      const read = await importBytes("report.txt", new TextEncoder().encode(text), {
        previous: c.previous,
      });
      const rules = read.findings.map((f) => f.rule);
      for (const rule of new Set(c.planted))
        expect(rules.filter((r) => r === rule).length).toBeGreaterThanOrEqual(
          c.planted.filter((r) => r === rule).length,
        );
    },
  );

  it("a closing date in Chinese numerals as offices print it", () => {
    expect(chineseNumeralDate("2024-01-18")).toEqual({
      arabic: "2024年1月18日",
      chinese: "二〇二四年一月十八日",
    });
    expect(chineseNumeralDate("2023-12-30").chinese).toBe("二〇二三年十二月三十日");
  });

  it("an edit whose text the report does not print is a mistake in the corpus", () => {
    expect(() => applyEdits("正文", [{ from: "不存在", to: "x" }], "a.txt")).toThrow("a.txt");
  });
});
