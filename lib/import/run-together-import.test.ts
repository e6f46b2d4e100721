import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReportContent } from "@/lib/report/content";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { importText, toTablesJson } from "@/lib/import";
import { allTables } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { layoutContents } from "./__fixtures__/layouts/contents";
import { runTogetherRows } from "./__fixtures__/layouts/run-together";
import { wordRowPerLine } from "./__fixtures__/layouts/word-text";
import { randomReport } from "./__fixtures__/random-report";

const seed = Number(process.env.FC_SEED ?? 20240120);
const BASE = fullReport("2021");
const TEXT = wordRowPerLine(BASE);

/** The text with one table row's cells (from the label on) replaced. */
function withRow(text: string, label: string, cells: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.split("\t").some((c) => c === label));
  if (i < 0) throw new Error(`no row ${label}`);
  const parts = lines[i].split("\t");
  const at = parts.indexOf(label);
  lines[i] = [...parts.slice(0, at), cells].join("\t");
  return lines.join("\n");
}

/** 四's figures line (the line after its header rows). */
function withAppeals(text: string, cells: string): string {
  const lines = text.split("\n");
  const heading = lines.indexOf("四、政府信息公开行政复议、行政诉讼情况");
  const i = lines.findIndex((l, k) => k > heading && /^\d+(\t\d+){14}$/.test(l));
  lines[i] = cells;
  return lines.join("\n");
}

const messages = (content: string) =>
  importText(content).findings.map((f) => `${f.rule}/${f.severity} ${f.message}`);

describe("figures that ran together", () => {
  it("四's fifteen figures glued into one: cut by A4–A6 when only one cut fits, with a warning quoting the digits", () => {
    const result = importText(withAppeals(TEXT, "25380363300630003"));
    expect(toTablesJson(result.content).appeals).toEqual([
      25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3,
    ]);
    const note = result.findings.find((f) =>
      f.message.includes("单元格数字连在一起，已按勾稽关系拆分为"),
    );
    expect(note).toMatchObject({ rule: "S3", severity: "warning" });
    expect(note!.message).toContain("第四部分");
    expect(note!.message).toContain("25380363300630003");
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a row of 三 whose digits no cut can satisfy stays blank, with an error naming the row and the digits", () => {
    const result = importText(withRow(TEXT, "（一）予以公开", "（一）予以公开\t1001000001"));
    expect(result.content.tables.requests.r1).toEqual({
      natural: null,
      commercial: null,
      research: null,
      nonprofit: null,
      legal: null,
      other: null,
      total: null,
    });
    const error = result.findings.find((f) => f.rule === "S5" && f.message.includes("1001000001"));
    expect(error?.message).toContain("“（一）予以公开”行");
    expect(error?.message).toContain("没有一种拆分能满足勾稽关系");
    // The blank row takes no part in A2/A3: no arithmetic error is invented from it.
    expect(result.findings.filter((f) => /^A\d$/.test(f.rule))).toEqual([]);
  });

  it("a label glued to its figures is split; without last year's report the figures stay blank (several cuts fit)", () => {
    const text = withRow(TEXT, "行政规范性文件", "行政规范性文件693665");
    const result = importText(text);
    expect(result.content.tables["20.1"].normative).toEqual({
      issued: null,
      repealed: null,
      effective: null,
    });
    expect(messages(text)).toContainEqual(
      expect.stringMatching(/^S3\/warning .*行标签与数字连在一起（“行政规范性文件693665”）/),
    );
    expect(messages(text)).toContainEqual(
      expect.stringMatching(
        /^S5\/error .*“行政规范性文件”行单元格数字连在一起（原文“693665”.*有10种拆分都满足勾稽关系/,
      ),
    );
  });

  it("with last year's report, X2 picks the one cut that continues its 现行有效件数", () => {
    const previous: ReportContent = structuredClone(BASE);
    previous.meta.year = 2021;
    // 现行有效 = last year's + 制发 − 废止: 6 | 93 | 665 continues 752; no other cut of 693665 does.
    previous.tables["20.1"].normative = { issued: 1, repealed: 0, effective: 752 };
    const result = importText(withRow(TEXT, "行政规范性文件", "行政规范性文件693665"), {
      previous,
    });
    expect(result.content.tables["20.1"].normative).toEqual({
      issued: 6,
      repealed: 93,
      effective: 665,
    });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a label with its figures separated by spaces in one cell is read as the row", () => {
    const result = importText(withRow(TEXT, "行政规范性文件", "行政规范性文件 32 8 80"));
    expect(result.content.tables["20.1"].normative).toEqual({
      issued: 32,
      repealed: 8,
      effective: 80,
    });
  });

  it("every row of 三 glued in Word text: each row comes back as printed or blank with an error, and A1–A3 stay quiet", () => {
    let text = TEXT;
    const truth = toTablesJson(BASE).requests;
    const rows = [
      "一、本年新收政府信息公开申请数量",
      "（一）予以公开",
      "2.重复申请",
      "（七）总计",
      "四、结转下年度继续办理",
    ];
    const keys = ["new", "r1", "r5_2", "r7_total", "carryover"];
    rows.forEach((label, k) => {
      const values = Object.values(BASE.tables.requests[keys[k]]);
      text = withRow(text, label, `${label}\t${values.join("")}`);
    });
    const result = importText(text);
    const read = toTablesJson(result.content).requests;
    read.forEach((row, i) => {
      if (row.every((v) => v === null)) return;
      expect(row).toEqual(truth[i]);
    });
    // Here every glued row has exactly one cut that the equations allow.
    expect(read).toEqual(truth);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.filter((f) => f.message.includes("已按勾稽关系拆分为"))).toHaveLength(
      rows.length,
    );
  });

  it("a PDF copy with every row's figures glued: each row is its true figures, or blank with an error — never a wrong figure", () => {
    fc.assert(
      fc.property(randomReport("2021"), (content) => {
        const result = importText(runTogetherRows(content));
        const read = toTablesJson(result.content);
        const truth = toTablesJson(content);
        const rows = [
          ...Object.entries(read.active).flatMap(([id, r]) =>
            r.map((row, i) => [row, truth.active[id][i]] as const),
          ),
          ...read.requests.map((row, i) => [row, truth.requests[i]] as const),
          [read.appeals, truth.appeals] as const,
        ];
        for (const [got, expected] of rows) {
          if (got.every((v) => v === null)) continue;
          expect(got).toEqual(expected);
        }
        const blankRows = rows.filter(
          ([got, expected]) => got.every((v) => v === null) && expected.some((v) => v !== null),
        ).length;
        const unreadable = result.findings.filter(
          (f) => f.rule === "S5" && f.message.includes("单元格数字连在一起"),
        ).length;
        expect(unreadable).toBe(blankRows);
        expect(result.findings.filter((f) => /^A\d$/.test(f.rule))).toEqual([]);
      }),
      { seed, numRuns: 12 },
    );
  }, 120_000);
});

describe("a row printed with a cell missing", () => {
  it("is read in order with an S5 that says its equations were not checked, and no arithmetic error is built on it", () => {
    // （一）予以公开 0 3 1 4 2 0 10 printed without its first figure (and a one-digit total): the
    // figures shift left, so the columns' sums (A3) would not hold if they were checked.
    const result = importText(withRow(TEXT, "（一）予以公开", "（一）予以公开\t3\t1\t4\t2\t0\t9"));
    expect(result.content.tables.requests.r1.natural).toBe(3);
    const s5 = result.findings.find(
      (f) => f.rule === "S5" && f.message.includes("“（一）予以公开”行"),
    );
    expect(s5?.message).toContain("涉及该行的勾稽关系未核对");
    expect(result.findings.filter((f) => /^A\d$/.test(f.rule))).toEqual([]);
  });
});

describe("figures run together, with blank cells that leave no trace", () => {
  it.each(layoutContents())(
    "$name: every row read without an error on it is exactly as printed",
    ({ content }) => {
      const result = importText(runTogetherRows(content));
      const flagged = new Set(
        result.findings.filter((f) => f.severity === "error").flatMap((f) => f.cells),
      );
      for (const table of allTables(getFormat(content.format))) {
        for (const row of table.rows) {
          const cells = table.columns.map((c) => `${table.id}.${row.key}.${c.key}`);
          if (cells.some((c) => flagged.has(c))) continue;
          const read = table.columns.map((c) => result.content.tables[table.id][row.key][c.key]);
          const printed = table.columns.map((c) => content.tables[table.id][row.key][c.key]);
          expect(read, `${table.id} ${row.label}`).toEqual(printed);
        }
      }
    },
  );
});
