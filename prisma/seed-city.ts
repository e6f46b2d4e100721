// A city-sized data set for the benchmarks and for trying the district pages at scale: one city, 12
// districts, about 2,000 units (street offices, townships, departments) with accounts, and six years of
// reports (2020–2025) in mixed statuses. Generated deterministically (ids, names, figures and statuses
// come from the unit's position, never from a clock or a random source), written in bulk batches.
// npm run seed:city — against DATABASE_URL, or the embedded database of npm start.
import { createHash } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { PrismaClient, type Prisma } from "@/lib/db/generated/client";
import type { OrgLevel, ReportStatus, Role } from "@/lib/db/generated/enums";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { computeTotals } from "@/lib/report/compute-totals";
import type { ReportContent } from "@/lib/report/content";
import { formatIdForYear } from "@/lib/report/formats";

export const CITY = {
  name: "云州市人民政府",
  fullName: "云州市人民政府",
  slug: "yunzhou",
} as const;
/**
 * Every generated account signs in with this password. One argon2id hash is computed and stored for
 * all of them: hashing 2,000 passwords would take most of the two minutes the seed is allowed, and the
 * accounts are for trying the pages, not for production.
 */
export const CITY_PASSWORD = "yunzhou-city-2026";
export const CITY_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;

const DISTRICTS = [
  "青石区",
  "临江区",
  "北塔区",
  "东岭区",
  "南湖区",
  "西山区",
  "松原区",
  "白河区",
  "金川区",
  "龙泉区",
  "枫林区",
  "桃源县",
];
/** The first district has 200 units (the benchmark's target size); the others 163 each. */
export const BIG_DISTRICT_UNITS = 200;
const OTHER_DISTRICT_UNITS = 163;
const CITY_DEPARTMENTS = 40;

const STREETS =
  "东风 红旗 建设 胜利 和平 友谊 新华 人民 解放 光明 长青 幸福 团结 前进 朝阳 育才 春晖 河畔 站前 南湖".split(
    " ",
  );
const TOWNS = "石桥 柳河 杏花 双山 黄泥 沙坪 三岔 永安 太平 清水 兴隆 长岭 新集 白杨 高家".split(
  " ",
);
const DEPARTMENTS =
  "发展和改革局 教育局 科学技术局 工业和信息化局 民政局 司法局 财政局 人力资源和社会保障局 自然资源局 生态环境局 住房和城乡建设局 交通运输局 水务局 农业农村局 商务局 文化和旅游局 卫生健康委员会 退役军人事务局 应急管理局 审计局 市场监督管理局 统计局 医疗保障局 城市管理局 林业局 信访局 政务服务管理局 档案局 粮食和物资储备局 体育局".split(
    " ",
  );

/** A UUID derived from a key: the same key gives the same id on every run and every machine. */
function stableId(key: string): string {
  const h = createHash("sha1").update(`nianbao-city:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small deterministic number from a key (0 ≤ n < mod). */
function pick(key: string, mod: number): number {
  return createHash("sha1").update(key).digest().readUInt32BE(0) % mod;
}

interface UnitPlan {
  key: string;
  name: string;
  fullName: string;
  slug: string;
  level: OrgLevel;
  parentKey: string | null;
  peoplesGovernment: boolean;
}

/** The organisations, parents before children. */
export function cityPlan(): UnitPlan[] {
  const units: UnitPlan[] = [
    {
      key: "city",
      ...CITY,
      level: "DISTRICT_GOVERNMENT",
      parentKey: null,
      peoplesGovernment: true,
    },
  ];
  for (let d = 0; d < CITY_DEPARTMENTS; d++) {
    const dept = DEPARTMENTS[d % DEPARTMENTS.length];
    const name = `云州市${dept}${d >= DEPARTMENTS.length ? `第${d - DEPARTMENTS.length + 2}分局` : ""}`;
    units.push({
      key: `city-dept-${d}`,
      name,
      fullName: name,
      slug: `yunzhou-c${d}`,
      level: "CITY_DEPARTMENT",
      parentKey: "city",
      peoplesGovernment: false,
    });
  }
  DISTRICTS.forEach((district, d) => {
    const districtKey = `district-${d}`;
    const districtName = `云州市${district}人民政府`;
    units.push({
      key: districtKey,
      name: districtName,
      fullName: districtName,
      slug: `yunzhou-d${d}`,
      level: "DISTRICT_GOVERNMENT",
      parentKey: "city",
      peoplesGovernment: true,
    });
    const count = d === 0 ? BIG_DISTRICT_UNITS : OTHER_DISTRICT_UNITS;
    const ordinal = { street: 0, town: 0, dept: 0 };
    for (let u = 0; u < count; u++) {
      // A third street offices, a quarter townships, the rest the district's departments.
      const kind = u % 12 < 4 ? "street" : u % 12 < 7 ? "town" : "dept";
      const i = ordinal[kind]++;
      const base =
        kind === "street"
          ? `${STREETS[i % STREETS.length]}${i >= STREETS.length ? `第${Math.floor(i / STREETS.length) + 1}` : ""}街道办事处`
          : kind === "town"
            ? `${TOWNS[i % TOWNS.length]}${i >= TOWNS.length ? `${Math.floor(i / TOWNS.length) + 1}` : ""}镇人民政府`
            : `${DEPARTMENTS[i % DEPARTMENTS.length]}${i >= DEPARTMENTS.length ? `第${Math.floor(i / DEPARTMENTS.length) + 1}分局` : ""}`;
      units.push({
        key: `${districtKey}-u${u}`,
        name: `${district}${base}`,
        fullName: `云州市${district}${base}`,
        slug: `yunzhou-d${d}-u${u}`,
        level:
          kind === "street"
            ? "STREET_OFFICE"
            : kind === "town"
              ? "TOWNSHIP"
              : "DISTRICT_DEPARTMENT",
        parentKey: districtKey,
        peoplesGovernment: kind === "town",
      });
    }
  });
  return units;
}

/**
 * The status of a unit's report for a year: past years published (now and then only approved, or
 * missing), the latest year in every state of the workflow, about one unit in twelve not started.
 */
function statusFor(unitKey: string, year: number): ReportStatus | null {
  const n = pick(`${unitKey}:${year}`, 100);
  if (year < 2025) return n < 3 ? null : n < 8 ? "APPROVED" : "PUBLISHED";
  if (n < 8) return null;
  if (n < 35) return "DRAFT";
  if (n < 45) return "RETURNED";
  if (n < 60) return "SUBMITTED";
  if (n < 75) return "APPROVED";
  return "PUBLISHED";
}

/** The unit's report for the year: the complete fixture with its own figures; drafts half filled in. */
function contentFor(unit: UnitPlan, year: number, status: ReportStatus): ReportContent {
  const content = fullReport(formatIdForYear(year), year);
  content.meta = {
    ...content.meta,
    organization: unit.fullName,
    isPeoplesGovernment: unit.peoplesGovernment,
    contactOffice: `${unit.name}办公室`,
    issuingOrgan: unit.fullName,
  };
  const scale = 1 + pick(`${unit.key}:${year}:scale`, 9);
  for (const [tableId, rows] of Object.entries(content.tables)) {
    // 二's figures differ from unit to unit; 三 and 四 keep the fixture's balanced figures.
    if (tableId === "requests" || tableId === "appeals") continue;
    for (const row of Object.values(rows))
      for (const [column, value] of Object.entries(row))
        if (typeof value === "number" && value > 0) row[column] = value * scale;
  }
  if (status === "DRAFT" || status === "RETURNED") {
    // Work in progress: 四 and part of 三 still blank, 五 not yet written.
    for (const row of Object.values(content.tables.appeals)) for (const c in row) row[c] = null;
    const blankFrom = pick(`${unit.key}:${year}:blank`, 20);
    Object.values(content.tables.requests)
      .slice(blankFrom)
      .forEach((row) => {
        for (const c in row) row[c] = null;
      });
    content.narratives.s5 = "";
  }
  return computeTotals(content);
}

export interface CitySeedResult {
  created: boolean;
  organizations: number;
  users: number;
  reports: number;
  millis: number;
}

const BATCH = 1000;

/**
 * Rows inserted a batch per statement, as one JSON parameter expanded by PostgreSQL itself
 * (json_populate_recordset): no per-row work in the client, and only the columns named, so columns
 * added later keep their defaults.
 */
async function insertRows(
  tx: Prisma.TransactionClient,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(", ");
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      JSON.stringify(rows.slice(i, i + BATCH)),
    );
  }
}

/** Writes the city unless it is already there (then nothing is changed). */
export async function seedCity(prisma: PrismaClient): Promise<CitySeedResult> {
  const started = Date.now();
  const existing = await prisma.organization.findUnique({ where: { slug: CITY.slug } });
  if (existing) return { created: false, organizations: 0, users: 0, reports: 0, millis: 0 };

  const plan = cityPlan();
  const ids = new Map(plan.map((u) => [u.key, stableId(`org:${u.key}`)]));
  const passwordHash = await hashPassword(CITY_PASSWORD);

  const organizations: Record<string, unknown>[] = plan.map((u) => ({
    id: ids.get(u.key)!,
    name: u.name,
    fullName: u.fullName,
    slug: u.slug,
    level: u.level,
    parentId: u.parentKey ? ids.get(u.parentKey)! : null,
  }));
  // Every unit has an editor; the city and each district a reviewer and an admin.
  const users: Record<string, unknown>[] = [];
  const memberships: Record<string, unknown>[] = [];
  const editorOf = new Map<string, string>();
  const addUser = (unit: UnitPlan, role: Role) => {
    const account = `${unit.slug}-${role.toLowerCase()}`;
    const id = stableId(`user:${account}`);
    users.push({
      id,
      account,
      displayName: `${unit.name}${role === "EDITOR" ? "填报员" : role === "REVIEWER" ? "审核员" : "管理员"}`,
      passwordHash,
    });
    memberships.push({
      id: stableId(`member:${account}`),
      userId: id,
      organizationId: ids.get(unit.key)!,
      role,
    });
    if (role === "EDITOR") editorOf.set(unit.key, id);
  };
  for (const unit of plan) {
    addUser(unit, "EDITOR");
    if (unit.level === "DISTRICT_GOVERNMENT") {
      addUser(unit, "REVIEWER");
      addUser(unit, "ADMIN");
    }
  }

  const reports: Record<string, unknown>[] = [];
  for (const unit of plan) {
    for (const year of CITY_YEARS) {
      const status = statusFor(unit.key, year);
      if (!status) continue;
      const published = status === "PUBLISHED";
      // Edited in the months after the year ended, at a time fixed by the unit and the year.
      const updatedAt = new Date(Date.UTC(year + 1, 0, 5 + pick(`${unit.key}:${year}:day`, 40)));
      reports.push({
        id: stableId(`report:${unit.key}:${year}`),
        organizationId: ids.get(unit.key)!,
        year,
        formatVersion: formatIdForYear(year),
        status,
        content: contentFor(unit, year, status),
        version: 1 + pick(`${unit.key}:${year}:v`, 30),
        createdById: editorOf.get(unit.key),
        updatedById: editorOf.get(unit.key),
        createdAt: updatedAt.toISOString(),
        updatedAt: updatedAt.toISOString(),
        publishedUrl: published ? `https://www.yunzhou.gov.cn/gk/${unit.slug}/${year}` : null,
        publishedOn: published ? `${year + 1}-01-20` : null,
      });
    }
  }

  await prisma.$transaction(
    async (tx) => {
      await insertRows(tx, "Organization", organizations);
      await insertRows(tx, "User", users);
      await insertRows(tx, "Membership", memberships);
      await insertRows(tx, "Report", reports);
    },
    { timeout: 600_000 },
  );
  return {
    created: true,
    organizations: organizations.length,
    users: users.length,
    reports: reports.length,
    millis: Date.now() - started,
  };
}
