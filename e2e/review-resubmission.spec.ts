import { expect as baseExpect, test, type Page } from "@playwright/test";
import { cellById } from "../lib/report/cells";
import { computeTotals } from "../lib/report/compute-totals";
import type { ReportContent } from "../lib/report/content";
import { putReports, removeReports } from "./support/district-fixtures";
import { signIn } from "./support/helpers";

// Server renders and transitions take seconds on a loaded machine; these waits are for outcomes.
const expect = baseExpect.configure({ timeout: 30_000 });

// A resubmission shows the reviewer what changed since the last submission and which comments of the
// 退回 were answered; the reviewer also sees the checks' results. The states are reached through the
// same API routes the pages call (the pages themselves are covered by workflow.spec.ts); the
// reviewer's view is checked in the browser. 发改局's report of a past year (with no report the year
// before, so no cross-year check applies) is this file's own.

const YEAR = 2021;
const UNIT = "平房区发展和改革局";
const CELL = "requests.new.natural";
const CELL_LABEL = cellById("2021", CELL)!.label;
const COMMENT = "本年新收的自然人申请数与登记台账不一致，请核对。";
const SECTION_COMMENT = "第五部分请补充存在的主要问题。";

let reportId: string;

test.beforeEach(async () => {
  [reportId] = await putReports(YEAR, [{ name: UNIT, status: "DRAFT" }]);
});

test.afterEach(async () => {
  await removeReports(YEAR, [UNIT]);
});

async function post(page: Page, path: string, data: Record<string, unknown>) {
  const response = await page.request.post(`/api/reports/${reportId}/${path}`, { data });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as { version: number };
}

async function current(page: Page) {
  const response = await page.request.get(`/api/reports/${reportId}/content`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as { version: number; content: ReportContent };
}

test("a resubmission shows the reviewer the changed cells and which comments were answered", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const editor = await (await browser.newContext()).newPage();
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(editor, "fgj-editor");
  await signIn(reviewer, "pingfang-reviewer");

  // Submitted, then returned with a comment on a cell and one on a section.
  await post(editor, "submit", { version: (await current(editor)).version });
  await post(reviewer, "comments", { target: CELL, body: COMMENT });
  await post(reviewer, "comments", { target: "s5", body: SECTION_COMMENT });
  await post(reviewer, "return", { version: (await current(reviewer)).version });

  // The editor answers the cell's comment only: one more request, carried over to next year.
  const { version, content } = await current(editor);
  const old = Number(content.tables.requests.new.natural);
  content.tables.requests.new.natural = old + 1;
  content.tables.requests.carryover.natural = Number(content.tables.requests.carryover.natural) + 1;
  const saved = await editor.request.put(`/api/reports/${reportId}/content`, {
    data: { version, content: computeTotals(content) },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
  await post(editor, "submit", { version: (await current(editor)).version });

  // The reviewer's inbox marks it as a resubmission; the report opens with the banner.
  await reviewer.goto("/review");
  const row = reviewer.getByRole("row", { name: new RegExp(`${UNIT} ${YEAR}年度报告`) });
  await expect(row).toContainText("重新提交");
  await row.getByRole("link").click();
  const banner = reviewer.getByRole("region", { name: "重新提交：与上次提交相比" });
  await expect(banner).toContainText("退回意见 2 条，1 条所在位置已修改，1 条未修改");
  const changed = banner.getByRole("table", { name: "改动的单元格和字段" });
  const cellRow = changed.locator(`tr[data-changed-cell="${CELL}"]`);
  await expect(cellRow.getByRole("rowheader")).toHaveText(CELL_LABEL);
  await expect(cellRow.getByRole("cell")).toHaveText([String(old), String(old + 1)]);
  const answered = banner.getByRole("list", { name: "退回意见的处理" });
  await expect(answered.getByRole("listitem").filter({ hasText: COMMENT })).toContainText("已修改");
  await expect(answered.getByRole("listitem").filter({ hasText: SECTION_COMMENT })).toContainText(
    "未修改",
  );
  // The checks' results are in the review panel (a complete report: no error).
  const panel = reviewer.getByRole("complementary", { name: "审核" });
  await expect(panel.getByRole("heading", { name: /^检查结果（0 个错误/ })).toBeVisible();
});
