import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCsv } from "./csv";
import { sofficeConvert, sofficeConvertAll, sofficePath } from "./__fixtures__/soffice";
import { columnName, renderXlsx, sheetNames, type XlsxSheet } from "./xlsx";

/** Calc is a separate package (libreoffice-calc); without it soffice cannot load a spreadsheet. */
function sofficeHasCalc(): boolean {
  const soffice = sofficePath();
  if (!soffice) return false;
  try {
    return existsSync(join(dirname(realpathSync(soffice)), "libsclo.so"));
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), "nianbao-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHEET: XlsxSheet = {
  name: "报告进度",
  rows: [
    [
      { value: "单位", style: "header" },
      { value: "状态", style: "header" },
      { value: "剩余天数", style: "header" },
      { value: "金额（万元）", style: "header" },
    ],
    ["友协街道办事处", "草稿", 69, { value: "2387.47225", style: "number" }],
    ["新伟街道办事处, 含“引号”与 <标记> & 符号", null, -3, { value: "1.5", style: "number" }],
  ],
  columnWidths: [30, 10, 10, 14],
  frozenRows: 1,
};

/** The workbook read back with exceljs, as a reader of the file sees it. */
async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe("renderXlsx", () => {
  it("writes sheets with numbers as numbers, text as text, a frozen header and bordered cells", async () => {
    const zip = await JSZip.loadAsync(await renderXlsx([SHEET, { name: "二", rows: [["a"]] }]));
    expect(Object.keys(zip.files)).toContain("xl/worksheets/sheet2.xml");
    const workbook = await readBack(await renderXlsx([SHEET, { name: "二", rows: [["a"]] }]));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["报告进度", "二"]);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell("C2").value).toBe(69);
    expect(sheet.getCell("D2").value).toBe(2387.47225);
    expect(sheet.getCell("A3").value).toBe("新伟街道办事处, 含“引号”与 <标记> & 符号");
    expect(sheet.getCell("B3").value).toBeNull();
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("B2").border?.left?.style).toBe("thin");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(30);
  });

  it("merges cells, drops characters XML cannot hold, and names tabs as Excel allows", async () => {
    const workbook = await readBack(
      await renderXlsx([
        {
          name: "x",
          rows: [
            ["标题\u0001\u0007", null],
            [1, 2],
          ],
          merges: [
            { row: 0, col: 0, rowSpan: 1, colSpan: 2 },
            { row: 1, col: 0, rowSpan: 1, colSpan: 1 },
          ],
        },
      ]),
    );
    const sheet = workbook.worksheets[0];
    expect(sheet.model.merges).toEqual(["A1:B1"]);
    expect(sheet.getCell("A1").value).toBe("标题");
    expect(sheet.getCell("B1").isMerged).toBe(true);
    expect(
      sheetNames([
        "a/b",
        "A/B",
        "",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三",
      ]),
    ).toEqual([
      "a_b",
      "A_B(2)",
      "Sheet3",
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
    ]);
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("keeps a decimal too long for a double as text rather than rounding it", async () => {
    const workbook = await readBack(
      await renderXlsx([
        { name: "金额", rows: [[{ value: "12345678901234.5678", style: "number" }]] },
      ]),
    );
    expect(workbook.worksheets[0].getCell("A1").value).toBe("12345678901234.5678");
  });
});

describe("renderCsv", () => {
  it("starts with a UTF-8 byte-order mark, quotes what needs it and defuses formulas", () => {
    const csv = renderCsv([
      ["单位", "剩余天数"],
      ["新伟, “街道”", -3],
      ['a"b', null],
      ["=HYPERLINK(1)", 0],
      ["-1", 1],
    ]);
    expect(csv.startsWith("\uFEFF单位,剩余天数\r\n")).toBe(true);
    expect(csv).toContain(`"新伟, “街道”",-3\r\n`);
    expect(csv).toContain(`"a""b",\r\n`);
    expect(csv).toContain(`'=HYPERLINK(1),0\r\n`);
    expect(csv).toContain(`'-1,1\r\n`);
  });
});

/** Skipped only where LibreOffice Calc is missing (.ci/run installs it). */
const calc = sofficeHasCalc();
if (!calc)
  console.warn(
    "[lib/export] LibreOffice Calc is not installed: skipping the XLSX → CSV conversion tests",
  );
const CSV = "csv:Text - txt - csv (StarCalc):44,34,76";

// Timeouts that only catch a hang: on a busy 2-core machine one start-up of LibreOffice can take minutes.
describe.skipIf(!calc)("LibreOffice opens the XLSX", { timeout: 600_000 }, () => {
  const progress = join(dir, "progress.xlsx");
  const merged = join(dir, "merged.xlsx");
  const csv: Record<string, string> = {};
  // Both workbooks read back as CSV by one LibreOffice start-up (most of a conversion's time).
  beforeAll(async () => {
    writeFileSync(progress, await renderXlsx([SHEET, { name: "二", rows: [["第二张"]] }]));
    writeFileSync(
      merged,
      await renderXlsx([
        {
          name: "四",
          rows: [
            [
              { value: "行政复议", style: "header" },
              { value: null, style: "header" },
              { value: "行政诉讼", style: "header" },
            ],
            ["1", 2, 3].map((v) => ({ value: v, style: "number" as const })),
          ],
          merges: [{ row: 0, col: 0, rowSpan: 1, colSpan: 2 }],
        },
      ]),
    );
    [csv.progress, csv.merged] = await sofficeConvertAll([progress, merged], CSV, dir, {
      timeoutMs: 540_000,
    });
  }, 600_000);

  it("reads back every value of the first sheet, Chinese and exact decimals included", () => {
    const lines = readFileSync(csv.progress, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines).toEqual([
      "单位,状态,剩余天数,金额（万元）",
      "友协街道办事处,草稿,69,2387.47225",
      `"新伟街道办事处, 含“引号”与 <标记> & 符号",,-3,1.5`,
    ]);
  });

  it("reads a merged header as one cell spanning the columns", async () => {
    expect(readFileSync(csv.merged, "utf8").trim().split(/\r?\n/)).toEqual([
      "行政复议,,行政诉讼",
      "1,2,3",
    ]);
    // As HTML, LibreOffice writes the merge it read.
    const { output: html } = await sofficeConvert(merged, "html:HTML (StarCalc)", dir, {
      timeoutMs: 540_000,
    });
    expect(readFileSync(html, "utf8")).toMatch(/colspan="?2"?[^>]*>(?:<[^>]+>)*行政复议/i);
  });
});
