import { describe, expect, it } from "vitest";
import { withCell } from "@/lib/report/__fixtures__/edit";
import { fullReport, previousOf } from "@/lib/report/__fixtures__/full-report";
import { importText } from "./index";
import { runOnArticle } from "./__fixtures__/layouts/run-on";
import { runTogetherRows } from "./__fixtures__/layouts/run-together";
import { solveRunTogether } from "./split-run-together";

const pinned = (cell: string, value: number) => ({
  terms: [{ cell, coefficient: 1 }],
  constant: value,
});

describe("a count run together with a decimal amount (2019's 政府集中采购)", () => {
  const row = { cells: ["p.projects", "p.amount"], decimalCells: [false, true] };

  it("the decimal tail lands only in the amount; with nothing to check, the row is ambiguous", () => {
    const tokens = [{ digits: "10121", decimals: "4722" }];
    expect(
      solveRunTogether({ rows: [{ ...row, tokens }], known: new Map(), equations: [] }),
    ).toEqual([{ status: "ambiguous", count: 3 }]);
    expect(
      solveRunTogether({
        rows: [{ ...row, tokens }],
        known: new Map(),
        equations: [pinned("p.projects", 10)],
      }),
    ).toEqual([{ status: "unique", values: [10, 121.4722] }]);
  });

  it("imported, the row is left blank with S5, never read as a count of 10121.4722", () => {
    const report = fullReport("2019");
    const text = runTogetherRows(report);
    expect(text).toMatch(/^政府集中采购\d+\.\d+$/m);
    const read = importText(text);
    expect(read.content.tables["20.9"].procurement).toEqual({ projects: null, amount: null });
    expect(read.findings.some((f) => f.rule === "V1" && f.cells[0]?.startsWith("20.9"))).toBe(
      false,
    );
    expect(
      read.findings.find((f) => f.rule === "S5" && f.cells.includes("20.9.procurement.amount"))
        ?.message,
    ).toContain("“政府集中采购”行单元格数字连在一起");
  });
});

describe("a figure after a minus sign (2019's 本年增/减) run together", () => {
  it("lands only in a signed cell: `0-3 0` is 0, −3, 0; `0-30` alone is not decided", () => {
    const cells = ["l.previous", "l.change", "l.decisions"];
    const signedCells = [false, true, false];
    const solve = (tokens: ({ digits: string; negative?: boolean } | { value: number })[]) =>
      solveRunTogether({ rows: [{ cells, tokens, signedCells }], known: new Map(), equations: [] });
    // −3 can only be 增/减 and 30 no count after it: with the minus sign in the middle cell, one reading.
    expect(solve([{ digits: "0" }, { digits: "3", negative: true }, { digits: "0" }])).toEqual([
      { status: "unique", values: [0, -3, 0] },
    ]);
    expect(solve([{ digits: "30", negative: true }, { digits: "1" }])).toEqual([
      { status: "none" },
    ]);
    // −30 beside a blank, or −3 and 0: a blank leaves no trace, so this stays undecided.
    expect(solve([{ digits: "0" }, { digits: "30", negative: true }])).toEqual([
      { status: "unchecked" },
    ]);
  });

  it("imported from text, `行政许可0-30` is the row of 行政许可: no table reported missing, no figure guessed", () => {
    let report = fullReport("2019");
    report = withCell(report, "20.5.licensing.previous", 0);
    report = withCell(report, "20.5.licensing.change", -3);
    report = withCell(report, "20.5.licensing.decisions", 0);
    const text = runTogetherRows(report);
    expect(text).toContain("行政许可0-30");
    const read = importText(text);
    expect(read.findings.some((f) => f.rule === "S2")).toBe(false);
    const s5 = read.findings.find(
      (f) => f.rule === "S5" && f.cells.includes("20.5.licensing.change"),
    );
    expect(s5?.message).toContain("“行政许可”行只印有2个数（“0 -30”），应为3个");
    expect(read.content.tables["20.5"].licensing).toEqual({
      previous: null,
      change: null,
      decisions: null,
    });
  });
});

describe("a unit glued after the figures of a row", () => {
  it("`行政许可251387件` is read as 251387 with a note, not as a missing table", () => {
    const report = withCell(fullReport("2021"), "20.5.licensing.decisions", 251387);
    const text = runTogetherRows(report).replace("行政许可251387", "行政许可251387件");
    const read = importText(text);
    expect(read.content.tables["20.5"].licensing.decisions).toBe(251387);
    expect(read.findings.some((f) => f.rule === "S2")).toBe(false);
    expect(
      read.findings.some((f) => f.rule === "S3" && f.cells.includes("20.5.licensing.decisions")),
    ).toBe(true);
  });
});

describe("X2 and A1 only settle what the printed sums leave open", () => {
  it("a report that does not continue last year's 现行有效件数 is read as printed, and X2 says so", () => {
    let report = fullReport("2021");
    const previous = previousOf(report);
    report = withCell(report, "20.1.rules.issued", 0);
    report = withCell(report, "20.1.rules.repealed", 0);
    report = withCell(report, "20.1.rules.effective", 5);
    // `005` is 0, 0, 5 whatever last year says (no figure starts with 0); last year gives 11 + 0 − 0.
    const read = importText(runTogetherRows(report), { previous });
    expect(read.content.tables["20.1"].rules).toEqual({ issued: 0, repealed: 0, effective: 5 });
    expect(
      read.findings.some((f) => f.rule === "X2" && f.cells.includes("20.1.rules.effective")),
    ).toBe(true);
  });
});

describe("a variant section title inside a line (the article on one line)", () => {
  it("`五、存在的主要问题及整改措施` is section 五 with S3, never a missing section (S1)", () => {
    const report = fullReport("2021");
    const text = runOnArticle(report).replace(
      "五、存在的主要问题及改进情况",
      "五、存在的主要问题及整改措施",
    );
    const read = importText(text);
    expect(read.findings.filter((f) => f.rule === "S1")).toEqual([]);
    expect(read.findings.some((f) => f.rule === "S3" && f.message.includes("整改措施"))).toBe(true);
    expect(read.content.narratives.s5.startsWith(report.narratives.s5.slice(0, 40))).toBe(true);
  });
});
