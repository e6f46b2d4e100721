import { describe, expect, it } from "vitest";
import type { ReportContent } from "../content";
import { withContent } from "../__fixtures__/edit";
import { fullReport } from "../__fixtures__/full-report";
import { validate } from ".";
import { applyNarrativeFix, narrativeFixes } from "./narrative-fixes";

const x5 = (report: ReportContent) => validate(report).filter((f) => f.rule === "X5");

for (const formatId of ["2021", "2019"] as const) {
  describe(`改为表中数字 (${formatId} format)`, () => {
    const report = fullReport(formatId);
    const year = report.meta.year;
    const s1 = (text: string) => withContent(report, { narratives: { s1: text } });
    const r1 = report.tables.requests.r1.total as number;

    it("offers the table's figure for each phrasing X5 reads, with the finding's own message", () => {
      for (const [text, table] of [
        [`全年予以公开${r1 + 3}件。`, r1],
        ["本年度发生行政复议案件九起。", 3],
        ["行政诉讼案件7件。", 4],
      ] as const) {
        const wrong = s1(text);
        const fixes = narrativeFixes(wrong);
        expect(fixes, text).toHaveLength(1);
        expect(fixes[0].replacement).toBe(String(table));
        expect(x5(wrong).map((f) => f.message)).toContain(fixes[0].message);
        const fixed = applyNarrativeFix(wrong.narratives.s1, fixes[0])!;
        expect(x5(s1(fixed)), fixed).toEqual([]);
      }
    });

    it("rewrites a share to the figure's share of the requests handled, to its printed decimals", () => {
      const handled = report.tables.requests.r7_total.total as number;
      const wrong = s1(`全年办结${handled}件，其中予以公开${r1}件（占55.5%）。`);
      const [fix] = narrativeFixes(wrong);
      expect(fix.replacement).toBe(((r1 / handled) * 100).toFixed(1));
      expect(x5(s1(applyNarrativeFix(wrong.narratives.s1, fix)!))).toEqual([]);
    });

    it("offers nothing for figures about another year or another unit, nor for a sentence that agrees", () => {
      for (const text of [
        `${year - 1}年予以公开${r1 + 3}件。`,
        `较上年，予以公开${r1 + 3}件。`,
        `全区各街道予以公开${r1 + 3}件。`,
        `全年予以公开${r1}件。`,
      ]) {
        expect(narrativeFixes(s1(text)), text).toEqual([]);
      }
    });

    it("offers 一's figure for 收到/受理 申请 and 依申请公开…共N条, in the preface as in 一", () => {
      const received = report.tables.requests.new.total as number;
      for (const [place, text] of [
        ["preface", `本年度收到政府信息公开申请${received + 40}件。`],
        ["s1", `全年共受理政府信息公开申请${received + 40}件，其中自然人申请${received + 40}件。`],
        ["s1", `一年来依申请公开政府信息共有${received + 40}条。`],
        ["s3", `本年度新收申请${received + 40}件。`],
      ] as const) {
        const wrong =
          place === "preface"
            ? withContent(report, { preface: text })
            : withContent(report, { narratives: { [place]: text } });
        const fixes = narrativeFixes(wrong);
        expect(fixes, text).toHaveLength(1);
        expect(fixes[0]).toMatchObject({
          target: place === "preface" ? "preface" : `narrative.${place}`,
          replacement: String(received),
        });
        expect(x5(wrong).map((f) => f.message)).toContain(fixes[0].message);
        const fixed = applyNarrativeFix(text, fixes[0])!;
        const after =
          place === "preface"
            ? withContent(report, { preface: fixed })
            : withContent(report, { narratives: { [place]: fixed } });
        expect(x5(after), fixed).toEqual([]);
      }
    });

    it("offers a fix for every X5 finding that names a table cell, wherever the text stands", () => {
      const received = report.tables.requests.new.total as number;
      const wrong = withContent(report, {
        preface: `本年度收到政府信息公开申请${received + 40}件，予以公开${r1 + 2}件。`,
        narratives: {
          s1: `全年予以公开${r1 + 3}件，行政复议案件九起。依申请公开信息共有${received + 9}条。`,
          s2: "本年度制发规范性文件99件。",
          s3: `本年度新收申请${received + 40}件。`,
          s4: "行政诉讼案件7件。",
        },
      });
      const withCells = x5(wrong).filter((f) => f.cells.length > 1);
      expect(withCells.length).toBeGreaterThanOrEqual(8);
      const fixes = narrativeFixes(wrong);
      for (const f of withCells)
        expect(
          fixes.some((fix) => fix.message === f.message && fix.target === f.cells[0]),
          f.message,
        ).toBe(true);
    });

    it("offers nothing for a stated sum that does not add up: which part is wrong, only the person knows", () => {
      const wrong = s1("全年共发布信息1234条，包括政策文件100条、工作动态1000条。");
      expect(x5(wrong)).toHaveLength(1);
      expect(narrativeFixes(wrong)).toEqual([]);
    });

    it("does not write over a text that changed since the check", () => {
      const wrong = s1(`全年予以公开${r1 + 3}件。`);
      const [fix] = narrativeFixes(wrong);
      expect(applyNarrativeFix(`前言。${wrong.narratives.s1}`, fix)).toBeNull();
    });
  });
}
