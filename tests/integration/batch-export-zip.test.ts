import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import JSZip from "jszip";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { BATCH_EXPORT_MAX_REPORTS } from "@/lib/district/batch-export-limit";
import { batchExportZip } from "@/lib/district/batch-export-zip";
import { NotFoundError, PayloadTooLargeError, ValidationError } from "@/lib/errors";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

// The route is called as Next calls it; only who is signed in is set here (the session and two-step
// policy have tests of their own).
const caller = vi.hoisted(() => ({ ctx: null as AuthContext | null }));
vi.mock("@/lib/auth/context", async (original) => ({
  ...(await original<typeof import("@/lib/auth/context")>()),
  requireAuthContext: async () => caller.ctx,
}));
const { POST } = await import("@/app/api/district/approved/zip/route");

const YEAR = 2024;
const DISTRICT = "批量打包测试区人民政府";
const UNITS = ["批量打包测试甲街道办事处", "批量打包测试乙街道办事处", "批量打包测试丙街道办事处"];

let districtId: string;
let reviewer: AuthContext;
let stranger: AuthContext;
/** The approved reports, in the order the district page lists them. */
const approved: { id: string; fullName: string }[] = [];
let draftId: string;

beforeAll(async () => {
  await seededDatabase();
  const district = await createOrganization(DISTRICT);
  districtId = district.id;
  const units = [];
  for (const name of UNITS) units.push(await createOrganization(name, { parent: DISTRICT }));
  for (const unit of units.slice(0, 2)) {
    const report = await createReport(unit.id, completeContent(unit, YEAR), "APPROVED");
    approved.push({ id: report.id, fullName: unit.fullName });
  }
  draftId = (await createReport(units[2].id, completeContent(units[2], YEAR))).id;
  await createUserWithRoles("zip-reviewer", [{ organizationId: district.id, role: "REVIEWER" }]);
  const other = await createOrganization("批量打包测试另一区人民政府");
  await createOrganization("批量打包测试另一区街道办事处", { parent: other.name });
  await createUserWithRoles("zip-stranger", [{ organizationId: other.id, role: "REVIEWER" }]);
  reviewer = await contextFor("zip-reviewer");
  stranger = await contextFor("zip-stranger");
});

const docxName = (fullName: string) => `${fullName}${YEAR}年政府信息公开工作年度报告.docx`;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function post(body: unknown) {
  return POST(
    new Request("http://localhost/api/district/approved/zip", {
      method: "POST",
      headers: { host: "localhost", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

describe("批量导出 ZIP route", () => {
  it("streams one valid DOCX per chosen report, in the order asked, and audits each as an export", async () => {
    caller.ctx = reviewer;
    const ids = [approved[1].id, approved[0].id];
    const response = await post({ districtId, year: YEAR, reportIds: ids });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent(`${DISTRICT}${YEAR}年度报告（已通过审核）.zip`),
    );
    expect(response.body).toBeInstanceOf(ReadableStream);

    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    expect(Object.keys(zip.files)).toEqual([
      docxName(approved[1].fullName),
      docxName(approved[0].fullName),
    ]);
    for (const report of approved) {
      const docx = await JSZip.loadAsync(
        await zip.file(docxName(report.fullName))!.async("uint8array"),
      );
      const body = await docx.file("word/document.xml")!.async("string");
      expect(body).toContain(report.fullName);
      expect(body).toContain("收到和处理政府信息公开申请情况");
    }
    const audits = await db().auditLog.findMany({
      where: { action: "REPORT_EXPORTED", reportId: { in: ids }, actorId: reviewer.user.userId },
    });
    expect(audits.map((a) => a.reportId).sort()).toEqual([...ids].sort());
  });

  it("refuses, before any byte, a report not among the district's approved ones, with a Chinese message", async () => {
    caller.ctx = reviewer;
    const response = await post({ districtId, year: YEAR, reportIds: [approved[0].id, draftId] });
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe(
      `所选报告中有 1 份不在${DISTRICT}${YEAR}年度已通过审核的报告之中（可能刚被退回），请刷新页面后重新导出。`,
    );
  });

  it("refuses more reports than one ZIP holds, and an empty choice", async () => {
    caller.ctx = reviewer;
    const many = Array.from({ length: BATCH_EXPORT_MAX_REPORTS + 1 }, () => randomUUID());
    const tooMany = await post({ districtId, year: YEAR, reportIds: many });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error).toContain(
      `一次最多打包 ${BATCH_EXPORT_MAX_REPORTS} 份报告`,
    );
    const none = await post({ districtId, year: YEAR, reportIds: [] });
    expect(none.status).toBe(400);
    expect((await none.json()).error).toContain("请至少选择一份报告");
  });
});

describe("batchExportZip", () => {
  it("gives another district's reviewer nothing of this district: a 404, whether the district is named or not", async () => {
    const ids = approved.map((r) => r.id);
    await expect(
      batchExportZip(stranger, { districtId, year: YEAR, reportIds: ids }, null),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      batchExportZip(stranger, { year: YEAR, reportIds: ids }, null),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("counts a report chosen twice once, and checks the cap and the empty choice itself", async () => {
    const zip = await batchExportZip(
      reviewer,
      { districtId, year: YEAR, reportIds: [approved[0].id, approved[0].id] },
      null,
    );
    const entries = await JSZip.loadAsync(await bytesOf(zip.stream));
    expect(Object.keys(entries.files)).toEqual([docxName(approved[0].fullName)]);
    const many = Array.from({ length: BATCH_EXPORT_MAX_REPORTS + 1 }, () => randomUUID());
    await expect(
      batchExportZip(reviewer, { districtId, year: YEAR, reportIds: many }, null),
    ).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(
      batchExportZip(reviewer, { districtId, year: YEAR, reportIds: [] }, null),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("ends the stream with an error, not a ZIP missing a report, when a report's content cannot be read", async () => {
    const broken = await db().report.update({
      where: { id: approved[1].id },
      data: { content: { not: "a report" } },
    });
    try {
      const zip = await batchExportZip(
        reviewer,
        { districtId, year: YEAR, reportIds: [approved[0].id, broken.id] },
        null,
      );
      await expect(bytesOf(zip.stream)).rejects.toThrow("报告内容无法读取");
    } finally {
      const unit = await db().organization.findUniqueOrThrow({
        where: { id: broken.organizationId },
      });
      await db().report.update({
        where: { id: broken.id },
        data: { content: completeContent(unit, YEAR) as object },
      });
    }
  });
});
