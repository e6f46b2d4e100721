import { expect, test, type Page } from "@playwright/test";
import { cellById } from "../lib/report/cells";
import type { ReportContent } from "../lib/report/content";
import { fullReport } from "../lib/report/__fixtures__/full-report";
import { expectSaved } from "./support/editor-helpers";
import { signIn } from "./support/helpers";

// The review path end to end: submit → 退回 with a comment on a cell → the editor sees it at the cell,
// fixes, resubmits → 通过 → read-only for the editor → 标记为已发布, with history and a version diff.
// It takes youxie's 2025 report (a past year, so that it can be published today): as seeded, it fills it
// in and submits it; after editor.spec.ts (which fills and submits that very report as youxie-editor) it
// starts from that submission. The file is named to run after the other specs, which expect the report
// still to be editable.

const YEAR = 2025;
const CELL_ID = "20.5.licensing.decisions";
const CELL_LABEL = cellById("2021", CELL_ID)!.label; // 第二十条第（五）项 行政许可 — 本年处理决定数量
const COMMENT = "行政许可决定数量与审批台账不一致，应为 37500 件，请核对后修改。";
const FIXED = "37500";

/** Everything filled in and consistent, as the editor test fills it through the UI — here through the same autosave API. */
async function fillComplete(page: Page, reportId: string) {
  const current = await page.request.get(`/api/reports/${reportId}/content`);
  expect(current.ok()).toBe(true);
  const { version, content } = (await current.json()) as {
    version: number;
    content: ReportContent;
  };
  const full = fullReport("2021", YEAR);
  full.meta = {
    ...full.meta,
    organization: content.meta.organization,
    issuingOrgan: content.meta.organization,
    isPeoplesGovernment: false,
  };
  full.tables["20.5"].licensing.decisions = 37426;
  const saved = await page.request.put(`/api/reports/${reportId}/content`, {
    data: { version, content: full },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
}

test("youxie-editor submits, pingfang-reviewer returns it with a comment on a cell, the editor fixes it at the cell and resubmits, the reviewer approves and marks it published", async ({
  browser,
}) => {
  // Two browsers through the whole review path, three confirmations included: more than a minute on a busy machine.
  test.setTimeout(180_000);
  const editorContext = await browser.newContext();
  const reviewerContext = await browser.newContext();
  const editor = await editorContext.newPage();
  const reviewer = await reviewerContext.newPage();

  // 1. The editor submits a complete draft.
  await signIn(editor, "youxie-editor");
  const row = editor
    .getByRole("region", { name: /友协街道办事处/ })
    .getByRole("row", { name: new RegExp(`${YEAR}年度报告`) });
  const link = row.getByRole("link", { name: `${YEAR}年度报告` });
  const report = { id: (await link.getAttribute("href"))!.split("/").pop()!, year: YEAR };
  if (/草稿|已退回/.test((await row.textContent()) ?? "")) {
    await fillComplete(editor, report.id);
    await editor.goto(`/reports/${report.id}`);
    await expect(editor.locator("#submit-hint")).toHaveText("可以提交");
    await editor.getByRole("button", { name: "提交审核" }).click();
  } else {
    await editor.goto(`/reports/${report.id}`);
  }
  await expect(editor.getByText("待审核").first()).toBeVisible();
  await expect(editor.getByRole("button", { name: "提交审核" })).toHaveCount(0);
  await expect(editor.getByText("报告已提交审核，等待审核员审核")).toBeVisible();

  // 2. The district's reviewer comments on the cell (chosen by clicking it in the report) and returns the report.
  await signIn(reviewer, "pingfang-reviewer");
  await reviewer.goto(`/reports/${report.id}`);
  const panel = reviewer.getByRole("complementary", { name: "审核" });
  await reviewer.locator(`td[data-cell-id="${CELL_ID}"]`).click();
  await expect(panel.getByLabel("意见位置")).toHaveValue(CELL_ID);
  await expect(panel.getByLabel("意见位置").locator("option:checked")).toHaveText(CELL_LABEL);
  await panel.getByLabel("意见内容").fill(COMMENT);
  await panel.getByRole("button", { name: "添加意见" }).click();
  await expect(panel.getByRole("list", { name: "待发送的意见" })).toContainText(COMMENT);
  // Marked at its cell in the report the reviewer reads.
  await expect(reviewer.locator(`td[data-cell-id="${CELL_ID}"]`)).toHaveAccessibleDescription(
    `审核意见：${COMMENT}`,
  );
  await panel.getByLabel("总体意见（可选）").fill("请按标注的意见修改后重新提交。");
  await panel.getByRole("button", { name: "退回" }).click();
  // A real dialog asks first (a framed or stray click cannot return a report).
  await reviewer
    .getByRole("dialog", { name: "确认退回这份报告？" })
    .getByRole("button", { name: "确认退回" })
    .click();
  await expect(reviewer.getByText("已退回").first()).toBeVisible();
  await expect(reviewer.getByRole("complementary", { name: "审核" })).toHaveCount(0);

  // 3. The editor sees the comment at the cell, fixes it, and resubmits.
  await editor.reload();
  await expect(editor.getByRole("note", { name: "退回说明" })).toContainText(
    "请按标注的意见修改后重新提交。",
  );
  const returned = editor.getByRole("region", { name: /退回意见/ });
  await expect(returned).toContainText(COMMENT);
  await returned.getByRole("button", { name: new RegExp(COMMENT) }).click(); // jumps to the cell
  const cell = editor.getByLabel(CELL_LABEL, { exact: true });
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAccessibleDescription(`审核意见：${COMMENT}`);
  await expect(cell).toHaveAttribute("title", new RegExp(COMMENT));
  await expect(
    editor.getByRole("note", { name: "本部分的审核意见" }).filter({ visible: true }),
  ).toContainText(COMMENT);
  await cell.fill(FIXED);
  await expectSaved(editor);
  await editor.getByRole("button", { name: "提交审核" }).click();
  await expect(editor.getByText("待审核").first()).toBeVisible();

  // 4. The reviewer finds no comment left open and approves.
  await reviewer.reload();
  await expect(reviewer.getByRole("list", { name: "待发送的意见" })).toHaveCount(0);
  await expect(reviewer.locator(`td[data-cell-id="${CELL_ID}"]`)).toHaveText(FIXED);
  await reviewer.getByRole("button", { name: "通过" }).click();
  const approveDialog = reviewer.getByRole("dialog", { name: "确认通过审核？" });
  await expect(approveDialog.getByRole("button", { name: "取消" })).toBeFocused();
  await approveDialog.getByRole("button", { name: "确认通过" }).click();
  await expect(reviewer.getByText("报告已通过审核，内容不能再修改。")).toBeVisible();

  // 5. The approved report is read-only for the editor.
  await editor.reload();
  await expect(editor.getByText("报告已通过审核，内容不能再修改。")).toBeVisible();
  await expect(editor.getByRole("form", { name: "年度报告编辑" })).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "提交审核" })).toHaveCount(0);
  await expect(editor.getByRole("textbox")).toHaveCount(0);
  await expect(editor.getByRole("form", { name: "标记为已发布" })).toHaveCount(0); // editors do not publish
  const refused = await editor.request.put(`/api/reports/${report.id}/content`, {
    data: { version: 1, content: fullReport("2021", YEAR) },
  });
  expect(refused.status()).toBe(409);

  // 6. The reviewer marks it published with the URL and the date.
  await reviewer.reload();
  const publish = reviewer.getByRole("form", { name: "标记为已发布" });
  await publish.getByLabel("发布网址").fill("https://www.hrbpf.gov.cn/zwgk/youxie-report.html");
  await publish.getByLabel("发布日期").fill(`${report.year + 1}-01-20`);
  await publish.getByRole("button", { name: "标记为已发布" }).click();
  await reviewer
    .getByRole("dialog", { name: "确认标记为已发布？" })
    .getByRole("button", { name: "确认发布" })
    .click();
  await expect(
    reviewer.getByRole("link", { name: "https://www.hrbpf.gov.cn/zwgk/youxie-report.html" }),
  ).toBeVisible();
  await expect(reviewer.getByText(`报告已发布（${report.year + 1}年1月20日）`)).toBeVisible();

  // 7. The history shows every transition, and the diff between the two submissions names the fixed cell.
  await editor.goto(`/reports/${report.id}/history`);
  const transitions = editor.getByRole("region", { name: "流转记录" }).getByRole("row");
  await expect(transitions).toHaveCount(1 + 5);
  await expect(transitions.nth(2)).toContainText("待审核 → 已退回");
  await expect(transitions.nth(2)).toContainText(COMMENT);
  await expect(transitions.nth(5)).toContainText("已通过 → 已发布");
  const compare = editor.getByRole("form", { name: "比较两个版本" });
  await compare.getByLabel("较早的版本").selectOption("1");
  await compare.getByLabel("较新的版本").selectOption("2");
  await compare.getByRole("button", { name: "比较" }).click();
  const changed = editor.getByRole("row", {
    name: new RegExp(CELL_LABEL.replace(/[()（）]/g, ".")),
  });
  // Cells after the row's label: the earlier version, the later one, and who changed it in between.
  await expect(changed.getByRole("cell").nth(1)).toHaveText(FIXED);
  await expect(changed.getByRole("cell").nth(2)).toContainText("友协街道填报员");

  await editorContext.close();
  await reviewerContext.close();
});
