import { expect as baseExpect, test } from "@playwright/test";
import type { ReportContent } from "../lib/report/content";
import { putReports, removeReports, withDatabase } from "./support/district-fixtures";
import { signIn } from "./support/helpers";

// Server renders and transitions take seconds on a loaded machine; these waits are for outcomes.
const expect = baseExpect.configure({ timeout: 30_000 });

// 更正: the district admin reopens a published report; the unit corrects it, the reviewer approves it,
// and it is published again with a 更正说明. The public page shows the corrected version with its note,
// and the original stays readable there as superseded (已更正). 友协's report of a past year is this
// file's own; it starts published (as a report registered from its file is).

const YEAR = 2021;
const UNIT = "友协街道办事处";
const SLUG = "youxie";
const ORIGINAL = "本街道2021年度依法公开政府信息。";
const CORRECTED = "本街道2021年度依法主动公开政府信息（已更正）。";
const NOTE = "更正了第一部分总体情况中的表述。";

let reportId: string;

test.beforeEach(async () => {
  [reportId] = await putReports(YEAR, [{ name: UNIT, status: "PUBLISHED" }]);
  await withDatabase((client) =>
    client.query(
      `UPDATE "Report" SET content = jsonb_set(content, '{narratives,s1}', to_jsonb($2::text)),
         "publishedUrl" = 'https://www.example.gov.cn/youxie-2021.html', "publishedOn" = '2022-01-25'
       WHERE id = $1`,
      [reportId, ORIGINAL],
    ),
  );
});

test.afterEach(async () => {
  await removeReports(YEAR, [UNIT]);
});

test("a published report can be corrected, and the public page shows the corrected version with its note", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const admin = await (await browser.newContext()).newPage();
  const editor = await (await browser.newContext()).newPage();
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(admin, "pingfang-admin");
  await signIn(editor, "youxie-editor");
  await signIn(reviewer, "pingfang-reviewer");

  // The admin reopens it, with the reason, after a confirmation.
  await admin.goto(`/reports/${reportId}`);
  await admin.getByRole("button", { name: "更正已发布的报告" }).click();
  const form = admin.getByRole("form", { name: "更正已发布的报告" });
  await form.getByLabel(/更正原因/).fill("第一部分表述不准确。");
  await form.getByRole("button", { name: "重新打开以更正" }).click();
  await admin
    .getByRole("dialog", { name: "确认重新打开这份已发布的报告以更正？" })
    .getByRole("button", { name: "确认更正" })
    .click();
  // A draft again: the admin (who may also write) gets the editor.
  await expect(admin.getByRole("form", { name: "年度报告编辑" })).toBeVisible();
  await expect(admin.getByRole("form", { name: "更正已发布的报告" })).toHaveCount(0);
  // Meanwhile the public still reads what was published.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/gk/${SLUG}/${YEAR}`);
  await expect(visitor.getByText(ORIGINAL)).toBeVisible();

  // The unit corrects and submits; the reviewer approves (through the routes the pages call).
  const read = await editor.request.get(`/api/reports/${reportId}/content`);
  const { version, content } = (await read.json()) as { version: number; content: ReportContent };
  content.narratives.s1 = CORRECTED;
  const saved = await editor.request.put(`/api/reports/${reportId}/content`, {
    data: { version, content },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
  const submitted = await editor.request.post(`/api/reports/${reportId}/submit`, {
    data: { version: ((await saved.json()) as { version: number }).version },
  });
  expect(submitted.ok(), await submitted.text()).toBe(true);
  const approved = await reviewer.request.post(`/api/reports/${reportId}/approve`, {
    data: { version: ((await submitted.json()) as { version: number }).version },
  });
  expect(approved.ok(), await approved.text()).toBe(true);

  // Published again: the form asks for the 更正说明 (the date is today by default).
  await admin.goto(`/reports/${reportId}`);
  const publish = admin.getByRole("form", { name: "标记为已发布" });
  await expect(publish.getByLabel("发布网址")).toHaveValue(
    "https://www.example.gov.cn/youxie-2021.html",
  );
  await publish.getByLabel(/更正说明/).fill(NOTE);
  await publish.getByRole("button", { name: "标记为已发布" }).click();
  await admin
    .getByRole("dialog", { name: "确认标记为已发布？" })
    .getByRole("button", { name: "确认发布" })
    .click();
  await expect(admin.getByText(/^报告已发布/)).toBeVisible();

  // The public page: the corrected text with its note, and the original as superseded.
  await visitor.goto(`/gk/${SLUG}/${YEAR}`);
  await expect(visitor.getByText(CORRECTED)).toBeVisible();
  await expect(visitor.getByText(ORIGINAL)).toHaveCount(0);
  const note = visitor.getByRole("region", { name: "更正说明" });
  await expect(note).toContainText(NOTE);
  await note.getByRole("link", { name: "2022年1月25日发布的版本" }).click();
  await expect(visitor.getByRole("note", { name: "已更正" })).toContainText("已更正，原版本");
  await expect(visitor.getByText(ORIGINAL)).toBeVisible();
  await visitor.goto(`/gk/${SLUG}`);
  await expect(visitor.getByRole("listitem").filter({ hasText: `${YEAR}年` })).toContainText(
    "已更正",
  );
});
