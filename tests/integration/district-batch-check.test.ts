import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkPublishedReport, type CheckedReport } from "@/lib/district/check-published-report";
import { recordPastReport } from "@/lib/district/record-past-report";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { renderHtml } from "@/lib/export/html";
import { parseReportContent, type ReportContent } from "@/lib/report/content";
import { withCell } from "@/lib/report/__fixtures__/edit";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";
import { runTogetherRows } from "@/lib/import/__fixtures__/layouts/run-together";
import { previousOf } from "@/lib/report/__fixtures__/full-report";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

const DISTRICT = "哈尔滨市平房区人民政府";
const UNIT = "批量检查测试街道办事处";
const encode = (text: string) => new TextEncoder().encode(text);
const sample = (file: string) => new Uint8Array(readFileSync(join(SAMPLES_DIR, file)));

let unit: { id: string; name: string; fullName: string; level: "STREET_OFFICE" };
let lastYear: ReportContent;

/** The unit's report of the year as its portal would publish it (our HTML export). */
const publishedHtml = (content: ReportContent) => encode(renderHtml(content));

beforeAll(async () => {
  await seededDatabase();
  const org = await createOrganization(UNIT, { parent: DISTRICT });
  unit = { id: org.id, name: org.name, fullName: org.fullName, level: "STREET_OFFICE" };
  lastYear = completeContent(unit, 2021);
  await createOrganization("批量检查外区人民政府").then((outside) =>
    createUserWithRoles(
      "batch-outsider",
      ["REVIEWER", "ADMIN"].map((role) => ({
        organizationId: outside.id,
        role: role as "REVIEWER",
      })),
    ),
  );
});

describe("checkPublishedReport (批量检查, one file)", () => {
  it("reads a unit's published sample, matches it to the district's unit and says it already has that year", async () => {
    const ctx = await contextFor("pingfang-reviewer");
    const r = (await checkPublishedReport(ctx, {
      fileName: "2022-youxie-street-office.txt",
      bytes: sample("2022-youxie-street-office.txt"),
    })) as CheckedReport;
    expect(r).toMatchObject({
      readable: true,
      kind: "TXT",
      organization: "哈尔滨市平房区友协街道办事处",
      year: 2022,
      format: "2021",
      cellsRead: 185,
      errors: 1,
      unit: { name: "友协街道办事处" },
      existing: { status: "PUBLISHED" },
      previous: null,
    });
    expect(r.rules).toEqual(expect.arrayContaining(["S2", "S3"]));
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["S2"]);
  });

  it("gives an unreadable file its line with the reason, naming the file", async () => {
    const ctx = await contextFor("pingfang-admin");
    expect(
      await checkPublishedReport(ctx, { fileName: "坏文件.docx", bytes: encode("not a zip") }),
    ).toMatchObject({
      readable: false,
      file: "坏文件.docx",
      problem: expect.stringMatching(/^坏文件\.docx：.*DOCX/),
    });
    expect(
      await checkPublishedReport(ctx, { fileName: "套娃.zip", bytes: encode("PK") }),
    ).toMatchObject({
      readable: false,
      problem: expect.stringContaining("套娃.zip：压缩包中不能再套压缩包"),
    });
    expect(
      await checkPublishedReport(ctx, { fileName: "表格.xls", bytes: encode("x") }),
    ).toMatchObject({
      readable: false,
      problem: expect.stringContaining("表格.xls"),
    });
  });

  it("does not exist for an editor or another district's reviewer", async () => {
    for (const account of ["youxie-editor", "batch-outsider"]) {
      await expect(
        checkPublishedReport(await contextFor(account), {
          fileName: "a.txt",
          bytes: sample("2022-youxie-street-office.txt"),
        }),
      ).rejects.toThrow(NotFoundError);
    }
  });
});

describe("recordPastReport (批量检查 → 登记)", () => {
  it("stores the file as the unit's PUBLISHED report of its year, audited, once", async () => {
    const ctx = await contextFor("pingfang-reviewer");
    const before = await checkPublishedReport(ctx, {
      fileName: "2021.html",
      bytes: publishedHtml(lastYear),
    });
    expect(before).toMatchObject({
      readable: true,
      year: 2021,
      unit: { id: unit.id },
      existing: null,
      errors: 0,
    });

    const recorded = await recordPastReport(
      ctx,
      { organizationId: unit.id, fileName: "2021.html", bytes: publishedHtml(lastYear) },
      { ip: "192.0.2.7" },
    );
    expect(recorded).toMatchObject({ organization: UNIT, year: 2021 });
    const row = await db().report.findUniqueOrThrow({ where: { id: recorded.reportId } });
    expect(row).toMatchObject({
      organizationId: unit.id,
      year: 2021,
      status: "PUBLISHED",
      formatVersion: "2021",
    });
    const stored = parseReportContent(row.content);
    expect(stored.success && stored.data.tables.requests.new).toEqual(lastYear.tables.requests.new);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "REPORT_PAST_RECORDED", reportId: recorded.reportId },
    });
    expect(audit).toMatchObject({
      organizationId: unit.id,
      actorAccount: "pingfang-reviewer",
      ip: "192.0.2.7",
    });
    expect(audit.detail).toMatchObject({ file: "2021.html", year: 2021 });

    // Now the unit has its 2021 report: a second one is refused, and the check says so.
    await expect(
      recordPastReport(ctx, {
        organizationId: unit.id,
        fileName: "again.html",
        bytes: publishedHtml(lastYear),
      }),
    ).rejects.toThrow(new ConflictError(`${UNIT}已有2021年度报告，不能再登记。`));
    expect(
      await checkPublishedReport(ctx, { fileName: "2021.html", bytes: publishedHtml(lastYear) }),
    ).toMatchObject({ existing: { status: "PUBLISHED" } });
    expect(await db().report.count({ where: { organizationId: unit.id } })).toBe(1);
  });

  it("checks the next year's report against the recorded one (X1 on a carry-over that does not continue)", async () => {
    const ctx = await contextFor("pingfang-admin");
    const next = withCell(completeContent(unit, 2022), "requests.carryover.natural", 99);
    const r = (await checkPublishedReport(ctx, {
      fileName: "2022.html",
      bytes: publishedHtml(next),
    })) as CheckedReport;
    expect(r.previous).toBe(`系统中${UNIT}的2021年度报告`);
    expect(r.rules).toContain("X1");
    expect(r.findings.find((f) => f.rule === "X1")?.severity).toBe("warning");
  });

  it("reads a file again with the unit's report of last year when figures ran together (规章 `1012`)", async () => {
    const org = await createOrganization("批量检查续表街道办事处", { parent: DISTRICT });
    const ctx = await contextFor("pingfang-admin");
    const thisYear = completeContent({ fullName: org.fullName, level: "STREET_OFFICE" }, 2022);
    const last = previousOf(thisYear);
    last.meta = { ...last.meta, organization: org.fullName, issuingOrgan: org.fullName };
    await createReport(org.id, last, "APPROVED");
    const r = (await checkPublishedReport(ctx, {
      fileName: "2022.txt",
      bytes: encode(runTogetherRows(thisYear)),
    })) as CheckedReport;
    expect(r.unit).toEqual({ id: org.id, name: org.name });
    expect(r.previous).toBe(`系统中${org.name}的2021年度报告`);
    // Read alone, 制发 1, 废止 0, 现行有效 12 ran together as `1012` and stayed blank.
    expect(r.content.tables["20.1"].rules).toEqual({ issued: 1, repealed: 0, effective: 12 });
  });

  it("refuses a unit outside the district, a caller who does not oversee it, and a file without a year", async () => {
    const reviewer = await contextFor("pingfang-reviewer");
    const hulan = await db().organization.findUniqueOrThrow({
      where: { name: "哈尔滨市呼兰区人民政府" },
    });
    const bytes = publishedHtml(completeContent(unit, 2020));
    await expect(
      recordPastReport(reviewer, { organizationId: hulan.id, fileName: "r.html", bytes }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      recordPastReport(await contextFor("youxie-editor"), {
        organizationId: unit.id,
        fileName: "r.html",
        bytes,
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      recordPastReport(await contextFor("batch-outsider"), {
        organizationId: unit.id,
        fileName: "r.html",
        bytes,
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      recordPastReport(reviewer, {
        organizationId: unit.id,
        fileName: "无年度.txt",
        bytes: encode("一、总体情况\n没有年度的文字。"),
      }),
    ).rejects.toThrow(ValidationError);
    expect(
      await db().report.count({
        where: { organizationId: { in: [unit.id, hulan.id] }, year: 2020 },
      }),
    ).toBe(0);
  });
});
