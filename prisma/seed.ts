// The demo district: idempotent, so `npm start` runs it every time and it only adds what is missing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { importText } from "@/lib/import";
import { hashPassword } from "@/lib/auth/password";
import { PrismaClient, type Prisma } from "@/lib/db/generated/client";
import type { OrgLevel, Role } from "@/lib/db/generated/enums";
import { newReportContent } from "@/lib/reports/new-report-content";
import { SAMPLES_DIR } from "./seed-data/samples-dir";

export const DEMO_PASSWORD = "nianbao-demo";
export const DEMO_DRAFT_YEAR = 2025;

interface OrgSeed {
  key: string;
  name: string;
  fullName: string;
  slug: string;
  level: OrgLevel;
  parent?: string;
}

export const DEMO_ORGS: OrgSeed[] = [
  {
    key: "pingfang",
    name: "哈尔滨市平房区人民政府",
    fullName: "哈尔滨市平房区人民政府",
    slug: "pingfang",
    level: "DISTRICT_GOVERNMENT",
  },
  {
    key: "youxie",
    name: "友协街道办事处",
    fullName: "哈尔滨市平房区友协街道办事处",
    slug: "youxie",
    level: "STREET_OFFICE",
    parent: "pingfang",
  },
  {
    key: "xinwei",
    name: "新伟街道办事处",
    fullName: "哈尔滨市平房区新伟街道办事处",
    slug: "xinwei",
    level: "STREET_OFFICE",
    parent: "pingfang",
  },
  {
    key: "fgj",
    name: "平房区发展和改革局",
    fullName: "哈尔滨市平房区发展和改革局",
    slug: "pingfang-fgj",
    level: "DISTRICT_DEPARTMENT",
    parent: "pingfang",
  },
  // The units whose published reports are the samples (no demo accounts: their past reports are history).
  {
    key: "hulan",
    name: "哈尔滨市呼兰区人民政府",
    fullName: "哈尔滨市呼兰区",
    slug: "hulan",
    level: "DISTRICT_GOVERNMENT",
  },
  {
    key: "xingan",
    name: "鹤岗市兴安区人民政府",
    fullName: "鹤岗市兴安区",
    slug: "xingan",
    level: "DISTRICT_GOVERNMENT",
  },
  {
    key: "beiguan",
    name: "安阳市北关区人民政府",
    fullName: "安阳市北关区人民政府",
    slug: "beiguan",
    level: "DISTRICT_GOVERNMENT",
  },
  {
    key: "dengtalu",
    name: "灯塔路街道办事处",
    fullName: "安阳市北关区灯塔路街道办事处",
    slug: "dengtalu",
    level: "STREET_OFFICE",
    parent: "beiguan",
  },
];

/** The five published samples, imported as they are (defects included) as their units' past reports. */
export const PAST_REPORTS: { org: string; file: string }[] = [
  { org: "youxie", file: "2022-youxie-street-office.txt" },
  { org: "xinwei", file: "2020-xinwei-street-office.txt" },
  { org: "hulan", file: "2021-hulan-district.txt" },
  { org: "dengtalu", file: "2022-dengtalu-street-office.txt" },
  { org: "xingan", file: "2022-xingan-district.txt" },
];

export const DEMO_USERS: { account: string; displayName: string; org: string; role: Role }[] = [
  { account: "pingfang-admin", displayName: "平房区管理员", org: "pingfang", role: "ADMIN" },
  { account: "pingfang-reviewer", displayName: "平房区审核员", org: "pingfang", role: "REVIEWER" },
  { account: "youxie-editor", displayName: "友协街道填报员", org: "youxie", role: "EDITOR" },
  // A colleague in the same unit: two people on one report (presence, merged saves) need two accounts.
  { account: "youxie-editor2", displayName: "友协街道第二填报员", org: "youxie", role: "EDITOR" },
  { account: "xinwei-editor", displayName: "新伟街道填报员", org: "xinwei", role: "EDITOR" },
  { account: "fgj-editor", displayName: "发改局填报员", org: "fgj", role: "EDITOR" },
];

export async function seed(prisma: PrismaClient): Promise<void> {
  const ids = new Map<string, string>();
  for (const org of DEMO_ORGS) {
    const parentId = org.parent ? ids.get(org.parent)! : null;
    const row = await prisma.organization.upsert({
      where: { name: org.name },
      update: {},
      create: {
        name: org.name,
        fullName: org.fullName,
        slug: org.slug,
        level: org.level,
        parentId,
      },
    });
    ids.set(org.key, row.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const user = await prisma.user.upsert({
      where: { account: u.account },
      update: {},
      create: { account: u.account, displayName: u.displayName, passwordHash },
    });
    const organizationId = ids.get(u.org)!;
    await prisma.membership.upsert({
      where: { userId_organizationId_role: { userId: user.id, organizationId, role: u.role } },
      update: {},
      create: { userId: user.id, organizationId, role: u.role },
    });
  }
  for (const past of PAST_REPORTS) {
    const organizationId = ids.get(past.org)!;
    const imported = importText(readFileSync(path.join(SAMPLES_DIR, past.file), "utf8"), {
      fileName: past.file,
    });
    const year = imported.year!;
    const exists = await prisma.report.findUnique({
      where: { organizationId_year: { organizationId, year } },
    });
    if (exists) continue;
    await prisma.report.create({
      data: {
        organizationId,
        year,
        formatVersion: imported.format,
        status: "PUBLISHED",
        content: imported.content as unknown as Prisma.InputJsonValue,
      },
    });
  }
  for (const org of DEMO_ORGS.filter((o) => o.parent === "pingfang" || o.key === "pingfang")) {
    const organizationId = ids.get(org.key)!;
    const exists = await prisma.report.findUnique({
      where: { organizationId_year: { organizationId, year: DEMO_DRAFT_YEAR } },
    });
    if (exists) continue;
    await prisma.report.create({
      data: {
        organizationId,
        year: DEMO_DRAFT_YEAR,
        formatVersion: "2021",
        content: newReportContent(org, DEMO_DRAFT_YEAR) as unknown as Prisma.InputJsonValue,
      },
    });
  }
}

export async function seedDatabase(databaseUrl: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await seed(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

// `tsx prisma/seed.ts` seeds DATABASE_URL.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("请设置 DATABASE_URL。");
    process.exit(2);
  }
  await seedDatabase(url);
  console.log("演示数据已就绪。");
}
