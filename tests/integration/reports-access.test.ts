import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, ForbiddenError } from "@/lib/auth/errors";
import { createNextDraft } from "@/lib/reports/create-next-draft";
import { deleteUntouchedDraft } from "@/lib/reports/delete-draft";
import { InvalidStateError } from "@/lib/reports/errors";
import { getReportOrThrow } from "@/lib/reports/get-report-or-throw";
import { listReports } from "@/lib/reports/list-reports";
import { contextFor, seededDatabase } from "./support/seeded";

let prisma: Awaited<ReturnType<typeof seededDatabase>>;

beforeAll(async () => {
  prisma = await seededDatabase();
});

describe("who sees which reports", () => {
  it("an editor sees their own unit only", async () => {
    const orgs = await listReports(await contextFor("youxie-editor"));
    expect(orgs.map((o) => o.name)).toEqual(["友协街道办事处"]);
    expect(orgs[0].reports.map((r) => r.year)).toContain(2025);
    expect(orgs[0].canCreate).toBe(true);
  });

  it("the district's reviewer sees the district and every unit below it, and may not create drafts", async () => {
    const orgs = await listReports(await contextFor("pingfang-reviewer"));
    expect(orgs.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        "友协街道办事处",
        "哈尔滨市平房区人民政府",
        "平房区发展和改革局",
        "新伟街道办事处",
      ]),
    );
    // Other test files add units under the district; whatever is there, nothing outside the district shows.
    const district = await prisma.organization.findUniqueOrThrow({ where: { slug: "pingfang" } });
    expect(orgs.every((o) => o.id === district.id || o.parentId === district.id)).toBe(true);
    expect(orgs.map((o) => o.name)).not.toContain("哈尔滨市呼兰区人民政府");
    expect(orgs.every((o) => !o.canCreate)).toBe(true);
  });

  it("another unit's report does not exist for an editor (404, not 403)", async () => {
    const xinwei = await prisma.organization.findUniqueOrThrow({
      where: { name: "新伟街道办事处" },
    });
    const report = await prisma.report.findFirstOrThrow({ where: { organizationId: xinwei.id } });
    const youxie = await contextFor("youxie-editor");
    await expect(getReportOrThrow(youxie, report.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createNextDraft(youxie, xinwei.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getReportOrThrow(await contextFor("xinwei-editor"), report.id),
    ).resolves.toMatchObject({ id: report.id });
  });

  it("a reviewer cannot create a draft", async () => {
    const youxie = await prisma.organization.findUniqueOrThrow({
      where: { name: "友协街道办事处" },
    });
    await expect(
      createNextDraft(await contextFor("pingfang-reviewer"), youxie.id),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("creating a draft makes the due year's, in the right format, once; never a future year", async () => {
    const fgj = await prisma.organization.findUniqueOrThrow({
      where: { name: "平房区发展和改革局" },
    });
    const ctx = await contextFor("fgj-editor");
    // November 2026: the report due next is 2026's (the seed has 2025's).
    const today = new Date("2026-11-29T05:00:00Z");
    await expect(createNextDraft(ctx, fgj.id, { year: 2027, today })).rejects.toBeInstanceOf(
      InvalidStateError,
    );
    const created = await createNextDraft(ctx, fgj.id, { today });
    expect(created.year).toBe(2026);
    const row = await prisma.report.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.status).toBe("DRAFT");
    expect(row.formatVersion).toBe("2021");
    expect((row.content as { meta: { organization: string } }).meta.organization).toBe(
      "哈尔滨市平房区发展和改革局",
    );
    // Two at once: the unique (organisation, year) lets exactly one through.
    const results = await Promise.allSettled([
      createNextDraft(ctx, fgj.id, { year: 2024, today }),
      createNextDraft(ctx, fgj.id, { year: 2024, today }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("以上年报告为基础: last year's 结转下年度继续办理 becomes this year's 上年结转; only an approved or published base", async () => {
    const youxie = await prisma.organization.findUniqueOrThrow({
      where: { name: "友协街道办事处" },
    });
    const editor = await contextFor("youxie-editor");
    const today = new Date("2026-11-29T05:00:00Z");
    // 2025's report is a draft: 2026's cannot start from it.
    await expect(
      createNextDraft(editor, youxie.id, { year: 2026, basedOnPrevious: true, today }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    const newest = await prisma.report.findFirstOrThrow({
      where: { organizationId: youxie.id, status: "PUBLISHED" },
      orderBy: { year: "desc" },
    });
    const content = newest.content as {
      tables: { requests: { carryover: Record<string, number | null> } };
    };
    content.tables.requests.carryover.natural = 3;
    await prisma.report.update({ where: { id: newest.id }, data: { content } });
    const created = await createNextDraft(editor, youxie.id, {
      year: newest.year + 1,
      basedOnPrevious: true,
      today,
    });
    expect(created.year).toBe(newest.year + 1);
    const row = await prisma.report.findUniqueOrThrow({ where: { id: created.id } });
    const carried = (
      row.content as typeof content & {
        tables: { requests: { carried: Record<string, number | null> } };
      }
    ).tables.requests.carried;
    expect(carried.natural).toBe(3);
    expect(carried.total).toBe(3);
  });

  it("an untouched draft can be deleted, audited; a draft with a saved change, or by a reviewer, cannot", async () => {
    const xinwei = await prisma.organization.findUniqueOrThrow({
      where: { name: "新伟街道办事处" },
    });
    const editor = await contextFor("xinwei-editor");
    const today = new Date("2026-11-29T05:00:00Z");
    const created = await createNextDraft(editor, xinwei.id, { year: 2021, today });
    await expect(
      deleteUntouchedDraft(await contextFor("pingfang-reviewer"), created.id),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      deleteUntouchedDraft(await contextFor("youxie-editor"), created.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteUntouchedDraft(editor, created.id)).resolves.toEqual({ year: 2021 });
    expect(await prisma.report.findUnique({ where: { id: created.id } })).toBeNull();
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "REPORT_DRAFT_DELETED", organizationId: xinwei.id },
    });
    expect(audit.detail).toMatchObject({ year: 2021, reportId: created.id });

    const written = await createNextDraft(editor, xinwei.id, { year: 2021, today });
    await prisma.report.update({ where: { id: written.id }, data: { version: 2 } });
    await expect(deleteUntouchedDraft(editor, written.id)).rejects.toBeInstanceOf(
      InvalidStateError,
    );
    expect(await prisma.report.findUnique({ where: { id: written.id } })).not.toBeNull();
  });
});
