import { expect, test, type Browser, type Page, type Route } from "@playwright/test";
import { expectSaved, goToStep, openReport } from "./support/editor-helpers";
import { signIn } from "./support/helpers";

// Two editors of 友协街道办事处 on its 2025 draft. Each run types figures of its own, so the test
// holds when repeated on the same database.
const LICENSING = "第二十条第（五）项 行政许可 — 本年处理决定数量";
const NATURAL = "一、本年新收政府信息公开申请数量 — 自然人";
const RESEARCH = "一、本年新收政府信息公开申请数量 — 科研机构";
const FIRST = "友协街道填报员";
const SECOND = "友协街道第二填报员";

const figure = () => String(100 + Math.floor(Math.random() * 9000));

async function editorOf(browser: Browser, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account);
  await openReport(page, /友协街道办事处/, 2025);
  return page;
}

// Two signed-in browsers on a shared 2-core machine: more than the default minute, only to catch hangs.
test.describe.configure({ timeout: 180_000 });

const conflictView = (page: Page) => page.getByRole("dialog", { name: "他人已修改了这份报告" });

test("two editors in different sections: both saves succeed and each page shows the other's figures, with no conflict view", async ({
  browser,
}) => {
  const first = await editorOf(browser, "youxie-editor");
  const second = await editorOf(browser, "youxie-editor2");
  const licensing = figure();
  const natural = figure();

  await goToStep(first, /二、主动公开/);
  await goToStep(second, /三、收到和处理/);
  await first.getByLabel(LICENSING, { exact: true }).fill(licensing);
  await second.getByLabel(NATURAL, { exact: true }).fill(natural);
  await expectSaved(first);
  await expectSaved(second);

  // Each page learns of the other's save (its event, or the answer to its own save) without a reload.
  await goToStep(first, /三、收到和处理/);
  await expect(first.getByLabel(NATURAL, { exact: true })).toHaveValue(natural, {
    timeout: 10_000,
  });
  await goToStep(second, /二、主动公开/);
  await expect(second.getByLabel(LICENSING, { exact: true })).toHaveValue(licensing, {
    timeout: 10_000,
  });
  await expect(conflictView(first)).toHaveCount(0);
  await expect(conflictView(second)).toHaveCount(0);
  await expect(first.getByTestId("save-status")).toHaveText("已保存");
  await expect(second.getByTestId("save-status")).toHaveText("已保存");
  await first.context().close();
  await second.context().close();
});

test("both type into the same cell: the second sees the conflict for that one cell with the colleague's name and chooses; the cell's history lists both", async ({
  browser,
}) => {
  const first = await editorOf(browser, "youxie-editor");
  const second = await editorOf(browser, "youxie-editor2");
  await goToStep(first, /三、收到和处理/);
  await goToStep(second, /三、收到和处理/);
  const mine = figure();
  const theirs = String(Number(mine) + 1);
  const research = figure();

  // The second page does not get to fetch the first one's change before its person types: the
  // request is held until the conflict is on screen, as on a slow network.
  const held: Route[] = [];
  await second.route("**/api/reports/*/changes?*", (route) => void held.push(route));

  await first.getByLabel(NATURAL, { exact: true }).fill(theirs);
  await first.keyboard.press("Tab"); // on to the next cell, as one does after a figure
  await expectSaved(first);
  await second.getByLabel(NATURAL, { exact: true }).fill(mine);
  await second.getByLabel(RESEARCH, { exact: true }).fill(research);

  const dialog = conflictView(second);
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByTestId("conflict-row")).toHaveCount(1);
  const row = dialog.getByTestId("conflict-row");
  await expect(row.getByRole("rowheader")).toHaveText(NATURAL);
  await expect(row).toContainText(mine);
  await expect(row).toContainText(theirs);
  await expect(row).toContainText(FIRST);
  for (const route of held.splice(0)) await route.continue();
  await second.unroute("**/api/reports/*/changes?*");

  // The other cell of the same save was written already: the first page shows it.
  await expect(first.getByLabel(RESEARCH, { exact: true })).toHaveValue(research, {
    timeout: 10_000,
  });
  await expect(first.getByLabel(NATURAL, { exact: true })).toHaveValue(theirs);

  await dialog.getByRole("button", { name: `${NATURAL}：保留我的` }).click();
  await dialog.getByRole("button", { name: "确定并保存" }).click();
  await expect(dialog).toHaveCount(0);
  await expectSaved(second);
  await expect(second.getByLabel(NATURAL, { exact: true })).toHaveValue(mine);
  await expect(first.getByLabel(NATURAL, { exact: true })).toHaveValue(mine, { timeout: 10_000 });
  await expect(conflictView(first)).toHaveCount(0);

  // 修改记录 of the cell, opened from the keyboard: the first person's figure, then the second's.
  await first.getByLabel(NATURAL, { exact: true }).focus();
  await expect(first.getByRole("button", { name: "本项修改记录" })).toBeVisible();
  await first.keyboard.press("Alt+KeyH");
  const history = first.getByRole("dialog", { name: `修改记录：${NATURAL}` });
  await expect(history.getByRole("button", { name: "关闭" })).toBeFocused();
  const entries = history.getByTestId("cell-history-entry");
  await expect(entries.nth(-2)).toContainText(FIRST);
  await expect(entries.nth(-2)).toContainText(`→ ${theirs}`);
  await expect(entries.nth(-1)).toContainText(SECOND);
  await expect(entries.nth(-1)).toContainText(`${theirs} → ${mine}`);
  await first.keyboard.press("Escape");
  await expect(history).toHaveCount(0);
  await expect(first.getByLabel(NATURAL, { exact: true })).toBeFocused();
  await first.context().close();
  await second.context().close();
});
