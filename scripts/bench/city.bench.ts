/**
 * City-sized data: `npm run seed:city`'s data set (one city, 12 districts, about 2,000 units, six years
 * of reports) written into a fresh embedded PostgreSQL, then the district pages' server work timed at
 * that size through the same functions the routes call: the overview of the 200-unit district and of
 * the whole city, the roll-up of 200 units, the batch export (its list, and one report's DOCX, which the
 * browser fetches once per report), and the report list of a district and of the city reviewer.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { loadAccess } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { PrismaClient } from "@/lib/db/generated/client";
import { approvedReportsForExport } from "@/lib/district/approved-reports-for-export";
import { districtOverview } from "@/lib/district/district-overview";
import { rollupForYear } from "@/lib/district/rollup-for-year";
import { exportReport } from "@/lib/reports/export-report";
import { listReports } from "@/lib/reports/list-reports";
import { BIG_DISTRICT_UNITS, CITY, seedCity } from "@/prisma/seed-city";
// @ts-expect-error — plain ESM script without types
import { startEmbeddedPostgres } from "../db/embedded.mjs";
import { applyMigrations } from "../db/schema-engine.mjs";
import { summarise, type Figure } from "./support/stats";

const ROOT = path.resolve(import.meta.dirname, "../..");
const YEAR = 2025;
const RUNS = 10;

async function contextOf(prisma: PrismaClient, account: string): Promise<AuthContext> {
  const user = await prisma.user.findUniqueOrThrow({ where: { account } });
  return {
    user: {
      sessionId: "bench",
      userId: user.id,
      account: user.account,
      displayName: user.displayName,
      totpEnabled: false,
    },
    access: await loadAccess(user.id),
  };
}

/** Each run timed after one warm-up run; median and p95 of the server's time in milliseconds. */
async function timed(fn: () => Promise<unknown>, runs = RUNS): Promise<Figure> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(samples);
}

/** What the city_* figures measure, for docs/benchmarks.md. */
export function docSection(): string {
  return [
    "## 城市规模（city_*）",
    "",
    "`npm run seed:city` 的数据：1 个市（40 个市级部门）、12 个区县（第一个 200 个单位，其余各 163 个：约三分之一街道、四分之一乡镇，其余为区县部门），共 2046 个单位、2072 个账号（每个单位一名填报员，市和各区县另有审核员、管理员；所有账号共用一个 argon2id 哈希，省去 2000 次哈希），2020—2025 年六个年度约 11800 份报告（往年多为已发布，2025 年处于各个流程状态，约 8% 未创建）。全部由单位的位置确定地生成，按批插入（每批 1000 行，一个 JSON 参数由 PostgreSQL 展开）。",
    "",
    "各项时间是路由处理器所调用的同一函数在服务器上的用时（不含网络和页面渲染），每项先运行一次预热。辖区总览的错误数按报告的 updatedAt 保存在报告行上：报告修改后第一次查看时只重新校验改过的报告（`city_overview_city_first_view` 是数据刚写入、所有报告都未计算时的全市首次查看），其余查看不读报告内容。批量导出由浏览器逐份下载 DOCX 并在本地打包 ZIP，服务器不生成 ZIP：`city_batch_export_docx` 是一份 DOCX 的服务器用时。",
  ].join("\n");
}

export async function run(): Promise<Record<string, Figure>> {
  const dataDir = path.join(ROOT, ".data/bench-city-postgres");
  rmSync(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.BENCH_CITY_PG_PORT ?? 54336),
    database: "nianbao_city",
  });
  const figures: Record<string, Figure> = {};
  try {
    await applyMigrations(pg.url);
    process.env.DATABASE_URL = pg.url;
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: pg.url }) });
    const seeded = await seedCity(prisma);
    figures.city_seed = {
      median_ms: seeded.millis,
      note: `${seeded.organizations} 个单位、${seeded.users} 个账号、${seeded.reports} 份报告（6 个年度）；目标 < 120000 ms`,
    };
    const district = await contextOf(prisma, "yunzhou-d0-reviewer");
    const city = await contextOf(prisma, `${CITY.slug}-reviewer`);
    const districtId = (
      await prisma.organization.findUniqueOrThrow({
        where: { slug: "yunzhou-d0" },
      })
    ).id;
    const cityId = (await prisma.organization.findUniqueOrThrow({ where: { slug: CITY.slug } })).id;
    const cityUnits = await prisma.organization.count({
      where: { slug: { startsWith: "yunzhou" } },
    });

    // The first view after the seed counts every report's errors (then kept per version).
    const cold = process.hrtime.bigint();
    await districtOverview(city, { districtId: cityId, year: YEAR });
    figures.city_overview_city_first_view = {
      median_ms: Number(process.hrtime.bigint() - cold) / 1e6,
      note: `全市 ${cityUnits} 个单位，首次查看：逐份计算错误数并保存（报告每次修改后只重算该份）`,
    };

    figures.city_overview_district_200 = {
      ...(await timed(() => districtOverview(district, { districtId, year: YEAR }))),
      note: `${BIG_DISTRICT_UNITS} 个单位的区，服务器时间（错误数已保存）；目标 < 300 ms`,
    };
    figures.city_overview_city = {
      ...(await timed(() => districtOverview(city, { districtId: cityId, year: YEAR }), 5)),
      note: `市级审核员看全市 ${cityUnits} 个单位；目标 < 1000 ms`,
    };
    figures.city_rollup_200 = {
      ...(await timed(() => rollupForYear(district, { districtId, year: YEAR }))),
      note: `${BIG_DISTRICT_UNITS} 个单位的二、三、四逐格相加并校验；目标 < 500 ms`,
    };
    const list = await approvedReportsForExport(district, { districtId, year: YEAR });
    figures.city_batch_export_list = {
      ...(await timed(() => approvedReportsForExport(district, { districtId, year: YEAR }))),
      note: `批量导出的清单（${list.reports.length} 份已通过），浏览器据此逐份下载 DOCX 并在本地打包 ZIP`,
    };
    let next = 0;
    figures.city_batch_export_docx = {
      ...(await timed(
        () => exportReport(district, list.reports[next++ % list.reports.length].id, "docx"),
        20,
      )),
      note: `服务器生成一份 DOCX；${list.reports.length} 份合计约为其 ${list.reports.length} 倍，浏览器并行下载`,
    };
    figures.city_report_list_district = {
      ...(await timed(() => listReports(district))),
      note: `“年度报告”页：区审核员，${BIG_DISTRICT_UNITS + 1} 个单位 × 6 年`,
    };
    figures.city_report_list_city = {
      ...(await timed(() => listReports(city), 5)),
      note: `“年度报告”页：市审核员，${cityUnits} 个单位 × 6 年`,
    };
    await prisma.$disconnect();
  } finally {
    await pg.stop();
  }
  return figures;
}
