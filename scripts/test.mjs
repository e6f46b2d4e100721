// npm test: lint, formatting, typecheck, unit tests, integration tests on a real PostgreSQL, and end-to-end tests in a
// real Chromium against the production build — ending in one line `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./db/embedded.mjs";
import { ROOT } from "./db/settings.mjs";

const RESULTS = path.join(ROOT, ".data/test-results");
const bin = (name) => path.join(ROOT, "node_modules/.bin", name);
const say = (line) => console.log(`\n[npm test] ${line}`);

const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function run(label, command, args, env = {}) {
  say(`${label}…`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  return { ok: result.status === 0, seconds };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitestStage(label, project, env) {
  const output = path.join(RESULTS, `${project}.json`);
  const { ok, seconds } = run(
    label,
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
  record(label, passed, failed, skipped, seconds);
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
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });

  const lint = run("代码检查 lint", bin("eslint"), [".", "--max-warnings=0"]);
  record("lint", lint.ok ? 1 : 0, lint.ok ? 0 : 1, 0, lint.seconds);

  const format = run("格式检查 prettier", bin("prettier"), ["--check", ".", "--log-level=warn"]);
  record("format", format.ok ? 1 : 0, format.ok ? 0 : 1, 0, format.seconds);

  const typecheck = run("类型检查 typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
  record("typecheck", typecheck.ok ? 1 : 0, typecheck.ok ? 0 : 1, 0, typecheck.seconds);

  vitestStage("单元测试 unit", "unit", {});

  say("启动测试用 PostgreSQL…");
  const db = await databases();
  try {
    vitestStage("集成测试 integration", "integration", { TEST_DATABASE_URL: db.integration });

    const e2eJson = path.join(RESULTS, "e2e.json");
    const e2e = run("端到端测试 e2e (Chromium)", bin("playwright"), ["test"], {
      E2E_DATABASE_URL: db.e2e,
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
    });
    const stats = readJson(e2eJson)?.stats;
    const e2ePassed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
    const e2eFailed = (stats?.unexpected ?? 0) + (!e2e.ok && !(stats?.unexpected > 0) ? 1 : 0);
    record("e2e", e2ePassed, e2eFailed, stats?.skipped ?? 0, e2e.seconds);
  } finally {
    await db.stop();
  }

  console.log(`\n${stages.join("\n")}`);
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
