import { describe, expect, it } from "vitest";
import { listCells } from "./cells";
import { FEE_FIELDS, META_FIELDS } from "./fields";
import { parseTarget, tableOfTarget, targetId } from "./targets";

describe("targets", () => {
  it("reads back every id it builds", () => {
    for (const format of ["2021", "2019"] as const) {
      for (const cell of listCells(format)) {
        expect(parseTarget(cell.id)).toEqual({
          kind: "cell",
          tableId: cell.tableId,
          rowKey: cell.rowKey,
          columnKey: cell.columnKey,
        });
        expect(targetId.cell(cell.tableId, cell.rowKey, cell.columnKey)).toBe(cell.id);
      }
    }
    for (const field of META_FIELDS)
      expect(parseTarget(targetId.meta(field.key))).toEqual({ kind: "meta", field: field.key });
    for (const field of FEE_FIELDS)
      expect(parseTarget(targetId.fee(field.key))).toEqual({ kind: "fee", field: field.key });
    expect(parseTarget(targetId.narrative("s5"))).toEqual({ kind: "narrative", section: "s5" });
    expect(parseTarget(targetId.section("s3"))).toEqual({ kind: "section", section: "s3" });
    expect(parseTarget(targetId.preface)).toEqual({ kind: "preface" });
  });

  it("names the table of a cell, table ids with a dot included", () => {
    expect(tableOfTarget("20.1.rules.issued")).toBe("20.1");
    expect(tableOfTarget("requests.r3_1.natural")).toBe("requests");
    expect(tableOfTarget("appeals.row.rc_total")).toBe("appeals");
    expect(tableOfTarget("narrative.s1")).toBeNull();
  });

  it("refuses what is not a target", () => {
    for (const id of [
      "",
      "narrative.s7",
      "s0",
      "meta.",
      "fees",
      "a.b",
      "requests.r1.natural.x",
      "<script>",
    ])
      expect(parseTarget(id)).toBeNull();
  });
});
