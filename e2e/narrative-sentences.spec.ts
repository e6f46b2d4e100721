import { expect, test } from "@playwright/test";
import { cellById } from "../lib/report/cells";
import { fullReport } from "../lib/report/__fixtures__/full-report";
import { removeReports, withDatabase } from "./support/district-fixtures";
import { expectSaved, goToStep, openReport } from "./support/editor-helpers";
import { signIn } from "./support/helpers";

/**
 * 插入数据句: a sentence inserted into 一 from the menu keeps its figures bound to 三 — across a reload —
 * and follows a changed cell with a notice; a figure edited by hand is let go, X5 names both figures,
 * and 改为表中数字 — under the text or beside the finding in the list of checks — writes the table's back.
 */
const UNIT = "新伟街道办事处";
const FULL_NAME = "哈尔滨市平房区新伟街道办事处";
const YEAR = 2022;

async function putFilledDraft(): Promise<void> {
  await removeReports(YEAR, [UNIT]);
  const content = fullReport("2021", YEAR);
  content.meta = { ...content.meta, organization: FULL_NAME, issuingOrgan: FULL_NAME };
  content.narratives = { s1: "", s2: "", s3: "", s4: "", s5: "", s6: "" };
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Report" (id, "organizationId", year, "formatVersion", status, content, "updatedAt")
       SELECT gen_random_uuid(), id, $2, '2021', 'DRAFT'::"ReportStatus", $3::jsonb, now() FROM "Organization" WHERE name = $1`,
      [UNIT, YEAR, JSON.stringify(content)],
    ),
  );
}

test.beforeEach(putFilledDraft);
test.afterEach(() => removeReports(YEAR, [UNIT]));

test("a 依申请公开 sentence from the menu follows 三, lets go of a hand-edited figure, and X5's fix restores it", async ({
  page,
}) => {
  const report = fullReport("2021", YEAR);
  const disclosed = report.tables.requests.r1.total as number;
  const naturalCell = cellById("2021", "requests.r1.natural")!;
  const natural = report.tables.requests.r1.natural as number;

  await signIn(page, "xinwei-editor");
  await openReport(page, new RegExp(UNIT), YEAR);
  await goToStep(page, /一、总体情况/);
  const text = page.getByRole("textbox", { name: "一、总体情况", exact: true });

  // The menu by keyboard: open it, the first sentence is active, Escape closes, ↓ reopens, Enter inserts.
  const menuButton = page.getByRole("button", { name: "插入数据句" }).first();
  await menuButton.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "插入数据句" });
  await expect(
    menu.getByRole("menuitem", { name: "依申请公开情况：完整表述", exact: true }),
  ).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(
    menu.getByRole("menuitem", { name: "依申请公开情况：完整表述", exact: true }),
  ).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(
    menu.getByRole("menuitem", { name: "依申请公开情况：完整表述（含各项占比）" }),
  ).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(text).toHaveValue(new RegExp(`其中予以公开${disclosed}件，部分公开`));
  await expectSaved(page);

  // The binding is kept with the report: after a reload the sentence still follows the table.
  await page.reload();
  await goToStep(page, /三、收到和处理/);
  await page.getByLabel(naturalCell.label, { exact: true }).fill(String(natural + 5));
  await goToStep(page, /一、总体情况/);
  await expect(text).toHaveValue(new RegExp(`其中予以公开${disclosed + 5}件，部分公开`));
  await expect(page.getByTestId("figure-notice-s1")).toContainText(
    `${disclosed} → ${disclosed + 5}`,
  );

  // A hand edit lets the figure go; X5 names both figures; the fix writes the table's back.
  const value = await text.inputValue();
  await text.fill(value.replace(`予以公开${disclosed + 5}件`, `予以公开${disclosed + 7}件`));
  await expect(page.getByTestId("figure-notice-s1")).toContainText("不再随表格更新");
  const mismatches = page.getByRole("list", { name: "文字与表格不一致的数字" });
  await expect(mismatches).toContainText(
    `文字为${disclosed + 7}，第三部分“收到和处理政府信息公开申请情况”的“（一）予以公开”为${disclosed + 5}`,
  );
  // The submission gate says so, without blocking 提交审核.
  await expect(page.getByTestId("stated-figure-warnings")).toHaveText(
    "文字与表格不一致 1 处（不影响提交）",
  );
  // The same fix is offered beside the finding in the list of checks: a person fixes it from there.
  await expect(
    mismatches.getByRole("button", { name: `改为表中数字${disclosed + 5}` }),
  ).toBeVisible();
  const checks = page.getByRole("list", { name: "校验结果列表" });
  await checks.getByRole("button", { name: `改为表中数字${disclosed + 5}` }).click();
  await expect(text).toHaveValue(new RegExp(`其中予以公开${disclosed + 5}件，部分公开`));
  await expect(mismatches).toHaveCount(0);
  await expect(page.getByTestId("stated-figure-warnings")).toHaveCount(0);
  await expectSaved(page);

  // A figure of the preface that 一 of 三 contradicts gets the fix as well, under the preface and in the list.
  const received = report.tables.requests.new.total as number;
  await goToStep(page, /开头与落款/);
  const preface = page.getByRole("textbox", { name: /^开头/ });
  await preface.fill(`本年度共收到政府信息公开申请${received + 40}件。`);
  await expect(page.getByTestId("stated-figure-warnings")).toHaveText(
    "文字与表格不一致 1 处（不影响提交）",
  );
  await expect(
    page
      .getByRole("list", { name: "文字与表格不一致的数字" })
      .getByRole("button", { name: `改为表中数字${received}` }),
  ).toBeVisible();
  await checks.getByRole("button", { name: `改为表中数字${received}` }).click();
  await expect(preface).toHaveValue(`本年度共收到政府信息公开申请${received}件。`);
  await expect(page.getByTestId("stated-figure-warnings")).toHaveCount(0);
  await expectSaved(page);
});

test("bound figures not yet sent when the page reloads are restored with their sentence and keep following 三", async ({
  page,
}) => {
  const report = fullReport("2021", YEAR);
  const disclosed = report.tables.requests.r1.total as number;
  const naturalCell = cellById("2021", "requests.r1.natural")!;
  const natural = report.tables.requests.r1.natural as number;

  await signIn(page, "xinwei-editor");
  await openReport(page, new RegExp(UNIT), YEAR);
  await goToStep(page, /一、总体情况/);
  const text = page.getByRole("textbox", { name: "一、总体情况", exact: true });
  // Every save fails at the network: the sentence and its bindings stay in this browser only.
  await page.route("**/api/reports/*/content", (route) => route.abort("connectionrefused"));
  await page.getByRole("button", { name: "插入数据句" }).first().click();
  await page
    .getByRole("menu", { name: "插入数据句" })
    .getByRole("menuitem", { name: "依申请公开情况：完整表述", exact: true })
    .click();
  await expect(text).toHaveValue(new RegExp(`其中予以公开${disclosed}件，部分公开`));
  await expect(page.getByTestId("save-status")).toHaveText("离线，已在本机暂存");

  await page.reload();
  await goToStep(page, /一、总体情况/);
  await expect(text).toHaveValue(new RegExp(`其中予以公开${disclosed}件，部分公开`));
  await goToStep(page, /三、收到和处理/);
  await page.getByLabel(naturalCell.label, { exact: true }).fill(String(natural + 5));
  await goToStep(page, /一、总体情况/);
  await expect(text).toHaveValue(new RegExp(`其中予以公开${disclosed + 5}件，部分公开`));
  await expect(page.getByTestId("figure-notice-s1")).toContainText(
    `${disclosed} → ${disclosed + 5}`,
  );

  // Once the server is back, the text and its bindings are saved together.
  await page.unroute("**/api/reports/*/content");
  await expect(page.getByTestId("save-status")).toHaveText("已保存", { timeout: 30_000 });
});
