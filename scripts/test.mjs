// npm test: lint, formatting, typecheck, unit tests, integration tests on a real PostgreSQL, and end-to-end tests in a
// real Chromium against the production build — ending in one line `N passed, N failed`.
//
// The stages overlap, since most of them keep one core busy and CI has two: ESLint, Prettier and tsc run
// side by side; then the unit and the integration tests run one after the other beside the production
// build and the end-to-end tests that need it. Each stage writes its own output, every line tagged.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./db/embedded.mjs";
import { ROOT } from "./db/settings.mjs";

const RESULTS = path.join(ROOT, ".data/test-results");
// The folder playwright.config.ts gives its web server (scripts/start.mjs), which reuses a current build.
const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? ".next-e2e";
const bin = (name) => path.join(ROOT, "node_modules/.bin", name);
const say = (line) => console.log(`\n[npm test] ${line}`);

const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

/** Writes a child's output line by line, each line tagged with its stage, so overlapping stages stay readable. */
function tagged(stream, tag, out) {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop();
    for (const line of lines) out.write(`[${tag}] ${line}\n`);
  });
  stream.on("end", () => rest && out.write(`[${tag}] ${rest}\n`));
}

function run(label, tag, command, args, env = {}) {
  say(`${label}…`);
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  tagged(child.stdout, tag, process.stdout);
  tagged(child.stderr, tag, process.stderr);
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`[${tag}] ${error.message}`);
      resolve({ ok: false, seconds: Math.round((Date.now() - started) / 1000) });
    });
    child.on("close", (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      say(`${label}：${code === 0 ? "完成" : "失败"}（${seconds}s）`);
      resolve({ ok: code === 0, seconds });
    });
  });
}

async function check(label, tag, command, args) {
  const { ok, seconds } = await run(label, tag, command, args);
  record(tag, ok ? 1 : 0, ok ? 0 : 1, 0, seconds);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function vitestStage(label, project, env) {
  const output = path.join(RESULTS, `${project}.json`);
  const { ok, seconds } = await run(
    label,
    project,
    bin("vitest"),
    [
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${output}`,
    ],
    env,
  );
  const report = readJson(output);
  const passed = report?.numPassedTests ?? 0;
  // A crash before any test ran still counts as a failure.
  const failed = (report?.numFailedTests ?? 0) + (!ok && !(report?.numFailedTests > 0) ? 1 : 0);
  const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
  record(label.split(" ").at(-1), passed, failed, skipped, seconds);
}

/** The production build the end-to-end tests run against, then the tests. */
async function e2eStage(db, typecheckDone) {
  // next build writes next-env.d.ts, which the type check reads: the build waits for tsc to finish.
  await typecheckDone;
  // The environment the web server would build with, so the build is the one it would have made.
  const build = await run(
    "生产构建 next build (e2e)",
    "build",
    process.execPath,
    [path.join(ROOT, "scripts/build-app.mjs")],
    {
      NIANBAO_DIST_DIR: E2E_DIST_DIR,
      NIANBAO_DEMO: "1",
      DATABASE_URL: db.e2e,
      // No Turbopack cache written beside the build: a fresh clone (CI) has no later build to use it.
      NIANBAO_BUILD_CACHE: process.env.NIANBAO_BUILD_CACHE ?? "0",
    },
  );
  stages.push(`build: ${build.ok ? "done" : "failed"} (${build.seconds}s)`);
  if (!build.ok) {
    record("e2e", 0, 1, 0, 0);
    return;
  }
  const e2eJson = path.join(RESULTS, "e2e.json");
  const e2e = await run("端到端测试 e2e (Chromium)", "e2e", bin("playwright"), ["test"], {
    E2E_DATABASE_URL: db.e2e,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  });
  const stats = readJson(e2eJson)?.stats;
  const e2ePassed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  const e2eFailed = (stats?.unexpected ?? 0) + (!e2e.ok && !(stats?.unexpected > 0) ? 1 : 0);
  record("e2e", e2ePassed, e2eFailed, stats?.skipped ?? 0, e2e.seconds);
}

function record(label, passed, failed, skipped, seconds) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  stages.push(
    `${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""} (${seconds}s)`,
  );
}

async function databases() {
  if (process.env.TEST_DATABASE_URL) {
    const base = new URL(process.env.TEST_DATABASE_URL);
    const e2e = new URL(base);
    e2e.pathname = `${base.pathname}_e2e`;
    await recreateDatabase(base, e2e.pathname.slice(1));
    return { integration: base.toString(), e2e: e2e.toString(), stop: async () => {} };
  }
  const dataDir = path.join(ROOT, ".data/test-postgres");
  rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.NIANBAO_TEST_PG_PORT ?? 54335),
    database: "nianbao_integration",
  });
  const e2e = new URL(server.url);
  e2e.pathname = "/nianbao_e2e";
  await recreateDatabase(new URL(server.url), "nianbao_e2e");
  return { integration: server.url, e2e: e2e.toString(), stop: server.stop };
}

async function recreateDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function main() {
  const started = Date.now();
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });

  // First, so the production build can be given the database URL its web server will run with.
  say("启动测试用 PostgreSQL…");
  const db = await databases();
  try {
    const typecheck = check("类型检查 typecheck", "typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
    const staticChecks = Promise.all([
      check("代码检查 lint", "lint", bin("eslint"), [".", "--max-warnings=0"]),
      check("格式检查 prettier", "format", bin("prettier"), ["--check", ".", "--log-level=warn"]),
      typecheck,
    ]);
    const e2e = e2eStage(db, typecheck);
    await staticChecks;
    await vitestStage("单元测试 unit", "unit", {});
    await vitestStage("集成测试 integration", "integration", { TEST_DATABASE_URL: db.integration });
    await e2e;
  } finally {
    await db.stop();
  }

  console.log(`\n${stages.join("\n")}`);
  console.log(`total: ${Math.round((Date.now() - started) / 1000)}s`);
  console.log(
    `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
  );
  process.exit(totals.failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
