import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "nianbao-demo";

export async function signIn(page: Page, account: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("账号").fill(account);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/reports$/);
}

/** Signs out and waits until the session is gone: the next sign-in must not find the page still signed in. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
}
