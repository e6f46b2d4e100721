import { describe, expect, it } from "vitest";
import { emptyReport } from "../content";
import { withCell, withContent } from "../__fixtures__/edit";
import { fullReport } from "../__fixtures__/full-report";
import { validate } from ".";

describe("S2: a table without numbers", () => {
  it("is one error per table, not one V1 per blank cell, even at the submission gate", () => {
    const report = emptyReport("2021", { organization: "某街道", year: 2022 });
    const findings = validate(report, { complete: true });
    const s2 = findings.filter((f) => f.rule === "S2");
    expect(s2.map((f) => f.message)).toEqual([
      "第二部分第二十条第（一）项的表格没有填写任何数字",
      "第二部分第二十条第（五）项的表格没有填写任何数字",
      "第二部分第二十条第（六）项的表格没有填写任何数字",
      "第二部分第二十条第（八）项的表格没有填写任何数字",
      "第三部分“收到和处理政府信息公开申请情况”的表格没有填写任何数字",
      "第四部分“政府信息公开行政复议、行政诉讼情况”的表格没有填写任何数字",
    ]);
    expect(findings.filter((f) => f.rule === "V1")).toEqual([]);
    expect(s2.every((f) => f.severity === "error")).toBe(true);
    // The cells named are the typed cells of the table.
    expect(s2[5].cells).toHaveLength(12);
  });

  it("covers the 2019 format's fifth table of 二", () => {
    const report = withCell(fullReport("2019"), "20.9.procurement.projects", null);
    const blank = withCell(report, "20.9.procurement.amount", "—");
    expect(
      validate(blank)
        .filter((f) => f.rule === "S2")
        .map((f) => f.message),
    ).toEqual(["第二部分第二十条第（九）项的表格没有填写任何数字"]);
  });

  it("still reports typed text in a table that has no number", () => {
    const report = withCell(
      emptyReport("2021", { organization: "某街道", year: 2022 }),
      "20.5.licensing.decisions",
      "若干",
    );
    const rules = validate(report).map((f) => f.rule);
    expect(rules.filter((r) => r === "S2")).toHaveLength(6);
    expect(rules).toContain("V1");
  });
});

describe("S4: format and year", () => {
  it("wants the 2021 format from 2021 on and the 2019 format for 2019–2020", () => {
    const s4 = (report: ReturnType<typeof fullReport>) =>
      validate(report).filter((f) => f.rule === "S4");
    expect(s4(withContent(fullReport("2021"), { meta: { year: 2020 } }))[0]).toMatchObject({
      severity: "error",
      message:
        "2020年度的报告应使用国办公开办函〔2019〕60号规定的格式，本报告使用的是国办公开办函〔2021〕30号规定的格式",
      cells: ["meta.year"],
    });
    expect(s4(withContent(fullReport("2019"), { meta: { year: 2021 } }))).toHaveLength(1);
    expect(s4(withContent(fullReport("2019"), { meta: { year: 2019 } }))).toHaveLength(0);
    expect(s4(withContent(fullReport("2021"), { meta: { year: 2030 } }))).toHaveLength(0);
  });
});
