import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import JSZip from "jszip";
import { buildPublication } from "../lib/export/publication";
import type { ReportContent } from "../lib/report/content";
import { fullReport } from "../lib/report/__fixtures__/full-report";
import { withDatabase } from "./support/district-fixtures";
import { signIn } from "./support/helpers";

// What is approved is what is published: the reviewer's view shows 六's fee statement and the dates as
// the DOCX prints them; a report without 成文日期 cannot be submitted; 下载 PDF gives a real PDF, and
// concurrent requests wait their turn instead of failing. The reports are put in the database for years
// of 平房区发展和改革局 that no other spec uses, and removed afterwards.

const UNIT = { name: "平房区发展和改革局", fullName: "哈尔滨市平房区发展和改革局" };
const REVIEWED = 2024;
const UNDATED = 2021;
const EXTRA = 2022;
const YEARS = [REVIEWED, UNDATED, EXTRA];

function reportOf(year: number, edit: (content: ReportContent) => void = () => {}): ReportContent {
  const content = fullReport("2021", year);
  content.meta = {
    ...content.meta,
    organization: UNIT.fullName,
    issuingOrgan: UNIT.fullName,
    isPeoplesGovernment: false,
  };
  // 六 says nothing of fees: the statement printed is the one written from the fee fields.
  content.narratives.s6 =
    "本年度认真落实政务公开工作要点，人大代表建议和政协提案办理结果均已公开。";
  content.fees = { notices: 0, noticeAmount: "0", collected: "0" };
  edit(content);
  return content;
}

async function removeAll() {
  await withDatabase((client) =>
    client.query(
      `DELETE FROM "Report" WHERE year = ANY($1) AND "organizationId" = (SELECT id FROM "Organization" WHERE name = $2)`,
      [YEARS, UNIT.name],
    ),
  );
}

async function putReport(
  year: number,
  status: "DRAFT" | "SUBMITTED",
  content: ReportContent,
): Promise<string> {
  return withDatabase(async (client) => {
    const {
      rows: [row],
    } = await client.query<{ id: string }>(
      `INSERT INTO "Report" (id, "organizationId", year, "formatVersion", status, content, "updatedAt")
       VALUES (gen_random_uuid(), (SELECT id FROM "Organization" WHERE name = $1), $2, '2021', $3::"ReportStatus", $4::jsonb, now()) RETURNING id`,
      [UNIT.name, year, status, JSON.stringify(content)],
    );
    return row.id;
  });
}

const ids: Record<number, string> = {};
const contents: Record<number, ReportContent> = {
  [REVIEWED]: reportOf(REVIEWED),
  [UNDATED]: reportOf(UNDATED, (c) => {
    c.meta.issuedDate = null;
  }),
  [EXTRA]: reportOf(EXTRA),
};

test.beforeAll(async () => {
  await removeAll();
  ids[REVIEWED] = await putReport(REVIEWED, "SUBMITTED", contents[REVIEWED]);
  ids[UNDATED] = await putReport(UNDATED, "DRAFT", contents[UNDATED]);
  ids[EXTRA] = await putReport(EXTRA, "DRAFT", contents[EXTRA]);
});

test.afterAll(removeAll);

const squash = (text: string) => text.replace(/\s+/g, "");

/** The DOCX's text as Word reads it: every w:t in document order. */
async function docxText(request: APIRequestContext, id: string): Promise<string> {
  const response = await request.get(`/api/reports/${id}/export?format=docx`);
  expect(response.status()).toBe(200);
  const zip = await JSZip.loadAsync(await response.body());
  const xml = await zip.file("word/document.xml")!.async("string");
  const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
  return squash(
    runs
      .join("")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'"),
  );
}

test("the reviewer sees 六's fee statement and the dates exactly as the DOCX prints them", async ({
  page,
}) => {
  await signIn(page, "pingfang-reviewer");
  await page.goto(`/reports/${ids[REVIEWED]}`);
  await expect(page.getByRole("complementary", { name: "审核" })).toBeVisible();
  const view = page.getByTestId("report-view");

  const publication = buildPublication(contents[REVIEWED]);
  const six = publication.sections.find((s) => s.key === "s6")!;
  const sixTexts = six.blocks.flatMap((b) =>
    b.type === "paragraph" ? [b.paragraph.lead + b.paragraph.text] : [],
  );
  expect(sixTexts).toContain(`${REVIEWED}年发出收费通知0件，总金额0元，实际收取金额0元。`);
  const date = `${REVIEWED + 1}年1月18日`;
  expect(publication.closing.date).toBe(date);

  const docx = await docxText(page.request, ids[REVIEWED]);
  const section = view.getByRole("region", { name: six.heading });
  for (const text of sixTexts) {
    await expect(section).toContainText(text);
    expect(docx).toContain(squash(text));
  }
  await expect(view.locator(".closing .date")).toHaveText(date);
  await expect(view.locator(".closing .organ")).toHaveText(UNIT.fullName);
  expect(docx).toContain(squash(`${UNIT.fullName}${date}`));
  await expect(view).not.toContainText(`${REVIEWED + 1}-01-18`);
  // The whole view reads as the DOCX does: the same text in the same order.
  expect(docx).toContain(squash(await section.innerText()));
});

test("a report without 成文日期 cannot be submitted, and the message says what to fill in", async ({
  page,
}) => {
  await signIn(page, "fgj-editor");
  const current = await page.request.get(`/api/reports/${ids[UNDATED]}/content`);
  const { version } = (await current.json()) as { version: number };
  const refused = await page.request.post(`/api/reports/${ids[UNDATED]}/submit`, {
    data: { version },
  });
  expect(refused.status()).toBe(422);
  const body = (await refused.json()) as {
    findings: { rule: string; severity: string; message: string }[];
  };
  const v5 = body.findings.find((f) => f.rule === "V5");
  expect(v5?.severity).toBe("error");
  expect(v5?.message).toContain("请在“开头与落款”的“成文日期”中填写");

  await page.goto(`/reports/${ids[UNDATED]}`);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("还有 1 处未填，改正后才能提交审核。")).toBeVisible();
  await expect(page.getByRole("list", { name: "校验结果列表" })).toContainText(
    "落款未填写成文日期：请在“开头与落款”的“成文日期”中填写",
  );
  await expect(page.getByRole("button", { name: "提交审核" })).toBeVisible();
});

function checkPdf(bytes: Buffer, title: string, dir: string, name: string) {
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((p) => p.trim());
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(squash(pages[0])).toContain(title);
  pages.forEach((page, i) => expect(page).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
}

test("下载 PDF gives a valid PDF, and requests made at the same time wait their turn instead of failing", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), "nianbao-e2e-pdf-"));
  try {
    await signIn(page, "fgj-editor");
    // Three reports, twice each, all at once: more than the converters, so some wait in the queue.
    const requests = [...YEARS, ...YEARS].map((year) =>
      page.request.get(`/api/reports/${ids[year]}/export?format=pdf`, { timeout: 240_000 }),
    );
    const responses = await Promise.all(requests);
    for (const [i, response] of responses.entries()) {
      expect(response.status(), await response.text().catch(() => "")).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      const year = [...YEARS, ...YEARS][i];
      checkPdf(
        await response.body(),
        `${UNIT.fullName}${year}年政府信息公开工作年度报告`,
        dir,
        `r${i}`,
      );
    }

    // The button in the preview saves the same file.
    await page.goto(`/reports/${ids[EXTRA]}/preview`);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 240_000 }),
      page.getByRole("button", { name: "下载 PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `${UNIT.fullName}${EXTRA}年政府信息公开工作年度报告.pdf`,
    );
    const { readFileSync } = await import("node:fs");
    checkPdf(
      readFileSync((await download.path())!),
      `${UNIT.fullName}${EXTRA}年政府信息公开工作年度报告`,
      dir,
      "button",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function clipboardHtml(page: Page): Promise<{ html: string; text: string }> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return {
      html: await (await item.getType("text/html")).text(),
      text: await (await item.getType("text/plain")).text(),
    };
  });
}

test("复制到门户网站 puts the report on the clipboard as portal-safe HTML and as text", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "fgj-editor");
  await page.goto(`/reports/${ids[EXTRA]}/preview`);
  await page.getByRole("button", { name: "复制到门户网站" }).click();
  await expect(page.getByText("已复制，请在门户网站编辑器中粘贴。")).toBeVisible();
  const { html, text } = await clipboardHtml(page);
  // (Chromium hands back the HTML re-serialised, styles inline with spaces.)
  expect(html).toMatch(/<table[^>]* border="1" cellspacing="0"/);
  expect(html).toMatch(/<h1[^>]*style="[^"]*text-align: ?center/);
  expect(html).toMatch(/<p class="date"[^>]*style="[^"]*text-align: ?right/);
  expect(html).toMatch(/<td[^>]*style="[^"]*border: ?1px solid/);
  expect(html).not.toMatch(/<html|@page/);
  expect(text).toContain(`${UNIT.fullName}${EXTRA}年\n政府信息公开工作年度报告`);
  expect(text).toContain(`${EXTRA}年发出收费通知0件，总金额0元，实际收取金额0元。`);
});
