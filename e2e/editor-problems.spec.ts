import { expect, test, type Page } from "@playwright/test";
import type { Prisma } from "../lib/db/generated/client";
import { emptyReport } from "../lib/report/content";
import { withDatabase } from "./support/database";
import { signIn } from "./support/helpers";

// The one problem model in the editor, on an empty draft of 友协街道办事处 for a year no other spec
// uses (reset before each test, so the tests hold when repeated): nothing red before input, blanks
// marked once the table is edited, 其余空格填 0 and its count, and the sticky headers on a laptop.
const YEAR = 2021;

async function emptyDraft(): Promise<string> {
  return withDatabase(async (db) => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "youxie" } });
    const content = emptyReport("2021", {
      organization: org.fullName,
      year: YEAR,
    }) as unknown as Prisma.InputJsonValue;
    const existing = await db.report.findUnique({
      where: { organizationId_year: { organizationId: org.id, year: YEAR } },
    });
    if (existing) {
      await db.report.update({
        where: { id: existing.id },
        data: { content, status: "DRAFT", version: { increment: 1 } },
      });
      return existing.id;
    }
    const created = await db.report.create({
      data: { organizationId: org.id, year: YEAR, formatVersion: "2021", content },
    });
    return created.id;
  });
}

const STEP_TITLE: Record<string, RegExp> = { s2: /^二、/, s3: /^三、/, s4: /^四、/ };

/** Opens the report and its step from the step list (a changed #hash alone does not reload the page). */
async function openStep(page: Page, id: string, step: string) {
  await page.goto(`/reports/${id}`);
  await page
    .getByRole("navigation", { name: "报告各部分" })
    .getByRole("button", { name: STEP_TITLE[step] })
    .click();
  await expect(page.locator(`[data-editor-step="${step}"]`)).toBeVisible();
}

const typedCells = (page: Page, step: string) =>
  page.locator(`[data-editor-step="${step}"] input[data-field]`);

/** The report's count of blanks, as the status bar says it (`还有 170 处未填`). */
async function unfilledCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("problem-count").textContent()) ?? "";
  const m = /(\d+) 处未填/.exec(text);
  return m ? Number(m[1]) : 0;
}

let reportId = "";

test.beforeEach(async ({ page }) => {
  reportId = await emptyDraft();
  await signIn(page, "youxie-editor");
});

test("a new draft shows no red before input; editing a table marks its blanks, not the others", async ({
  page,
}) => {
  for (const step of ["s2", "s3", "s4"]) {
    await openStep(page, reportId, step);
    await expect(typedCells(page, step).first()).toHaveAttribute("placeholder", "未填");
    await expect(page.locator("[data-problem]")).toHaveCount(0);
    await expect(page.locator("input[aria-invalid]")).toHaveCount(0);
    await expect(page.locator('[data-editor-step] [data-severity="error"]')).toHaveCount(0);
  }

  await openStep(page, reportId, "s3");
  await page.getByLabel("一、本年新收政府信息公开申请数量 — 自然人", { exact: true }).fill("0");
  const blanks = page.locator('[data-editor-step="s3"] [data-problem="unfilled"]');
  await expect(blanks.first()).toBeVisible();
  expect(await blanks.count()).toBe((await typedCells(page, "s3").count()) - 1);
  await openStep(page, reportId, "s4");
  await expect(page.locator('[data-editor-step="s4"] [data-problem]')).toHaveCount(0);
});

test("其余空格填 0 fills 三, the count drops by as many cells, and 撤销 brings them back", async ({
  page,
}) => {
  await openStep(page, reportId, "s3");
  const cells = typedCells(page, "s3");
  const typed = await cells.count();
  const before = await unfilledCount(page);
  const section = page.locator('[data-editor-step="s3"]');
  await expect(section.getByTestId("table-blank-count")).toHaveText(String(typed));

  await section.getByRole("button", { name: "其余空格填 0" }).click();
  await expect(section.getByRole("status").filter({ hasText: "个空格填为 0" })).toHaveText(
    new RegExp(`已将 ${typed} 个空格填为 0`),
  );
  expect(await unfilledCount(page)).toBe(before - typed);
  await expect(section.getByTestId("table-blank-count")).toHaveCount(0);
  for (const value of await cells.evaluateAll((inputs) =>
    inputs.map((i) => (i as HTMLInputElement).value),
  ))
    expect(value).toBe("0");
  // All zeros balance: no error in 三.
  await expect(section.locator("[data-problem]")).toHaveCount(0);
  await expect(page.getByTestId("step-problems")).toContainText("没有问题");

  await section.getByRole("button", { name: "撤销填 0" }).click();
  await expect(section.getByTestId("table-blank-count")).toHaveText(String(typed));
  expect(await unfilledCount(page)).toBe(before);
});

test("at 1280×720, scrolled to row 20 of 三, the column headers and the save status stay in view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStep(page, reportId, "s3");
  const section = page.locator('[data-editor-step="s3"]');
  const row20 = section.locator('input[data-r="20"][data-c="0"]');
  await row20.scrollIntoViewIfNeeded();
  await expect(row20).toBeInViewport();

  const status = await page.getByTestId("save-status").boundingBox();
  const bar = await page.getByTestId("editor-status-bar").boundingBox();
  const header = await section
    .getByRole("columnheader", { name: "自然人", exact: true })
    .boundingBox();
  const firstRow = await section.locator('input[data-r="0"][data-c="0"]').boundingBox();
  const cell = await row20.boundingBox();
  expect(status && bar && header && firstRow && cell).toBeTruthy();
  // The page has scrolled past the table's first row…
  expect(firstRow!.y).toBeLessThan(header!.y);
  // …yet the save status is on screen, and the header sits below the bar, above row 20.
  expect(status!.y).toBeGreaterThanOrEqual(0);
  expect(status!.y + status!.height).toBeLessThanOrEqual(720);
  expect(header!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
  expect(header!.y + header!.height).toBeLessThanOrEqual(cell!.y);
  await expect(page.getByTestId("save-status")).toHaveText(/已保存|有未保存的修改|保存中/);
});
