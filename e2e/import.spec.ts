import path from "node:path";
import { expect, test } from "@playwright/test";
import { putReports } from "./support/district-fixtures";
import { createDraft, goToStep } from "./support/editor-helpers";
import { signIn } from "./support/helpers";

const SAMPLE = path.resolve("prisma/seed-data/samples/2022-youxie-street-office.txt");

test("从已发布报告导入: read a published report, see its defects, apply one section after confirming", async ({
  page,
}) => {
  await signIn(page, "pingfang-admin");
  await createDraft(page, /平房区发展和改革局/, "平房区发展和改革局", 2026);

  await page.getByRole("link", { name: "从已发布报告导入" }).click();
  await page.getByLabel("上传文件（.docx、.pdf、.html、.txt）").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "读取" }).click();
  await expect(page.getByTestId("import-organization")).toHaveText("哈尔滨市平房区友协街道办事处");
  const defects = page.getByRole("list", { name: "导入报告的问题" });
  // The sample lacks 四's table: said in words, with the rule (S2) in the line's tooltip.
  await expect(defects).toContainText("缺少第四部分“政府信息公开行政复议、行政诉讼情况”的表格");
  await expect(defects.getByTitle(/^规则 S2：/)).toHaveCount(1);

  // Nothing is written before a section is chosen and the overwrite confirmed.
  await expect(page.getByRole("button", { name: "应用所选部分" })).toBeDisabled();
  await page.getByRole("checkbox", { name: "导入一、总体情况" }).check();
  // A 2022 report into the 2026 draft: the years in its text are a question of their own.
  await expect(page.getByRole("button", { name: "应用所选部分" })).toBeDisabled();
  await page.getByRole("radio", { name: /保留原文年份/ }).check();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "应用所选部分" }).click();

  await expect(page.getByRole("form", { name: "年度报告编辑" })).toBeVisible();
  await goToStep(page, /一、总体情况/);
  await expect(page.getByRole("textbox", { name: "一、总体情况", exact: true })).toHaveValue(
    /2022年，我街按照新《条例》/,
  );
  await goToStep(page, /五、存在的主要问题/);
  await expect(
    page.getByRole("textbox", { name: "五、存在的主要问题及改进情况", exact: true }),
  ).toHaveValue("");
});

test.describe("a report of another year", () => {
  const DISTRICT = "哈尔滨市平房区人民政府";

  async function readSampleInto2026(page: import("@playwright/test").Page) {
    // A fresh 2026 draft each time (earlier runs' drafts replaced), complete and consistent.
    const [id] = await putReports(2026, [{ name: DISTRICT, status: "DRAFT" }]);
    await signIn(page, "pingfang-admin");
    await page.goto(`/reports/${id}/import`);
    await page.getByLabel("上传文件（.docx、.pdf、.html、.txt）").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "读取" }).click();
    await expect(page.getByTestId("import-year")).toHaveText("2022（草稿：2026）");
    await page.getByRole("checkbox", { name: "导入一、总体情况" }).check();
    return page.getByRole("group", {
      name: "导入的是 2022 年度报告，草稿是 2026 年度。文字中的年份如何处理？",
    });
  }

  async function apply(page: import("@playwright/test").Page) {
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "应用所选部分" }).click();
    await expect(page.getByRole("form", { name: "年度报告编辑" })).toBeVisible();
    await goToStep(page, /一、总体情况/);
  }

  test("asks about the years; kept as printed, X9 points at them", async ({ page }) => {
    const question = await readSampleInto2026(page);
    await expect(page.getByRole("button", { name: "应用所选部分" })).toBeDisabled();
    await question.getByRole("radio", { name: /保留原文年份/ }).check();
    await apply(page);
    await expect(page.getByRole("textbox", { name: "一、总体情况", exact: true })).toHaveValue(
      /^2022年，我街按照新《条例》/,
    );
    await expect(page.getByRole("list", { name: "校验结果列表" })).toContainText(
      "第一部分“总体情况”写的是2022年",
    );
  });

  test("moved to 2026, the text speaks of 2026 and X9 stays silent", async ({ page }) => {
    const question = await readSampleInto2026(page);
    await question.getByRole("radio", { name: /改为 2026 年/ }).check();
    await apply(page);
    await expect(page.getByRole("textbox", { name: "一、总体情况", exact: true })).toHaveValue(
      /^2026年，我街按照新《条例》/,
    );
    await expect(page.getByRole("heading", { name: /校验结果/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /校验结果/ })).not.toContainText("写的是2022年");
  });
});
