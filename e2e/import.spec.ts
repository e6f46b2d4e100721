import path from "node:path";
import { expect, test } from "@playwright/test";
import { goToStep, openReport } from "./editor-helpers";
import { signIn } from "./helpers";

const SAMPLE = path.resolve("prisma/seed-data/samples/2022-youxie-street-office.txt");

test("从已发布报告导入: read a published report, see its defects, apply one section after confirming", async ({ page }) => {
  await signIn(page, "pingfang-admin");
  const unit = page.getByRole("region", { name: /平房区发展和改革局/ });
  await unit.getByRole("button", { name: "为平房区发展和改革局新建2026年度报告" }).click();
  await expect(unit.getByRole("link", { name: "2026年度报告" })).toBeVisible();
  await openReport(page, /平房区发展和改革局/, 2026);

  await page.getByRole("link", { name: "从已发布报告导入" }).click();
  await page.getByLabel("上传文件（.docx、.pdf、.html、.txt）").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "读取" }).click();
  await expect(page.getByTestId("import-organization")).toHaveText("哈尔滨市平房区友协街道办事处");
  const defects = page.getByRole("list", { name: "导入报告的问题" });
  await expect(defects).toContainText("S2");

  // Nothing is written before a section is chosen and the overwrite confirmed.
  await expect(page.getByRole("button", { name: "应用所选部分" })).toBeDisabled();
  await page.getByRole("checkbox", { name: "导入一、总体情况" }).check();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "应用所选部分" }).click();

  await expect(page.getByRole("form", { name: "年度报告编辑" })).toBeVisible();
  await goToStep(page, /一、总体情况/);
  await expect(page.getByRole("textbox", { name: "一、总体情况", exact: true })).toHaveValue(/2022年，我街按照新《条例》/);
  await goToStep(page, /五、存在的主要问题/);
  await expect(page.getByRole("textbox", { name: "五、存在的主要问题及改进情况", exact: true })).toHaveValue("");
});
