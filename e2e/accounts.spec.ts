import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Accounts made here (not the demo ones), so that locking one out or changing its password affects no other test.
const stamp = Date.now().toString(36);

async function createUser(page: Page, account: string, password: string) {
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("账号").fill(account);
  await form.getByLabel("姓名").fill(`测试用户${account}`);
  await form.getByLabel("初始密码").fill(password);
  await form.getByLabel("单位").selectOption({ label: "友协街道办事处（街道办事处）" });
  await form.getByLabel("角色").selectOption({ label: "填报员" });
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form.getByRole("status")).toHaveText(`已创建账号 ${account}。`);
  await expect(page.getByRole("row", { name: `用户 ${account}` })).toContainText("友协街道办事处 · 填报员");
}

async function tryPassword(page: Page, account: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("账号").fill(account);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("after ten wrong passwords the sign-in form says to wait, even for the right one", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "pingfang-admin");
  const account = `lock-${stamp}`;
  await createUser(admin, account, "right-password-1");

  const page = await (await browser.newContext()).newPage();
  for (let i = 0; i < 10; i++) {
    await tryPassword(page, account, `wrong-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("账号或密码不正确。");
  }
  await tryPassword(page, account, "right-password-1");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(/^登录失败次数过多，请 1[45] 分钟后再试。$/);
  await expect(page).toHaveURL(/\/login$/);

  // The admin reads it in the audit log.
  await admin.goto(`/admin/audit?account=${account}`);
  const log = admin.getByRole("table", { name: "审计日志" });
  await expect(log.getByRole("row").filter({ hasText: "登录被限制" })).toHaveCount(1);
  await expect(log.getByRole("row").filter({ hasText: "登录失败" }).filter({ hasText: "密码错误" })).toHaveCount(10);
  await expect(log.getByRole("row").filter({ hasText: "创建用户" })).toHaveCount(1);
});

test("a user changes their own password: the other browser is signed out, the old password stops working; the admin can reset it", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "pingfang-admin");
  const account = `pw-${stamp}`;
  await createUser(admin, account, "initial-pass-1");

  const here = await (await browser.newContext()).newPage();
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(here, account, "initial-pass-1");
  await signIn(elsewhere, account, "initial-pass-1");

  await here.getByRole("link", { name: "修改密码" }).click();
  await here.getByLabel("当前密码").fill("not-the-password");
  await here.getByLabel("新密码", { exact: true }).fill("changed-pass-2");
  await here.getByLabel("再次输入新密码").fill("changed-pass-2");
  await here.getByRole("button", { name: "修改密码" }).click();
  await expect(here.getByRole("alert").filter({ hasText: "密码" }).filter({ hasNotText: "年报" })).toHaveText("当前密码不正确。");

  await here.getByLabel("当前密码").fill("initial-pass-1");
  await here.getByLabel("新密码", { exact: true }).fill("changed-pass-2");
  await here.getByLabel("再次输入新密码").fill("changed-pass-2");
  await here.getByRole("button", { name: "修改密码" }).click();
  await expect(here.getByRole("status").filter({ hasText: "密码已修改" })).toHaveText("密码已修改，其他 1 处登录已退出。");

  // This browser stays signed in; the other one is sent to the sign-in page.
  await here.goto("/reports");
  await expect(here).toHaveURL(/\/reports$/);
  await elsewhere.goto("/reports");
  await expect(elsewhere).toHaveURL(/\/login$/);
  await tryPassword(elsewhere, account, "initial-pass-1");
  await expect(elsewhere.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("账号或密码不正确。");
  await signIn(elsewhere, account, "changed-pass-2");

  // The admin resets it: every session of the user ends.
  await admin.goto("/admin/users");
  const row = admin.getByRole("row", { name: `用户 ${account}` });
  await row.getByText("添加角色或重置密码").click();
  await row.getByLabel("新密码").fill("reset-by-admin-3");
  await row.getByRole("button", { name: "重置密码" }).click();
  await expect(row.getByRole("status")).toHaveText(`已重置 ${account} 的密码，其所有登录已退出。`);
  await here.goto("/reports");
  await expect(here).toHaveURL(/\/login$/);
  await signIn(here, account, "reset-by-admin-3");
});

test("only admins see the admin pages; others are told they do not exist", async ({ page }) => {
  await signIn(page, "youxie-editor");
  await expect(page.getByRole("link", { name: "用户管理" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
});
