import { describe, expect, it } from "vitest";
import { cellById } from "./cells";
import { emptyReport } from "./content";
import { withCell } from "./__fixtures__/edit";
import { SAMPLE_REPORTS } from "./__fixtures__/sample-reports";
import { FIGURE_GROUPS, keyFigures } from "./key-figures";

describe("keyFigures", () => {
  it("names only cells that exist in their format", () => {
    for (const figure of FIGURE_GROUPS.flatMap((g) => g.figures)) {
      for (const format of ["2021", "2019"] as const) {
        for (const id of figure.cells[format])
          expect(cellById(format, id), `${figure.key} ${format} ${id}`).toBeDefined();
      }
    }
  });

  it("reads 呼兰区 2021 as docs/format.md lists it", () => {
    expect(keyFigures(SAMPLE_REPORTS.hulan)).toEqual({
      regulations: 32,
      licensing: 37438,
      penalty: 170,
      coercion: 0,
      received: 13,
      disclosed: 4,
      partial: 5,
      withheld: 0,
      unavailable: 4,
      notProcessed: 0,
      otherProcessing: 0,
      reconsideration: 2,
      litigationDirect: 2,
      litigationAfter: 0,
    });
  });

  it("reads the 2019 format (新伟 2020) and computes totals a draft does not store", () => {
    const xinwei = keyFigures(SAMPLE_REPORTS.xinwei);
    expect(xinwei.received).toBe(0);
    expect(xinwei.otherProcessing).toBe(0);
    let draft = emptyReport("2021", { organization: "某街道", year: 2025 });
    expect(Object.values(keyFigures(draft)).every((v) => v === null)).toBe(true);
    draft = withCell(withCell(draft, "requests.r3_2.natural", 2), "requests.r3_7.commercial", 1);
    draft = withCell(draft, "appeals.row.la_pending", 3);
    expect(keyFigures(draft)).toMatchObject({
      withheld: 3,
      disclosed: null,
      litigationAfter: 3,
      reconsideration: null,
    });
  });
});

describe("FIGURE_GROUPS", () => {
  it("takes its cells and labels from the format spec", () => {
    const figures = Object.fromEntries(
      FIGURE_GROUPS.flatMap((g) => g.figures).map((f) => [f.key, f]),
    );
    expect(figures.withheld.label).toBe("不予公开");
    expect(figures.withheld.cells["2021"]).toHaveLength(8);
    expect(figures.partial.label).toBe("部分公开");
    expect(figures.received.label).toBe("本年新收政府信息公开申请数量");
    // 2021 splits 其他处理 into three rows; 2019 has the one row.
    expect(figures.otherProcessing.label).toBe("其他处理");
    expect(figures.otherProcessing.cells["2021"]).toEqual([
      "requests.r6_1.total",
      "requests.r6_2.total",
      "requests.r6_3.total",
    ]);
    expect(figures.otherProcessing.cells["2019"]).toEqual(["requests.r6.total"]);
    expect(figures.regulations.cells["2019"]).toEqual(["20.1.rules.made", "20.1.normative.made"]);
    expect(figures.regulations.label).toBe("规章和行政规范性文件（本年制发件数）");
    expect(figures.licensing.label).toBe("行政许可（本年处理决定数量）");
    expect(figures.litigationDirect.label).toBe("行政诉讼（未经复议直接起诉）");
    expect(FIGURE_GROUPS.map((g) => g.title)).toEqual([
      "主动公开政府信息情况",
      "收到和处理政府信息公开申请情况",
      "政府信息公开行政复议、行政诉讼情况",
    ]);
  });
});
