import { expect, test } from "@playwright/test";
import { renderDocx } from "../lib/export/docx";
import { emptyReport } from "../lib/report/content";
import { fullReport } from "../lib/report/__fixtures__/full-report";
import { docxToPdf } from "../scripts/corpus/make-pdf";
import { removeReports, withDatabase } from "./support/district-fixtures";
import { goToStep, openReport } from "./support/editor-helpers";
import { signIn } from "./support/helpers";

/**
 * 从已发布报告导入 with a PDF: a report exported as DOCX and printed to PDF by LibreOffice (every table
 * border a drawn path, as Word and WPS give it) is uploaded into an empty draft; the preview shows the
 * figures read, and after applying two sections the editor holds them.
 */
const UNIT = "新伟街道办事处";
const FULL_NAME = "哈尔滨市平房区新伟街道办事处";
const YEAR = 2023;

// LibreOffice's conversion and the server's import pool take their time on a busy machine.
test.describe.configure({ timeout: 240_000 });

async function putEmptyDraft(): Promise<void> {
  await removeReports(YEAR, [UNIT]);
  const content = emptyReport("2021", { organization: FULL_NAME, year: YEAR });
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Report" (id, "organizationId", year, "formatVersion", status, content, "updatedAt")
       SELECT gen_random_uuid(), id, $2, '2021', 'DRAFT'::"ReportStatus", $3::jsonb, now() FROM "Organization" WHERE name = $1`,
      [UNIT, YEAR, JSON.stringify(content)],
    ),
  );
}

test.beforeEach(putEmptyDraft);
test.afterEach(() => removeReports(YEAR, [UNIT]));

test("a PDF of a published report: figures in the preview, applied to the draft, shown in the editor", async ({
  page,
}) => {
  const published = fullReport("2021", YEAR);
  published.meta = {
    ...published.meta,
    organization: FULL_NAME,
    issuingOrgan: FULL_NAME,
    isPeoplesGovernment: false,
  };
  const pdf = await docxToPdf(new Uint8Array(await renderDocx(published)));
  expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

  await signIn(page, "xinwei-editor");
  await openReport(page, new RegExp(UNIT), YEAR);
  await page.getByRole("link", { name: "从已发布报告导入" }).click();
  await page.getByLabel("上传文件（.docx、.pdf、.html、.txt）").setInputFiles({
    name: "新伟街道2023年报告.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(pdf),
  });
  await page.getByRole("button", { name: "读取" }).click();

  const result = page.getByRole("region", { name: "读取结果" });
  await expect(page.getByTestId("import-organization")).toHaveText(FULL_NAME, { timeout: 60_000 });
  await expect(page.getByTestId("import-year")).toContainText(String(YEAR));
  // Every cell of the four tables of 二, the 175 of 三 and the 15 of 四.
  await expect(result.getByText("200 个")).toBeVisible();
  const s2 = result.getByRole("row", { name: /二、主动公开政府信息情况/ });
  await s2.getByText(/处不同/).click();
  await expect(s2.getByRole("row", { name: /行政许可/ })).toContainText("10");
  await expect(s2.getByRole("row", { name: /行政事业性收费/ })).toContainText("120.4722");

  await result.getByRole("checkbox", { name: "导入二、主动公开政府信息情况" }).check();
  await result.getByRole("checkbox", { name: "导入三、收到和处理政府信息公开申请情况" }).check();
  page.once("dialog", (dialog) => dialog.accept());
  await result.getByRole("button", { name: "应用所选部分" }).click();

  await expect(page.getByRole("form", { name: "年度报告编辑" })).toBeVisible();
  await goToStep(page, /二、主动公开政府信息情况/);
  await expect(page.getByLabel("第二十条第（五）项 行政许可 — 本年处理决定数量")).toHaveValue("10");
  await expect(
    page.getByLabel("第二十条第（八）项 行政事业性收费 — 本年收费金额（单位：万元）"),
  ).toHaveValue("120.4722");
  await goToStep(page, /三、收到和处理政府信息公开申请情况/);
  await expect(page.getByLabel("一、本年新收政府信息公开申请数量 — 总计")).toHaveValue("265");
  await expect(page.getByLabel("四、结转下年度继续办理 — 总计")).toHaveValue("21");
});
