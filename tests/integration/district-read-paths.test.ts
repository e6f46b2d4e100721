// The district pages read less at city size: the roll-up takes only the tables of a report whose error
// count is kept (the count says its content parsed), the overview and the report list read the
// editors' names once instead of a join per report, and the units come from one query. Each is
// compared here with what the full read gives, on data of this file's own.
import { beforeAll, describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { districtOverview } from "@/lib/district/district-overview";
import { districtUnits } from "@/lib/district/district-scope";
import { rollupForYear } from "@/lib/district/rollup-for-year";
import { listReports } from "@/lib/reports/list-reports";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

const YEAR = 2024;
const DISTRICT = "读取路径测试区人民政府";

let reviewer: AuthContext;
let districtId: string;
const editors: string[] = [];

beforeAll(async () => {
  await seededDatabase();
  const district = await createOrganization(DISTRICT);
  districtId = district.id;
  const street = await createOrganization("读取路径测试甲街道办事处", { parent: DISTRICT });
  const township = await createOrganization("读取路径测试乙镇", {
    parent: DISTRICT,
    level: "TOWNSHIP",
  });
  const below = await createOrganization("读取路径测试乙镇某村", {
    parent: township.name,
    level: "TOWNSHIP",
  });
  const broken = await createOrganization("读取路径测试丙街道办事处", { parent: DISTRICT });
  const old = await createOrganization("读取路径测试丁街道办事处", { parent: DISTRICT });
  const drafting = await createOrganization("读取路径测试戊街道办事处", { parent: DISTRICT });

  for (const [i, unit] of [street, township, below].entries()) {
    const editor = await createUserWithRoles(`read-path-editor-${i}`, [
      { organizationId: unit.id, role: "EDITOR" },
    ]);
    editors.push(editor.id);
    const report = await createReport(unit.id, completeContent(unit, YEAR), "APPROVED");
    await db().report.update({ where: { id: report.id }, data: { updatedById: editor.id } });
    await createReport(unit.id, completeContent(unit, YEAR - 1), "APPROVED");
  }
  const unreadable = await createReport(broken.id, completeContent(broken, YEAR), "APPROVED");
  await db().report.update({
    where: { id: unreadable.id },
    data: { content: { format: "2021", tables: {} } },
  });
  // A report of the other format: listed as not matching the year's.
  await createReport(old.id, fullReport("2019", YEAR), "APPROVED");
  await createReport(drafting.id, completeContent(drafting, YEAR));
  await createUserWithRoles("read-path-reviewer", [
    { organizationId: district.id, role: "REVIEWER" },
  ]);
  reviewer = await contextFor("read-path-reviewer");
});

describe("district read paths", () => {
  it("sums the same from the kept tables as from the reports read whole and parsed", async () => {
    await db().report.updateMany({
      where: { organization: { parent: { name: DISTRICT } } },
      data: { errorCountAt: null },
    });
    const parsedWhole = await rollupForYear(reviewer, { districtId, year: YEAR });
    // The overview counts every report of the year and keeps the count: the roll-up then reads tables only.
    await districtOverview(reviewer, { districtId, year: YEAR });
    const stale = await db().report.count({
      where: { year: YEAR, organization: { parent: { name: DISTRICT } }, errorCountAt: null },
    });
    expect(stale).toBe(0);
    const fromTables = await rollupForYear(reviewer, { districtId, year: YEAR });
    expect(fromTables).toEqual(parsedWhole);

    const reasons = Object.fromEntries(
      fromTables.notIncluded.map((n) => [n.organization.name, n.reason]),
    );
    expect(reasons["读取路径测试丙街道办事处"]).toBe("报告内容无法读取");
    expect(reasons["读取路径测试丁街道办事处"]).toMatch(/与本年度格式不符$/);
    expect(reasons["读取路径测试戊街道办事处"]).toMatch(/^尚未通过审核/);
    expect(fromTables.included.map((c) => c.organization.name).sort()).toEqual(
      ["读取路径测试乙镇", "读取路径测试乙镇某村", "读取路径测试甲街道办事处"].sort(),
    );

    // A choice of units reads the same way.
    const chosen = fromTables.included.slice(0, 2).map((c) => c.organization.id);
    await db().report.updateMany({
      where: { organization: { parent: { name: DISTRICT } } },
      data: { errorCountAt: null },
    });
    const chosenWhole = await rollupForYear(reviewer, { districtId, year: YEAR, unitIds: chosen });
    await districtOverview(reviewer, { districtId, year: YEAR });
    expect(await rollupForYear(reviewer, { districtId, year: YEAR, unitIds: chosen })).toEqual(
      chosenWhole,
    );
  });

  it("lists the units at every depth below the district, by level then name", async () => {
    const district = (await districtOverview(reviewer, { districtId, year: YEAR })).district;
    const units = await districtUnits(reviewer, district);
    expect(units.map((u) => u.name)).toEqual([
      DISTRICT,
      "读取路径测试丙街道办事处",
      "读取路径测试丁街道办事处",
      "读取路径测试甲街道办事处",
      "读取路径测试戊街道办事处",
      "读取路径测试乙镇",
      "读取路径测试乙镇某村",
    ]);
  });

  it("names each report's last editor in the overview and the report list, from the user rows", async () => {
    const overview = await districtOverview(reviewer, { districtId, year: YEAR });
    const rows = await db().report.findMany({
      where: { year: YEAR, organization: { fullName: { startsWith: DISTRICT } } },
      select: { id: true, updatedBy: { select: { displayName: true } } },
    });
    const expected = new Map(rows.map((r) => [r.id, r.updatedBy?.displayName ?? null]));
    const shown = overview.units.filter((u) => u.report);
    expect(shown.length).toBe(rows.length);
    for (const u of shown) expect(u.report!.updatedBy).toBe(expected.get(u.report!.id));
    expect(shown.filter((u) => u.report!.updatedBy).length).toBe(editors.length);

    const list = await listReports(reviewer);
    const all = await db().report.findMany({
      where: { organization: { fullName: { startsWith: DISTRICT } } },
      orderBy: { year: "desc" },
      select: {
        id: true,
        organizationId: true,
        year: true,
        updatedBy: { select: { displayName: true } },
      },
    });
    expect(list.flatMap((o) => o.reports.map((r) => [o.id, r.id, r.year, r.updatedBy]))).toEqual(
      list.flatMap((o) =>
        all
          .filter((r) => r.organizationId === o.id)
          .map((r) => [o.id, r.id, r.year, r.updatedBy?.displayName ?? null]),
      ),
    );
    expect(list.reduce((n, o) => n + o.reports.length, 0)).toBe(all.length);
  });
});
