import { expect, test } from "@playwright/test";
import { signIn } from "./support/helpers";

test("a wrong password is refused in Chinese and the account stays filled in", async ({ page }) => {
  await page.goto("/reports");
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("账号").fill("youxie-editor");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  // (Next's route announcer is an empty alert too.)
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("账号或密码不正确。");
  await expect(page.getByLabel("账号")).toHaveValue("youxie-editor");
});

test("an editor signs in, sees their unit's reports and nothing of another unit's, and creates the next year's draft", async ({
  page,
}) => {
  await signIn(page, "youxie-editor");
  await expect(page.getByRole("heading", { name: /友协街道办事处/ })).toBeVisible();
  await expect(page.getByText("新伟街道办事处")).toHaveCount(0);
  const unit = page.getByRole("region", { name: /友协街道办事处/ });
  await expect(unit.getByRole("link", { name: "2025年度报告" })).toBeVisible();
  // (Other specs move the 2025 draft along the review path; the published past report stays as it is.)
  await expect(unit.getByRole("row", { name: /2022年度报告/ })).toContainText("已发布");

  // Offered: the year due (November 2026: 2026's report) and the missing past years; never 2027.
  await expect(
    unit.getByRole("button", { name: "新建 2027 年度报告（友协街道办事处）" }),
  ).toHaveCount(0);
  await unit.getByText("补建往年报告").click();
  for (const year of [2024, 2023, 2021, 2020, 2019]) {
    await expect(
      unit.getByRole("button", { name: `新建 ${year} 年度报告（友协街道办事处）` }),
    ).toBeVisible();
  }
  await expect(
    unit.getByRole("button", { name: "新建 2025 年度报告（友协街道办事处）" }),
  ).toHaveCount(0);
  await expect(
    unit.getByRole("button", { name: "新建 2022 年度报告（友协街道办事处）" }),
  ).toHaveCount(0);

  // Creating asks first, naming the year, the format and what it starts from, then opens the draft.
  await unit.getByRole("button", { name: "新建 2026 年度报告（友协街道办事处）" }).click();
  const dialog = page.getByRole("dialog", { name: "新建2026年度报告" });
  await expect(dialog).toContainText("2026 年度");
  await expect(dialog).toContainText("2021 年版格式");
  await expect(dialog).toContainText("新建空白报告");
  await dialog.getByRole("button", { name: "确定新建" }).click();
  await expect(page.getByRole("heading", { name: "友协街道办事处 2026年度报告" })).toBeVisible();
  // A new draft opens in the editor, on its first step.
  await expect(page.getByRole("form", { name: "年度报告编辑" })).toBeVisible();
  await expect(
    page
      .getByRole("navigation", { name: "报告各部分" })
      .getByRole("button", { name: /三、收到和处理政府信息公开申请情况/ }),
  ).toBeVisible();
});

test("a missing past year's draft, created by mistake and untouched, can be deleted after confirming", async ({
  page,
}) => {
  await signIn(page, "youxie-editor");
  const unit = page.getByRole("region", { name: /友协街道办事处/ });
  await unit.getByText("补建往年报告").click();
  await unit.getByRole("button", { name: "新建 2019 年度报告（友协街道办事处）" }).click();
  const dialog = page.getByRole("dialog", { name: "新建2019年度报告" });
  await expect(dialog).toContainText("2019 年版格式");
  await dialog.getByRole("button", { name: "确定新建" }).click();
  await expect(page.getByRole("heading", { name: "友协街道办事处 2019年度报告" })).toBeVisible();

  await page.goto("/reports");
  await unit.getByRole("button", { name: "删除友协街道办事处2019年度报告草稿" }).click();
  const confirm = page.getByRole("dialog", { name: "删除2019年度报告草稿" });
  await confirm.getByRole("button", { name: "确认删除" }).click();
  await expect(unit.getByRole("link", { name: "2019年度报告" })).toHaveCount(0);
  // A draft with work in it offers no 删除.
  await expect(
    unit.getByRole("button", { name: "删除友协街道办事处2022年度报告草稿" }),
  ).toHaveCount(0);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "xinwei-editor");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/reports");
  await expect(page).toHaveURL(/\/login$/);
});
