import { describe, expect, it } from "vitest";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { importText, toTablesJson } from "@/lib/import";
import { requestRow } from "./__fixtures__/expected";
import { wordCellPerLine, wordRowPerLine } from "./__fixtures__/layouts/word-text";

const SUB_ROWS = ["r6_1", "r6_2", "r6_3"] as const;

/** A 2021-format report whose 三 prints 2019's single （六）其他处理 row with the given figures instead of its three rows. */
function withSingleOtherRow(figures: number[]): string {
  const lines = wordRowPerLine(fullReport("2021")).split("\n");
  const first = lines.findIndex((l) => l.includes("1.申请人无正当理由逾期不补正"));
  lines.splice(first, 3, ["", "（六）其他处理", "", ...figures].join("\t"));
  return lines.join("\n");
}

describe("a 2021-format report printing 2019's single （六）其他处理 row", () => {
  it("with figures: the three 2021 rows stay blank, every other row is read in place, S4 says why", () => {
    const result = importText(withSingleOtherRow([5, 8, 7, 4, 5, 3, 32]));
    const expected = toTablesJson(fullReport("2021")).requests;
    const read = toTablesJson(result.content).requests;
    const subRowIndex = new Set(SUB_ROWS.map((key) => requestRow("2021", key)));
    read.forEach((row, i) => {
      if (subRowIndex.has(i)) expect(row).toEqual(new Array(7).fill(null));
      else expect(row).toEqual(expected[i]);
    });
    for (const key of SUB_ROWS)
      expect(Object.values(result.content.tables.requests[key]).every((v) => v === null)).toBe(
        true,
      );
    const s4 = result.findings.find((f) => f.rule === "S4");
    expect(s4?.severity).toBe("error");
    expect(s4?.message).toContain("“（六）其他处理”");
    expect(s4?.message).toContain("国办公开办函〔2019〕60号");
    expect(s4?.message).toContain("5、8、7、4、5、3、32");
    expect(s4?.message).toContain("已留空");
    // No false arithmetic error from the blank rows, no row reported missing twice.
    expect(result.findings.filter((f) => /^A\d$/.test(f.rule))).toEqual([]);
    expect(result.findings.filter((f) => f.rule === "S5")).toEqual([]);
  });

  it("with 0 in a column: each of the three rows is 0 there (counts are never negative); other columns blank", () => {
    const result = importText(withSingleOtherRow([0, 3, 0, 0, 0, 0, 3]));
    const t = result.content.tables.requests;
    for (const key of SUB_ROWS) {
      expect(t[key]).toEqual({
        natural: 0,
        commercial: null,
        research: 0,
        nonprofit: 0,
        legal: 0,
        other: 0,
        total: null,
      });
    }
    expect(result.findings.find((f) => f.rule === "S4")?.message).toContain("列合计为0，各行读为0");
  });

  it("all zero: the three rows are all 0 and the table is complete", () => {
    const result = importText(withSingleOtherRow([0, 0, 0, 0, 0, 0, 0]));
    for (const key of SUB_ROWS)
      expect(Object.values(result.content.tables.requests[key])).toEqual(new Array(7).fill(0));
    expect(result.findings.find((f) => f.rule === "S4")?.message).toContain("3行均读为0");
    expect(result.findings.filter((f) => f.rule === "S5")).toEqual([]);
  });
});

describe("a report in the other year's format", () => {
  it("a 2019-year report printed in the 2021 format is read in full, with S4", () => {
    const content = structuredClone(fullReport("2021"));
    const text = wordCellPerLine(content).replace(/2022年/g, "2020年");
    const result = importText(text);
    expect(result.format).toBe("2021");
    expect(result.year).toBe(2020);
    expect(toTablesJson(result.content)).toEqual(toTablesJson(content));
    expect(result.findings.filter((f) => f.rule === "S4")).toHaveLength(1);
  });

  it("a 2022 report printed in the 2019 format is read in full, with S4", () => {
    const content = structuredClone(fullReport("2019"));
    const text = wordRowPerLine(content).replace(/2020年/g, "2022年");
    const result = importText(text);
    expect(result.format).toBe("2019");
    expect(result.year).toBe(2022);
    expect(toTablesJson(result.content)).toEqual(toTablesJson(content));
    expect(result.findings.filter((f) => f.rule === "S4")).toHaveLength(1);
  });
});

describe("a 2019-format report printing 2021's three rows under （六）其他处理", () => {
  const content = fullReport("2019");
  const base = wordRowPerLine(content);
  const r6 = content.tables.requests.r6;
  const LABELS = [
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
  ];

  /** 三's （六） row replaced by three rows whose figures add up to it (the first two get 1 and 0 where they can). */
  function withThreeRows(drop?: number): string {
    const values = Object.values(r6) as number[];
    const first = values.map((v) => Math.min(1, v));
    const second = values.map(() => 0);
    const third = values.map((v, i) => v - first[i] - second[i]);
    const rows = [first, second, third]
      .map((figures, i) => ["", i === 0 ? "（六）其他处理" : "", LABELS[i], ...figures].join("\t"))
      .filter((_, i) => i !== drop);
    return base
      .split("\n")
      .map((line) => (line.split("\t").includes("（六）其他处理") ? rows.join("\n") : line))
      .join("\n");
  }

  it("all three present: summed into （六）其他处理, exact, with S4", () => {
    const result = importText(withThreeRows());
    expect(result.format).toBe("2019");
    expect(toTablesJson(result.content)).toEqual(toTablesJson(content));
    const s4 = result.findings.filter((f) => f.rule === "S4");
    expect(s4).toHaveLength(1);
    expect(s4[0].message).toContain("已将这3行逐列相加读入本行");
    expect(
      result.findings.filter((f) => f.rule === "S3" && f.message.includes("对应不上")),
    ).toEqual([]);
  });

  it("one of them missing: （六）其他处理 stays blank, with S4 saying why", () => {
    const result = importText(withThreeRows(1));
    expect(Object.values(result.content.tables.requests.r6).every((v) => v === null)).toBe(true);
    expect(result.findings.find((f) => f.rule === "S4")?.message).toContain("无法合计，该行留空");
  });
});

describe("a group heading with figures beside it while its rows are printed too", () => {
  it("the figures are not given to any row; the row whose label is missing is reported", () => {
    const content = fullReport("2021");
    const text = wordRowPerLine(content).replace("\t1.属于国家秘密\t", "\t");
    const result = importText(text);
    expect(Object.values(result.content.tables.requests.r3_1).every((v) => v === null)).toBe(true);
    expect(result.content.tables.requests.r3_2).toEqual(content.tables.requests.r3_2);
    expect(
      result.findings.find(
        (f) => f.rule === "S3" && f.message.includes("“（三）不予公开”这一标题行印有数字"),
      ),
    ).toBeDefined();
    expect(
      result.findings.find((f) => f.rule === "S5" && f.message.includes("“1.属于国家秘密”")),
    ).toBeDefined();
  });
});
