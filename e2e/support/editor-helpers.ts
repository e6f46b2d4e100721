import { expect, type Page } from "@playwright/test";

export async function openReport(page: Page, unit: RegExp, year: number) {
  const region = page.getByRole("region", { name: unit });
  await region.getByRole("link", { name: `${year}年度报告` }).click();
  await expect(page.getByRole("form", { name: "年度报告编辑" })).toBeVisible();
}

/** Create a unit's draft for `year` from the report list: confirm in the dialog, land in the new draft. */
export async function createDraft(page: Page, unit: RegExp, unitName: string, year: number) {
  await page
    .getByRole("region", { name: unit })
    .getByRole("button", { name: `新建 ${year} 年度报告（${unitName}）` })
    .click();
  const dialog = page.getByRole("dialog", { name: `新建${year}年度报告` });
  await expect(dialog).toContainText(`${year} 年度`);
  await dialog.getByRole("button", { name: "确定新建" }).click();
  await expect(page.getByRole("form", { name: "年度报告编辑" })).toBeVisible();
}

export async function goToStep(page: Page, title: RegExp) {
  await page
    .getByRole("navigation", { name: "报告各部分" })
    .getByRole("button", { name: title })
    .click();
}

/** Paste tab-separated text into the focused cell, as Ctrl-V of an Excel/WPS block does. */
export async function pasteInto(page: Page, label: string, text: string) {
  const cell = page.getByLabel(label, { exact: true });
  await cell.focus();
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    document.activeElement!.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

export async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("已保存", { timeout: 20_000 });
}
