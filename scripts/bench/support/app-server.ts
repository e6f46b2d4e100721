// The app as users run it — the production build through scripts/start.mjs — on a fresh embedded
// PostgreSQL of its own, for the benchmarks that need a server. The benchmarks work on the demo
// district, which start.mjs seeds on a DATABASE_URL only when asked (NIANBAO_DEMO=1).
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
// @ts-expect-error — plain ESM script without types
import { startEmbeddedPostgres } from "../../db/embedded.mjs";

const ROOT = path.resolve(import.meta.dirname, "../../..");
export const BENCH_SECRET = "nianbao-bench-session-secret";

export interface BenchApp {
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startBenchApp(
  port = Number(process.env.BENCH_PORT ?? 3200),
): Promise<BenchApp> {
  const dataDir = path.join(ROOT, ".data/bench-postgres");
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.BENCH_PG_PORT ?? 54334),
    database: "nianbao_bench",
  });
  let server: ChildProcess | null = spawn(
    process.execPath,
    [path.join(ROOT, "scripts/start.mjs")],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        NIANBAO_QUIET: "1",
        NIANBAO_DIST_DIR: ".next-bench",
        SESSION_SECRET: BENCH_SECRET,
        NIANBAO_DB_POOL: "20",
        NIANBAO_DEMO: "1",
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error("基准测试用的应用启动失败");
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("基准测试用的应用 5 分钟内未就绪");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    databaseUrl: db.url,
    async stop() {
      if (server && server.exitCode === null) {
        const exited = new Promise((r) => server!.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
      server = null;
      await db.stop();
    },
  };
}
