import { describe, expect, it } from "vitest";
import { listCells } from "./cells";
import { reviewTarget, reviewTargets } from "./review-targets";

describe("review targets", () => {
  for (const format of ["2021", "2019"] as const) {
    it(`${format}: every cell, every section and its text, the preface and cover fields, with unique ids and labels`, () => {
      const targets = reviewTargets(format);
      const ids = targets.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(targets.map((t) => t.label)).size).toBe(targets.length);
      for (const cell of listCells(format))
        expect(reviewTarget(format, cell.id)).toMatchObject({
          kind: "cell",
          step: cell.sectionKey,
          label: cell.label,
        });
      for (const s of ["s1", "s2", "s3", "s4", "s5", "s6"]) {
        expect(reviewTarget(format, s)).toMatchObject({ kind: "section", step: s });
        expect(reviewTarget(format, `narrative.${s}`)).toMatchObject({ kind: "text", step: s });
      }
      expect(reviewTarget(format, "preface")).toMatchObject({ step: "cover" });
      expect(reviewTarget(format, "meta.phone")).toMatchObject({ step: "cover", label: "电话" });
      expect(reviewTarget(format, "fees.notices")?.step).toBe(format === "2021" ? "s6" : undefined);
      expect(reviewTarget(format, "requests.nope.natural")).toBeUndefined();
    });
  }
});
