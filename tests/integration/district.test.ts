import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { approvedReportsForExport } from "@/lib/district/approved-reports-for-export";
import { districtOverview } from "@/lib/district/district-overview";
import { orgHistory } from "@/lib/district/org-history";
import { rollupForYear } from "@/lib/district/rollup-for-year";
import { getPublishedReport } from "@/lib/public/get-published-report";
import { listPublishedReports } from "@/lib/public/list-published-reports";
import { listCells } from "@/lib/report/cells";
import { parseReportContent, type ReportContent } from "@/lib/report/content";
import { compareDecimals } from "@/lib/report/decimal";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { SAMPLE_REPORTS } from "@/lib/report/__fixtures__/sample-reports";
import { parseCellInput } from "@/lib/report/parse-value";
import { validate } from "@/lib/report/validate";
import { exportReport } from "@/lib/reports/export-report";
import { newReportContent } from "@/lib/reports/new-report-content";
import { contextFor, seededDatabase } from "./support/seeded";

const DISTRICT = "哈尔滨市平房区人民政府";
const UNITS = ["友协街道办事处", "新伟街道办事处", "平房区发展和改革局"];
const NOW = new Date("2026-01-20T04:00:00Z"); // 20 January 2026, Beijing

/** Reports this file changes, put back afterwards (files share the database). */
const saved: { id: string; content: Prisma.InputJsonValue; status: ReportStatus }[] = [];

async function reportOf(orgName: string, year: number) {
  return db().report.findFirstOrThrow({ where: { year, organization: { name: orgName } } });
}

async function change(
  orgName: string,
  year: number,
  data: { content?: ReportContent; status?: ReportStatus },
) {
  const row = await reportOf(orgName, year);
  if (!saved.some((s) => s.id === row.id))
    saved.push({ id: row.id, content: row.content as Prisma.InputJsonValue, status: row.status });
  await db().report.update({
    where: { id: row.id },
    data: {
      ...(data.content ? { content: data.content as unknown as Prisma.InputJsonValue } : {}),
      ...(data.status ? { status: data.status } : {}),
    },
  });
}

/** A sample's tables in a report of the year (meta follows the year; the tables are the sample's). */
function asYear(content: ReportContent, year: number): ReportContent {
  return { ...structuredClone(content), meta: { ...content.meta, year } };
}

/** The expected roll-up, computed here independently: per typed cell, the plain sum of what each report holds. */
function expectedSum(contents: ReportContent[]) {
  const out = new Map<string, number | string | null>();
  for (const cell of listCells("2021").filter((c) => !c.computed)) {
    const values = contents
      .map((c) => parseCellInput(c.tables[cell.tableId][cell.rowKey][cell.columnKey], cell.kind))
      .map((p) => (p.ok ? p.value : null))
      .filter((v): v is number | string => v !== null);
    if (!values.length) out.set(cell.id, null);
    else if (cell.kind === "amount") {
      // Exact: scale to 10⁻⁸ 万元 as BigInt.
      const scaled = values.reduce<bigint>((s, v) => {
        const [int, frac = ""] = String(v).split(".");
        return s + BigInt(int + frac.padEnd(8, "0"));
      }, 0n);
      const digits = scaled.toString().padStart(9, "0");
      out.set(cell.id, `${digits.slice(0, -8)}.${digits.slice(-8)}`);
    } else
      out.set(
        cell.id,
        (values as number[]).reduce((a, b) => a + b, 0),
      );
  }
  return out;
}

/** Every typed cell of the roll-up as expected: counts equal, amounts equal as numbers (`0` = `0.00000000`). */
function expectCells(
  tables: ReportContent["tables"],
  expected: Map<string, number | string | null>,
) {
  for (const [id, value] of expected) {
    const p = id.split(".");
    const got = tables[p.slice(0, -2).join(".")][p.at(-2)!][p.at(-1)!];
    if (typeof value === "string") expect(compareDecimals(String(got), value), id).toBe(0);
    else expect(got, id).toBe(value);
  }
}

beforeAll(async () => {
  await seededDatabase();
});

afterAll(async () => {
  for (const s of saved)
    await db().report.update({
      where: { id: s.id },
      data: { content: s.content, status: s.status },
    });
});

describe("辖区总览", () => {
  it("the district's reviewer sees the district's own report and every unit below it, each with its status from the database", async () => {
    const overview = await districtOverview(await contextFor("pingfang-reviewer"), {
      year: 2025,
      now: NOW,
    });
    expect(overview.district.name).toBe(DISTRICT);
    const names = overview.units.map((u) => u.organization.name);
    expect(names[0]).toBe(DISTRICT);
    expect(names).toEqual(expect.arrayContaining(UNITS));
    // Every organisation below the district in the database is listed, and nothing else.
    const district = await db().organization.findUniqueOrThrow({
      where: { name: DISTRICT },
      include: { children: true },
    });
    expect(names.slice(1).sort()).toEqual(district.children.map((c) => c.name).sort());
    for (const u of overview.units) {
      const row = await db().report.findUnique({
        where: { organizationId_year: { organizationId: u.organization.id, year: 2025 } },
      });
      expect(u.status).toBe(row?.status ?? "MISSING");
      if (row) {
        const parsed = parseReportContent(row.content);
        const errors = validate(parsed.data!, { complete: true }).filter(
          (f) => f.severity === "error",
        ).length;
        expect(u.report!.errors).toBe(errors);
      }
    }
    expect(overview.counts.ALL).toBe(overview.units.length);
  });

  it("counts days to 31 January for units and to 31 March for the government's own report, in China time", async () => {
    const overview = await districtOverview(await contextFor("pingfang-admin"), {
      year: 2025,
      now: NOW,
    });
    const own = overview.units.find((u) => u.isDistrict)!;
    expect(own.deadline).toBe("2026-03-31");
    expect(own.deadlineState.daysLeft).toBe(70);
    const youxie = overview.units.find((u) => u.organization.name === "友协街道办事处")!;
    expect(youxie.deadline).toBe("2026-01-31");
    expect(youxie.deadlineState).toMatchObject({
      daysLeft: 11,
      tone: "urgent",
      text: "还剩 11 天",
    });
    const late = await districtOverview(await contextFor("pingfang-admin"), {
      year: 2025,
      now: new Date("2026-02-03T04:00:00Z"),
      filters: { status: "OVERDUE" },
    });
    expect(late.units.map((u) => u.organization.name)).toEqual(expect.arrayContaining(UNITS));
    expect(late.units.some((u) => u.isDistrict)).toBe(false);
  });

  it("filters by status and level, and lists 未创建 for a unit without a report of the year", async () => {
    const ctx = await contextFor("pingfang-reviewer");
    const streets = await districtOverview(ctx, {
      year: 2025,
      now: NOW,
      filters: { level: "STREET_OFFICE" },
    });
    expect(streets.units.every((u) => u.organization.level === "STREET_OFFICE")).toBe(true);
    expect(streets.units.map((u) => u.organization.name)).toEqual(
      expect.arrayContaining(["友协街道办事处", "新伟街道办事处"]),
    );
    const missing = await districtOverview(ctx, {
      year: 2019,
      now: NOW,
      filters: { status: "MISSING" },
    });
    expect(missing.units.map((u) => u.organization.name)).toEqual(
      expect.arrayContaining([DISTRICT, ...UNITS]),
    );
    expect(missing.units.every((u) => u.report === null)).toBe(true);
    expect(missing.years).toEqual(expect.arrayContaining([2025, 2022, 2020, 2019]));
  });

  it("does not exist for an editor, nor for a district they do not oversee", async () => {
    await expect(
      districtOverview(await contextFor("youxie-editor"), { year: 2025 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const hulan = await db().organization.findUniqueOrThrow({
      where: { name: "哈尔滨市呼兰区人民政府" },
    });
    await expect(
      districtOverview(await contextFor("pingfang-reviewer"), { districtId: hulan.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      rollupForYear(await contextFor("xinwei-editor"), { year: 2025 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      approvedReportsForExport(await contextFor("fgj-editor"), { year: 2025 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("汇总表", () => {
  it("by default sums the approved and published reports, equal to their cell-by-cell sums, and lists the units left out", async () => {
    const ctx = await contextFor("pingfang-reviewer");
    const rollup = await rollupForYear(ctx, { year: 2025 });
    const passed = (c: (typeof rollup.choices)[number]) =>
      !c.isDistrict && !c.unavailable && ["APPROVED", "PUBLISHED"].includes(c.report!.status);
    expect(rollup.included.map((c) => c.organization.name).sort()).toEqual(
      rollup.choices
        .filter(passed)
        .map((c) => c.organization.name)
        .sort(),
    );
    expect(rollup.notIncluded.map((u) => u.organization.name).sort()).toEqual(
      rollup.choices
        .filter((c) => !c.isDistrict && !passed(c))
        .map((c) => c.organization.name)
        .sort(),
    );
    for (const left of rollup.notIncluded) {
      const choice = rollup.choices.find((c) => c.organization.id === left.organization.id)!;
      expect(left.reason).toEqual(choice.unavailable ?? expect.stringMatching(/^尚未通过审核（/));
    }
    const contents = await Promise.all(
      rollup.included.map(
        async (c) =>
          (await db().report.findUniqueOrThrow({ where: { id: c.report!.id } }))
            .content as unknown as ReportContent,
      ),
    );
    expectCells(rollup.result.content.tables, expectedSum(contents));
    // 2022: 友协's imported report is the only one of the district's units; the sum is its typed cells.
    const y2022 = await rollupForYear(ctx, { year: 2022 });
    expect(y2022.included.map((c) => c.organization.name)).toEqual(["友协街道办事处"]);
    const youxie = (await reportOf("友协街道办事处", 2022)).content as unknown as ReportContent;
    expectCells(y2022.result.content.tables, expectedSum([youxie]));
  });

  it("sums the units' figures exactly, computes the totals of the sum and checks A1 on it", async () => {
    const ctx = await contextFor("pingfang-reviewer");
    const parts = [
      asYear(SAMPLE_REPORTS.hulan, 2025),
      asYear(fullReport("2021", 2025), 2025),
      asYear(SAMPLE_REPORTS.xingan, 2025),
    ];
    await change("友协街道办事处", 2025, { content: parts[0] });
    await change("新伟街道办事处", 2025, { content: parts[1] });
    await change("平房区发展和改革局", 2025, { content: parts[2] });
    const unitIds = await Promise.all(
      UNITS.map(
        async (name) => (await db().organization.findUniqueOrThrow({ where: { name } })).id,
      ),
    );
    const rollup = await rollupForYear(ctx, { year: 2025, unitIds });
    expect(rollup.included.map((c) => c.organization.name).sort()).toEqual([...UNITS].sort());
    const sum = rollup.result.content.tables;
    expectCells(sum, expectedSum(parts));
    expect(sum["20.8"].fees.amount).toBe("2507.94445"); // 2387.47225 + 120.4722 + 0
    expect(sum["20.1"].normative.issued).toBe(32 + 32 + 2);
    expect(sum["20.5"].licensing.decisions).toBe(
      37438 + (parts[1].tables["20.5"].licensing.decisions as number) + 639,
    );
    expect(sum.requests.new.total).toBe(
      (sum.requests.new.natural as number) +
        (sum.requests.new.commercial as number) +
        (sum.requests.new.research as number) +
        (sum.requests.new.nonprofit as number) +
        (sum.requests.new.legal as number) +
        (sum.requests.new.other as number),
    );
    expect(sum.appeals.row.rc_total).toBe(2 + (parts[1].tables.appeals.row.rc_total as number) + 0);
    // 呼兰区 balances (13 + 0 = 13 + 0), and so do the others: so does the sum.
    expect(rollup.result.findings).toEqual([]);

    // One unit's 一 off by 2 shows as A1 on the sum.
    const off = structuredClone(parts[2]);
    off.tables.requests.new.natural = 2;
    await change("平房区发展和改革局", 2025, { content: off });
    const unbalanced = await rollupForYear(ctx, { year: 2025, unitIds });
    expect(unbalanced.result.findings.map((f) => f.rule)).toContain("A1");
    expect(unbalanced.result.findings.every((f) => /^A[1-6]$/.test(f.rule))).toBe(true);
  });

  it("names the summed units whose tables are empty: a sum that balances says nothing about them", async () => {
    const ctx = await contextFor("pingfang-reviewer");
    const youxie = await db().organization.findUniqueOrThrow({ where: { name: "友协街道办事处" } });
    await change("友协街道办事处", 2025, { content: newReportContent(youxie, 2025) });
    const unitIds = await Promise.all(
      UNITS.map(
        async (name) => (await db().organization.findUniqueOrThrow({ where: { name } })).id,
      ),
    );
    const rollup = await rollupForYear(ctx, { year: 2025, unitIds });
    expect(rollup.included).toHaveLength(3);
    expect(rollup.emptyIncluded.map((c) => c.organization.name)).toEqual(["友协街道办事处"]);
  });

  it("sums only the chosen units of the caller's district; another district's unit is never summed", async () => {
    const ctx = await contextFor("pingfang-reviewer");
    const youxie = await db().organization.findUniqueOrThrow({ where: { name: "友协街道办事处" } });
    const dengtalu = await db().organization.findUniqueOrThrow({
      where: { name: "灯塔路街道办事处" },
    });
    const rollup = await rollupForYear(ctx, { year: 2022, unitIds: [youxie.id, dengtalu.id] });
    expect(rollup.included.map((c) => c.organization.name)).toEqual(["友协街道办事处"]);
    expect(rollup.choices.some((c) => c.organization.id === dengtalu.id)).toBe(false);
    const none = await rollupForYear(ctx, { year: 2025, unitIds: [] });
    expect(none.included).toEqual([]);
    // A unit whose report of the year is in the wrong format is offered but cannot be chosen.
    const xinwei2020 = await rollupForYear(ctx, { year: 2020 });
    expect(xinwei2020.format).toBe("2019");
    expect(xinwei2020.included.map((c) => c.organization.name)).toEqual(["新伟街道办事处"]);
    expect(xinwei2020.result.content.tables["20.5"].services.previous).toBe(25);
  });
});

describe("历年对比", () => {
  it("has every year of the organisation, imported past reports and drafts included", async () => {
    const youxie = await db().organization.findUniqueOrThrow({ where: { name: "友协街道办事处" } });
    const history = await orgHistory(await contextFor("youxie-editor"), youxie.id);
    const years = history.years.map((y) => y.year);
    expect(years).toEqual(expect.arrayContaining([2022, 2025]));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const y2022 = history.years.find((y) => y.year === 2022)!;
    expect(y2022.status).toBe("PUBLISHED");
    expect(y2022.figures.received).toBe(0);
    // The reviewer of the district sees the same; another unit's editor does not see it at all.
    expect(
      (await orgHistory(await contextFor("pingfang-reviewer"), youxie.id)).years.map((y) => y.year),
    ).toEqual(years);
    await expect(orgHistory(await contextFor("xinwei-editor"), youxie.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      orgHistory(await contextFor("xinwei-editor"), "not-a-uuid"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("批量导出", () => {
  it("lists one DOCX per report that passed review, each a valid document of its unit", async () => {
    await change("新伟街道办事处", 2025, {
      content: asYear(fullReport("2021", 2025), 2025),
      status: "APPROVED",
    });
    await change("平房区发展和改革局", 2025, {
      content: asYear(SAMPLE_REPORTS.xingan, 2025),
      status: "APPROVED",
    });
    const ctx = await contextFor("pingfang-reviewer");
    const list = await approvedReportsForExport(ctx, { year: 2025 });
    const approved = await db().report.findMany({
      where: {
        year: 2025,
        status: { in: ["APPROVED", "PUBLISHED"] },
        organization: { parent: { name: DISTRICT } },
      },
    });
    expect(list.reports.map((r) => r.id).sort()).toEqual(approved.map((r) => r.id).sort());
    expect(list.reports.map((r) => r.organization)).toEqual(
      expect.arrayContaining(["新伟街道办事处", "平房区发展和改革局"]),
    );
    expect(list.reports.find((r) => r.organization === "新伟街道办事处")!.fileName).toBe(
      "哈尔滨市平房区新伟街道办事处2025年政府信息公开工作年度报告.docx",
    );
    expect(new Set(list.reports.map((r) => r.fileName)).size).toBe(list.reports.length);
    for (const r of list.reports) {
      const file = await exportReport(ctx, r.id, "docx");
      const docx = await JSZip.loadAsync(file.body as Uint8Array);
      expect(await docx.file("word/document.xml")!.async("string")).toContain(
        "政府信息公开工作年度报告",
      );
    }
    // Drafts and submitted reports are not in it.
    const youxie2025 = await reportOf("友协街道办事处", 2025);
    expect(list.reports.some((r) => r.id === youxie2025.id)).toBe(
      youxie2025.status === "APPROVED" || youxie2025.status === "PUBLISHED",
    );
  });
});

describe("年报专栏 (public)", () => {
  it("lists only published years, and serves only a published report", async () => {
    const column = await listPublishedReports("youxie");
    expect(column!.organization.fullName).toBe("哈尔滨市平房区友协街道办事处");
    expect(column!.reports.map((r) => r.year)).toEqual([2022]);
    const report = await getPublishedReport("youxie", 2022);
    expect(report!.content.meta.year).toBe(2022);
    // The district publishes nothing itself yet, but its units' columns are listed.
    expect((await listPublishedReports("pingfang"))!.units.map((u) => u.slug)).toContain("youxie");
  });

  it("never serves a draft, a submitted or an approved report, an unknown year or an unknown organisation", async () => {
    expect(await getPublishedReport("youxie", 2025)).toBeNull(); // a draft
    await change("新伟街道办事处", 2025, { status: "APPROVED" });
    expect(await getPublishedReport("xinwei", 2025)).toBeNull();
    await change("新伟街道办事处", 2025, { status: "SUBMITTED" });
    expect(await getPublishedReport("xinwei", 2025)).toBeNull();
    expect(await getPublishedReport("youxie", 1999)).toBeNull();
    expect(await getPublishedReport("no-such-unit", 2022)).toBeNull();
    expect(await listPublishedReports("no-such-unit")).toBeNull();
    // 发改局 has published nothing: it has no public column.
    expect(await listPublishedReports("pingfang-fgj")).toBeNull();
    // Once published, it is there.
    await change("新伟街道办事处", 2025, { status: "PUBLISHED" });
    expect((await getPublishedReport("xinwei", 2025))!.year).toBe(2025);
  });
});
