import { describe, expect, it } from "vitest";
import { computeTotals } from "./compute-totals";
import { emptyReport, type ReportContent } from "./content";
import { withCell, withContent } from "./__fixtures__/edit";
import { fullReport, previousOf } from "./__fixtures__/full-report";
import { feeSentence } from "../export/fee-sentence";
import {
  narrativeSentences,
  renderSentence,
  sentenceVariants,
  yearOverYear,
  type SentenceVariant,
} from "./narrative-sentences";
import { validate } from "./validate";

const sentence = (report: ReportContent, id: string, options = {}) =>
  narrativeSentences(report, options).find((s) => s.id === id)?.text;
const x5 = (report: ReportContent) => validate(report).filter((f) => f.rule === "X5");

for (const formatId of ["2021", "2019"] as const) {
  describe(`narrative sentences (${formatId} format)`, () => {
    const report = fullReport(formatId);

    it("states 依申请公开 as real reports do, every result in 件, with shares on request", () => {
      const text = sentence(report, "requests", { shares: true })!;
      const handled = formatId === "2021" ? 250 : 227;
      expect(text).toMatch(
        /^本年度共收到政府信息公开申请\d+件（自然人\d+件，法人或其他组织\d+件），上年结转6件。/,
      );
      expect(text).toContain(
        `全年办结${handled}件，其中予以公开10件（占${((10 / handled) * 100).toFixed(1)}%），部分公开12件`,
      );
      expect(text).toContain("不予公开98件");
      expect(text).toContain("无法提供36件");
      expect(text).toContain("不予处理60件");
      expect(text).toMatch(/结转下年度继续办理21件。$/);
    });

    it("writes every sentence so that X5 reads it back without a finding", () => {
      const text = narrativeSentences(report, { shares: true })
        .map((s) => s.text)
        .join("\n");
      expect(x5(withContent(report, { narratives: { s1: text } }))).toEqual([]);
    });

    it("states 复议 and 诉讼 with each result, zero as 0件", () => {
      expect(sentence(report, "appeals")).toBe(
        "本年度发生政府信息公开行政复议案件3件，其中结果维持1件，结果纠正1件，其他结果0件，尚未审结1件；行政诉讼案件4件（未经复议直接起诉3件，复议后起诉1件），其中结果维持2件，结果纠正1件，其他结果1件，尚未审结0件。",
      );
    });

    it("follows a changed cell", () => {
      const changed = computeTotals(
        withCell(report, "requests.r1.natural", (report.tables.requests.r1.natural as number) + 5),
      );
      expect(sentence(changed, "requests")).toContain("予以公开15件");
    });

    it("leaves out a sentence whose figures are not filled in, and states zeros as 0件", () => {
      const empty = emptyReport(formatId, {
        organization: "某街道办事处",
        year: formatId === "2021" ? 2022 : 2020,
      });
      expect(sentence(empty, "requests")).toBeUndefined();
      expect(sentence(empty, "documents")).toBeUndefined();
      // A blank is not a zero: 四 left empty gives no sentence; 四 filled with zeros says 0件.
      expect(sentence(empty, "appeals")).toBeUndefined();
      const zeros = structuredClone(empty);
      for (const key of Object.keys(zeros.tables.appeals.row)) zeros.tables.appeals.row[key] = 0;
      expect(sentence(computeTotals(zeros), "appeals")).toBe(
        "本年度发生政府信息公开行政复议案件0件，其中结果维持0件，结果纠正0件，其他结果0件，尚未审结0件；行政诉讼案件0件（未经复议直接起诉0件，复议后起诉0件），其中结果维持0件，结果纠正0件，其他结果0件，尚未审结0件。",
      );
    });
  });
}

describe("documents sentence", () => {
  it("2021: 制发, 废止, 现行有效 and the decisions", () => {
    expect(sentence(fullReport("2021"), "documents")).toMatch(
      /^本年度制发规章1件，废止0件，现行有效12件；制发行政规范性文件32件，废止8件，现行有效80件；作出行政许可决定\d+件/,
    );
  });
  it("2019: 制发 and 对外公开总数量", () => {
    expect(sentence(fullReport("2019"), "documents")).toMatch(
      /^本年度制发规章10件，对外公开总数量20件；制发规范性文件23件，对外公开总数量33件；/,
    );
  });
});

describe("year over year", () => {
  it("says 增加, 减少 with the change in %, or 持平", () => {
    expect(yearOverYear(18, 16)).toBe("，较上年增加2件（增长12.5%）");
    expect(yearOverYear(12, 16)).toBe("，较上年减少4件（下降25.0%）");
    expect(yearOverYear(5, 0)).toBe("，较上年增加5件");
    expect(yearOverYear(7, 7)).toBe("，与上年持平");
    expect(yearOverYear(7, null)).toBe("");
  });
  it("is added after the number received when last year's report is known", () => {
    const report = fullReport("2021");
    const previous = withCell(
      withCell(previousOf(report), "requests.new.natural", 0),
      "requests.new.total",
      null,
    );
    expect(sentence(report, "requests", { previous })).toMatch(
      /^本年度共收到政府信息公开申请265件（[^）]+），较上年增加\d+件（增长[\d.]+%），上年结转6件。/,
    );
  });
});

describe("every wording of every sentence", () => {
  for (const formatId of ["2021", "2019"] as const) {
    const report = fullReport(formatId);
    const previous = previousOf(report);
    const variants = sentenceVariants(report, { previous });

    it(`${formatId}: each renders from the tables and X5 reads it back without a finding`, () => {
      const groups = new Set(variants.map((v) => v.group));
      expect([...groups].sort()).toEqual(
        formatId === "2021"
          ? ["appeals", "change", "documents", "fees", "requests"]
          : ["appeals", "change", "documents", "requests"],
      );
      for (const variant of variants) {
        const rendered = renderSentence(report, variant.parts);
        expect(rendered, variant.id).not.toBeNull();
        // Every figure stands where the rendering says, with the text it was given.
        for (const f of rendered!.figures)
          expect(rendered!.text.slice(f.start, f.end)).toBe(f.text);
        const with1 = withContent(report, { narratives: { s1: rendered!.text } });
        expect(x5(with1), `${variant.id}: ${rendered!.text}`).toEqual([]);
      }
    });

    it(`${formatId}: a zero is written 0件, and a blank figure leaves the wording out`, () => {
      const zero = computeTotals(withCell(report, "requests.r2.natural", 0));
      expect(renderSentence(zero, byId(variants, "requests.short").parts)?.text).toMatch(
        /^本年度新收政府信息公开申请\d+件，上年结转6件，全年办结\d+件，结转下年度继续办理21件。$/,
      );
      const partsZero = computeTotals(
        withCell(withCell(report, "requests.r2.natural", 0), "requests.r2.commercial", 0),
      );
      const text = renderSentence(partsZero, byId(variants, "requests.results").parts)!.text;
      expect(text).toContain("部分公开");
      expect(text).toMatch(/部分公开\d+件/);
      const blank = computeTotals(withCell(report, "requests.r2.natural", null));
      expect(
        renderSentence(blank, byId(variants, "appeals.short").parts),
        "appeals do not depend on 三",
      ).not.toBeNull();
      expect(
        renderSentence(
          withCell(report, "appeals.row.rc_upheld", null) as never,
          byId(variants, "appeals.full").parts,
        ),
      ).toBeNull();
    });
  }

  it("the short wordings of 复议/诉讼 and 主动公开", () => {
    const report = fullReport("2021");
    const variants = sentenceVariants(report);
    const text = (id: string) => renderSentence(report, byId(variants, id).parts)!.text;
    expect(text("appeals.short")).toBe("本年度发生政府信息公开行政复议案件3件、行政诉讼案件4件。");
    expect(text("appeals.count")).toBe("本年度共发生政府信息公开行政复议3起，行政诉讼4起。");
    expect(text("documents.normative")).toBe(
      "本年度制发行政规范性文件32件，废止8件，现行有效80件。",
    );
    expect(text("documents.decisions")).toMatch(
      /^本年度作出行政许可决定\d+件，行政处罚决定\d+件，行政强制决定\d+件。$/,
    );
  });

  it("year over year only when last year's report is known, with 增加/减少 and the change in %", () => {
    const report = fullReport("2021");
    expect(sentenceVariants(report).some((v) => v.group === "change")).toBe(false);
    const previous = withCell(previousOf(report), "requests.new.natural", 0);
    const variants = sentenceVariants(report, { previous: computeTotals(previous) });
    const received = renderSentence(report, byId(variants, "change.received").parts)!.text;
    expect(received).toMatch(
      /^本年度共收到政府信息公开申请265件，较上年增加\d+件（增长[\d.]+%）。$/,
    );
    const same = sentenceVariants(report, { previous: report });
    expect(renderSentence(report, byId(same, "change.handled").parts)!.text).toBe(
      "全年办结政府信息公开申请250件，与上年持平。",
    );
  });

  it("the fee statement: the standard wording is the exporter's sentence, and both satisfy X3", () => {
    const report = withContent(fullReport("2021"), {
      fees: { notices: 2, noticeAmount: "150.5", collected: "100" },
      narratives: { s6: "" },
    });
    const variants = sentenceVariants(report);
    const standard = renderSentence(report, byId(variants, "fees.standard").parts)!;
    expect(standard.text).toBe(feeSentence(report));
    expect(standard.text).toBe("2022年发出收费通知2件，总金额150.5元，实际收取金额100元。");
    for (const id of ["fees.standard", "fees.full"]) {
      const text = renderSentence(report, byId(variants, id).parts)!.text;
      const stated = withContent(report, {
        fees: { notices: null, noticeAmount: null, collected: null },
        narratives: { s6: text },
      });
      expect(
        validate(stated).filter((f) => f.rule === "X3"),
        text,
      ).toEqual([]);
    }
    const blank = withContent(report, { fees: { notices: 2, noticeAmount: null, collected: "0" } });
    expect(renderSentence(blank, byId(variants, "fees.full").parts)).toBeNull();
  });
});

function byId(variants: SentenceVariant[], id: string): SentenceVariant {
  const found = variants.find((v) => v.id === id);
  if (!found) throw new Error(`no variant ${id}`);
  return found;
}
