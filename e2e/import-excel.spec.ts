import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { computeTotals } from "../lib/report/compute-totals";
import { emptyReport, type ReportContent } from "../lib/report/content";
import { getFormat } from "../lib/report/formats";
import { removeReports, withDatabase } from "./support/district-fixtures";
import { openReport } from "./support/editor-helpers";
import { signIn } from "./support/helpers";

/**
 * 下载 Excel 模板 → fill it in a spreadsheet → 从 Excel 导入: the template is downloaded through the
 * browser, filled here with exceljs the way a person fills it (finding the row label and the column
 * header by their text), uploaded, previewed and applied; the draft's tables then equal the figures
 * typed, and its texts are untouched.
 */
const UNIT = "新伟街道办事处";
const FULL_NAME = "哈尔滨市平房区新伟街道办事处";
const YEAR = 2024;
const NARRATIVE = "本年度通过政府网站主动公开政府信息，本段文字导入表格后应保持不变。";

test.describe.configure({ timeout: 180_000 });

async function putDraft(): Promise<void> {
  await removeReports(YEAR, [UNIT]);
  const content = emptyReport("2021", { organization: FULL_NAME, year: YEAR });
  content.narratives.s2 = NARRATIVE;
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Report" (id, "organizationId", year, "formatVersion", status, content, "updatedAt")
       SELECT gen_random_uuid(), id, $2, '2021', 'DRAFT'::"ReportStatus", $3::jsonb, now() FROM "Organization" WHERE name = $1`,
      [UNIT, YEAR, JSON.stringify(content)],
    ),
  );
}

test.beforeEach(putDraft);
test.afterEach(() => removeReports(YEAR, [UNIT]));

function textOf(cell: ExcelJS.Cell): string {
  return cell.value === null || cell.value === undefined ? "" : String(cell.value).trim();
}

/** The first cell of the sheet whose text is `text`, reading row by row. */
function findText(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      if (!cell.isMerged || cell.master === cell) if (textOf(cell) === text) return cell;
    }
  }
  throw new Error(`“${text}” is not in sheet ${sheet.name}`);
}

function sheetOf(workbook: ExcelJS.Workbook, prefix: string): ExcelJS.Worksheet {
  const sheet = workbook.worksheets.find((w) => w.name.startsWith(prefix));
  if (!sheet) throw new Error(`no sheet ${prefix}`);
  return sheet;
}

test("the Excel template round-trips: download, fill, import, apply, and the tables match", async ({
  page,
}) => {
  await signIn(page, "xinwei-editor");
  await openReport(page, new RegExp(UNIT), YEAR);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 Excel 模板" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);

  const expected = emptyReport("2021", { organization: FULL_NAME, year: YEAR });
  const format = getFormat("2021");
  /** A row of one of 二's one-column items, by its label. */
  const setExpected = (label: string, value: number | string) => {
    const table = format.sections[1].tables.find((t) => t.rows.some((r) => r.label === label))!;
    const row = table.rows.find((r) => r.label === label)!;
    expected.tables[table.id][row.key][table.columns[0].key] = value;
  };
  const typeAt = (sheet: ExcelJS.Worksheet, row: number, col: number, value: number) => {
    const cell = sheet.getCell(row, col);
    expect(textOf(cell)).toBe("");
    cell.value = value;
  };

  // 二: the figure to the right of the row label.
  const s2 = sheetOf(workbook, "二、");
  const permits = findText(s2, "行政许可");
  typeAt(s2, Number(permits.row), Number(permits.col) + 1, 10);
  setExpected("行政许可", 10);
  const fees = findText(s2, "行政事业性收费");
  typeAt(s2, Number(fees.row), Number(fees.col) + 1, 120.4722);
  setExpected("行政事业性收费", "120.4722");

  // 三: row label × column header.
  const s3 = sheetOf(workbook, "三、");
  const requests = format.sections[2].tables[0];
  const newRow = findText(s3, requests.rows[0].label);
  const firstResult = findText(s3, "（一）予以公开");
  for (const [label, n] of [
    ["自然人", 5],
    ["商业企业", 2],
  ] as const) {
    const header = findText(s3, label);
    const column = requests.columns.find((c) => c.label === label)!;
    typeAt(s3, Number(newRow.row), Number(header.col), n);
    typeAt(s3, Number(firstResult.row), Number(header.col), n - 1);
    expected.tables.requests[requests.rows[0].key][column.key] = n;
    expected.tables.requests.r1[column.key] = n - 1;
  }

  // 四: the data row under the headers, in the first 结果维持 column (行政复议).
  const s4 = sheetOf(workbook, "四、");
  const upheld = findText(s4, "结果维持");
  typeAt(s4, s4.rowCount, Number(upheld.col), 3);
  const appeals = format.sections[3].tables[0];
  const upheldColumn = appeals.columns.find((c) => c.label === "结果维持")!;
  expected.tables[appeals.id][appeals.rows[0].key][upheldColumn.key] = 3;

  const filled = Buffer.from(await workbook.xlsx.writeBuffer());
  await page.getByRole("link", { name: "从 Excel 导入" }).click();
  await page
    .getByLabel("上传文件（.docx、.pdf、.html、.txt）或 Excel 表格（.xlsx）")
    .setInputFiles({
      name: "新伟街道2024年表格.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: filled,
    });
  await page.getByRole("button", { name: "读取" }).click();
  const result = page.getByRole("region", { name: "读取结果" });
  await expect(page.getByTestId("import-organization")).toHaveText(FULL_NAME, { timeout: 60_000 });
  await expect(page.getByTestId("import-year")).toContainText(String(YEAR));
  // 2 figures of 二, 4 of 三, 1 of 四.
  await expect(result.getByText("7 个", { exact: true })).toBeVisible();
  // Only the three table sections are offered for a workbook.
  await expect(result.getByRole("checkbox")).toHaveCount(3);
  for (const section of format.sections.filter((s) => s.tables.length))
    await result
      .getByRole("checkbox", { name: `导入${section.ordinal}、${section.title}` })
      .check();
  page.once("dialog", (dialog) => dialog.accept());
  await result.getByRole("button", { name: "应用所选部分" }).click();

  await expect(page.getByRole("form", { name: "年度报告编辑" })).toBeVisible();
  const stored = await withDatabase(async (client) => {
    const { rows } = await client.query<{ content: ReportContent }>(
      `SELECT r.content FROM "Report" r JOIN "Organization" o ON o.id = r."organizationId"
       WHERE o.name = $1 AND r.year = $2`,
      [UNIT, YEAR],
    );
    return rows[0].content;
  });
  expect(stored.tables).toEqual(computeTotals(expected).tables);
  expect(stored.narratives.s2).toBe(NARRATIVE);
});
