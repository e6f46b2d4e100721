/**
 * One patch save on the server, profiled in-process: the calls the autosave route makes once it has
 * read the body (the session found from its cookie token, the caller's access, then savePatch), against
 * a fresh embedded PostgreSQL with a full report. Counts the SQL statements of a save, the time
 * each spends in the database (Prisma's query events) and the CPU the process spends per save, so that
 * `docs/benchmarks.md` shows where the milliseconds of a save go. Sequential saves of one cell each,
 * as one editor's autosave sends them; bounded in count.
 */
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { loadAccess } from "@/lib/auth/access";
import { hashSessionToken, newSessionToken, SESSION_ABSOLUTE_MS } from "@/lib/auth/session-token";
import { findSession } from "@/lib/auth/sessions";
import { PrismaClient, type Prisma } from "@/lib/db/generated/client";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { savePatch } from "@/lib/reports/save-patch";
import { seed } from "@/prisma/seed";
// @ts-expect-error — plain ESM script without types
import { startEmbeddedPostgres } from "../db/embedded.mjs";
import { applyMigrations } from "../db/schema-engine.mjs";
import { summarise, type Figure } from "./support/stats";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WARMUP = 30;
const SAVES = 300;
const TARGET = "20.5.licensing.decisions";

interface Statement {
  sql: string;
  ms: number;
}

/** The statements of the profiled saves, for the section below the figures. */
let profile: { statements: { sql: string; median_ms: number }[]; load: string } | null = null;

const median = (values: number[]) => summarise(values).median_ms;
/** A statement as a reader recognises it: its first words, whitespace folded. */
const shortSql = (sql: string) => {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
};

export function docSection(): string | null {
  if (!profile) return null;
  return [
    "## 一次补丁保存的剖析（save_patch_*）",
    "",
    `进程内调用自动保存路由读完请求体之后的同一组函数（按会话令牌找会话、读权限、\`savePatch\`），一份完整报告（约 6 KB 的 JSON；长文字的真实报告可达约 30 KB），每次改一格，依次保存 ${SAVES} 次（先预热 ${WARMUP} 次）。下表是一次保存依次执行的 SQL 及其在数据库中的用时（Prisma 查询事件，中位数）；其余时间是本进程的 JavaScript（Prisma 运行时、JSON、合计）。测量时负载 ${profile.load}。`,
    "",
    "| # | SQL | 中位数 ms |",
    "|---|---|---|",
    ...profile.statements.map(
      (s, i) => `| ${i + 1} | \`${s.sql.replace(/\|/g, "\\|")}\` | ${s.median_ms} |`,
    ),
    "",
  ].join("\n");
}

export async function run(): Promise<Record<string, Figure>> {
  const dataDir = path.join(ROOT, ".data/bench-save-postgres");
  rmSync(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.BENCH_SAVE_PG_PORT ?? 54337),
    database: "nianbao_save",
  });
  try {
    await applyMigrations(pg.url);
    process.env.DATABASE_URL = pg.url;
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: pg.url }),
      log: [{ level: "query", emit: "event" }],
    });
    let statements: Statement[] = [];
    prisma.$on("query", (e) => statements.push({ sql: e.query, ms: e.duration }));
    // lib/db hands out this client: the same one the use cases under test call.
    (globalThis as unknown as { nianbaoPrisma?: PrismaClient }).nianbaoPrisma = prisma;
    await seed(prisma);

    const youxie = await prisma.organization.findUniqueOrThrow({ where: { slug: "youxie" } });
    const editor = await prisma.user.findUniqueOrThrow({ where: { account: "youxie-editor" } });
    await prisma.report.deleteMany({ where: { organizationId: youxie.id, year: 2026 } });
    const report = await prisma.report.create({
      data: {
        organizationId: youxie.id,
        year: 2026,
        formatVersion: "2021",
        content: fullReport("2021", 2026) as unknown as Prisma.InputJsonValue,
      },
    });
    const token = newSessionToken();
    await prisma.session.create({
      data: {
        tokenHash: hashSessionToken(token),
        userId: editor.id,
        expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
      },
    });

    let version = report.version;
    const wall: number[] = [];
    const cpu: number[] = [];
    const cpuOfAuth: number[] = [];
    const database: number[] = [];
    const counts: number[] = [];
    const sequences: Statement[][] = [];
    for (let i = 0; i < WARMUP + SAVES; i++) {
      statements = [];
      const cpuBefore = process.cpuUsage();
      const start = process.hrtime.bigint();
      const user = await findSession(token);
      if (!user) throw new Error("基准测试的会话无效");
      const ctx = { user, access: await loadAccess(user.userId) };
      const cpuAuthorised = process.cpuUsage(cpuBefore);
      const saved = await savePatch(ctx, report.id, {
        baseVersion: version,
        changes: [{ target: TARGET, value: 1000 + i }],
      });
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      const used = process.cpuUsage(cpuBefore);
      if (saved.applied.length !== 1) throw new Error("基准测试的保存没有写入");
      version = saved.version;
      if (i < WARMUP) continue;
      wall.push(elapsed);
      cpu.push((used.user + used.system) / 1000);
      cpuOfAuth.push((cpuAuthorised.user + cpuAuthorised.system) / 1000);
      database.push(statements.reduce((sum, s) => sum + s.ms, 0));
      counts.push(statements.length);
      sequences.push(statements);
    }
    // The statements of the most common sequence (an occasional save also folds old history).
    const usual = median(counts);
    const alike = sequences.filter((s) => s.length === usual);
    profile = {
      statements: alike[0].map((s, k) => ({
        sql: shortSql(s.sql),
        median_ms: median(alike.map((seq) => seq[k].ms)),
      })),
      load: os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" / "),
    };
    const wallMedian = median(wall);
    return {
      save_patch_server: {
        ...summarise(wall),
        per_s: Math.round(1000 / wallMedian),
        note: `进程内一次补丁保存（会话、权限、savePatch），依次 ${SAVES} 次：每次 ${usual} 条 SQL，数据库中位数 ${median(database)} ms；负载 ${profile.load}`,
      },
      save_patch_cpu: {
        ...summarise(cpu),
        note: `同上，每次保存本进程的 CPU 时间（用户态 + 内核态），其中会话与权限中位数 ${median(cpuOfAuth)} ms`,
      },
    };
  } finally {
    await pg.stop();
  }
}
