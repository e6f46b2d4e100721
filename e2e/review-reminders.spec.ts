import { expect as baseExpect, test } from "@playwright/test";
import { withDatabase } from "./support/district-fixtures";
import { signIn } from "./support/helpers";

// Server renders and transitions take seconds on a loaded machine; these waits are for outcomes.
const expect = baseExpect.configure({ timeout: 30_000 });

// 催办: from the district overview, one click reminds every unit whose deadline has passed and whose
// report has not reached the reviewers; the unit's editor finds it in the navigation and on the report
// list. 2024 is a year no unit has a report for (its deadline, 31 January 2025, has passed); reminders
// of it are this file's own and cleared before each run (a unit is reminded at most once a day).

const YEAR = 2024;
const UNIT = "新伟街道办事处";

test.beforeEach(async () => {
  await withDatabase((client) =>
    client.query(`DELETE FROM "Notification" WHERE kind = 'REMINDER' AND year = $1`, [YEAR]),
  );
});

test("催办 reaches a late unit's notifications", async ({ browser }) => {
  test.setTimeout(300_000);
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "pingfang-reviewer");
  await reviewer.goto(`/district?year=${YEAR}`);
  const section = reviewer.getByRole("region", { name: "催办" });
  await expect(section).toContainText(UNIT);
  await section.getByRole("button", { name: /^催办逾期单位（\d+）$/ }).click();
  await reviewer
    .getByRole("dialog", { name: /^向 \d+ 个逾期单位发出催办？$/ })
    .getByRole("button", { name: "确认催办" })
    .click();
  await expect(section.getByRole("status")).toContainText(
    /已向 \d+ 个单位（.*新伟街道办事处.*）发出催办/,
  );

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "xinwei-editor");
  await expect(
    editor
      .getByRole("navigation", { name: "主导航" })
      .getByRole("link", { name: /^通知（\d+ 条未读）$/ }),
  ).toBeVisible();
  const fresh = editor.getByRole("region", { name: /^新通知/ });
  const reminder = fresh.getByRole("listitem").filter({ hasText: `${UNIT} ${YEAR}年度报告` });
  await expect(reminder).toContainText("催办");
  await expect(reminder).toContainText("平房区审核员催办");

  // A second click the same day sends nothing again.
  await reviewer.reload();
  await reviewer
    .getByRole("region", { name: "催办" })
    .getByRole("button", { name: /^催办逾期单位/ })
    .click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "确认催办" }).click();
  await expect(reviewer.getByRole("region", { name: "催办" }).getByRole("status")).toContainText(
    "今天已催办过",
  );

  // Read: the count goes.
  await fresh.getByRole("button", { name: "全部标为已读" }).click();
  await expect(editor.getByRole("region", { name: /^新通知/ })).toHaveCount(0);
  await expect(
    editor
      .getByRole("navigation", { name: "主导航" })
      .getByRole("link", { name: "通知", exact: true }),
  ).toBeVisible();
  await editor.goto("/notifications");
  await expect(editor.getByRole("list", { name: "通知列表" })).toContainText(
    `${UNIT} ${YEAR}年度报告已超过发布期限`,
  );
});
