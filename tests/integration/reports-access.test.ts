import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, ForbiddenError } from "@/lib/auth/errors";
import { createNextDraft } from "@/lib/reports/create-next-draft";
import { getReportOrThrow } from "@/lib/reports/get-report-or-throw";
import { listReports } from "@/lib/reports/list-reports";
import { contextFor, seededDatabase } from "./seeded";

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
    expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(["友协街道办事处", "哈尔滨市平房区人民政府", "平房区发展和改革局", "新伟街道办事处"]));
    // Other test files add units under the district; whatever is there, nothing outside the district shows.
    const district = await prisma.organization.findUniqueOrThrow({ where: { slug: "pingfang" } });
    expect(orgs.every((o) => o.id === district.id || o.parentId === district.id)).toBe(true);
    expect(orgs.map((o) => o.name)).not.toContain("哈尔滨市呼兰区人民政府");
    expect(orgs.every((o) => !o.canCreate)).toBe(true);
  });

  it("another unit's report does not exist for an editor (404, not 403)", async () => {
    const xinwei = await prisma.organization.findUniqueOrThrow({ where: { name: "新伟街道办事处" } });
    const report = await prisma.report.findFirstOrThrow({ where: { organizationId: xinwei.id } });
    const youxie = await contextFor("youxie-editor");
    await expect(getReportOrThrow(youxie, report.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createNextDraft(youxie, xinwei.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReportOrThrow(await contextFor("xinwei-editor"), report.id)).resolves.toMatchObject({ id: report.id });
  });

  it("a reviewer cannot create a draft", async () => {
    const youxie = await prisma.organization.findUniqueOrThrow({ where: { name: "友协街道办事处" } });
    await expect(createNextDraft(await contextFor("pingfang-reviewer"), youxie.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("creating the next draft makes the year after the newest, in the right format, once", async () => {
    const fgj = await prisma.organization.findUniqueOrThrow({ where: { name: "平房区发展和改革局" } });
    const ctx = await contextFor("fgj-editor");
    const before = await prisma.report.findMany({ where: { organizationId: fgj.id }, select: { year: true } });
    const expected = Math.max(...before.map((r) => r.year)) + 1;
    const created = await createNextDraft(ctx, fgj.id);
    expect(created.year).toBe(expected);
    const row = await prisma.report.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.status).toBe("DRAFT");
    expect(row.formatVersion).toBe("2021");
    expect((row.content as { meta: { organization: string } }).meta.organization).toBe("哈尔滨市平房区发展和改革局");
    // Two at once: the unique (organisation, year) lets exactly one through.
    const results = await Promise.allSettled([createNextDraft(ctx, fgj.id), createNextDraft(ctx, fgj.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("以上年报告为基础: last year's 结转下年度继续办理 becomes this year's 上年结转", async () => {
    const youxie = await prisma.organization.findUniqueOrThrow({ where: { name: "友协街道办事处" } });
    const newest = await prisma.report.findFirstOrThrow({ where: { organizationId: youxie.id }, orderBy: { year: "desc" } });
    const content = newest.content as { tables: { requests: { carryover: Record<string, number | null> } } };
    content.tables.requests.carryover.natural = 3;
    await prisma.report.update({ where: { id: newest.id }, data: { content } });
    const created = await createNextDraft(await contextFor("youxie-editor"), youxie.id, { basedOnPrevious: true });
    expect(created.year).toBe(newest.year + 1);
    const row = await prisma.report.findUniqueOrThrow({ where: { id: created.id } });
    const carried = (row.content as typeof content & { tables: { requests: { carried: Record<string, number | null> } } }).tables.requests.carried;
    expect(carried.natural).toBe(3);
    expect(carried.total).toBe(3);
  });
});
