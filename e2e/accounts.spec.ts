import { expect, test, type Page } from "@playwright/test";
import { withDatabase } from "./support/database";
import { signIn } from "./support/helpers";

// Accounts made here (not the demo ones), so that locking one out or changing its password affects no other test.
/** A name part of its own for every test run (a repeated test makes new accounts, never meets old ones). */
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

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
  await expect(page.getByRole("row", { name: `用户 ${account}` })).toContainText(
    "友协街道办事处 · 填报员",
  );
}

async function tryPassword(page: Page, account: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("账号").fill(account);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("a reviewer's own browser signs in while an attacker's failures pile up; a new browser waits; the admin sees the failures", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "pingfang-admin");
  const account = `guarded-${unique()}`;
  await createUser(admin, account, "right-password-1");

  // Monday: the owner signs in from their own browser, which keeps a device token for the account.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, account, "right-password-1");
  await owner.getByRole("button", { name: "退出登录" }).click();
  await expect(owner).toHaveURL(/\/login$/);

  // An attacker guesses: a few wrong passwords from a browser of their own (each answer is one of the
  // two, depending on how fast the attempts come)…
  const attacker = await (await browser.newContext()).newPage();
  for (let i = 0; i < 5; i++) {
    await tryPassword(attacker, account, `wrong-${i}`);
    await expect(attacker.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
      /^(账号或密码不正确。|登录失败次数过多，请 \d+ 秒后再试。)$/,
    );
  }
  // …and, as if from a thousand other addresses, forty more in the last minutes (written into the
  // throttle's own table: the same rows that many real attempts leave).
  await withDatabase(async (prisma) => {
    const now = new Date();
    const bucket = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    await prisma.rateLimitBucket.upsert({
      where: { kind_key_bucket: { kind: "sign-in:account", key: account, bucket } },
      create: { kind: "sign-in:account", key: account, bucket, count: 40, lastAt: now },
      update: { count: { increment: 40 }, lastAt: now },
    });
  });
  // Any browser new to the account now waits, the attacker's included, with the right password too…
  await tryPassword(attacker, account, "right-password-1");
  await expect(attacker.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    /^登录失败次数过多，请 \d+ (秒|分钟)后再试。$/,
  );
  await expect(attacker).toHaveURL(/\/login$/);
  // …but the owner's browser goes straight in.
  await signIn(owner, account, "right-password-1");
  await ownerContext.close();

  // The admin sees the failures: on the users page and in the audit log.
  await admin.goto("/admin/users");
  await expect(
    admin
      .getByRole("row", { name: `用户 ${account}` })
      .getByRole("cell")
      .nth(4),
  ).toHaveText(/^[1-5] 次$/);
  await admin.goto(`/admin/audit?account=${account}`);
  const log = admin.getByRole("table", { name: "审计日志" });
  await expect(log.getByRole("row").filter({ hasText: "登录被限制" }).first()).toBeVisible();
  await expect(
    log.getByRole("row").filter({ hasText: "登录失败" }).filter({ hasText: "密码错误" }).first(),
  ).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "创建用户" })).toHaveCount(1);
});

test("weak passwords are refused with the reason in Chinese", async ({ page }) => {
  const stamp = unique();
  await signIn(page, "pingfang-admin");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "新建用户" });
  const tryCreate = async (password: string) => {
    await form.getByLabel("账号").fill(`weak-${stamp}`);
    await form.getByLabel("姓名").fill("弱密码测试");
    await form.getByLabel("初始密码").fill(password);
    await form.getByLabel("单位").selectOption({ label: "友协街道办事处（街道办事处）" });
    await form.getByRole("button", { name: "创建用户" }).click();
  };
  await tryCreate("password");
  await expect(form.getByRole("alert")).toHaveText("新密码至少 10 个字符。");
  await tryCreate("1234567890");
  await expect(form.getByRole("alert")).toHaveText("这个密码太常见，很容易被猜中，请换一个。");
  await tryCreate("nianbao-demo");
  await expect(form.getByRole("alert")).toHaveText("不能使用演示账号的公开密码。");
  await tryCreate(`weak-${stamp}-2025`);
  await expect(form.getByRole("alert")).toHaveText("新密码不能包含账号名。");
  await tryCreate("youxie-2025-pass");
  await expect(form.getByRole("alert")).toHaveText("新密码不能包含单位名称。");
  await expect(page.getByRole("row", { name: `用户 weak-${stamp}` })).toHaveCount(0);
});

test("a user changes their own password: the other browser is signed out, the old password stops working; the admin can reset it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "pingfang-admin");
  const account = `pw-${unique()}`;
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
  await expect(
    here.getByRole("alert").filter({ hasText: "密码" }).filter({ hasNotText: "年报" }),
  ).toHaveText("当前密码不正确。");

  await here.getByLabel("当前密码").fill("initial-pass-1");
  await here.getByLabel("新密码", { exact: true }).fill("changed-pass-2");
  await here.getByLabel("再次输入新密码").fill("changed-pass-2");
  await here.getByRole("button", { name: "修改密码" }).click();
  await expect(here.getByRole("status").filter({ hasText: "密码已修改" })).toHaveText(
    "密码已修改，其他 1 处登录已退出。",
  );

  // This browser stays signed in; the other one is sent to the sign-in page.
  await here.goto("/reports");
  await expect(here).toHaveURL(/\/reports$/);
  await elsewhere.goto("/reports");
  await expect(elsewhere).toHaveURL(/\/login$/);
  await tryPassword(elsewhere, account, "initial-pass-1");
  await expect(elsewhere.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "账号或密码不正确。",
  );
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
