/**
 * City-sized data: `npm run seed:city`'s data set (one city, 12 districts, about 2,000 units, six years
 * of reports) written into a fresh embedded PostgreSQL, then the district pages' server work timed at
 * that size through the same functions the routes call: the caller's access (every request), the
 * overview of the 200-unit district and of the whole city, the roll-up of 200 units, the batch export
 * (its list, and the streamed ZIP of a past year's approved reports of the 200-unit district), and the
 * report list of a district and of the city reviewer. Each figure records the machine's load when taken.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { loadAccess } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { PrismaClient } from "@/lib/db/generated/client";
import { approvedReportsForExport } from "@/lib/district/approved-reports-for-export";
import { batchExportZip } from "@/lib/district/batch-export-zip";
import { districtOverview } from "@/lib/district/district-overview";
import { rollupForYear } from "@/lib/district/rollup-for-year";
import { listReports } from "@/lib/reports/list-reports";
import { BIG_DISTRICT_UNITS, CITY, seedCity } from "@/prisma/seed-city";
// @ts-expect-error — plain ESM script without types
import { startEmbeddedPostgres } from "../db/embedded.mjs";
import { applyMigrations } from "../db/schema-engine.mjs";
import { loadNow, summarise, type Figure } from "./support/stats";

const ROOT = path.resolve(import.meta.dirname, "../..");
const YEAR = 2025;
/** A past year: nearly every unit's report has passed review, as at the end of a reporting season. */
const ZIP_YEAR = 2024;
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

/**
 * Each run timed after one warm-up run; median and p95 of the server's time in milliseconds, with when
 * it was measured and the machine's load then (the machine is shared: the load says how far to trust it).
 */
async function timed(fn: () => Promise<unknown>, runs = RUNS): Promise<Figure> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ...summarise(samples), at: new Date().toISOString(), load: loadNow() };
}

/** The batch ZIP read to its end as a browser would: its size and the server's peak memory growth. */
async function readZip(
  ctx: AuthContext,
  input: { districtId: string; year: number; reportIds: string[] },
) {
  const before = process.memoryUsage().rss;
  let peak = before;
  let bytes = 0;
  const zip = await batchExportZip(ctx, input, null);
  for await (const chunk of zip.stream) {
    bytes += (chunk as Buffer).length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { bytes, grownMb: (peak - before) / 1024 ** 2 };
}

/** What the city_* figures measure, for docs/benchmarks.md (the figures are in the results table). */
export function docSection(): string {
  return [
    "## 城市规模（city_*）",
    "",
    "`npm run seed:city` 的数据：1 个市（40 个市级部门）、12 个区县（第一个 200 个单位，其余各 163 个：约三分之一街道、四分之一乡镇，其余为区县部门），共 2046 个单位、2072 个账号（每个单位一名填报员，市和各区县另有审核员、管理员；所有账号共用一个 argon2id 哈希，省去 2000 次哈希），2020—2025 年六个年度约 11800 份报告（往年多为已发布，2025 年处于各个流程状态，约 8% 未创建）。全部由单位的位置确定地生成，按批插入（每批 1000 行，一个 JSON 参数由 PostgreSQL 展开）。",
    "",
    "各项（结果表中的 `city_*` 行，`npm run bench -- city` 测得）是路由处理器所调用的同一函数在服务器上的用时（不含网络和页面渲染），每项先运行一次预热；每行记有测量时间和当时的机器负载——这台 2 核机器由多名工程师同时构建和测试共用，负载高时各项时间按比例放大（同一台机器上 `export_docx_full_report` 负载约 2 时为 28 ms，负载约 30 时要 1.6 s）。",
    "",
    "- 权限（`city_access_city_reviewer`，每个请求都要读取）：从用户担任审核员或管理员的单位沿组织树向下，一条递归查询（原为每层一次查询，最后一层以 2000 个单位为父级再查一次）。",
    "- 辖区总览：辖区的单位一次读出后在内存中按树展开（原为每层一次查询）；报告只读所需的列，最后修改人的姓名另用一条查询读出（原为每份报告关联用户行，Prisma 逐行拼接，全市时慢数倍）；年度列表由数据库分组；错误数按报告的 updatedAt 保存在报告行上，报告修改后第一次查看时只重新校验改过的报告（`city_overview_city_first_view` 是数据刚写入、所有报告都未计算时的全市首次查看）。",
    "- 汇总表：错误数已保存的报告说明其内容可以读取，这些报告只读 `content->'tables'` 和格式，不再整份读取并校验；修改后尚未计算的报告仍整份读取并校验。集成测试 `tests/integration/district-read-paths.test.ts` 比较两种读取得到的汇总完全相同。",
    "- 批量导出：浏览器先取已通过审核的报告清单，再用一个请求取 ZIP；服务器用 jszip 的 Node 流边生成边发送，每份 DOCX 在 ZIP 写到它时才读取、生成并记入审计，服务器同时只持有一份 DOCX；一次最多 500 份。页面按已收到的文件名显示“已完成 k / n”。",
    "- “年度报告”列表：单位和报告各一条查询，修改人姓名一条查询，在内存中分组（原为每个单位关联其报告、每份报告再关联用户行）。市级审核员一次列出 2046 个单位 × 6 年约 11800 份报告，时间主要花在读出这么多行上；若要更快，下一步是按年度或区县分页。",
    "- 批量 ZIP（`city_batch_zip_200`）的时间几乎都是逐份生成 DOCX：负载约 27 时每份约 0.5 秒；负载约 2 时一份 DOCX 为 28 ms（`export_docx_full_report`），197 份估计约 6 秒（低负载下未实测）。ZIP 边生成边发送，浏览器在第一份生成后就开始收到数据，服务器内存不随份数增长。",
    "",
    "同一数据、相近负载（约 21–25）下改动前后的对照（各 4–5 次，最小—最大）：全市总览 1135—2132 ms → 175—511 ms；200 个单位的汇总表 350—1033 ms → 59—153 ms；市级审核员的“年度报告”列表 3160—4933 ms → 593—1274 ms；市级审核员的权限读取 262—756 ms → 中位数 74 ms、p95 205 ms（`city_access_city_reviewer`）。",
    "",
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
      at: new Date().toISOString(),
      load: loadNow(),
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

    figures.city_access_city_reviewer = {
      ...(await timed(() => loadAccess(city.user.userId))),
      note: `每个请求都要读取的权限：市级审核员可见 ${cityUnits} 个单位（一条递归查询）`,
    };

    // The first view after the seed counts every report's errors (then kept per version).
    const cold = process.hrtime.bigint();
    await districtOverview(city, { districtId: cityId, year: YEAR });
    figures.city_overview_city_first_view = {
      median_ms: Number(process.hrtime.bigint() - cold) / 1e6,
      at: new Date().toISOString(),
      load: loadNow(),
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
      note: `${BIG_DISTRICT_UNITS} 个单位的二、三、四逐格相加并校验（错误数已保存的报告只读表格）；目标 < 500 ms`,
    };
    const list = await approvedReportsForExport(district, { districtId, year: ZIP_YEAR });
    figures.city_batch_export_list = {
      ...(await timed(() => approvedReportsForExport(district, { districtId, year: ZIP_YEAR }))),
      note: `批量导出第一步：${ZIP_YEAR} 年度已通过审核的 ${list.reports.length} 份报告的清单`,
    };
    // Each ZIP renders every DOCX again: three runs, not ten, keep the bench within minutes.
    const zipInput = { districtId, year: ZIP_YEAR, reportIds: list.reports.map((r) => r.id) };
    let zipped = { bytes: 0, grownMb: 0 };
    figures.city_batch_zip_200 = {
      ...(await timed(async () => {
        zipped = await readZip(district, zipInput);
      }, 3)),
      note: "",
    };
    figures.city_batch_zip_200.kb = zipped.bytes / 1024;
    figures.city_batch_zip_200.note = `服务器边生成边发送的 ZIP：${list.reports.length} 份 DOCX（逐份读取、生成、记入审计），读到末尾为止；进程内存峰值增长约 ${zipped.grownMb.toFixed(0)} MB（不随份数整体缓冲）`;
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
