import { expect, test } from "@playwright/test";
import { cellById } from "../lib/report/cells";
import { fullReport } from "../lib/report/__fixtures__/full-report";
import { removeReports, withDatabase } from "./support/district-fixtures";
import { expectSaved, goToStep, openReport } from "./support/editor-helpers";
import { signIn } from "./support/helpers";

/**
 * 插入数据句: a sentence inserted into 一 from the menu keeps its figures bound to 三 — across a reload —
 * and follows a changed cell with a notice; a figure edited by hand is let go, X5 names both figures,
 * and 改为表中数字 writes the table's back.
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
  await mismatches.getByRole("button", { name: `改为表中数字${disclosed + 5}` }).click();
  await expect(text).toHaveValue(new RegExp(`其中予以公开${disclosed + 5}件，部分公开`));
  await expect(mismatches).toHaveCount(0);
  await expect(page.getByTestId("stated-figure-warnings")).toHaveCount(0);
  await expectSaved(page);
});
