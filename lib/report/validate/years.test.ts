import { describe, expect, it } from "vitest";
import type { ReportContent } from "../content";
import { withContent } from "../__fixtures__/edit";
import { fullReport } from "../__fixtures__/full-report";
import { moveStatedYears } from "../stated-years";
import { validate } from ".";

const r21 = fullReport("2021");
const year = r21.meta.year;
const only = (rule: string, report: ReportContent) =>
  validate(report).filter((f) => f.rule === rule);
const preface = (text: string) => withContent(r21, { preface: text });
const s1 = (text: string) => withContent(r21, { narratives: { s1: text } });

describe("X9: a year stated as the report's period that is not the report's", () => {
  it("flags the phrases an older report leaves behind", () => {
    const old = year - 4;
    for (const report of [
      preface(`本报告中所列数据的统计期限为${old}年1月1日至${old}年12月31日。`),
      preface(`本报告所列数据统计时间自${old}年1月1日起至${old}年12月31日止。`),
      s1(`${old}年，我街道认真贯彻落实《条例》。`),
      s1(`${old}年以来，全区深入推进政务公开。`),
      s1(`现将${old}年度政府信息公开工作报告如下。`),
    ]) {
      const found = only("X9", report);
      expect(found, JSON.stringify(report.preface + report.narratives.s1)).toHaveLength(1);
      expect(found[0].severity).toBe("warning");
      expect(found[0].message).toContain(`${old}年`);
      expect(found[0].message).toContain(`本报告是${year}年度报告`);
    }
    expect(
      only("X9", preface(`统计期限为${year - 4}年1月1日至${year - 4}年12月31日。`))[0].cells,
    ).toEqual(["preface"]);
    expect(only("X9", s1(`${year - 4}年，我街道认真贯彻。`))[0].cells).toEqual(["narrative.s1"]);
  });

  it("a 统计期限 on last year or next year is flagged; elsewhere only years further away", () => {
    expect(
      only("X9", preface(`统计期限为${year - 1}年1月1日至${year - 1}年12月31日。`)),
    ).toHaveLength(1);
    expect(only("X9", s1(`${year + 2}年，本单位继续推进政务公开。`))).toHaveLength(1);
    expect(
      only("X9", withContent(r21, { narratives: { s5: `${year + 1}年，我区将继续加强培训。` } })),
    ).toEqual([]);
  });

  it("accepts the report's own year and last year's", () => {
    for (const report of [
      preface(`统计期限为${year}年1月1日至${year}年12月31日。`),
      s1(`${year}年，我区全面推进政务公开。与${year - 1}年度相比，申请数量有所增加。`),
      s1(`${year - 1}年，我区发现的问题均已整改。`),
    ]) {
      expect(only("X9", report)).toEqual([]);
    }
  });

  it("never reads cited years: document numbers, revisions, regulations' dates, history", () => {
    for (const text of [
      "依据国办函〔2020〕109号和国办公开办函〔2021〕30号的要求。",
      "《中华人民共和国政府信息公开条例》（2019年修订）自2019年5月15日起施行。",
      "2008年5月1日起施行的《条例》于2019年4月3日修订。",
      "2008年，我国正式施行政府信息公开条例。",
      "按照【2019】12号文件和〔2019年度〕考核办法执行。",
    ]) {
      expect(only("X9", s1(text)), text).toEqual([]);
    }
  });
});

describe("X10: a document number in 【】 or []", () => {
  it("flags 【】, [], ［］ and mixed pairs, suggesting 〔〕", () => {
    const [f] = only("X10", s1("根据国办公开办函【2021】30号文件要求。"));
    expect(f).toMatchObject({ severity: "warning", cells: ["narrative.s1"] });
    expect(f.message).toContain("“国办公开办函【2021】30号”");
    expect(f.message).toContain("写作“国办公开办函〔2021〕30号”");
    for (const text of [
      "国办函[2020]109号",
      "国办函［2020］109号",
      "国办函〔2020]109号",
      "国办函【2020〕 109号",
    ]) {
      expect(only("X10", s1(text)), text).toHaveLength(1);
    }
    expect(only("X10", s1("国办函【2020】109号，国办公开办函[2021]30号"))).toHaveLength(2);
  });

  it("accepts 〔〕 and bracketed years that are not document numbers", () => {
    for (const text of [
      "国办函〔2020〕109号",
      "【2021年】工作要点",
      "见附件[1]",
      "（2019年修订）",
      "[2021]年度",
    ]) {
      expect(only("X10", s1(text)), text).toEqual([]);
    }
  });
});

describe("moving an imported report's stated years", () => {
  it("moves the period, openings and 年度 with the year around them, never citations", () => {
    const text =
      "本报告中所列数据的统计期限为2022年1月1日至2022年12月31日。2022年，我街道依据国办函〔2020〕109号和国办公开办函〔2022〕30号，" +
      "对照2021年度报告整改。《条例》（2019年修订）2019年5月15日起施行。2023年，我街道将继续努力。";
    expect(moveStatedYears(text, 2022, 2026)).toBe(
      "本报告中所列数据的统计期限为2026年1月1日至2026年12月31日。2026年，我街道依据国办函〔2020〕109号和国办公开办函〔2022〕30号，" +
        "对照2025年度报告整改。《条例》（2019年修订）2019年5月15日起施行。2027年，我街道将继续努力。",
    );
    expect(moveStatedYears(text, 2022, 2022)).toBe(text);
  });
});
