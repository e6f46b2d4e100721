import { describe, expect, it } from "vitest";
import { SAMPLE_REPORTS, type SampleName } from "../__fixtures__/sample-reports";
import { validate } from ".";

/**
 * The findings docs/format.md lists for the samples, as far as structured content can show them (S3 and
 * S5 are the importer's). xingan is a people's government's report that does not mention 工作考核、
 * 社会评议 or 责任追究, hence X6. Four of the five print no 成文日期 (V5). youxie cites 国办公开办函【2021】30号 (X10). None needs V6: where no
 * issuing organ is named, the unit's name is already an organ's (…街道办事处).
 */
const EXPECTED: Record<SampleName, string[]> = {
  youxie: ["error S2", "warning V5", "warning X10"],
  xinwei: [],
  hulan: ["warning V2", "warning X3", "warning V5"],
  dengtalu: ["warning X3", "warning V5"],
  xingan: ["warning X3", "warning X6", "warning V5"],
};

describe("the five sample reports", () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected.join(", ") || "no finding"}`, () => {
      const report = SAMPLE_REPORTS[name as SampleName];
      expect(validate(report).map((f) => `${f.severity} ${f.rule}`)).toEqual(expected);
      // All their tables are filled in: the submission gate adds nothing, but a missing 成文日期 (V5) becomes an error.
      const gateSeverity = (f: { rule: string; severity: string }) =>
        f.rule === "V5" ? { ...f, severity: "error" } : f;
      expect(validate(report, { complete: true })).toEqual(validate(report).map(gateSeverity));
    });
  }

  it("youxie: S2 names section 四", () => {
    expect(validate(SAMPLE_REPORTS.youxie)[0].message).toBe(
      "第四部分“政府信息公开行政复议、行政诉讼情况”的表格没有填写任何数字",
    );
  });
});
