// Two-step verification (TOTP): an editor sets it up by choice in the demo and signs in with a code the
// test computes from the secret on the page, or with a recovery code (once); in a real deployment (an
// instance without NIANBAO_DEMO) a reviewer without it is led to set it up before reaching any report.
import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { hashPassword } from "../lib/auth/password";
import { withDatabase, e2eDatabaseUrl } from "./support/database";
import { signIn, signOut } from "./support/helpers";
import { leftovers, startApp, type AppInstance } from "./support/system-support";

/** A name part of its own for every test run (a repeated test makes new accounts, never meets old ones). */
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = "two-step-pass-7";

/** A user made straight in the database (an admin would make it on the users page). */
async function createAccount(account: string, role: "EDITOR" | "REVIEWER", orgSlug: string) {
  const passwordHash = await hashPassword(PASSWORD);
  await withDatabase(async (prisma) => {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: orgSlug } });
    await prisma.user.create({
      data: {
        account,
        displayName: `两步验证测试${account}`,
        passwordHash,
        memberships: { create: { organizationId: org.id, role } },
      },
    });
  });
}

/** The code an authenticator app would show for the secret — for the next 30-second step, so it is never the one already used. */
function codeFor(secret: string, offsetSeconds = 30): string {
  const totp = new TOTP({
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret.replace(/\s+/g, "")),
  });
  return totp.generate({ timestamp: Date.now() + offsetSeconds * 1000 });
}

/** On the setup page: scan (read the secret), confirm with a code, keep the recovery codes. */
async function setUp(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page.getByRole("heading", { name: "设置两步验证" })).toBeVisible();
  await expect(page.getByRole("img", { name: /两步验证二维码/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const form = page.getByRole("form", { name: "确认两步验证" });
  await form.getByLabel("6 位验证码").fill("000000");
  await form.getByRole("button", { name: "启用两步验证" }).click();
  await expect(form.getByRole("alert")).toContainText("验证码不正确");
  await form.getByLabel("6 位验证码").fill(codeFor(secret, 0));
  await form.getByRole("button", { name: "启用两步验证" }).click();
  await expect(page.getByRole("status").filter({ hasText: "两步验证已启用" })).toBeVisible();
  const recoveryCodes = await page
    .getByRole("list", { name: "恢复码列表" })
    .getByRole("listitem")
    .allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole("link", { name: "我已保存恢复码，继续" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  return { secret, recoveryCodes };
}

async function passwordStep(page: Page, base: string, account: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("账号").fill(account);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/login\/verify$/);
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel("验证码或恢复码").fill(code);
  await page.getByRole("button", { name: "验证并登录" }).click();
}

test("the demo offers two-step verification without forcing it; an editor sets it up and signs in with a code, or a recovery code once", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The demo's reviewer is told that it is not forced here.
  await signIn(page, "pingfang-reviewer");
  await expect(page.getByRole("note", { name: "演示环境提示" })).toContainText(
    "两步验证未强制启用",
  );
  await signOut(page);

  const account = `otp-editor-${unique()}`;
  await createAccount(account, "EDITOR", "youxie");
  await signIn(page, account, PASSWORD);
  await expect(page.getByRole("note", { name: "演示环境提示" })).toHaveCount(0); // editors are not asked to
  await page.getByRole("link", { name: "账号安全" }).click();
  await expect(page.getByRole("region", { name: "两步验证" })).toContainText("未启用");
  await page.getByRole("link", { name: "设置两步验证" }).click();
  const { secret, recoveryCodes } = await setUp(page);
  await signOut(page);

  // The password alone opens nothing: the code step comes, and a pending sign-in reaches no page.
  await passwordStep(page, baseURL!, account);
  await page.goto("/reports");
  await expect(page).toHaveURL(/\/login$/);
  await passwordStep(page, baseURL!, account);
  await codeStep(page, "123456");
  await expect(page.getByRole("alert").filter({ hasText: "验证码不正确" })).toBeVisible();
  await codeStep(page, codeFor(secret));
  await expect(page).toHaveURL(/\/reports$/);
  await signOut(page);

  // A recovery code works once.
  await passwordStep(page, baseURL!, account);
  await codeStep(page, recoveryCodes[0]);
  await expect(page).toHaveURL(/\/reports$/);
  await signOut(page);
  await passwordStep(page, baseURL!, account);
  await codeStep(page, recoveryCodes[0]);
  await expect(page.getByRole("alert").filter({ hasText: "验证码不正确" })).toBeVisible();

  // The admin's audit log names how each sign-in was made.
  const admin = await (await page.context().browser()!.newContext()).newPage();
  await signIn(admin, "pingfang-admin");
  await admin.goto(`/admin/audit?account=${account}&action=SIGN_IN`);
  const log = admin.getByRole("table", { name: "审计日志" });
  await expect(log.getByRole("row").filter({ hasText: "密码 + 两步验证码" })).toHaveCount(1);
  await expect(log.getByRole("row").filter({ hasText: "密码 + 恢复码" })).toHaveCount(1);
});

test.describe("a real deployment (no demo)", () => {
  let app: AppInstance | null = null;
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // A second instance of the same build on the same database, without NIANBAO_DEMO.
    app = await startApp(Number(process.env.E2E_PORT ?? 3100) + 40, e2eDatabaseUrl(), {
      demo: false,
    });
  });

  test.afterAll(async () => {
    await app?.stop();
    expect(leftovers()).toEqual([]);
  });

  test("a reviewer without two-step verification is led to set it up before reaching any report", async ({
    page,
  }) => {
    const base = app!.url;
    const account = `otp-reviewer-${unique()}`;
    await createAccount(account, "REVIEWER", "pingfang");
    const reportId = await withDatabase(
      async (prisma) =>
        (await prisma.report.findFirstOrThrow({ where: { organization: { slug: "youxie" } } })).id,
    );

    await page.goto(`${base}/login`);
    await page.getByLabel("账号").fill(account);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(`${base}/two-step/setup`);
    await expect(page.getByRole("status")).toContainText("必须先启用两步验证");
    // Nothing else opens meanwhile: pages lead back here, the API refuses.
    for (const path of [
      "/reports",
      `/reports/${reportId}`,
      `/reports/${reportId}/history`,
      "/district",
    ]) {
      await page.goto(`${base}${path}`);
      await expect(page, path).toHaveURL(`${base}/two-step/setup`);
    }
    const api = await page.request.get(`${base}/api/reports/${reportId}/content`);
    expect(api.status()).toBe(403);
    expect((await api.json()).error).toContain("请先设置两步验证");

    await setUp(page);
    await page.goto(`${base}/reports/${reportId}`);
    await expect(page).toHaveURL(`${base}/reports/${reportId}`);
    await expect(
      page.getByRole("heading", { name: /^友协街道办事处 \d{4}年度报告$/ }),
    ).toBeVisible();
  });
});
