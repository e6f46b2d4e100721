import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { districtOverview } from "@/lib/district/district-overview";
import { withCell } from "@/lib/report/__fixtures__/edit";
import { validate } from "@/lib/report/validate";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

const DISTRICT = "错误数测试区人民政府";
const UNIT = "错误数测试街道办事处";
const YEAR = 2025;

let districtId: string;
let reportId: string;

beforeAll(async () => {
  await seededDatabase();
  const district = await createOrganization(DISTRICT);
  districtId = district.id;
  const unit = await createOrganization(UNIT, { parent: DISTRICT });
  await createUserWithRoles("error-count-reviewer", [
    { organizationId: district.id, role: "REVIEWER" },
  ]);
  // 三's 自然人 new requests made negative: one V1 error among otherwise complete content.
  const content = withCell(completeContent(unit, YEAR), "requests.new.natural", -1);
  reportId = (await createReport(unit.id, content)).id;
});

async function unitErrors(): Promise<number | null> {
  const ctx = await contextFor("error-count-reviewer");
  const overview = await districtOverview(ctx, { districtId, year: YEAR });
  return overview.units.find((u) => u.organization.name === UNIT)!.report!.errors;
}

describe("the overview's error count of a report", () => {
  it("is validate()'s count of errors, kept on the report with the updatedAt it was counted at", async () => {
    const row = await db().report.findUniqueOrThrow({ where: { id: reportId } });
    const expected = validate(row.content as never, { complete: true }).filter(
      (f) => f.severity === "error",
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(await unitErrors()).toBe(expected);
    const stored = await db().report.findUniqueOrThrow({ where: { id: reportId } });
    expect(stored.errorCount).toBe(expected);
    expect(stored.errorCountAt?.getTime()).toBe(stored.updatedAt.getTime());
    // Counting did not touch the report itself.
    expect(stored.updatedAt.getTime()).toBe(row.updatedAt.getTime());
    expect(stored.version).toBe(row.version);
  });

  it("is read from the row on a repeat view, without validating the content again", async () => {
    await db().$executeRaw`UPDATE "Report" SET "errorCount" = 42 WHERE id = ${reportId}::uuid`;
    expect(await unitErrors()).toBe(42);
  });

  it("is counted again after any write of the report", async () => {
    const row = await db().report.findUniqueOrThrow({ where: { id: reportId } });
    const unit = await db().organization.findUniqueOrThrow({ where: { name: UNIT } });
    await db().report.update({
      where: { id: row.id },
      data: { content: completeContent(unit, YEAR) as unknown as Prisma.InputJsonValue },
    });
    expect(await unitErrors()).toBe(0);
  });
});
