import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support/helpers";

test("a published past report downloads as DOCX and HTML and previews as it will be published", async ({
  page,
}) => {
  await signIn(page, "youxie-editor");
  const unit = page.getByRole("region", { name: /友协街道办事处/ });
  await unit.getByRole("link", { name: "2022年度报告" }).click();
  await expect(page.getByRole("heading", { name: "友协街道办事处 2022年度报告" })).toBeVisible();

  const [docx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 DOCX" }).click(),
  ]);
  expect(docx.suggestedFilename()).toBe(
    "哈尔滨市平房区友协街道办事处2022年政府信息公开工作年度报告.docx",
  );
  const bytes = readFileSync((await docx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");

  const [html] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 HTML" }).click(),
  ]);
  const text = readFileSync((await html.path())!, "utf8");
  expect(text).toContain("政府信息公开工作年度报告");
  expect(text).not.toContain("<script");

  await page.getByRole("link", { name: "预览" }).click();
  await expect(page).toHaveURL(/\/reports\/[^/]+\/preview$/);
  // The report page shows the publication too (its own title is a second h1): look for the report's title.
  await expect(
    page.getByRole("heading", { level: 1 }).filter({ hasText: "政府信息公开工作年度报告" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "打印 / 存为 PDF" })).toBeVisible();
});

test("another unit's report cannot be downloaded (404)", async ({ page }) => {
  await signIn(page, "xinwei-editor");
  const link = page
    .getByRole("region", { name: /新伟街道办事处/ })
    .getByRole("link", { name: "2025年度报告" });
  const href = await link.getAttribute("href");
  await signOut(page);
  await signIn(page, "youxie-editor");
  const response = await page.request.get(
    `/api/reports/${href!.split("/").pop()}/export?format=docx`,
  );
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("新伟");
});
