import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import JSZip from "jszip";
import { renderHtml } from "../lib/export/html";
import { fullReport } from "../lib/report/__fixtures__/full-report";
import { SAMPLES_DIR } from "../prisma/seed-data/samples-dir";
import { removeReports, statusesOf } from "./support/district-fixtures";
import { signIn } from "./support/helpers";

// 批量检查 on the district's view: a reviewer drops published reports of its units, sees one line per
// file (unit, year, format, cells read, errors, warnings, findings on expand) and records one as its
// unit's published report of a year it has none for. The year used (2019) is no other spec's; the
// recorded report is removed before and after each run.

const YEAR = 2019;
const UNIT = "新伟街道办事处";

/** 新伟街道's 2019 report (the 2019 format) as its portal page, from our HTML export. */
function xinweiPage(): Buffer {
  const content = fullReport("2019", YEAR);
  content.meta = {
    ...content.meta,
    organization: "哈尔滨市平房区新伟街道办事处",
    issuingOrgan: "哈尔滨市平房区新伟街道办事处",
    isPeoplesGovernment: false,
  };
  return Buffer.from(renderHtml(content));
}

const youxie = () => ({
  name: "2022-youxie-street-office.txt",
  mimeType: "text/plain",
  buffer: readFileSync(join(SAMPLES_DIR, "2022-youxie-street-office.txt")),
});

function line(page: Page, file: string) {
  return page
    .getByTestId("batch-check-row")
    .filter({ has: page.getByRole("rowheader", { name: file, exact: true }) });
}

async function openBatchCheck(page: Page) {
  await signIn(page, "pingfang-reviewer");
  await page.goto("/district");
  await page.getByRole("link", { name: "批量检查" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("批量检查已发布的报告");
}

// Each file goes through the server's import pool: on a busy machine a run takes longer than the default cap.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(() => removeReports(YEAR, [UNIT]));
test.afterEach(() => removeReports(YEAR, [UNIT]));

test("a reviewer checks two published reports, reads the summary and the findings, and records one for its unit's year", async ({
  page,
}) => {
  await openBatchCheck(page);
  await page
    .getByLabel("选择要检查的报告文件或 ZIP 压缩包")
    .setInputFiles([
      youxie(),
      { name: "新伟街道2019年报告.html", mimeType: "text/html", buffer: xinweiPage() },
    ]);
  await expect(page.getByRole("status")).toContainText(
    "已检查 2 / 2。共 2 份文件：读取 2 份，有错误的 1 份，无法读取 0 份。",
  );

  // The same table as the CLI's --summary csv: a header and one line per file, BOM for Excel.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载检查结果（CSV）" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(
    csv.startsWith(
      "\uFEFF文件,文件类型,单位,年度,格式,读入单元格,错误,提醒,规则,上年报告,说明\r\n",
    ),
  ).toBe(true);
  expect(csv).toContain("2022-youxie-street-office.txt,TXT,友协街道办事处,2022,2021年格式,185,1,");
  expect(csv).toContain(`新伟街道2019年报告.html,HTML,${UNIT},${YEAR},2019年格式,`);

  const youxieLine = line(page, "2022-youxie-street-office.txt");
  await expect(youxieLine.getByRole("cell")).toHaveText([
    "友协街道办事处",
    "2022",
    "2021年格式",
    "185",
    "1",
    /^\d+$/,
    /查看问题/,
  ]);
  await youxieLine.getByRole("button", { name: /查看问题/ }).click();
  const youxieFindings = page.getByRole("list", { name: "2022-youxie-street-office.txt的问题" });
  await expect(youxieFindings).toContainText("错误 [S2]");
  // 友协 has its 2022 report in the system already: nothing to record.
  await expect(page.getByText("该单位已有2022年度报告（已发布），不能再登记。")).toBeVisible();

  const xinwei = line(page, "新伟街道2019年报告.html");
  await expect(xinwei.getByRole("cell").nth(0)).toHaveText(UNIT);
  await expect(xinwei.getByRole("cell").nth(1)).toHaveText(String(YEAR));
  await expect(xinwei.getByRole("cell").nth(2)).toHaveText("2019年格式");
  await expect(xinwei.getByRole("cell").nth(4)).toHaveText("0");
  await xinwei.getByRole("button", { name: /查看问题/ }).click();
  await page.getByRole("button", { name: `登记为该单位${YEAR}年度已发布报告` }).click();
  await expect(page.getByText(`已登记为${UNIT}${YEAR}年度已发布报告。`)).toBeVisible();
  expect((await statusesOf([UNIT], YEAR)).get(UNIT)).toBe("PUBLISHED");
});

test("a ZIP is opened in the browser: its reports are checked and a nested archive gets its line with the reason", async ({
  page,
}) => {
  await openBatchCheck(page);
  const inner = new JSZip();
  inner.file("a.txt", "a");
  const zip = new JSZip();
  zip.file("报告/新伟.html", xinweiPage());
  zip.file("报告/旧包.zip", await inner.generateAsync({ type: "uint8array" }));
  const buffer = Buffer.from(
    await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
  );
  await page
    .getByLabel("选择要检查的报告文件或 ZIP 压缩包")
    .setInputFiles([{ name: "辖区报告.zip", mimeType: "application/zip", buffer }]);
  await expect(page.getByRole("status")).toContainText(
    "已检查 2 / 2。共 2 份文件：读取 1 份，有错误的 0 份，无法读取 1 份。",
  );
  await expect(line(page, "辖区报告.zip/报告/新伟.html").getByRole("cell").nth(0)).toHaveText(UNIT);
  await expect(line(page, "辖区报告.zip/报告/旧包.zip")).toContainText(
    "无法读取：辖区报告.zip/报告/旧包.zip：压缩包中不能再套压缩包",
  );
  expect((await statusesOf([UNIT], YEAR)).get(UNIT)).toBeNull();
});
