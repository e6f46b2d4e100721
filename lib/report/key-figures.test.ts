import { describe, expect, it } from "vitest";
import { cellById } from "./cells";
import { emptyReport } from "./content";
import { withCell } from "./fixtures/edit";
import { SAMPLE_REPORTS } from "./fixtures/sample-reports";
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
