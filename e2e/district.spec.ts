import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { putReports, removeReports, statusesOf, unitsBelow } from "./support/district-fixtures";
import { signIn } from "./support/helpers";

// The district's view: the dashboard against the deadline, the roll-up, year-over-year charts,
// the batch export and the public 年报专栏. The approved state is put in the database for a past year
// (2023) that no other spec uses, and removed afterwards: the 2025 drafts stay as the other specs expect.

const DISTRICT = "哈尔滨市平房区人民政府";
const STATUS_LABEL: Record<string, string> = {
  DRAFT: "草稿",
  SUBMITTED: "待审核",
  RETURNED: "已退回",
  APPROVED: "已通过",
  PUBLISHED: "已发布",
};
const PAST = 2023;
const PAST_UNITS = [
  { name: "新伟街道办事处", fullName: "哈尔滨市平房区新伟街道办事处", status: "APPROVED" as const },
  {
    name: "平房区发展和改革局",
    fullName: "哈尔滨市平房区发展和改革局",
    status: "APPROVED" as const,
  },
  {
    name: "友协街道办事处",
    fullName: "哈尔滨市平房区友协街道办事处",
    status: "SUBMITTED" as const,
  },
];

test.beforeAll(async () => {
  await putReports(PAST, PAST_UNITS);
});

test.afterAll(async () => {
  await removeReports(
    PAST,
    PAST_UNITS.map((u) => u.name),
  );
});

function unitRow(page: Page, name: string) {
  return page
    .getByTestId("unit-row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
}

test("pingfang-reviewer sees every unit of the district with its report's status, deadline and errors, filters the list and downloads it", async ({
  page,
}) => {
  await signIn(page, "pingfang-reviewer");
  await page
    .getByRole("navigation", { name: "主导航" })
    .getByRole("link", { name: "辖区总览" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`辖区总览 · ${DISTRICT}`);
  await expect(page.getByRole("combobox", { name: "年度" })).toHaveValue("2025");

  const units = await unitsBelow(DISTRICT);
  const statuses = await statusesOf([DISTRICT, ...units], 2025);
  await expect(page.getByTestId("unit-row")).toHaveCount(units.length + 1);
  for (const name of [DISTRICT, ...units]) {
    const row = unitRow(page, name);
    await expect(row.getByTestId("unit-status"), name).toHaveText(
      STATUS_LABEL[statuses.get(name) ?? ""] ?? "未创建",
    );
    await expect(row).toContainText(name === DISTRICT ? "2026年3月31日" : "2026年1月31日");
  }
  // The government's own report has until 31 March; a unit until 31 January.
  await expect(unitRow(page, DISTRICT)).toContainText("（本级）");

  // Filter: 类别 = 街道办事处 (keyboard-usable plain form).
  await page.getByRole("combobox", { name: "类别" }).selectOption({ label: "街道办事处" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/level=STREET_OFFICE/);
  await expect(page.getByTestId("unit-row")).toHaveCount(2);
  await expect(unitRow(page, "友协街道办事处")).toBeVisible();

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载列表（CSV）" }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`${DISTRICT}2025年度报告进度.csv`);
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text.startsWith("\uFEFF单位,类别,年度,状态,")).toBe(true);
  expect(text.trim().split("\r\n")).toHaveLength(3); // header + the two street offices
  expect(text).toContain("哈尔滨市平房区友协街道办事处,街道办事处,2025,");

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载列表（XLSX）" }).click(),
  ]);
  const list = new ExcelJS.Workbook();
  await list.xlsx.readFile((await xlsx.path())!);
  const listed = list.worksheets[0].getColumn(1).values.map(String);
  expect(listed).toContain("哈尔滨市平房区新伟街道办事处");
  expect(listed.join("\n")).not.toContain("平房区发展和改革局");
});

test("an editor has no district view (404)", async ({ page }) => {
  await signIn(page, "youxie-editor");
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "辖区总览" }),
  ).toHaveCount(0);
  expect((await page.goto("/district"))!.status()).toBe(404);
  expect((await page.request.get("/api/district/overview?format=csv")).status()).toBe(404);
  expect((await page.request.get("/api/district/approved?year=2023")).status()).toBe(404);
});

test("batch export: the ZIP holds one valid DOCX per approved report, with progress shown while it builds", async ({
  page,
}) => {
  await signIn(page, "pingfang-reviewer");
  await page.goto(`/district?year=${PAST}`);
  for (const unit of PAST_UNITS)
    await expect(unitRow(page, unit.name).getByTestId("unit-status")).toHaveText(
      STATUS_LABEL[unit.status],
    );

  // The server's ZIP is held until the test has seen the progress before its first entry, then
  // released: the intermediate state is there for as long as the test needs, however fast the machine.
  let releaseZip!: () => void;
  const zipHeld = new Promise<void>((resolve) => (releaseZip = resolve));
  const asked: { reportIds: string[] }[] = [];
  await page.route("**/api/district/approved/zip", async (route) => {
    asked.push(route.request().postDataJSON() as { reportIds: string[] });
    await zipHeld;
    await route.continue();
  });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "批量导出已通过的报告（ZIP）" }).click();
  const status = page.getByRole("status").filter({ hasText: "已完成" });
  await expect(status).toContainText("已完成 0 / 2");
  await expect(page.getByRole("progressbar", { name: "导出进度" })).toBeVisible();
  releaseZip();
  await expect(status).toContainText("已完成 2 / 2");
  const zipFile = await download;
  expect(zipFile.suggestedFilename()).toBe(`${DISTRICT}${PAST}年度报告（已通过审核）.zip`);
  await expect(page.getByRole("link", { name: "下载 ZIP（2 份报告）" })).toBeVisible();
  // One request for the whole ZIP, naming the two reports of the list.
  expect(asked).toHaveLength(1);
  expect(asked[0].reportIds).toHaveLength(2);

  const zip = await JSZip.loadAsync(readFileSync((await zipFile.path())!));
  const names = Object.keys(zip.files).sort();
  const approved = PAST_UNITS.filter((u) => u.status === "APPROVED");
  expect(names).toEqual(
    approved.map((u) => `${u.fullName}${PAST}年政府信息公开工作年度报告.docx`).sort(),
  );
  for (const unit of approved) {
    const docx = await JSZip.loadAsync(
      await zip.file(`${unit.fullName}${PAST}年政府信息公开工作年度报告.docx`)!.async("uint8array"),
    );
    expect(docx.file("[Content_Types].xml")).not.toBeNull();
    const body = await docx.file("word/document.xml")!.async("string");
    expect(body).toContain(unit.fullName);
    expect(body).toContain("收到和处理政府信息公开申请情况");
  }
});

test("batch export: a refused ZIP is told in Chinese, and nothing is offered for download", async ({
  page,
}) => {
  await signIn(page, "pingfang-reviewer");
  await page.goto(`/district?year=${PAST}`);
  // The server refuses (a report was returned between the list and the ZIP): its message is shown.
  const refusal = `所选报告中有 1 份不在${DISTRICT}${PAST}年度已通过审核的报告之中（可能刚被退回），请刷新页面后重新导出`;
  await page.route("**/api/district/approved/zip", (route) =>
    route.fulfill({
      status: 404,
      contentType: "application/json",
      body: JSON.stringify({ error: `${refusal}。` }),
    }),
  );
  await page.getByRole("button", { name: "批量导出已通过的报告（ZIP）" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "批量导出失败" })).toHaveText(
    `批量导出失败：${refusal}。请重试。`,
  );
  await expect(page.getByRole("link", { name: /下载 ZIP/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "批量导出已通过的报告（ZIP）" })).toBeEnabled();
});

test("the roll-up sums the chosen units' tables, checks the A-rules and downloads as XLSX", async ({
  page,
}) => {
  await signIn(page, "pingfang-reviewer");
  await page.goto(`/district?year=${PAST}`);
  await page.getByRole("link", { name: "汇总表" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `哈尔滨市平房区人民政府 ${PAST}年度汇总表`,
  );
  const licensing = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "行政许可", exact: true }) });
  // By default only what passed review: the two approved reports, each with 10 行政许可 decisions;
  // 友协's submitted report is listed as left out.
  await expect(page.getByText(/已汇总 2 个单位/)).toBeVisible();
  await expect(licensing.getByRole("cell")).toHaveText(["20"]);
  await expect(page.getByRole("list", { name: "未汇总的单位" })).toContainText(
    "友协街道办事处（尚未通过审核",
  );
  await expect(page.getByText("汇总表符合勾稽关系（A1—A6）。")).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "三、收到和处理政府信息公开申请情况" }),
  ).toBeVisible();

  await page.getByRole("checkbox", { name: /友协街道办事处/ }).check();
  await page.getByRole("button", { name: "汇总", exact: true }).click();
  await expect(page.getByText(/已汇总 3 个单位/)).toBeVisible();
  await expect(licensing.getByRole("cell")).toHaveText(["30"]);
  await page.getByRole("checkbox", { name: /友协街道办事处/ }).uncheck();
  await page.getByRole("button", { name: "汇总", exact: true }).click();
  await expect(page.getByText(/已汇总 2 个单位/)).toBeVisible();
  await expect(licensing.getByRole("cell")).toHaveText(["20"]);

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载汇总表（XLSX）" }).click(),
  ]);
  const book = await JSZip.loadAsync(readFileSync((await xlsx.path())!));
  expect(await book.file("xl/workbook.xml")!.async("string")).toContain(
    "三、收到和处理政府信息公开申请情况",
  );
  expect(await book.file("xl/worksheets/sheet1.xml")!.async("string")).toContain("<v>20</v>");
});

test("year over year: the charts of 友协街道办事处 show data from at least two years, imported past report included", async ({
  page,
}) => {
  await signIn(page, "youxie-editor");
  await page.getByRole("link", { name: "友协街道办事处历年对比" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("友协街道办事处 历年对比");
  const charts = page.getByRole("img");
  await expect(charts).toHaveCount(3);
  // The charts are titled by the report's own sections.
  for (const label of [
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
  ]) {
    const chart = page.getByRole("img", { name: new RegExp(`^${label}`) });
    await expect(chart).toHaveAttribute("aria-label", /2022年：/);
    // 2025 is still a draft, 2023 is under review: marked as not final; 2024 has no report.
    await expect(chart).toHaveAttribute("aria-label", /2025年（未定稿）：/);
    await expect(chart).toHaveAttribute("aria-label", /2023年（未定稿）：/);
    await expect(chart).toHaveAttribute("aria-label", /2024年：无报告/);
  }
  // 2022 (imported, published) has figures; the chart draws a bar for each figure it has.
  const requests = page.getByTestId("chart-requests");
  expect(await requests.locator("svg rect").count()).toBeGreaterThanOrEqual(7 * 2);
  await requests.getByText("数据表").click();
  const table = requests.getByRole("table", { name: "收到和处理政府信息公开申请情况数据表" });
  await expect(table.getByRole("row", { name: /2022年/ })).toContainText("已发布");
  await expect(
    table
      .getByRole("row", { name: /2022年/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("0");
  expect(await table.getByRole("row").count()).toBeGreaterThanOrEqual(1 + 2);
});

test("public 年报专栏: published years without sign-in; a draft's, an approved report's and an unknown address are 404", async ({
  page,
}) => {
  const column = await page.goto("/gk/youxie");
  expect(column!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "哈尔滨市平房区友协街道办事处政府信息公开工作年度报告",
  );
  const list = page.getByRole("list", { name: "年度报告" });
  await expect(list.getByRole("link")).toHaveText([
    "哈尔滨市平房区友协街道办事处2022年政府信息公开工作年度报告",
  ]);
  await list.getByRole("link").click();
  await expect(page).toHaveURL(/\/gk\/youxie\/2022$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("政府信息公开工作年度报告");
  await expect(
    page.getByRole("heading", { name: "三、收到和处理政府信息公开申请情况" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "登录" })).toHaveCount(0);

  for (const path of [
    "/gk/youxie/2025",
    `/gk/xinwei/${PAST}`,
    `/gk/youxie/${PAST}`,
    "/gk/xinwei/2025",
    "/gk/no-such-unit",
    "/gk/no-such-unit/2022",
    "/gk/youxie/20x2",
    "/gk/pingfang-fgj",
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    const body = await response.text();
    expect(body, path).not.toContain("政府信息公开工作年度报告</span>");
    expect(body, path).not.toContain("收到和处理政府信息公开申请情况");
  }
  // The district's column lists its units' columns.
  await page.goto("/gk/pingfang");
  await expect(page.getByRole("link", { name: "友协街道办事处" })).toBeVisible();
});
