import { expect, test } from "@playwright/test";
import { listCells } from "../lib/report/cells";
import {
  createDraft,
  expectSaved,
  goToStep,
  openReport,
  pasteInto,
} from "./support/editor-helpers";
import { signIn } from "./support/helpers";
import { requestsTable, requestsValues, tsv } from "./support/report-blocks";

const LONG =
  "本年度我单位认真贯彻落实《中华人民共和国政府信息公开条例》，围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障等方面扎实开展工作，取得了明显成效。";

test("an editor fills every section; totals follow; an A1 break shows at its column and blocks submission until fixed", async ({
  page,
}) => {
  await signIn(page, "youxie-editor");
  await openReport(page, /友协街道办事处/, 2025);

  await goToStep(page, /开头与落款/);
  await page.getByLabel("网站地址").fill("www.hrbpf.gov.cn");
  await page.getByLabel("联系机构").fill("平房区友协街道办事处综合办公室");
  await page.getByLabel("电话").fill("0451-86523517");
  await page.getByLabel("成文日期").fill("2026-01-20");
  await page.getByRole("button", { name: "按上面的信息生成标准开头" }).click();
  await expect(page.getByRole("textbox", { name: /^开头/ })).toHaveValue(
    /统计期限自2025年1月1日起至2025年12月31日止/,
  );

  await goToStep(page, /一、总体情况/);
  await page.getByRole("textbox", { name: "一、总体情况", exact: true }).fill(LONG);

  await goToStep(page, /二、主动公开/);
  await pasteInto(
    page,
    "第二十条第（一）项 规章 — 本年制发件数",
    tsv([
      [0, 0, 0],
      [3, 1, 12],
    ]),
  );
  await page.getByLabel("第二十条第（五）项 行政许可 — 本年处理决定数量").fill("37,438");
  await pasteInto(page, "第二十条第（六）项 行政处罚 — 本年处理决定数量", tsv([[170], [0]]));
  await page
    .getByLabel("第二十条第（八）项 行政事业性收费 — 本年收费金额（单位：万元）")
    .fill("12.5");

  await goToStep(page, /三、收到和处理/);
  await pasteInto(page, "一、本年新收政府信息公开申请数量 — 自然人", tsv(requestsValues()));
  const natural = "三、本年度办理结果 （七）总计 — 自然人";
  await expect(page.getByLabel(natural)).toHaveValue("13");
  await expect(page.getByLabel("一、本年新收政府信息公开申请数量 — 总计")).toHaveValue("15");

  await goToStep(page, /四、政府信息公开行政复议/);
  await pasteInto(page, "行政复议 结果维持", tsv([[1, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]]));
  await expect(page.getByLabel("行政复议 总计")).toHaveValue("2");
  await expect(page.getByLabel("行政诉讼 未经复议直接起诉 总计")).toHaveValue("2");

  await goToStep(page, /五、存在的主要问题/);
  await page
    .getByRole("textbox", { name: "五、存在的主要问题及改进情况", exact: true })
    .fill(`一是公开内容还不够丰富；二是解读形式较为单一。下一步，我们将${LONG}`);
  await goToStep(page, /六、其他需要报告/);
  await page.getByLabel("发出收费通知的件数").fill("0");
  await page.getByLabel("收费通知的总金额（元）").fill("0");
  await page.getByLabel("实际收取的金额（元）").fill("0");
  await expect(page.getByTestId("fee-sentence")).toHaveText(
    "2025年发出收费通知0件，总金额0元，实际收取金额0元。",
  );
  await page.getByRole("button", { name: "插入正文" }).click();
  await expectSaved(page);

  // Break A1 in the 自然人 column: 一(14)+二(1) ≠ （七）(13)+四(1).
  await goToStep(page, /三、收到和处理/);
  await page.getByLabel("一、本年新收政府信息公开申请数量 — 自然人").fill("14");
  const messages = page.getByRole("list", { name: "本表的校验结果" });
  await expect(messages).toContainText(
    "第三部分第“自然人”列：第一项(14)+第二项(1)=15，不等于第三项（七）总计(13)+第四项(1)=14",
  );
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("status").filter({ hasText: "改正后才能提交审核" })).toBeVisible();
  await expect(page.getByText("待审核")).toHaveCount(0);

  await page.getByLabel("一、本年新收政府信息公开申请数量 — 自然人").fill("13");
  await expect(messages).toHaveCount(0);
  await expectSaved(page);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("待审核").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "提交审核" })).toHaveCount(0);
});

test("typing and reloading at once loses nothing", async ({ page }) => {
  await signIn(page, "xinwei-editor");
  await openReport(page, /新伟街道办事处/, 2025);
  await goToStep(page, /一、总体情况/);
  await page
    .getByRole("textbox", { name: "一、总体情况", exact: true })
    .fill("刚刚输入、尚未自动保存的文字");
  await page.reload(); // before the one-second autosave
  await goToStep(page, /一、总体情况/);
  await expect(page.getByRole("textbox", { name: "一、总体情况", exact: true })).toHaveValue(
    "刚刚输入、尚未自动保存的文字",
  );
  await expectSaved(page);
  await page.reload();
  await goToStep(page, /一、总体情况/);
  await expect(page.getByRole("textbox", { name: "一、总体情况", exact: true })).toHaveValue(
    "刚刚输入、尚未自动保存的文字",
  );
});

test("two editors at once in different sections: both saves are merged, no conflict view, and neither edit is lost", async ({
  browser,
}) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, "fgj-editor");
  await signIn(second, "pingfang-admin");
  await openReport(first, /平房区发展和改革局/, 2025);
  await openReport(second, /平房区发展和改革局/, 2025);

  await goToStep(first, /三、收到和处理/);
  await first.getByLabel("一、本年新收政府信息公开申请数量 — 自然人").fill("7");
  await expectSaved(first);

  await goToStep(second, /二、主动公开/);
  await second.getByLabel("第二十条第（五）项 行政许可 — 本年处理决定数量").fill("99");
  await expectSaved(second);
  await expect(second.getByRole("dialog", { name: "他人已修改了这份报告" })).toHaveCount(0);
  await goToStep(second, /三、收到和处理/);
  await expect(second.getByLabel("一、本年新收政府信息公开申请数量 — 自然人")).toHaveValue("7");

  await first.reload();
  await goToStep(first, /二、主动公开/);
  await expect(first.getByLabel("第二十条第（五）项 行政许可 — 本年处理决定数量")).toHaveValue(
    "99",
  );
  await goToStep(first, /三、收到和处理/);
  await expect(first.getByLabel("一、本年新收政府信息公开申请数量 — 自然人")).toHaveValue("7");
});

test("with the server unreachable, edits stay in the browser across a reload and are saved when it is back", async ({
  page,
}) => {
  await signIn(page, "pingfang-admin");
  await openReport(page, /哈尔滨市平房区人民政府/, 2025);
  await goToStep(page, /五、存在的主要问题/);
  // Every save fails at the network, as when the server is down.
  await page.route("**/api/reports/*/content", (route) => route.abort("connectionrefused"));
  await page
    .getByRole("textbox", { name: "五、存在的主要问题及改进情况", exact: true })
    .fill("断网期间写下的问题与改进");
  await expect(page.getByTestId("save-status")).toHaveText("离线，已在本机暂存");
  await page.reload();
  await goToStep(page, /五、存在的主要问题/);
  await expect(
    page.getByRole("textbox", { name: "五、存在的主要问题及改进情况", exact: true }),
  ).toHaveValue("断网期间写下的问题与改进");
  await page.unroute("**/api/reports/*/content");
  await expect(page.getByTestId("save-status")).toHaveText("已保存", { timeout: 30_000 });
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await goToStep(page, /五、存在的主要问题/);
  await expect(
    page.getByRole("textbox", { name: "五、存在的主要问题及改进情况", exact: true }),
  ).toHaveValue("断网期间写下的问题与改进");
});

test("pasting a 25×7 block from a spreadsheet into 三 fills every cell and the totals are right", async ({
  page,
}) => {
  await signIn(page, "xinwei-editor");
  await createDraft(page, /新伟街道办事处/, "新伟街道办事处", 2026);
  await goToStep(page, /三、收到和处理/);
  const values = requestsValues();
  // As copied from WPS: full-width digits and a thousands separator among them.
  const block = values.map((row, i) => row.map((v, j) => (i === 0 && j === 0 ? "１３" : v)));
  await pasteInto(page, "一、本年新收政府信息公开申请数量 — 自然人", tsv(block));
  const cells = listCells("2021").filter((c) => c.tableId === "requests");
  for (const cell of cells) {
    const i = requestsTable.rows.findIndex((r) => r.key === cell.rowKey);
    const j = requestsTable.columns.findIndex((c) => c.key === cell.columnKey);
    await expect(page.getByLabel(cell.label, { exact: true })).toHaveValue(String(values[i][j]));
  }
  await expectSaved(page);
});
