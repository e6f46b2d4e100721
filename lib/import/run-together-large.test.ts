import { describe, expect, it } from "vitest";
import { importText, toTablesJson } from "@/lib/import";
import { generatedCases, generatedReport } from "./__fixtures__/layouts/generated-reports";
import { runTogetherRows } from "./__fixtures__/layouts/run-together";

/** A district's report: hundreds of applications, so each row of 三 runs to fifteen digits or more. */
const district = (seed: number) =>
  generatedReport({
    seed,
    format: "2021",
    year: 2023,
    organization: "江川市临河区",
    isPeoplesGovernment: true,
    maxCount: 600,
    zeroShare: 0.15,
    maxAmount: 90_000,
  });

describe("rows of large figures run together", () => {
  it.each([8101, 8102, 8103])(
    "seed %i: every row of 三 is cut back to its figures by its sums within the search caps",
    (seed) => {
      const report = district(seed);
      const result = importText(runTogetherRows(report));
      expect(toTablesJson(result.content).requests).toEqual(toTablesJson(report).requests);
      expect(result.findings.filter((f) => f.cells.some((c) => c.startsWith("requests.")))).toEqual(
        expect.not.arrayContaining([expect.objectContaining({ severity: "error" })]),
      );
    },
  );
});

describe("a balance (A1) that fails whichever way a glued row is cut", () => {
  it("is reported for the columns where no cut keeping the sums makes it hold, and the row stays blank", () => {
    const planted = generatedCases().find((c) => c.planted.includes("A1"))!;
    const result = importText(runTogetherRows(planted.content));
    // 二's digits can be cut several ways that keep its 总计: the row is left blank …
    expect(Object.values(result.content.tables.requests.carried)).toEqual(Array(7).fill(null));
    // … yet every one of those cuts breaks A1 in the two columns printed one too high.
    const a1 = result.findings.filter((f) => f.rule === "A1");
    expect(a1.map((f) => f.cells[0])).toEqual(["requests.new.natural", "requests.new.total"]);
    expect(a1[0]).toMatchObject({ severity: "error" });
    expect(a1[0].message).toContain("第三部分第“自然人”列");
    expect(a1[0].message).toContain("“二、上年结转政府信息公开申请数量”行的数字连在一起");
  });

  it("is not reported for a consistent report whose glued rows stay blank", () => {
    const consistent = generatedCases().find((c) => c.name.includes("2019 街道"))!;
    const result = importText(runTogetherRows(consistent.content));
    expect(result.findings.filter((f) => f.rule === "A1")).toEqual([]);
  });
});
